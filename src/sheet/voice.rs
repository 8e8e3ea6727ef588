//! Voice balance: who gets to speak in an article, measured in quoted words.
//!
//! Every speech quote (direct or partial; quoted terms are not speech) counts
//! for one *voice*: the party its speaker speaks for, the parties of a joint
//! statement together ("France, the United Kingdom and Germany": one voice,
//! never split between them), "No party" when the speaker is known but
//! speaks for no party the article names, or "Unattributed" when nobody
//! could be found. A quote counts for a party exactly when the party filter
//! ([`quote_is_by`](super::filter::quote_is_by)) shows it as spoken by that
//! party, so clicking a voice and filtering agree.
//!
//! Shares are whole percentages of the quoted words, by the largest
//! remainder method ([`whole_percentages`]): each voice gets the whole part
//! of its exact share, and the points still missing to reach 100 go to the
//! voices with the largest fractions. The shares of a balance therefore
//! always add up to exactly 100, no share is off by a point or more from
//! the exact one, and a voice with words whose share rounds to 0 reads
//! "<1 %" ([`share_label`]), never "0 %".
//!
//! A word is a run of characters between spaces holding a letter or a digit
//! ([`word_count`]): `Israeli-American` is one word, a lone dash none.
//!
//! The balance is computed from the breakdown the sheet shows, so anything
//! applied to it before the sheet derives from it (a reader's correction of
//! a speaker or party) is counted too.

use std::fmt::Write as _;

use serde::Serialize;

use super::export::md_inline;
use super::format::{count_label, join_names, thousands};
use super::quotes::{display_role, group_by_speaker};
use super::search::fold;
use crate::parser::{Breakdown, Quote, QuoteKind};

/// What a row of the balance stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum VoiceKind {
    /// One party (a party of the breakdown, or a party named only on the quote).
    Party,
    /// Several parties speaking together: a joint statement.
    Joint,
    /// Speakers the article names but ties to no party.
    NoParty,
    /// Quotes nobody could be found for.
    Unattributed,
    /// One speaker (rows of the library's per-speaker view).
    Speaker,
}

/// One voice of an article: a party, a joint speaker, no party or unattributed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PartyVoice {
    pub kind: VoiceKind,
    /// Canonical party name, the joint speakers as the article names them,
    /// "No party" or "Unattributed".
    pub name: String,
    /// Indices into `Breakdown::parties`: one for a party, several for a
    /// joint statement, none otherwise.
    pub parties: Vec<usize>,
    /// Quoted words.
    pub words: usize,
    /// Whole percent of the article's quoted words (see the module docs).
    pub share: u32,
    /// Speech quotes (each quoted piece, as the Quotes section lists them).
    pub quotes: usize,
    /// Different speakers (0 for unattributed quotes).
    pub speakers: usize,
}

/// One speaker of an article (or the unattributed quotes).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SpeakerVoice {
    /// Fullest name the article uses; `None` for the unattributed quotes.
    pub name: Option<String>,
    /// Index into `Breakdown::people` when the speaker is a person.
    pub person: Option<usize>,
    pub role: Option<String>,
    /// The voice the speaker's quotes count for (a party, or joint
    /// speakers); `None` for no party or unattributed.
    pub party: Option<String>,
    /// Indices into `Breakdown::parties` of that voice.
    pub parties: Vec<usize>,
    pub words: usize,
    pub share: u32,
    pub quotes: usize,
}

/// Who speaks in an article, by party and by speaker.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct VoiceBalance {
    /// Speech quotes counted (direct and partial).
    pub quotes: usize,
    /// Their words.
    pub words: usize,
    /// Most words first; "No party" and "Unattributed" last.
    pub parties: Vec<PartyVoice>,
    /// Most words first; the unattributed quotes last.
    pub speakers: Vec<SpeakerVoice>,
}

/// The number of words in `text`: runs between whitespace that hold a letter
/// or a digit.
pub fn word_count(text: &str) -> usize {
    text.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count()
}

