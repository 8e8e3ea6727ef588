//! Voices across the library: the [voice balance](super::voice) of every
//! saved article, added up per party and per speaker.
//!
//! An article's summary ([`ArticleVoices::of`]) comes from its breakdown; a
//! saved article's ([`ArticleVoices::of_saved`]) from its breakdown with the
//! reader's corrections of it applied, as the sheet shows it. The app gets
//! the breakdowns of saved articles from the parser's Web Worker, one text at
//! a time, and [`VoiceCache`] keeps the summaries by [`SummaryKey`] (the
//! text's fingerprint and that of what the reader changed in it), so each is
//! made once, not on every render: it says which to make next
//! ([`VoiceCache::next`]) and takes the answers ([`VoiceCache::answered`],
//! [`VoiceCache::failed`]).
//!
//! Parties are matched across articles by canonical name, joint speakers by
//! the names the articles give them, speakers by name (case and accents
//! ignored). A party keeps one colour in the whole view
//! ([`LibraryVoices::colour`]): slots are handed out article by article in
//! library order, each article's parties in its own order, so the article
//! listed first (the one on screen) has the colours the sheet gives it.

use std::fmt::Write as _;
use std::sync::Arc;

use super::corrections::{apply, quote_fixes};
use super::export::md_inline;
use super::format::{count_label, date_label, thousands};
use super::search::{fold, Query};
use super::voice::{share_label, voice_balance, whole_percentages, VoiceBalance, VoiceKind};
use crate::notes::{fnv1a64, ArticleRecord};
use crate::parser::Breakdown;

/// What the library view needs of one article: its balance and the names of
/// the parties its indices refer to.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ArticleVoices {
    pub balance: VoiceBalance,
    /// `Breakdown::parties` names, by index.
    pub party_names: Vec<String>,
}

impl ArticleVoices {
    pub fn of(b: &Breakdown) -> ArticleVoices {
        ArticleVoices { balance: voice_balance(b), party_names: b.parties.iter().map(|p| p.name.clone()).collect() }
    }

    /// The summary of the saved article `record` from `parsed`, the parser's
    /// breakdown of its text: the reader's corrections in force are applied
    /// first, so a corrected speaker's words count for the voice they gave.
    pub fn of_saved(record: &ArticleRecord, parsed: &Breakdown) -> ArticleVoices {
        let fixes = quote_fixes(record, &record.text, parsed);
        if fixes.is_empty() {
            ArticleVoices::of(parsed)
        } else {
            ArticleVoices::of(&apply(parsed, &fixes))
        }
    }

    /// The names of the parties at indices `parties`.
    pub fn names(&self, parties: &[usize]) -> Vec<String> {
        parties.iter().filter_map(|&p| self.party_names.get(p).cloned()).collect()
    }
}

/// Identifies a text: its 64-bit FNV-1a hash and its length.
pub type TextKey = (u64, usize);

/// The [`TextKey`] of `text`.
pub fn text_key(text: &str) -> TextKey {
    let hash =
        text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3));
    (hash, text.len())
}

/// Identifies what a saved article's summary is made from: its text, and a
/// fingerprint of what the reader changed in it (see [`reader_key`]).
pub type SummaryKey = (TextKey, u64);

/// The fingerprint of the reader's corrections in force in `record` (each by
/// id and last change) and of the lines of its text kept as article text
/// (`kept`, parsed with it); 0 when there are neither.
pub fn reader_key(record: &ArticleRecord, kept: &[String]) -> u64 {
    if kept.is_empty() && record.live_corrections().next().is_none() {
        return 0;
    }
    let mut parts = String::new();
    for c in record.live_corrections() {
        let _ = write!(parts, "{}@{};", c.id, c.updated);
    }
    for line in kept {
        let _ = write!(parts, "\n{line}");
    }
    fnv1a64(parts.as_bytes())
}

/// Where an article's summary stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Summary {
    Ready(Arc<ArticleVoices>),
    /// Not summarised yet (waiting, or with the parser).
    Pending,
    /// The parser could not analyse it.
    Failed,
}

/// Voice summaries of saved articles by [`SummaryKey`] (see the module
/// docs): at most one text with the parser at a time.
#[derive(Debug, Default)]
pub struct VoiceCache {
    /// A library holds tens or hundreds of articles: a list will do.
    entries: Vec<(SummaryKey, Option<Arc<ArticleVoices>>)>,
    in_flight: Option<SummaryKey>,
}

