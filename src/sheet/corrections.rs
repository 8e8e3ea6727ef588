//! The reader's corrections of quotes (`notes::correction`) applied to the
//! parser's breakdown, in one place, before anything in the sheet derives
//! from it: the quotes, the party filter, the people and party lists and the
//! exports all follow a correction.
//!
//! A correction is per quote. A corrected speaker who is one of the article's
//! people becomes that person (with their role, and their party unless the
//! party is corrected too); another name becomes a person of its own. A
//! corrected party replaces the quote's parties; a party the article does not
//! name is added (kind "other"). A speaker whose party the correction
//! contradicts stands for this quote as a person of their own in the new
//! party, so the filter shows the quote under the new party and not the old.

use crate::notes::{items_of, ArticleRecord, PartyFix};
use crate::parser::{Breakdown, Party, PartyKind, Person, QuoteKind};

use super::search::fold;

/// A correction placed on a quote of the breakdown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuoteFix {
    /// Index into `Breakdown::quotes` (the same before and after [`apply`]).
    pub quote: usize,
    /// The correction's id.
    pub correction: String,
    /// The speaker as the reader has it (`None`: the parser's).
    pub speaker: Option<String>,
    /// The party as the reader has it (`None`: the parser's).
    pub party: Option<PartyFix>,
}

/// The corrections in force of `record` that sit on a quote (speech, not a
/// quoted term) of `parsed` (the parser's breakdown of `text`), by quote;
/// when two land on one quote (written in two tabs), the later one.
pub fn quote_fixes(record: &ArticleRecord, text: &str, parsed: &Breakdown) -> Vec<QuoteFix> {
    if record.live_corrections().next().is_none() {
        return Vec::new();
    }
    let items = items_of(parsed);
    let mut fixes: Vec<(u64, QuoteFix)> = Vec::new();
    for placed in record.place_corrections_in(text, &items) {
        // On speech only: a quote an edit turned into a quoted term takes none.
        let speech = |i: usize| parsed.quotes.get(i).is_some_and(|q| q.kind != QuoteKind::Term);
        let Some(quote) = placed.item.filter(|&i| speech(i)) else { continue };
        let Some(c) = record.correction(&placed.id) else { continue };
        let fix = QuoteFix { quote, correction: c.id.clone(), speaker: c.speaker.clone(), party: c.party.clone() };
        match fixes.iter_mut().find(|(_, f)| f.quote == quote) {
            Some(slot) if slot.0 < c.updated => *slot = (c.updated, fix),
            Some(_) => {}
            None => fixes.push((c.updated, fix)),
        }
    }
    let mut fixes: Vec<QuoteFix> = fixes.into_iter().map(|(_, f)| f).collect();
    crate::order::sort_by_key(&mut fixes, |f| f.quote);
    fixes
}

/// The fix on quote `q`, if any (`fixes` as [`quote_fixes`] gives them).
pub fn fix_of(fixes: &[QuoteFix], q: usize) -> Option<&QuoteFix> {
    fixes.iter().find(|f| f.quote == q)
}

/// `b` with `fixes` applied (see the module docs).
pub fn apply(b: &Breakdown, fixes: &[QuoteFix]) -> Breakdown {
    let mut out = b.clone();
    for fix in fixes {
        if fix.quote >= out.quotes.len() {
            continue;
        }
        if let Some(name) = &fix.speaker {
            set_speaker(&mut out, fix.quote, name);
        }
        if let Some(party) = &fix.party {
            set_party(&mut out, fix.quote, party);
        }
    }
    out
}

/// Most choices the correction panel offers in one list (more can be typed).
const MAX_CHOICES: usize = 24;

/// The speakers to offer for quote `q`: its own speaker, then the people the
/// article quotes, the other speakers it quotes (institutions, groups), then
/// the other people it names; each once, at most [`MAX_CHOICES`].
pub fn speaker_choices(b: &Breakdown, q: usize) -> Vec<String> {
    let own = b.quotes.get(q).and_then(|q| q.speaker.as_deref());
    let quoted = b.people.iter().filter(|p| p.quotes > 0).map(|p| p.name.as_str());
    let speakers = b.quotes.iter().filter(|q| q.person.is_none()).filter_map(|q| q.speaker.as_deref());
    let others = b.people.iter().filter(|p| p.quotes == 0).map(|p| p.name.as_str());
    distinct(own.into_iter().chain(quoted).chain(speakers).chain(others))
}