/// Whole percentages of `parts` (largest remainder method): they add up to
/// exactly 100 unless every part is 0 (then all are 0), and each is less
/// than a point from the exact share. Ties in the fraction go to the larger
/// part, then to the earlier one; a part short of the whole never reads 100.
pub fn whole_percentages(parts: &[usize]) -> Vec<u32> {
    let total: usize = parts.iter().sum();
    if total == 0 {
        return vec![0; parts.len()];
    }
    let (total, hundredths) = (total as u64, |p: usize| p as u64 * 100);
    let mut shares: Vec<u32> = parts.iter().map(|&p| (hundredths(p) / total) as u32).collect();
    let mut missing = 100 - shares.iter().sum::<u32>();
    let fractions: Vec<(u8, usize, usize)> = parts.iter().map(|&p| (0, (hundredths(p) % total) as usize, p)).collect();
    for i in rank_order(&fractions) {
        if missing == 0 {
            break;
        }
        // "100 %" only for a voice that has all the words.
        if shares[i] == 99 && parts[i] as u64 != total {
            continue;
        }
        shares[i] += 1;
        missing -= 1;
    }
    shares
}

/// A share for people: `"32 %"`, `"<1 %"` for a share that rounds to 0 but
/// has words, `"0 %"` for none.
pub fn share_label(share: u32, words: usize) -> String {
    if share == 0 && words > 0 {
        "<1 %".to_string()
    } else {
        format!("{share} %")
    }
}

/// Indices of `keys` ordered by class (ascending, 0 to 3), then the first
/// number and the second (both descending, counted up to 2^31); stable.
/// Through the view model's one sort ([`sort_keys`](super::sort_keys)).
pub(crate) fn rank_order(keys: &[(u8, usize, usize)]) -> Vec<usize> {
    const MAX: u64 = (1 << 31) - 1;
    let down = |n: usize| MAX - (n as u64).min(MAX);
    let mut pairs: Vec<(u64, u64)> = keys
        .iter()
        .enumerate()
        .map(|(i, &(class, a, b))| ((u64::from(class.min(3)) << 62) | (down(a) << 31) | down(b), i as u64))
        .collect();
    super::sort_keys(&mut pairs);
    pairs.into_iter().map(|(_, i)| i as usize).collect()
}

/// The voice one quote counts for.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Voice {
    /// Indices into `Breakdown::parties`, sorted (one, or several for a joint statement).
    Parties(Vec<usize>),
    /// A party named on the quote that the breakdown does not list.
    Label(String),
    NoParty,
    Unattributed,
}

fn voice_of(b: &Breakdown, q: &Quote) -> Voice {
    if q.speaker.is_none() && q.person.is_none() {
        return Voice::Unattributed;
    }
    // Sorted, without repeats: the same parties in any order are one voice.
    let mut parties: Vec<usize> = q.parties.iter().copied().filter(|&p| p < b.parties.len()).collect();
    if parties.is_empty() {
        parties.extend(q.person.and_then(|p| b.people.get(p)).and_then(|p| p.party).filter(|&p| p < b.parties.len()));
    }
    let mut sorted: Vec<usize> = Vec::with_capacity(parties.len());
    for p in parties {
        if let Err(at) = sorted.binary_search(&p) {
            sorted.insert(at, p);
        }
    }
    let parties = sorted;
    match (parties.is_empty(), q.party.as_deref().map(str::trim)) {
        (false, _) => Voice::Parties(parties),
        (true, Some(label)) if !label.is_empty() => Voice::Label(label.to_string()),
        (true, _) => Voice::NoParty,
    }
}

/// The row of `voice`, named as the article names it.
fn voice_row(b: &Breakdown, q: &Quote, voice: &Voice) -> PartyVoice {
    let (kind, name, parties) = match voice {
        Voice::Parties(list) if list.len() == 1 => (VoiceKind::Party, b.parties[list[0]].name.clone(), list.clone()),
        Voice::Parties(list) => {
            let names: Vec<&str> = list.iter().map(|&p| b.parties[p].name.as_str()).collect();
            let name = q.party.clone().filter(|label| !label.trim().is_empty()).unwrap_or_else(|| join_names(&names));
            (VoiceKind::Joint, name, list.clone())
        }
        Voice::Label(label) => (VoiceKind::Party, label.clone(), Vec::new()),
        Voice::NoParty => (VoiceKind::NoParty, "No party".to_string(), Vec::new()),
        Voice::Unattributed => (VoiceKind::Unattributed, "Unattributed".to_string(), Vec::new()),
    };
    PartyVoice { kind, name, parties, words: 0, share: 0, quotes: 0, speakers: 0 }
}