impl VoiceCache {
    /// Where the summaries of the articles of `keys` stand, in order.
    /// Entries of keys no longer given are dropped.
    pub fn summaries(&mut self, keys: &[SummaryKey]) -> Vec<Summary> {
        self.entries.retain(|(key, _)| keys.contains(key));
        keys.iter()
            .map(|key| match self.entries.iter().find(|(k, _)| k == key) {
                Some((_, Some(voices))) => Summary::Ready(voices.clone()),
                Some((_, None)) => Summary::Failed,
                None => Summary::Pending,
            })
            .collect()
    }

    /// The next of `keys` whose text to send to the parser (the first
    /// without a summary), unless one is with the parser already.
    pub fn next(&mut self, keys: &[SummaryKey]) -> Option<SummaryKey> {
        if self.in_flight.is_some() {
            return None;
        }
        let key = *keys.iter().find(|key| self.entries.iter().all(|(k, _)| k != *key))?;
        self.in_flight = Some(key);
        Some(key)
    }

    /// The article whose text is with the parser, if any.
    pub fn in_flight(&self) -> Option<SummaryKey> {
        self.in_flight
    }

    /// The summary of the article `key` (the one sent).
    pub fn answered(&mut self, key: SummaryKey, voices: ArticleVoices) {
        self.settle(key, Some(Arc::new(voices)));
    }

    /// The parser could not analyse the text of `key`: it is not sent again.
    pub fn failed(&mut self, key: SummaryKey) {
        self.settle(key, None);
    }

    fn settle(&mut self, key: SummaryKey, entry: Option<Arc<ArticleVoices>>) {
        if self.in_flight == Some(key) {
            self.in_flight = None;
        }
        self.entries.retain(|(k, _)| *k != key);
        self.entries.push((key, entry));
    }

    /// How many texts have a summary (or failed).
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// One saved article in the library view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LibraryArticle {
    pub id: String,
    pub title: String,
    /// Publication date, ISO 8601, when the article gives one.
    pub published: Option<String>,
    pub voices: Arc<ArticleVoices>,
}

impl LibraryArticle {
    /// "Thu 6 Mar 2025", or `None`.
    pub fn date_label(&self) -> Option<String> {
        self.published.as_deref().map(date_label)
    }
}

/// An article a voice speaks in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Appearance {
    /// Index into [`LibraryVoices::articles`].
    pub article: usize,
    pub quotes: usize,
    pub words: usize,
}

/// A party, joint speaker or speaker over the whole library.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LibraryVoice {
    pub kind: VoiceKind,
    pub name: String,
    /// Party names: the party itself, a joint speaker's parties, or the
    /// parties a speaker speaks for.
    pub parties: Vec<String>,
    /// For a speaker: the voice they speak for (a party or joint speakers).
    pub party: Option<String>,
    pub quotes: usize,
    pub words: usize,
    /// Whole percent of the library's quoted words.
    pub share: u32,
    /// In library order (the articles' order).
    pub articles: Vec<Appearance>,
}

/// How the library's voices are listed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grouping {
    Parties,
    Speakers,
}

/// What the library's voices can be sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortBy {
    Name,
    Quotes,
    Words,
    Articles,
}

/// Every voice of the library, by party and by speaker.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LibraryVoices {
    pub articles: Vec<LibraryArticle>,
    /// Most words first.
    pub parties: Vec<LibraryVoice>,
    /// Most words first.
    pub speakers: Vec<LibraryVoice>,
    /// Party names in colour order (see [`Self::colour`]).
    colours: Vec<String>,
    /// Each voice's place in name order, by party and by speaker.
    name_ranks: [Vec<usize>; 2],
    pub quotes: usize,
    pub words: usize,
}

impl LibraryVoices {
    pub fn new(articles: Vec<LibraryArticle>) -> LibraryVoices {
        let parties = tally(&articles, Grouping::Parties);
        let speakers = tally(&articles, Grouping::Speakers);
        let mut colours: Vec<String> = Vec::new();
        for name in articles.iter().flat_map(|a| &a.voices.party_names) {
            if !colours.contains(name) {
                colours.push(name.clone());
            }
        }
        let quotes = parties.iter().map(|v| v.quotes).sum();
        let words = parties.iter().map(|v| v.words).sum();
        let name_ranks = [name_ranks(&parties), name_ranks(&speakers)];
        LibraryVoices { articles, parties, speakers, colours, name_ranks, quotes, words }
    }