/// The parties to offer: every party of the article, in its order, at most
/// [`MAX_CHOICES`].
pub fn party_choices(b: &Breakdown) -> Vec<String> {
    distinct(b.parties.iter().map(|p| p.name.as_str()))
}

/// `names` without repeats (case and accents aside) or blanks, at most [`MAX_CHOICES`].
fn distinct<'a>(names: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut seen: Vec<String> = Vec::new();
    let mut out = Vec::new();
    for name in names.map(str::trim).filter(|n| !n.is_empty()) {
        let key = fold(name);
        if !seen.contains(&key) {
            seen.push(key);
            out.push(name.to_string());
        }
        if out.len() == MAX_CHOICES {
            break;
        }
    }
    out
}

/// The person of `b` named `name` (by name or alias, case and accents aside).
fn person_named(b: &Breakdown, name: &str) -> Option<usize> {
    let wanted = fold(name.trim());
    b.people.iter().position(|p| fold(&p.name) == wanted || p.aliases.iter().any(|a| fold(a) == wanted))
}

/// The party of `b` named `name` (by name or alias, case and accents aside).
fn party_named(b: &Breakdown, name: &str) -> Option<usize> {
    let wanted = fold(name.trim());
    b.parties.iter().position(|p| fold(&p.name) == wanted || p.aliases.iter().any(|a| fold(a) == wanted))
}

/// Moves quote `q` from its person (if any) to person `to`, keeping counts.
fn relink(b: &mut Breakdown, q: usize, to: Option<usize>) {
    if let Some(old) = b.quotes[q].person.and_then(|p| b.people.get_mut(p)) {
        old.quotes = old.quotes.saturating_sub(1);
    }
    if let Some(new) = to.and_then(|p| b.people.get_mut(p)) {
        new.quotes += 1;
    }
    b.quotes[q].person = to;
}

fn set_speaker(b: &mut Breakdown, q: usize, name: &str) {
    let person = person_named(b, name).unwrap_or_else(|| {
        b.people.push(Person {
            name: name.trim().to_string(),
            aliases: Vec::new(),
            role: None,
            party: None,
            mentions: 0,
            quotes: 0,
            spans: Vec::new(),
        });
        b.people.len() - 1
    });
    relink(b, q, Some(person));
    let (speaker, role, party) = {
        let p = &b.people[person];
        (p.name.clone(), p.role.clone(), p.party)
    };
    let quote = &mut b.quotes[q];
    quote.speaker = Some(speaker);
    quote.role = role;
    // The person's party when the article gives one; else the quote keeps its own.
    if let Some(party) = party {
        quote.parties = vec![party];
        quote.party = b.parties.get(party).map(|p| p.name.clone());
    }
}

fn set_party(b: &mut Breakdown, q: usize, fix: &PartyFix) {
    let party = match fix {
        PartyFix::Nobody => None,
        PartyFix::Party(name) => Some(party_named(b, name).unwrap_or_else(|| {
            b.parties.push(Party {
                name: name.trim().to_string(),
                kind: PartyKind::Other,
                aliases: Vec::new(),
                mentions: 0,
                people: Vec::new(),
                spans: Vec::new(),
            });
            b.parties.len() - 1
        })),
    };
    let quote = &mut b.quotes[q];
    quote.parties = party.into_iter().collect();
    quote.party = party.and_then(|p| b.parties.get(p)).map(|p| p.name.clone());
    // A person standing for another party: for this quote, the speaker stands
    // as a person of their own in the new party (or as no person at all).
    let Some(person) = b.quotes[q].person else { return };
    if b.people.get(person).is_some_and(|p| p.party == party) {
        return;
    }
    let speaker = party.map(|party| person_in_party(b, person, party));
    relink(b, q, speaker);
}