/// Where a kind of voice goes in the list: parties first, then no party, then unattributed.
fn class_of(kind: VoiceKind) -> u8 {
    match kind {
        VoiceKind::NoParty => 1,
        VoiceKind::Unattributed => 2,
        _ => 0,
    }
}

/// The voice balance of an article.
pub fn voice_balance(b: &Breakdown) -> VoiceBalance {
    let speech: Vec<usize> = (0..b.quotes.len()).filter(|&i| b.quotes[i].kind != QuoteKind::Term).collect();
    let groups = group_by_speaker(b, &speech);
    let mut speaker_of = vec![None; b.quotes.len()];
    for (g, group) in groups.iter().enumerate() {
        for &q in &group.quotes {
            speaker_of[q] = group.speaker.as_ref().map(|_| g);
        }
    }

    // Parties: one row per voice, in order of first quote.
    let mut voices: Vec<Voice> = Vec::new();
    let mut rows: Vec<PartyVoice> = Vec::new();
    let mut speakers: Vec<Vec<usize>> = Vec::new();
    let mut words_of = vec![0; b.quotes.len()];
    for &i in &speech {
        let q = &b.quotes[i];
        let voice = voice_of(b, q);
        let r = match voices.iter().position(|v| *v == voice) {
            Some(r) => r,
            None => {
                rows.push(voice_row(b, q, &voice));
                voices.push(voice);
                speakers.push(Vec::new());
                rows.len() - 1
            }
        };
        words_of[i] = word_count(&q.text);
        rows[r].words += words_of[i];
        rows[r].quotes += 1;
        if let Some(g) = speaker_of[i] {
            if !speakers[r].contains(&g) {
                speakers[r].push(g);
            }
        }
    }
    for (row, who) in rows.iter_mut().zip(&speakers) {
        row.speakers = who.len();
    }
    let keys: Vec<(u8, usize, usize)> = rows.iter().map(|r| (class_of(r.kind), r.words, r.quotes)).collect();
    let mut parties: Vec<PartyVoice> = rank_order(&keys).into_iter().map(|r| rows[r].clone()).collect();
    let shares = whole_percentages(&parties.iter().map(|r| r.words).collect::<Vec<_>>());
    for (row, share) in parties.iter_mut().zip(shares) {
        row.share = share;
    }

    // Speakers.
    let mut people: Vec<SpeakerVoice> = groups
        .iter()
        .map(|g| {
            let first = &b.quotes[g.quotes[0]];
            let (party, parties) = match g.speaker.as_ref().map(|_| voice_of(b, first)) {
                Some(voice @ (Voice::Parties(_) | Voice::Label(_))) => {
                    let row = voice_row(b, first, &voice);
                    (Some(row.name), row.parties)
                }
                _ => (None, Vec::new()),
            };
            SpeakerVoice {
                name: g.speaker.clone(),
                person: first.person,
                role: g.quotes.iter().find_map(|&q| display_role(&b.quotes[q])).map(str::to_owned),
                party,
                parties,
                words: g.quotes.iter().map(|&q| words_of[q]).sum(),
                share: 0,
                quotes: g.quotes.len(),
            }
        })
        .collect();
    let keys: Vec<(u8, usize, usize)> =
        people.iter().map(|s| (u8::from(s.name.is_none()), s.words, s.quotes)).collect();
    people = rank_order(&keys).into_iter().map(|s| people[s].clone()).collect();
    let shares = whole_percentages(&people.iter().map(|s| s.words).collect::<Vec<_>>());
    for (row, share) in people.iter_mut().zip(shares) {
        row.share = share;
    }

    VoiceBalance { quotes: speech.len(), words: parties.iter().map(|r| r.words).sum(), parties, speakers: people }
}