    /// The colour slot of a party in this view (`pc-<slot % 8>` in the app).
    pub fn colour(&self, party: &str) -> Option<usize> {
        self.colours.iter().position(|c| c == party)
    }

    pub fn voices(&self, grouping: Grouping) -> &[LibraryVoice] {
        match grouping {
            Grouping::Parties => &self.parties,
            Grouping::Speakers => &self.speakers,
        }
    }

    /// Indices into [`Self::voices`] of the voices whose name (or, for a
    /// speaker, party) matches `query`, sorted by `by` (`descending` or
    /// not; ties: largest share, then name).
    pub fn listed(&self, grouping: Grouping, query: &str, by: SortBy, descending: bool) -> Vec<usize> {
        let voices = self.voices(grouping);
        let query = Query::new(query);
        let ranks = &self.name_ranks[usize::from(grouping == Grouping::Speakers)];
        // Keys for the view model's one sort: the column (counted down when
        // descending), then the largest share, the most words, the name.
        let clamp = |n: usize, bits: u32| (n as u64).min((1 << bits) - 1);
        let mut keys: Vec<(u64, u64)> = (0..voices.len())
            .filter(|&i| query.matches(&[&voices[i].name, voices[i].party.as_deref().unwrap_or("")]))
            .map(|i| {
                let v = &voices[i];
                let column = match by {
                    SortBy::Name => ranks[i],
                    SortBy::Quotes => v.quotes,
                    SortBy::Words => v.words,
                    SortBy::Articles => v.articles.len(),
                };
                let column = if descending { u32::MAX as u64 - clamp(column, 32) } else { clamp(column, 32) };
                let ties = ((100 - u64::from(v.share.min(100))) << 25) | ((1 << 25) - 1 - clamp(v.words, 25));
                ((column << 32) | ties, ranks[i] as u64)
            })
            .collect();
        super::sort_keys(&mut keys);
        let mut by_rank = vec![0; ranks.len()];
        for (i, &r) in ranks.iter().enumerate() {
            by_rank[r] = i;
        }
        keys.into_iter().map(|(_, rank)| by_rank[rank as usize]).collect()
    }
}

/// Each voice's place in name order (case and accents ignored; equal names
/// in list order): counted rather than sorted, one comparison per pair,
/// which keeps a second sort routine out of the wasm.
fn name_ranks(voices: &[LibraryVoice]) -> Vec<usize> {
    let names: Vec<String> = voices.iter().map(|v| fold(&v.name)).collect();
    (0..names.len()).map(|i| (0..names.len()).filter(|&j| (&names[j], j) < (&names[i], i)).count()).collect()
}

/// What a row of the library stands for: its kind and folded name.
type Key = (u8, String);

fn key(kind: VoiceKind, name: &str) -> Key {
    let class = match kind {
        VoiceKind::Party => 0,
        VoiceKind::Joint => 1,
        VoiceKind::NoParty => 2,
        VoiceKind::Unattributed => 3,
        VoiceKind::Speaker => 4,
    };
    (class, fold(name.trim()))
}