/// Person `person` as one of `party`'s people: the person of that name
/// already in the party, or a copy of them added to it.
fn person_in_party(b: &mut Breakdown, person: usize, party: usize) -> usize {
    let name = fold(&b.people[person].name);
    if let Some(found) = b.people.iter().position(|p| p.party == Some(party) && fold(&p.name) == name) {
        return found;
    }
    let mut copy = b.people[person].clone();
    copy.party = Some(party);
    copy.quotes = 0;
    copy.mentions = 0;
    copy.spans = Vec::new();
    b.people.push(copy);
    let new = b.people.len() - 1;
    if let Some(p) = b.parties.get_mut(party) {
        p.people.push(new);
    }
    new
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notes::{anchor, Change, ItemKind, Library};
    use crate::parser::{parse, Span};
    use crate::sheet::filter::{quote_is_by, sheet_view, Filter};

    const SEED: &str = include_str!("../../tests/fixtures/seed-us-hamas-talks.txt");
    const KJP_QUOTE: &str = "These are ongoing talks and discussions";
    const SALHUT_QUOTE: &str = "The Americans have said that their envoy";

    fn quote_index(b: &Breakdown, words: &str) -> usize {
        b.quotes.iter().position(|q| q.text.contains(words)).expect("the quote")
    }

    fn party_index(b: &Breakdown, name: &str) -> usize {
        b.parties.iter().position(|p| p.name == name).unwrap_or_else(|| panic!("party {name}"))
    }

    fn fix(quote: usize, speaker: Option<&str>, party: Option<PartyFix>) -> QuoteFix {
        QuoteFix { quote, correction: format!("c{quote}"), speaker: speaker.map(Into::into), party }
    }

    /// The quotes the party filter shows for the party `name`.
    fn shown_for(b: &Breakdown, name: &str) -> Vec<usize> {
        sheet_view(b, SEED, &Filter::new(b, &[name.to_string()], "")).quotes
    }

    #[test]
    fn a_party_correction_moves_the_quote_to_that_party_in_the_filter() {
        let b = parse(SEED);
        let q = quote_index(&b, SALHUT_QUOTE);
        let was = b.quotes[q].party.clone().expect("the parser gave a party");
        assert!(shown_for(&b, &was).contains(&q));
        let israel = party_index(&b, "Israel");
        let fixed = apply(&b, &[fix(q, None, Some(PartyFix::Party("israel".into())))]);
        assert_eq!(fixed.quotes[q].parties, [israel]);
        assert_eq!(fixed.quotes[q].party.as_deref(), Some("Israel"), "the canonical name, however it was typed");
        assert!(shown_for(&fixed, "Israel").contains(&q));
        assert!(!shown_for(&fixed, &was).contains(&q), "not under {was} any more");
        assert!(quote_is_by(&fixed, q, israel));
        // The speaker stays, and now speaks for Israel in the party's people.
        assert_eq!(fixed.quotes[q].speaker, b.quotes[q].speaker);
        let person = fixed.quotes[q].person.expect("a person");
        assert_eq!(fixed.people[person].party, Some(israel));
        assert!(fixed.parties[israel].people.contains(&person));
        // Nothing else changed.
        assert_eq!((fixed.quotes.len(), &fixed.facts), (b.quotes.len(), &b.facts));
        for (i, (before, after)) in b.quotes.iter().zip(&fixed.quotes).enumerate() {
            if i != q {
                assert_eq!(before, after, "quote {i}");
            }
        }
    }

    #[test]
    fn a_correction_moves_the_quotes_words_in_the_voice_balance_and_its_exports() {
        use crate::sheet::export::corrected_json;
        use crate::sheet::voice::{voice_balance, VoiceBalance};
        let words_of = |v: &VoiceBalance, name: &str| v.parties.iter().find(|r| r.name == name).map(|r| r.words);
        let b = parse(SEED);
        let q = quote_index(&b, SALHUT_QUOTE);
        let was = b.quotes[q].party.clone().expect("the parser gave a party");
        let before = voice_balance(&b);
        assert_eq!(words_of(&before, "Israel"), None, "Israel has no voice in the parsed article");
        let fixes = [fix(q, None, Some(PartyFix::Party("Israel".into())))];
        let fixed = apply(&b, &fixes);
        let after = voice_balance(&fixed);
        let moved = words_of(&after, "Israel").expect("Israel speaks once corrected");
        assert!(moved > 0);
        assert_eq!(
            words_of(&before, &was).unwrap_or(0) - words_of(&after, &was).unwrap_or(0),
            moved,
            "the quote's words moved from {was} to Israel"
        );
        assert_eq!((after.words, after.quotes), (before.words, before.quotes), "nothing else counted");
        assert_eq!(after.parties.iter().map(|r| r.share).sum::<u32>(), 100);
        // "Download JSON": the voice object is the corrected one.
        let json: serde_json::Value = serde_json::from_str(&corrected_json(&fixed, &b, &fixes)).expect("JSON");
        let israel = json["voice"]["parties"].as_array().and_then(|rows| rows.iter().find(|r| r["name"] == "Israel"));
        assert_eq!(israel.map(|r| r["words"].clone()), Some(serde_json::json!(moved)));
    }

    #[test]
    fn a_new_party_is_added_and_no_party_clears_it() {
        let b = parse(SEED);
        let q = quote_index(&b, KJP_QUOTE);
        let fixed = apply(&b, &[fix(q, None, Some(PartyFix::Party("  Press Pool Association ".into())))]);
        let new = fixed.parties.len() - 1;
        assert_eq!(fixed.parties.len(), b.parties.len() + 1);
        assert_eq!(
            (fixed.parties[new].name.as_str(), fixed.parties[new].kind),
            ("Press Pool Association", PartyKind::Other)
        );
        assert_eq!(shown_for(&fixed, "Press Pool Association"), [q]);
        // A name the article knows as an alias is that party.
        let fixed = apply(&b, &[fix(q, None, Some(PartyFix::Party("White House".into())))]);
        assert_eq!(fixed.parties.len(), b.parties.len());
        assert!(b.parties[fixed.quotes[q].parties[0]].aliases.iter().any(|a| a == "White House"));

        let none = apply(&b, &[fix(q, None, Some(PartyFix::Nobody))]);
        assert_eq!((none.quotes[q].parties.len(), none.quotes[q].party.as_deref()), (0, None));
        let was = b.quotes[q].parties[0];
        assert!(quote_is_by(&b, q, was) && !quote_is_by(&none, q, was), "no longer spoken for it");
        assert_eq!(none.quotes[q].speaker, b.quotes[q].speaker, "the speaker stays");
    }

    #[test]
    fn a_speaker_correction_takes_the_persons_role_and_party() {
        let b = parse(SEED);
        let q = quote_index(&b, SALHUT_QUOTE);
        let kjp = b.people.iter().position(|p| p.name == "Karine Jean-Pierre").expect("a person");
        let old = b.quotes[q].person;
        let fixed = apply(&b, &[fix(q, Some("karine jean-pierre"), None)]);
        let quote = &fixed.quotes[q];
        assert_eq!((quote.speaker.as_deref(), quote.person), (Some("Karine Jean-Pierre"), Some(kjp)));
        assert_eq!(quote.role, b.people[kjp].role);
        assert_eq!(quote.parties, b.people[kjp].party.into_iter().collect::<Vec<_>>());
        assert_eq!(fixed.people[kjp].quotes, b.people[kjp].quotes + 1);
        if let Some(old) = old {
            assert_eq!(fixed.people[old].quotes, b.people[old].quotes - 1);
        }

        // A name the article does not have: a new person; the quote keeps its party.
        let fixed = apply(&b, &[fix(q, Some("Jane Roe"), None)]);
        let person = fixed.quotes[q].person.expect("a person");
        assert_eq!((fixed.people[person].name.as_str(), fixed.people.len()), ("Jane Roe", b.people.len() + 1));
        assert_eq!((fixed.quotes[q].role.as_deref(), &fixed.quotes[q].parties), (None, &b.quotes[q].parties));

        // Speaker and party together: the party the reader gave wins.
        let fixed = apply(&b, &[fix(q, Some("Karine Jean-Pierre"), Some(PartyFix::Party("Hamas".into())))]);
        assert_eq!(fixed.quotes[q].party.as_deref(), Some("Hamas"));
        assert!(shown_for(&fixed, "Hamas").contains(&q));
    }

    #[test]
    fn fixes_are_placed_on_quotes_by_their_text_and_the_latest_wins() {
        let mut lib = Library::default();
        let id = lib.open_article(SEED, Default::default(), 1).expect("opened").id().to_string();
        let rec = lib.article_mut(&id).expect("record");
        let at = |text: &str, words: &str| {
            let start = text.find(words).expect("words");
            anchor(text, Span::new(start, start + words.len()), ItemKind::Quote, None).expect("valid")
        };
        rec.correct(at(SEED, KJP_QUOTE), Change::Speaker("KJP".into()), 10, || "c1".into());
        rec.correct(at(SEED, SALHUT_QUOTE), Change::Party(PartyFix::Nobody), 11, || "c2".into());
        let b = parse(SEED);
        let fixes = quote_fixes(rec, SEED, &b);
        let (kjp, salhut) = (quote_index(&b, KJP_QUOTE), quote_index(&b, SALHUT_QUOTE));
        assert_eq!(
            fixes.iter().map(|f| (f.quote, f.correction.as_str())).collect::<Vec<_>>(),
            [(kjp, "c1"), (salhut, "c2")]
        );
        assert_eq!(fix_of(&fixes, salhut).and_then(|f| f.party.clone()), Some(PartyFix::Nobody));

        // Quoted terms are not speech: a correction on one is not applied.
        rec.correct(at(SEED, "terrorist organization"), Change::Speaker("Hamas".into()), 12, || "c-term".into());
        assert_eq!(quote_fixes(rec, SEED, &b).len(), 2);

        // A second correction of the same quote (another tab): the later one counts.
        let mut other = rec.correction("c1").expect("c1").clone();
        other.id = "c9".into();
        other.speaker = Some("Jean-Pierre".into());
        other.updated = 99;
        rec.corrections.push(other);
        let fixes = quote_fixes(rec, SEED, &b);
        assert_eq!(fix_of(&fixes, kjp).map(|f| f.correction.as_str()), Some("c9"));

        // In an edited text the fix follows its quote; a quote gone takes none.
        let edited = format!("Updated.\\n\\n{}", SEED.replace(SALHUT_QUOTE, "The envoy said nothing"));
        let b2 = parse(&edited);
        let fixes = quote_fixes(rec, &edited, &b2);
        assert_eq!(fixes.len(), 1);
        assert_eq!(fixes[0].quote, quote_index(&b2, KJP_QUOTE));
    }

    #[test]
    fn the_panel_offers_the_quotes_speaker_then_the_articles_speakers_and_parties() {
        let b = parse(SEED);
        let q = quote_index(&b, SALHUT_QUOTE);
        let speakers = speaker_choices(&b, q);
        assert_eq!(speakers[0], b.quotes[q].speaker.clone().expect("a speaker"));
        assert!(speakers.iter().any(|s| s == "Karine Jean-Pierre"));
        let folded: Vec<String> = speakers.iter().map(|s| fold(s)).collect();
        assert!(folded.iter().enumerate().all(|(i, s)| !folded[..i].contains(s)), "each once: {speakers:?}");
        assert_eq!(party_choices(&b), b.parties.iter().map(|p| p.name.clone()).collect::<Vec<_>>());
        let many = (0..40).map(|i| format!("Name {i}")).collect::<Vec<_>>();
        assert_eq!(distinct(many.iter().map(String::as_str).chain(["name 1", " "])).len(), MAX_CHOICES);
    }

    #[test]
    fn fixes_outside_the_breakdown_are_ignored() {
        let b = parse(SEED);
        assert_eq!(apply(&b, &[fix(b.quotes.len() + 3, Some("Nobody"), None)]), b);
    }
}