/// The party filter after pressing a voice: a voice whose parties are all
/// selected is taken out of `selected`, else its missing parties are added
/// (a joint voice selects all its parties).
pub fn toggle_voice(selected: &mut Vec<String>, names: &[String]) {
    if names.iter().all(|n| selected.contains(n)) {
        selected.retain(|n| !names.contains(n));
    } else {
        for name in names {
            if !selected.contains(name) {
                selected.push(name.clone());
            }
        }
    }
}

/// Whether a speaker's name is nothing but the voice they speak for
/// ("France, the United Kingdom, and Germany" for "France, the United
/// Kingdom and Germany"), which need not be said twice.
pub fn speaker_is_party(s: &SpeakerVoice) -> bool {
    let letters = |t: &str| fold(t).chars().filter(|c| c.is_alphanumeric()).collect::<String>();
    match (&s.name, &s.party) {
        (Some(name), Some(party)) => letters(name) == letters(party),
        _ => false,
    }
}

/// The canonical names of a voice's parties.
pub fn party_names(b: &Breakdown, parties: &[usize]) -> Vec<String> {
    parties.iter().filter_map(|&p| b.parties.get(p)).map(|p| p.name.clone()).collect()
}

/// "United States 32 %, Al Jazeera 30 %, …": a balance in one line.
pub fn summary_line(balance: &VoiceBalance) -> String {
    let parts: Vec<String> =
        balance.parties.iter().map(|r| format!("{} {}", r.name, share_label(r.share, r.words))).collect();
    parts.join(", ")
}

/// What the balance is a share of: "160 quoted words in 9 quotes".
pub fn basis_label(balance: &VoiceBalance) -> String {
    format!(
        "{} in {}",
        count_label(balance.words, "quoted word", "quoted words"),
        count_label(balance.quotes, "quote", "quotes")
    )
}

/// The "Voice balance" section of the Markdown export: a table by party
/// and one by speaker. `filtered`: the sheet is filtered (the balance is
/// always the whole article's, and says so).
pub fn markdown(balance: &VoiceBalance, filtered: bool) -> String {
    let mut md = String::from("## Voice balance\n\n");
    if balance.quotes == 0 {
        md.push_str("No quoted speech.\n\n");
        return md;
    }
    let whole = if filtered { ", whole article" } else { "" };
    let _ = writeln!(md, "*Share of the {}{whole}.*\n", basis_label(balance));
    md.push_str("| Party | Share | Words | Quotes | Speakers |\n|---|---:|---:|---:|---:|\n");
    for r in &balance.parties {
        let name = match r.kind {
            VoiceKind::Joint => format!("{} (joint)", md_inline(&r.name)),
            VoiceKind::NoParty | VoiceKind::Unattributed => format!("*{}*", md_inline(&r.name)),
            _ => md_inline(&r.name),
        };
        let speakers = if r.kind == VoiceKind::Unattributed { "–".to_string() } else { thousands(r.speakers) };
        let _ = writeln!(
            md,
            "| {name} | {} | {} | {} | {speakers} |",
            share_label(r.share, r.words),
            thousands(r.words),
            thousands(r.quotes)
        );
    }
    md.push_str("\n| Speaker | Party | Share | Words | Quotes |\n|---|---|---:|---:|---:|\n");
    for s in &balance.speakers {
        let name = s.name.as_deref().map_or_else(|| "*Unattributed*".to_string(), md_inline);
        let party = s.party.as_deref().map_or_else(|| "–".to_string(), md_inline);
        let _ = writeln!(
            md,
            "| {name} | {party} | {} | {} | {} |",
            share_label(s.share, s.words),
            thousands(s.words),
            thousands(s.quotes)
        );
    }
    md.push('\n');
    md
}