/// The rows of one grouping over all articles, most words first.
fn tally(articles: &[LibraryArticle], grouping: Grouping) -> Vec<LibraryVoice> {
    let mut keys: Vec<Key> = Vec::new();
    let mut rows: Vec<LibraryVoice> = Vec::new();
    for (a, article) in articles.iter().enumerate() {
        let v = &article.voices;
        let voice = |kind, name: &str, parties, party, quotes, words| LibraryVoice {
            kind,
            name: name.to_string(),
            parties,
            party,
            quotes,
            words,
            share: 0,
            articles: Vec::new(),
        };
        let entries: Vec<LibraryVoice> = match grouping {
            Grouping::Parties => v
                .balance
                .parties
                .iter()
                .map(|r| voice(r.kind, &r.name, v.names(&r.parties), None, r.quotes, r.words))
                .collect(),
            Grouping::Speakers => v
                .balance
                .speakers
                .iter()
                .map(|s| match &s.name {
                    Some(name) => {
                        voice(VoiceKind::Speaker, name, v.names(&s.parties), s.party.clone(), s.quotes, s.words)
                    }
                    None => voice(VoiceKind::Unattributed, "Unattributed", Vec::new(), None, s.quotes, s.words),
                })
                .collect(),
        };
        for entry in entries {
            let k = key(entry.kind, &entry.name);
            let (quotes, words) = (entry.quotes, entry.words);
            let r = match keys.iter().position(|x| *x == k) {
                Some(r) => r,
                None => {
                    keys.push(k);
                    rows.push(LibraryVoice { parties: Vec::new(), quotes: 0, words: 0, ..entry.clone() });
                    rows.len() - 1
                }
            };
            let row = &mut rows[r];
            for p in entry.parties {
                if !row.parties.contains(&p) {
                    row.parties.push(p);
                }
            }
            row.quotes += quotes;
            row.words += words;
            match row.articles.last_mut() {
                Some(last) if last.article == a => {
                    last.quotes += quotes;
                    last.words += words;
                }
                _ => row.articles.push(Appearance { article: a, quotes, words }),
            }
        }
    }
    let ranks: Vec<(u8, usize, usize)> = rows.iter().map(|r| (0, r.words, r.quotes)).collect();
    let mut rows: Vec<LibraryVoice> = super::voice::rank_order(&ranks).into_iter().map(|r| rows[r].clone()).collect();
    let shares = whole_percentages(&rows.iter().map(|r| r.words).collect::<Vec<_>>());
    for (row, share) in rows.iter_mut().zip(shares) {
        row.share = share;
    }
    rows
}

/// The library's voices as Markdown: a table of the voices listed (`rows`:
/// indices into `lv.voices(grouping)`), then each article with its balance.
pub fn library_markdown(lv: &LibraryVoices, grouping: Grouping, rows: &[usize]) -> String {
    let mut md = String::from("# Voices across the library\n\n");
    let _ = writeln!(
        md,
        "*{} in {}: share of the {}.*\n",
        count_label(lv.quotes, "quote", "quotes"),
        count_label(lv.articles.len(), "article", "articles"),
        count_label(lv.words, "quoted word", "quoted words")
    );
    let first = if grouping == Grouping::Parties { "Party" } else { "Speaker" };
    let _ = writeln!(md, "| {first} | Share | Words | Quotes | Articles |\n|---|---:|---:|---:|---|");
    let voices = lv.voices(grouping);
    for v in rows.iter().filter_map(|&i| voices.get(i)) {
        let mut name = md_inline(&v.name);
        match (&v.kind, &v.party) {
            (VoiceKind::Joint, _) => name.push_str(" (joint)"),
            (VoiceKind::Speaker, Some(party)) => {
                let _ = write!(name, " ({})", md_inline(party));
            }
            _ => {}
        }
        let titles: Vec<String> =
            v.articles.iter().filter_map(|a| lv.articles.get(a.article)).map(|a| md_inline(&a.title)).collect();
        let _ = writeln!(
            md,
            "| {name} | {} | {} | {} | {} |",
            share_label(v.share, v.words),
            thousands(v.words),
            thousands(v.quotes),
            titles.join("; ")
        );
    }
    md.push_str("\n## Articles\n\n");
    for a in &lv.articles {
        let date = a.date_label().map(|d| format!(" ({})", md_inline(&d))).unwrap_or_default();
        let balance = &a.voices.balance;
        let line =
            if balance.quotes == 0 { "no quoted speech".to_string() } else { super::voice::summary_line(balance) };
        let _ = writeln!(md, "- **{}**{date}: {}", md_inline(&a.title), md_inline(&line));
    }
    md
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sheet::voice::{PartyVoice, SpeakerVoice};

    fn party(kind: VoiceKind, name: &str, parties: Vec<usize>, words: usize, quotes: usize) -> PartyVoice {
        PartyVoice { kind, name: name.into(), parties, words, share: 0, quotes, speakers: 1 }
    }

    fn speaker(
        name: Option<&str>,
        party: Option<&str>,
        parties: Vec<usize>,
        words: usize,
        quotes: usize,
    ) -> SpeakerVoice {
        SpeakerVoice {
            name: name.map(Into::into),
            person: None,
            role: None,
            party: party.map(Into::into),
            parties,
            words,
            share: 0,
            quotes,
        }
    }

    fn article(
        id: &str,
        names: &[&str],
        mut parties: Vec<PartyVoice>,
        mut speakers: Vec<SpeakerVoice>,
    ) -> LibraryArticle {
        let shares = whole_percentages(&parties.iter().map(|p| p.words).collect::<Vec<_>>());
        parties.iter_mut().zip(shares).for_each(|(p, s)| p.share = s);
        let shares = whole_percentages(&speakers.iter().map(|p| p.words).collect::<Vec<_>>());
        speakers.iter_mut().zip(shares).for_each(|(p, s)| p.share = s);
        let balance = VoiceBalance {
            quotes: parties.iter().map(|p| p.quotes).sum(),
            words: parties.iter().map(|p| p.words).sum(),
            parties,
            speakers,
        };
        LibraryArticle {
            id: id.into(),
            title: format!("Article {id}"),
            published: Some("2025-03-06 03:24:00".into()),
            voices: Arc::new(ArticleVoices { balance, party_names: names.iter().map(|s| s.to_string()).collect() }),
        }
    }

    /// Two articles: the United States speaks in both (under different
    /// party indices), Hamas in one, a joint statement in the second.
    fn library() -> LibraryVoices {
        let a = article(
            "a",
            &["Hamas", "United States"],
            vec![
                party(VoiceKind::Party, "United States", vec![1], 40, 2),
                party(VoiceKind::Party, "Hamas", vec![0], 30, 1),
                party(VoiceKind::Unattributed, "Unattributed", vec![], 5, 1),
            ],
            vec![
                speaker(Some("Karine Jean-Pierre"), Some("United States"), vec![1], 40, 2),
                speaker(Some("Basem Naim"), Some("Hamas"), vec![0], 30, 1),
                speaker(None, None, vec![], 5, 1),
            ],
        );
        let b = article(
            "b",
            &["United States", "France", "Germany"],
            vec![
                party(VoiceKind::Joint, "France and Germany", vec![1, 2], 50, 3),
                party(VoiceKind::Party, "United States", vec![0], 10, 1),
                party(VoiceKind::NoParty, "No party", vec![], 2, 1),
            ],
            vec![
                speaker(Some("France and Germany"), Some("France and Germany"), vec![1, 2], 50, 3),
                speaker(Some("karine jean-pierre"), Some("United States"), vec![0], 10, 1),
                speaker(Some("Ann Lee"), None, vec![], 2, 1),
            ],
        );
        LibraryVoices::new(vec![a, b])
    }

    #[test]
    fn parties_add_up_across_articles_by_name() {
        let lv = library();
        let rows: Vec<(&str, usize, usize, usize, u32)> =
            lv.parties.iter().map(|v| (v.name.as_str(), v.quotes, v.words, v.articles.len(), v.share)).collect();
        // 137 words: 50, 50, 30, 5 and 2 are 36.5, 36.5, 21.9, 3.6 and 1.5 %;
        // the three points missing go to .9, .6 and the first of the .5s.
        assert_eq!(
            rows,
            vec![
                ("United States", 3, 50, 2, 37),
                ("France and Germany", 3, 50, 1, 36),
                ("Hamas", 1, 30, 1, 22),
                ("Unattributed", 1, 5, 1, 4),
                ("No party", 1, 2, 1, 1),
            ]
        );
        assert_eq!((lv.quotes, lv.words), (9, 137));
        let us = &lv.parties[0];
        assert_eq!(us.parties, ["United States"], "indices resolved in each article's own party list");
        assert_eq!(
            us.articles,
            [Appearance { article: 0, quotes: 2, words: 40 }, Appearance { article: 1, quotes: 1, words: 10 }]
        );
        assert_eq!(lv.parties[1].kind, VoiceKind::Joint);
        assert_eq!(lv.parties[1].parties, ["France", "Germany"]);
    }

    #[test]
    fn speakers_add_up_by_name_ignoring_case() {
        let lv = library();
        let rows: Vec<(&str, Option<&str>, usize, usize)> =
            lv.speakers.iter().map(|v| (v.name.as_str(), v.party.as_deref(), v.quotes, v.articles.len())).collect();
        assert_eq!(
            rows,
            vec![
                ("Karine Jean-Pierre", Some("United States"), 3, 2),
                ("France and Germany", Some("France and Germany"), 3, 1),
                ("Basem Naim", Some("Hamas"), 1, 1),
                ("Unattributed", None, 1, 1),
                ("Ann Lee", None, 1, 1),
            ]
        );
        assert_eq!(lv.speakers[3].kind, VoiceKind::Unattributed);
        assert_eq!(lv.speakers[0].kind, VoiceKind::Speaker);
    }

    #[test]
    fn a_party_keeps_one_colour_in_the_whole_view() {
        let lv = library();
        // The first article's parties in its order, then the second's new ones.
        assert_eq!(lv.colour("Hamas"), Some(0));
        assert_eq!(lv.colour("United States"), Some(1));
        assert_eq!(lv.colour("France"), Some(2));
        assert_eq!(lv.colour("Germany"), Some(3));
        assert_eq!(lv.colour("Atlantis"), None);
    }

    #[test]
    fn sorting_and_searching() {
        let lv = library();
        let names = |order: Vec<usize>| order.iter().map(|&i| lv.parties[i].name.clone()).collect::<Vec<_>>();
        assert_eq!(
            names(lv.listed(Grouping::Parties, "", SortBy::Name, false)),
            ["France and Germany", "Hamas", "No party", "Unattributed", "United States"]
        );
        assert_eq!(names(lv.listed(Grouping::Parties, "", SortBy::Name, true))[0], "United States");
        // Equal quote counts: largest share first.
        assert_eq!(
            names(lv.listed(Grouping::Parties, "", SortBy::Quotes, true)),
            ["United States", "France and Germany", "Hamas", "Unattributed", "No party"]
        );
        assert_eq!(names(lv.listed(Grouping::Parties, "", SortBy::Articles, true))[0], "United States");
        assert_eq!(names(lv.listed(Grouping::Parties, "", SortBy::Words, false))[0], "No party");
        assert_eq!(names(lv.listed(Grouping::Parties, "  HAMAS ", SortBy::Words, true)), ["Hamas"]);
        assert_eq!(names(lv.listed(Grouping::Parties, "united", SortBy::Words, true)), ["United States"]);
        assert!(lv.listed(Grouping::Parties, "atlantis", SortBy::Words, true).is_empty());
        // A speaker is found by name or by party.
        let speakers = lv.listed(Grouping::Speakers, "hamas", SortBy::Words, true);
        assert_eq!(speakers.iter().map(|&i| lv.speakers[i].name.as_str()).collect::<Vec<_>>(), ["Basem Naim"]);
    }

    /// The summary key of a text nobody changed.
    fn plain(text: &str) -> SummaryKey {
        (text_key(text), 0)
    }

    #[test]
    fn the_cache_sends_each_text_once_and_one_at_a_time() {
        let one = "\"We are ready,\" said Ann Lee of Israel.";
        let two = "Hamas said: \"No deal.\"";
        let both = [plain(one), plain(two)];
        let mut cache = VoiceCache::default();
        assert_eq!(cache.summaries(&both), [Summary::Pending, Summary::Pending]);
        let first = cache.next(&both).expect("a text to send");
        assert_eq!(first, plain(one));
        assert_eq!(cache.next(&both), None, "one text with the parser at a time");
        cache.answered(first, ArticleVoices::of(&crate::parser::parse(one)));
        let second = cache.next(&both).expect("the next text");
        assert_eq!(second, plain(two));
        cache.failed(second);
        assert_eq!(cache.next(&both), None, "a failed text is not sent again");
        let [Summary::Ready(voices), Summary::Failed] = &cache.summaries(&both)[..] else {
            panic!("one summary, one failure")
        };
        assert_eq!(voices.balance.quotes, 1);
        assert_eq!(voices.balance.speakers[0].name.as_deref(), Some("Ann Lee"));
        // Served from the cache: the same summary, nothing to send.
        let again = cache.summaries(&[plain(two), plain(one), plain(one)]);
        assert!(matches!(&again[1], Summary::Ready(v) if Arc::ptr_eq(v, voices)));
        assert_eq!(again[0], Summary::Failed);
        // A text the reader corrected is summarised again.
        let corrected = (text_key(one), 7);
        assert_eq!(cache.summaries(&[corrected, plain(two)]), [Summary::Pending, Summary::Failed]);
        assert_eq!(cache.next(&[corrected, plain(two)]), Some(corrected));
        cache.answered(corrected, ArticleVoices::default());
        // A text gone from the library leaves the cache; an edited text is new.
        let edited = "\"We are ready now,\" said Ann Lee of Israel.";
        assert_eq!(cache.summaries(&[plain(edited)]), [Summary::Pending]);
        assert!(cache.is_empty());
        assert_eq!(cache.next(&[plain(edited)]), Some(plain(edited)));
        assert_eq!(cache.in_flight(), Some(plain(edited)));
    }

    #[test]
    fn a_saved_articles_correction_moves_its_words_to_the_voice_the_reader_gave() {
        use crate::notes::{anchor, Change, ItemKind, Library, PartyFix};
        use crate::parser::Span;
        let text = "\"We are ready to talk,\" said Ann Lee, a spokeswoman for Hamas.\n\n\"No deal yet,\" said Tom Ward of Israel.";
        let parsed = crate::parser::parse(text);
        let mut lib = Library::default();
        let id = lib.open_article(text, Default::default(), 1).expect("opened").id().to_string();
        let record = lib.article_mut(&id).expect("record");
        let share_of = |v: &ArticleVoices, name: &str| {
            v.balance.parties.iter().find(|r| r.name == name).map(|r| (r.words, r.quotes))
        };
        let before = ArticleVoices::of_saved(record, &parsed);
        assert_eq!(share_of(&before, "Hamas"), Some((5, 1)), "{:?}", before.balance.parties);
        assert_eq!(before, ArticleVoices::of(&parsed), "no corrections: the parser's balance");
        let key_before = reader_key(record, &[]);
        assert_eq!(key_before, 0);

        let words = "We are ready to talk,";
        let start = text.find(words).expect("the quote");
        let at = anchor(text, Span::new(start, start + words.len()), ItemKind::Quote, None).expect("an anchor");
        record.correct(at, Change::Party(PartyFix::Party("Israel".into())), 5, || "c1".into());
        let after = ArticleVoices::of_saved(record, &parsed);
        assert_eq!(share_of(&after, "Hamas"), None, "{:?}", after.balance.parties);
        assert_eq!(share_of(&after, "Israel"), Some((8, 2)), "{:?}", after.balance.parties);
        assert_ne!(reader_key(record, &[]), key_before, "the correction is in the summary's key");
        assert_ne!(reader_key(record, &["A line kept".into()]), reader_key(record, &[]), "so are the kept lines");
    }

    #[test]
    fn text_keys_tell_texts_apart() {
        // FNV-1a reference values.
        assert_eq!(text_key(""), (0xcbf2_9ce4_8422_2325, 0));
        assert_eq!(text_key("a"), (0xaf63_dc4c_8601_ec8c, 1));
        assert_ne!(text_key("ab"), text_key("ba"));
        assert_ne!(text_key("Gaza talks"), text_key("Gaza talk"));
    }

    #[test]
    fn summaries_come_from_the_breakdown() {
        let s = ArticleVoices::of(&crate::parser::parse("\"We are ready,\" Foreign Minister Lena Brandt said."));
        assert_eq!(s.balance.quotes, 1);
        assert_eq!(s.balance.words, 3);
        assert_eq!(s.balance.speakers[0].name.as_deref(), Some("Lena Brandt"));
    }

    #[test]
    fn markdown_lists_voices_then_articles() {
        let lv = library();
        let rows = lv.listed(Grouping::Parties, "", SortBy::Words, true);
        let md = library_markdown(&lv, Grouping::Parties, &rows);
        assert!(
            md.starts_with("# Voices across the library\n\n*9 quotes in 2 articles: share of the 137 quoted words.*\n"),
            "{md}"
        );
        assert!(md.contains("| Party | Share | Words | Quotes | Articles |\n"));
        assert!(md.contains("| United States | 37 % | 50 | 3 | Article a; Article b |\n"), "{md}");
        assert!(md.contains("| France and Germany (joint) | 36 % | 50 | 3 | Article b |\n"), "{md}");
        assert!(
            md.contains("- **Article a** (Thu 6 Mar 2025): United States 53 %, Hamas 40 %, Unattributed 7 %\n"),
            "{md}"
        );
        let rows = lv.listed(Grouping::Speakers, "jean", SortBy::Words, true);
        let md = library_markdown(&lv, Grouping::Speakers, &rows);
        assert!(md.contains("| Karine Jean-Pierre (United States) | "), "{md}");
        assert!(!md.contains("Ann Lee"), "only the voices listed");
    }

    #[test]
    fn an_empty_library() {
        let lv = LibraryVoices::new(Vec::new());
        assert!(lv.parties.is_empty() && lv.speakers.is_empty());
        assert!(lv.listed(Grouping::Speakers, "", SortBy::Name, false).is_empty());
        assert_eq!((lv.quotes, lv.words), (0, 0));
    }
}