/// The "VOICE" section of the CLI's readable output (empty without speech).
pub fn plain_text(balance: &VoiceBalance) -> String {
    if balance.quotes == 0 {
        return String::new();
    }
    let mut s = format!("VOICE (share of the {})\n", basis_label(balance));
    let width = balance.parties.iter().map(|r| r.name.chars().count() + 8).max().unwrap_or(0).min(48);
    for r in &balance.parties {
        let name = if r.kind == VoiceKind::Joint { format!("{} (joint)", r.name) } else { r.name.clone() };
        let mut line =
            format!("  {name:<width$} {:>5}  {}", share_label(r.share, r.words), count_label(r.words, "word", "words"));
        let _ = write!(line, ", {}", count_label(r.quotes, "quote", "quotes"));
        if r.kind != VoiceKind::Unattributed {
            let _ = write!(line, ", {}", count_label(r.speakers, "speaker", "speakers"));
        }
        let _ = writeln!(s, "{}", line.trim_end());
    }
    s.push_str("  by speaker:\n");
    for sp in &balance.speakers {
        let name = sp.name.as_deref().unwrap_or("Unattributed");
        let party = sp.party.as_deref().map(|p| format!(" [{p}]")).unwrap_or_default();
        let _ = writeln!(
            s,
            "    {name}{party}: {}, {}, {}",
            share_label(sp.share, sp.words),
            count_label(sp.words, "word", "words"),
            count_label(sp.quotes, "quote", "quotes")
        );
    }
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parser::{parse, Attribution, Party, PartyKind, Person, Span, SpeakerVia};
    use crate::sheet::filter::{quote_is_by, sheet_view, tests as fx, Filter};

    fn party(name: &str) -> Party {
        Party {
            name: name.into(),
            kind: PartyKind::Country,
            aliases: vec![],
            mentions: 1,
            people: vec![],
            spans: vec![],
        }
    }

    fn person(name: &str, party: Option<usize>) -> Person {
        Person { name: name.into(), aliases: vec![], role: None, party, mentions: 1, quotes: 1, spans: vec![] }
    }

    /// A quote of `text` by `speaker` (person index when given) for `parties`.
    fn quote(text: &str, kind: QuoteKind, speaker: Option<&str>, person: Option<usize>, parties: Vec<usize>) -> Quote {
        Quote {
            text: text.into(),
            span: Span::new(0, text.len()),
            marks: Span::new(0, text.len()),
            kind,
            speaker: speaker.map(Into::into),
            person,
            role: None,
            party: None,
            parties,
            verb: speaker.map(|_| "said".into()),
            cue: None,
            attribution: if speaker.is_some() { Attribution::Adjacent } else { Attribution::Unknown },
            speaker_via: speaker.map(|_| SpeakerVia::Name),
            party_via: None,
            sentence: 0,
            paragraph: 0,
            continues: false,
        }
    }

    /// The United States (two speakers), a joint statement of France,
    /// the United Kingdom and Germany, a speaker with no party, an
    /// unattributed quote and a quoted term.
    fn article() -> Breakdown {
        let mut joint = quote(
            "We call on the Israeli government to uphold its obligations.",
            QuoteKind::Direct,
            Some("France, the United Kingdom, and Germany"),
            None,
            vec![1, 2, 3],
        );
        joint.party = Some("France, the United Kingdom and Germany".into());
        let mut joint_partial = quote(
            "political tool,",
            QuoteKind::Partial,
            Some("France, the United Kingdom, and Germany"),
            None,
            vec![3, 2, 1],
        );
        joint_partial.party = joint.party.clone();
        Breakdown {
            parties: vec![party("United States"), party("France"), party("United Kingdom"), party("Germany")],
            people: vec![person("Karine Jean-Pierre", Some(0)), person("Ann Lee", None)],
            quotes: vec![
                quote(
                    "These are ongoing talks and discussions.",
                    QuoteKind::Direct,
                    Some("Karine Jean-Pierre"),
                    Some(0),
                    vec![0],
                ),
                joint,
                quote("terrorist organization", QuoteKind::Term, None, None, vec![]),
                // The person's party stands in when the quote names none.
                quote("We will see.", QuoteKind::Direct, Some("Jean-Pierre"), Some(0), vec![]),
                quote("It is a good day for all of us here", QuoteKind::Direct, Some("Ann Lee"), Some(1), vec![]),
                quote("Nobody knows who said this — really.", QuoteKind::Direct, None, None, vec![]),
                joint_partial,
                quote("America first", QuoteKind::Partial, Some("a U.S. official"), None, vec![0]),
            ],
            ..Breakdown::default()
        }
    }

    #[test]
    fn words_are_runs_with_a_letter_or_digit() {
        assert_eq!(word_count("These are ongoing talks."), 4);
        assert_eq!(word_count("  Israeli-American captives — 2,000 of them  "), 5);
        assert_eq!(word_count("— … \" '"), 0);
        assert_eq!(word_count(""), 0);
        assert_eq!(word_count("Ça va, l'ami?"), 3);
    }

    #[test]
    fn largest_remainder_shares_add_up_to_100() {
        // Thirds: 33.3 each; the first of the tied fractions gets the point.
        assert_eq!(whole_percentages(&[1, 1, 1]), [34, 33, 33]);
        // Plain rounding would give 33 + 33 + 33 = 99 here, or 101 for halves.
        assert_eq!(whole_percentages(&[1, 1]), [50, 50]);
        assert_eq!(whole_percentages(&[1, 1, 1, 1, 1, 1, 1]), [15, 15, 14, 14, 14, 14, 14]);
        // 66.7 / 16.7 / 16.6…: the largest fractions win.
        assert_eq!(whole_percentages(&[400, 100, 99]), [67, 17, 16]);
        // 99.5 would round to 100 while others spoke: the point goes to the
        // next largest fraction (0.4) instead. A tiny voice may get 0 (its
        // label then reads "<1 %").
        assert_eq!(whole_percentages(&[995, 4, 1]), [99, 1, 0]);
        assert_eq!(whole_percentages(&[999, 1]), [99, 1]);
        assert_eq!(whole_percentages(&[7, 0]), [100, 0]);
        assert_eq!(whole_percentages(&[0, 0]), [0, 0]);
        assert!(whole_percentages(&[]).is_empty());
        for parts in [&[3usize, 7, 11, 13][..], &[1, 2, 3, 4, 5, 6, 7, 8, 9], &[10_000, 1, 1, 1], &[5]] {
            let shares = whole_percentages(parts);
            assert_eq!(shares.iter().sum::<u32>(), 100, "{parts:?} -> {shares:?}");
            let total: usize = parts.iter().sum();
            for (&p, &s) in parts.iter().zip(&shares) {
                let exact = p as f64 * 100.0 / total as f64;
                assert!((s as f64 - exact).abs() < 1.0, "{p} of {total}: {s} vs {exact}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn shares_always_add_up_and_stay_within_a_point(parts in proptest::collection::vec(0usize..5_000, 1..12)) {
            let shares = whole_percentages(&parts);
            let total: usize = parts.iter().sum();
            proptest::prop_assert_eq!(shares.len(), parts.len());
            if total == 0 {
                proptest::prop_assert!(shares.iter().all(|&s| s == 0));
            } else {
                proptest::prop_assert_eq!(shares.iter().sum::<u32>(), 100);
                for (&p, &s) in parts.iter().zip(&shares) {
                    // |s - 100 p / total| < 1, in integers.
                    proptest::prop_assert!((s as usize * total).abs_diff(p * 100) < total, "{} of {}: {}", p, total, s);
                    proptest::prop_assert!(s < 100 || p == total);
                }
            }
        }
    }

    #[test]
    fn share_labels_never_say_zero_for_a_voice_with_words() {
        assert_eq!(share_label(32, 50), "32 %");
        assert_eq!(share_label(0, 3), "<1 %");
        assert_eq!(share_label(0, 0), "0 %");
    }

    #[test]
    fn balance_by_party_counts_words_quotes_and_speakers() {
        let v = voice_balance(&article());
        // Speech only: 7 quotes, the term is not counted.
        assert_eq!(v.quotes, 7);
        assert_eq!(v.words, 6 + 10 + 3 + 10 + 6 + 2 + 2);
        let rows: Vec<(VoiceKind, &str, usize, usize, usize)> =
            v.parties.iter().map(|r| (r.kind, r.name.as_str(), r.words, r.quotes, r.speakers)).collect();
        assert_eq!(
            rows,
            vec![
                // The joint statement: one voice, its own row, the article's wording.
                (VoiceKind::Joint, "France, the United Kingdom and Germany", 10 + 2, 2, 1),
                // Karine Jean-Pierre (twice, once only through her person) and a U.S. official.
                (VoiceKind::Party, "United States", 6 + 3 + 2, 3, 2),
                // Ann Lee has more words than the United States but no party: after the parties.
                (VoiceKind::NoParty, "No party", 10, 1, 1),
                (VoiceKind::Unattributed, "Unattributed", 6, 1, 0),
            ]
        );
        assert_eq!(v.parties[0].parties, [1, 2, 3], "the same parties in any order are one voice");
        assert_eq!(v.parties[1].parties, [0]);
        // 12, 11, 10 and 6 of 39 words: 30.8, 28.2, 25.6 and 15.4 %; the
        // two points the whole parts miss go to the largest fractions (.8, .6).
        assert_eq!(v.parties.iter().map(|r| r.share).collect::<Vec<_>>(), [31, 28, 26, 15]);
        assert_eq!(v.parties.iter().map(|r| r.share).sum::<u32>(), 100);
    }

    #[test]
    fn a_joint_statement_is_not_split_between_its_parties() {
        let v = voice_balance(&article());
        for name in ["France", "United Kingdom", "Germany"] {
            assert!(v.parties.iter().all(|r| r.name != name), "{name} has no row of its own");
        }
        assert_eq!(
            summary_line(&v),
            "France, the United Kingdom and Germany 31 %, United States 28 %, No party 26 %, Unattributed 15 %"
        );
    }

    #[test]
    fn balance_by_speaker() {
        let v = voice_balance(&article());
        type Row<'a> = (Option<&'a str>, Option<&'a str>, usize, usize, u32);
        let rows: Vec<Row> =
            v.speakers.iter().map(|s| (s.name.as_deref(), s.party.as_deref(), s.words, s.quotes, s.share)).collect();
        assert_eq!(
            rows,
            vec![
                // 12, 10, 9, 2 and 6 of 39 words: 30.8, 25.6, 23.1, 5.1 and 15.4 %.
                (
                    Some("France, the United Kingdom, and Germany"),
                    Some("France, the United Kingdom and Germany"),
                    12,
                    2,
                    31
                ),
                (Some("Ann Lee"), None, 10, 1, 26),
                (Some("Karine Jean-Pierre"), Some("United States"), 9, 2, 23),
                (Some("a U.S. official"), Some("United States"), 2, 1, 5),
                (None, None, 6, 1, 15),
            ]
        );
        assert_eq!(v.speakers[2].person, Some(0));
        assert_eq!(v.speakers[0].parties, [1, 2, 3]);
    }

    #[test]
    fn a_speaker_named_as_their_party_is_said_once() {
        let v = voice_balance(&article());
        assert!(speaker_is_party(&v.speakers[0]), "{:?}", v.speakers[0]);
        assert!(!speaker_is_party(&v.speakers[2]), "Karine Jean-Pierre is not the United States");
        assert!(!speaker_is_party(&v.speakers[4]), "unattributed");
    }

    #[test]
    fn every_quote_counted_for_a_party_is_one_the_party_filter_shows() {
        let b = article();
        let v = voice_balance(&b);
        for row in v.parties.iter().filter(|r| !r.parties.is_empty()) {
            let names = party_names(&b, &row.parties);
            let shown = sheet_view(&b, "", &Filter::new(&b, &names, "")).quotes;
            let by: Vec<usize> = (0..b.quotes.len())
                .filter(|&q| {
                    b.quotes[q].kind != QuoteKind::Term
                        && voice_of(&b, &b.quotes[q]) == Voice::Parties(row.parties.clone())
                })
                .collect();
            assert_eq!(by.len(), row.quotes);
            for q in by {
                assert!(shown.contains(&q), "quote {q} of {} is shown by the filter", row.name);
                assert!(row.parties.iter().all(|&p| quote_is_by(&b, q, p)));
            }
        }
    }

    #[test]
    fn terms_are_not_speech() {
        let mut b = article();
        for q in &mut b.quotes {
            q.kind = QuoteKind::Term;
        }
        let v = voice_balance(&b);
        assert_eq!((v.quotes, v.words), (0, 0));
        assert!(v.parties.is_empty() && v.speakers.is_empty());
    }

    #[test]
    fn an_empty_article_has_an_empty_balance() {
        let v = voice_balance(&Breakdown::default());
        assert_eq!(v, VoiceBalance::default());
        assert_eq!(markdown(&v, false), "## Voice balance\n\nNo quoted speech.\n\n");
        assert_eq!(plain_text(&v), "");
        let v = voice_balance(&parse(""));
        assert_eq!(v.quotes, 0);
    }

    #[test]
    fn a_party_named_only_on_the_quote_is_a_voice_without_an_index() {
        let mut b = article();
        b.quotes[4].party = Some("Town council".into());
        let v = voice_balance(&b);
        let row = v.parties.iter().find(|r| r.name == "Town council").expect("a row for the label");
        assert_eq!((row.kind, row.parties.len(), row.words), (VoiceKind::Party, 0, 10));
        assert!(v.parties.iter().all(|r| r.kind != VoiceKind::NoParty));
    }

    #[test]
    fn quotes_without_words_keep_every_share_at_zero() {
        let b = Breakdown {
            quotes: vec![quote("…", QuoteKind::Direct, Some("Ann"), None, vec![])],
            ..Breakdown::default()
        };
        let v = voice_balance(&b);
        assert_eq!((v.quotes, v.words, v.parties[0].share), (1, 0, 0));
        assert_eq!(share_label(v.parties[0].share, v.parties[0].words), "0 %");
    }

    #[test]
    fn pressing_a_voice_toggles_all_its_parties() {
        let names = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let mut selected = names(&["Israel"]);
        toggle_voice(&mut selected, &names(&["France", "Germany"]));
        assert_eq!(selected, names(&["Israel", "France", "Germany"]));
        toggle_voice(&mut selected, &names(&["France", "Germany"]));
        assert_eq!(selected, names(&["Israel"]));
        // One of them on: pressing selects the rest rather than dropping it.
        toggle_voice(&mut selected, &names(&["Israel", "Hamas"]));
        assert_eq!(selected, names(&["Israel", "Hamas"]));
        toggle_voice(&mut selected, &names(&["Hamas"]));
        assert_eq!(selected, names(&["Israel"]));
    }

    #[test]
    fn markdown_tables() {
        let v = voice_balance(&article());
        let md = markdown(&v, true);
        assert!(
            md.starts_with("## Voice balance\n\n*Share of the 39 quoted words in 7 quotes, whole article.*\n\n"),
            "{md}"
        );
        assert!(md.contains("| Party | Share | Words | Quotes | Speakers |\n|---|---:|---:|---:|---:|\n"));
        assert!(md.contains("| United States | 28 % | 11 | 3 | 2 |\n"), "{md}");
        assert!(md.contains("| France, the United Kingdom and Germany (joint) | 31 % | 12 | 2 | 1 |\n"));
        assert!(md.contains("| *Unattributed* | 15 % | 6 | 1 | – |\n"));
        assert!(md.contains("| Karine Jean-Pierre | United States | 23 % | 9 | 2 |\n"));
        assert!(md.contains("| Ann Lee | – | 26 % | 10 | 1 |\n"));
        assert!(!markdown(&v, false).contains("whole article"));
    }

    #[test]
    fn plain_text_section() {
        let text = plain_text(&voice_balance(&article()));
        assert!(text.starts_with("VOICE (share of the 39 quoted words in 7 quotes)\n"), "{text}");
        assert!(text.contains("United States"), "{text}");
        assert!(text.contains("28 %  11 words, 3 quotes, 2 speakers\n"), "{text}");
        assert!(text.contains("France, the United Kingdom and Germany (joint)"), "{text}");
        assert!(text.contains("15 %  6 words, 1 quote\n"), "unattributed has no speaker count: {text}");
        assert!(text.contains("    Karine Jean-Pierre [United States]: 23 %, 9 words, 2 quotes\n"), "{text}");
    }

    #[test]
    fn the_sample_of_the_filter_tests() {
        // Ann Lee speaks for Israel; the term is not speech.
        let v = voice_balance(&fx::sample());
        assert_eq!(v.quotes, 1);
        assert_eq!(v.parties.len(), 1);
        assert_eq!((v.parties[0].name.as_str(), v.parties[0].share, v.parties[0].words), ("Israel", 100, 5));
    }
}
