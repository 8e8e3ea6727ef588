//! Anchoring a note to a piece of the article, and finding that piece again in
//! a (possibly edited) text, the way Hypothesis does it: the exact text, up to
//! [`CONTEXT_CHARS`] chars of context on each side, and the byte position.
//!
//! [`reanchor`] tries, in order:
//! 1. the exact text at the old position with its context intact (the article
//!    did not change there);
//! 2. every occurrence of the exact text, scored by how much of the stored
//!    context surrounds it and how near it is to the old position;
//! 3. a fuzzy match (small edit distance, at most one edit per
//!    [`FUZZY_CHARS_PER_EDIT`] chars) near the old position and near the places
//!    where the old context still occurs, for short edits inside the item;
//! 4. otherwise the note is [`Attachment::Detached`] (kept, never dropped).
//!
//! Work is bounded on any input (candidate counts and fuzzy window sizes are
//! capped), nothing panics, and every span returned lies on `char` boundaries
//! inside the text.

use serde::{Deserialize, Serialize};

use super::text::{ceil_boundary, common_prefix_chars, common_suffix_chars, first_chars, floor_boundary, last_chars};
use crate::parser::{Breakdown, FactKind, Span};

/// Chars of context stored before and after the exact text.
pub const CONTEXT_CHARS: usize = 32;
/// Exact occurrences scored at most (the rest are ignored on pathological texts).
const MAX_CANDIDATES: usize = 2_000;
/// Exact texts shorter than this (in chars) are never matched fuzzily: too many false hits.
const FUZZY_MIN_CHARS: usize = 8;
/// Exact texts longer than this (in chars) are never matched fuzzily: too slow.
const FUZZY_MAX_CHARS: usize = 600;
/// A fuzzy match may differ by one edit (insert, delete, replace) per this many chars.
pub const FUZZY_CHARS_PER_EDIT: usize = 8;
/// Fuzzy windows searched around places where the old prefix or suffix still occurs.
const FUZZY_CONTEXT_WINDOWS: usize = 3;

/// What sort of item a note is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    Quote,
    Fact,
    /// Indirect speech ("Israel stated that …").
    Reported,
    /// The writer's own analysis.
    Commentary,
    Party,
    Person,
    Figure,
    Date,
    /// Any other stretch of the article.
    Text,
}

impl ItemKind {
    /// Kinds the parser may turn into one another when an article is edited
    /// (a fact can become reported speech); a note follows its item across them.
    pub(crate) fn family(self) -> u8 {
        match self {
            ItemKind::Fact | ItemKind::Reported | ItemKind::Commentary => 1,
            ItemKind::Quote => 2,
            ItemKind::Party => 3,
            ItemKind::Person => 4,
            ItemKind::Figure => 5,
            ItemKind::Date => 6,
            ItemKind::Text => 7,
        }
    }

    /// How the kind reads in a heading ("Quote", "Reported speech").
    pub fn label(self) -> &'static str {
        match self {
            ItemKind::Quote => "Quote",
            ItemKind::Fact => "Fact",
            ItemKind::Reported => "Reported speech",
            ItemKind::Commentary => "Commentary",
            ItemKind::Party => "Party",
            ItemKind::Person => "Person",
            ItemKind::Figure => "Figure",
            ItemKind::Date => "Date",
            ItemKind::Text => "Passage",
        }
    }
}

/// Where a note sits in the article text (see the module docs).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Anchor {
    /// The kind of item the note was written on.
    pub kind: ItemKind,
    /// The item's text, exactly as it was.
    pub exact: String,
    /// Up to [`CONTEXT_CHARS`] chars just before `exact`.
    pub prefix: String,
    /// Up to [`CONTEXT_CHARS`] chars just after `exact`.
    pub suffix: String,
    /// Byte offset of `exact` in the text it was taken from.
    pub start: usize,
    /// Canonical name of the party or person the note is on (they are found by
    /// name, wherever they are mentioned).
    pub name: Option<String>,
}

/// An item of the fact sheet a note can be on: what [`items_of`] lists.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemRef {
    pub kind: ItemKind,
    /// The item's text in the article (for parties and people: their first mention).
    pub span: Span,
    /// Canonical name, for parties and people.
    pub name: Option<String>,
}

/// How closely a re-attached anchor matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Fidelity {
    /// Same text, same place, same context.
    Exact,
    /// Same text, found elsewhere or with changed surroundings.
    Moved,
    /// The text itself was edited a little.
    Fuzzy,
}

/// Result of [`reanchor`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Attachment {
    Attached {
        span: Span,
        fidelity: Fidelity,
    },
    /// The text is gone from the article: the note is kept and shown apart.
    Detached,
}

impl Attachment {
    pub fn span(&self) -> Option<Span> {
        match *self {
            Attachment::Attached { span, .. } => Some(span),
            Attachment::Detached => None,
        }
    }
}

/// Makes the anchor of `span` in `text`. `None` when the span is empty, out of
/// bounds or not on `char` boundaries.
pub fn anchor(text: &str, span: Span, kind: ItemKind, name: Option<&str>) -> Option<Anchor> {
    if span.start >= span.end {
        return None;
    }
    let exact = text.get(span.start..span.end)?;
    Some(Anchor {
        kind,
        exact: exact.to_string(),
        prefix: last_chars(&text[..span.start], CONTEXT_CHARS).to_string(),
        suffix: first_chars(&text[span.end..], CONTEXT_CHARS).to_string(),
        start: span.start,
        name: name.map(str::to_string),
    })
}

/// The anchor of a fact-sheet item (see [`items_of`]).
pub fn anchor_item(text: &str, item: &ItemRef) -> Option<Anchor> {
    anchor(text, item.span, item.kind, item.name.as_deref())
}

/// Finds the anchored text again in `text` (see the module docs).
pub fn reanchor(anchor: &Anchor, text: &str) -> Attachment {
    let exact = anchor.exact.as_str();
    if exact.is_empty() {
        return Attachment::Detached;
    }
    // 1. Unchanged around the old position.
    let end = anchor.start.saturating_add(exact.len());
    if text.get(anchor.start..end) == Some(exact)
        && context_score(anchor, text, anchor.start, end) == full_context(anchor)
    {
        return attached(anchor.start, end, Fidelity::Exact);
    }
    // 2. The exact text elsewhere, best context first, then nearest.
    let mut best: Option<(u64, usize)> = None;
    for (start, _) in text.match_indices(exact).take(MAX_CANDIDATES) {
        let score = rank(context_score(anchor, text, start, start + exact.len()), start.abs_diff(anchor.start));
        if best.is_none_or(|(s, _)| score > s) {
            best = Some((score, start));
        }
    }
    if let Some((_, start)) = best {
        let fidelity = if start == anchor.start { Fidelity::Exact } else { Fidelity::Moved };
        return attached(start, start + exact.len(), fidelity);
    }
    // 3. A slightly edited version of the text.
    match fuzzy_find(anchor, text) {
        Some(span) => Attachment::Attached { span, fidelity: Fidelity::Fuzzy },
        None => Attachment::Detached,
    }
}

fn attached(start: usize, end: usize, fidelity: Fidelity) -> Attachment {
    Attachment::Attached { span: Span::new(start, end), fidelity }
}

/// Chars of the stored context found around `start..end` (prefix + suffix).
fn context_score(anchor: &Anchor, text: &str, start: usize, end: usize) -> usize {
    let before = text.get(..start).unwrap_or("");
    let after = text.get(end..).unwrap_or("");
    common_suffix_chars(&anchor.prefix, before) + common_prefix_chars(&anchor.suffix, after)
}

fn full_context(anchor: &Anchor) -> usize {
    anchor.prefix.chars().count() + anchor.suffix.chars().count()
}

/// Orders candidates: more context first, then smaller distance.
fn rank(context: usize, distance: usize) -> u64 {
    ((context as u64) << 40) | ((1u64 << 40) - 1 - (distance as u64).min((1u64 << 40) - 1))
}

/// The best fuzzy match of `anchor.exact` in `text`, if one is close enough.
fn fuzzy_find(anchor: &Anchor, text: &str) -> Option<Span> {
    let pattern: Vec<char> = anchor.exact.chars().collect();
    let m = pattern.len();
    if !(FUZZY_MIN_CHARS..=FUZZY_MAX_CHARS).contains(&m) || text.is_empty() {
        return None;
    }
    let max_edits = (m / FUZZY_CHARS_PER_EDIT).max(1);
    // A window is the pattern's length plus room for edits and drift on both sides.
    let slack = (m / 2).max(64) + max_edits;
    let mut windows = vec![anchor.start];
    // Where the old context still occurs, the item is likely just after the
    // prefix or just before the suffix.
    let prefix_tail = last_chars(&anchor.prefix, 16);
    if !prefix_tail.is_empty() {
        windows.extend(text.match_indices(prefix_tail).take(FUZZY_CONTEXT_WINDOWS).map(|(i, s)| i + s.len()));
    }
    let suffix_head = first_chars(&anchor.suffix, 16);
    if !suffix_head.is_empty() {
        windows.extend(
            text.match_indices(suffix_head)
                .take(FUZZY_CONTEXT_WINDOWS)
                .map(|(i, _)| i.saturating_sub(anchor.exact.len())),
        );
    }
    let mut best: Option<(usize, u64, Span)> = None; // (edits, rank, span)
    for centre in windows {
        let lo = floor_boundary(text, centre.saturating_sub(slack * 4));
        let hi = ceil_boundary(text, centre.saturating_add(anchor.exact.len()).saturating_add(slack * 4));
        let lo = start_within_chars(text, lo, centre, slack);
        let hi = end_within_chars(text, hi, centre.saturating_add(anchor.exact.len()), slack);
        if lo >= hi {
            continue;
        }
        if let Some((edits, span)) = best_alignment(&pattern, text, lo, hi, max_edits) {
            let score = rank(context_score(anchor, text, span.start, span.end), span.start.abs_diff(anchor.start));
            let better = match best {
                None => true,
                Some((e, s, _)) => edits < e || (edits == e && score > s),
            };
            if better {
                best = Some((edits, score, span));
            }
        }
    }
    best.map(|(_, _, span)| span)
}

/// Moves `lo` forward so that at most `chars` chars lie between it and `centre`.
fn start_within_chars(text: &str, lo: usize, centre: usize, chars: usize) -> usize {
    let centre = floor_boundary(text, centre).max(lo);
    match text[lo..centre].char_indices().rev().nth(chars) {
        Some((i, _)) => lo + i,
        None => lo,
    }
}

/// Moves `hi` back so that at most `chars` chars lie between `centre` and it.
fn end_within_chars(text: &str, hi: usize, centre: usize, chars: usize) -> usize {
    let centre = ceil_boundary(text, centre).min(hi);
    match text[centre..hi].char_indices().nth(chars) {
        Some((i, _)) => centre + i,
        None => hi,
    }
}

/// Semi-global edit distance (Sellers): the substring of `text[lo..hi]` closest
/// to `pattern`, if it is at most `max_edits` edits away.
fn best_alignment(pattern: &[char], text: &str, lo: usize, hi: usize, max_edits: usize) -> Option<(usize, Span)> {
    let window: Vec<(usize, char)> = text[lo..hi].char_indices().map(|(i, c)| (lo + i, c)).collect();
    let m = pattern.len();
    // column[i] = (edits, window index where the alignment starts) for pattern[..i].
    let mut column: Vec<(usize, usize)> = (0..=m).map(|i| (i, 0)).collect();
    let mut next = column.clone();
    let mut best: Option<(usize, usize, usize)> = None; // (edits, start index, end index)
    for (j, &(_, c)) in window.iter().enumerate() {
        next[0] = (0, j + 1);
        for i in 1..=m {
            let substitute = (column[i - 1].0 + usize::from(pattern[i - 1] != c), column[i - 1].1);
            let skip_text = (column[i].0 + 1, column[i].1);
            let skip_pattern = (next[i - 1].0 + 1, next[i - 1].1);
            next[i] = [skip_text, skip_pattern].into_iter().fold(substitute, |a, b| if b.0 < a.0 { b } else { a });
        }
        std::mem::swap(&mut column, &mut next);
        let (edits, start) = column[m];
        if edits <= max_edits && best.is_none_or(|(e, _, _)| edits < e) {
            best = Some((edits, start, j + 1));
        }
    }
    let (edits, start, end) = best?;
    let byte_at = |k: usize| window.get(k).map_or(hi, |&(b, _)| b);
    let (start, end) = (byte_at(start), byte_at(end));
    (start < end).then(|| (edits, Span::new(start, end)))
}

/// Which item of the fact sheet a note now belongs to, given where its anchor
/// re-attached (`attachment`) and the current items.
///
/// Parties and people are found by name; other notes go to the item of the
/// same family (facts, reported speech and commentary are one family) that
/// overlaps the attached text most, provided the overlap covers at least half
/// of the shorter of the two. `None`: show the note as not on any item.
pub fn locate_item(anchor: &Anchor, attachment: Attachment, items: &[ItemRef]) -> Option<usize> {
    if let Some(name) = anchor.name.as_deref() {
        let by_name = items.iter().position(|item| {
            item.kind.family() == anchor.kind.family()
                && item.name.as_deref().is_some_and(|n| n.eq_ignore_ascii_case(name))
        });
        if by_name.is_some() {
            return by_name;
        }
    }
    let span = attachment.span()?;
    let mut best: Option<(usize, usize)> = None; // (overlap, index)
    for (index, item) in items.iter().enumerate() {
        if item.kind.family() != anchor.kind.family() || (anchor.name.is_some() && item.name.is_some()) {
            continue;
        }
        let overlap = span.end.min(item.span.end).saturating_sub(span.start.max(item.span.start));
        let needed = span.len().min(item.span.len()).div_ceil(2).max(1);
        if overlap >= needed && best.is_none_or(|(o, _)| overlap > o) {
            best = Some((overlap, index));
        }
    }
    best.map(|(_, index)| index)
}

/// The items of a breakdown a note can be written on: quotes, facts (with
/// their kind), parties and people, in that order.
pub fn items_of(breakdown: &Breakdown) -> Vec<ItemRef> {
    let mut items = Vec::new();
    for quote in &breakdown.quotes {
        items.push(ItemRef { kind: ItemKind::Quote, span: quote.span, name: None });
    }
    for fact in &breakdown.facts {
        let kind = match fact.kind {
            FactKind::Fact => ItemKind::Fact,
            FactKind::Reported => ItemKind::Reported,
            FactKind::Commentary => ItemKind::Commentary,
        };
        items.push(ItemRef { kind, span: fact.span, name: None });
    }
    for party in &breakdown.parties {
        let span = party.spans.first().copied().unwrap_or_default();
        items.push(ItemRef { kind: ItemKind::Party, span, name: Some(party.name.clone()) });
    }
    for person in &breakdown.people {
        let span = person.spans.first().copied().unwrap_or_default();
        items.push(ItemRef { kind: ItemKind::Person, span, name: Some(person.name.clone()) });
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parser::parse;
    use proptest::prelude::*;

    const SEED: &str = include_str!("../../tests/fixtures/seed-us-hamas-talks.txt");
    const CAPTIVES: &str = "24 living captives";

    fn span_of(text: &str, needle: &str) -> Span {
        let start = text.find(needle).expect("needle in text");
        Span::new(start, start + needle.len())
    }

    fn captives_anchor() -> Anchor {
        anchor(SEED, span_of(SEED, CAPTIVES), ItemKind::Fact, None).expect("valid span")
    }

    #[test]
    fn anchor_keeps_exact_text_context_and_position() {
        let a = captives_anchor();
        assert_eq!(a.exact, CAPTIVES);
        assert_eq!(a.start, 1735, "byte offset of the figure in the seed article");
        assert_eq!(a.prefix, "sraeli officials, approximately ");
        assert_eq!(a.prefix.chars().count(), CONTEXT_CHARS);
        assert_eq!(a.suffix, "—including American citizen Itan");
        assert_eq!(a.suffix.chars().count(), CONTEXT_CHARS);
    }

    #[test]
    fn anchor_rejects_bad_spans() {
        assert_eq!(anchor("abc", Span::new(1, 1), ItemKind::Text, None), None);
        assert_eq!(anchor("abc", Span::new(2, 9), ItemKind::Text, None), None);
        assert_eq!(anchor("a€", Span::new(0, 2), ItemKind::Text, None), None, "2 is inside '€'");
        let short = anchor("abc", Span::new(1, 2), ItemKind::Text, None).expect("valid");
        assert_eq!((short.prefix.as_str(), short.exact.as_str(), short.suffix.as_str()), ("a", "b", "c"));
    }

    #[test]
    fn same_text_reattaches_exactly() {
        let a = captives_anchor();
        assert_eq!(reanchor(&a, SEED), attached(1735, 1753, Fidelity::Exact));
    }

    #[test]
    fn edited_paragraph_reattaches_at_the_new_offset() {
        // A sentence added before the figure's paragraph and the sentence
        // around it reworded: the figure itself is unchanged.
        let edited = SEED
            .replace("The focus on both living", "Officials gave no timeline. The focus on both living")
            .replace(
                "AFP quoted a Hamas official",
                "Separately, and after several days of silence, AFP quoted a senior Hamas official",
            )
            .replace("According to Israeli officials, approximately", "Israeli officials now say approximately");
        let new_start = edited.find(CAPTIVES).expect("still there");
        // 47 + 7 bytes added before the paragraph, 6 removed in its sentence.
        assert_eq!(new_start, 1735 + 47 + 7 - 6);
        assert_eq!(reanchor(&captives_anchor(), &edited), attached(new_start, new_start + 18, Fidelity::Moved));
    }

    #[test]
    fn deleted_sentence_detaches() {
        let sentence_start = SEED.find("According to Israeli officials").expect("sentence");
        let sentence_end = SEED[sentence_start..].find("Gaza. ").expect("end") + sentence_start + "Gaza. ".len();
        let mut edited = SEED.to_string();
        edited.replace_range(sentence_start..sentence_end, "");
        assert!(!edited.contains("living captives—"));
        assert_eq!(reanchor(&captives_anchor(), &edited), Attachment::Detached);
    }

    #[test]
    fn repeated_text_goes_to_the_occurrence_with_the_same_context() {
        let text = "Hamas said no. Later, Israel said no. Then Hamas said no again.";
        let second = text.rfind("Hamas said no").expect("second");
        let a = anchor(text, Span::new(second, second + 13), ItemKind::Text, None).expect("valid");
        // Insert text at the front: both occurrences move; the context picks the second one.
        let edited = format!("Update: {text}");
        assert_eq!(reanchor(&a, &edited), attached(second + 8, second + 8 + 13, Fidelity::Moved));
    }

    #[test]
    fn repeated_text_without_context_goes_to_the_nearest_occurrence() {
        let a = Anchor {
            kind: ItemKind::Text,
            exact: "no".into(),
            prefix: String::new(),
            suffix: String::new(),
            start: 10,
            name: None,
        };
        assert_eq!(reanchor(&a, "no, no, no, no, no"), attached(8, 10, Fidelity::Moved));
    }

    #[test]
    fn slightly_edited_quote_reattaches_fuzzily() {
        let quote = "We call on the Israeli government to uphold its international obligations";
        let a = anchor(SEED, span_of(SEED, quote), ItemKind::Quote, None).expect("valid");
        let edited = SEED.replace(quote, "We call upon the Israeli government to uphold its international obligation");
        let expected = span_of(&edited, "We call upon the Israeli government to uphold its international obligation");
        match reanchor(&a, &edited) {
            Attachment::Attached { span, fidelity } => {
                assert_eq!(fidelity, Fidelity::Fuzzy);
                assert_eq!(span, expected);
            }
            Attachment::Detached => panic!("a two-word edit should re-attach"),
        }
    }

    #[test]
    fn rewritten_text_does_not_attach_fuzzily() {
        let a = captives_anchor();
        let edited = SEED.replace(CAPTIVES, "two dozen hostages alive");
        assert_eq!(reanchor(&a, &edited), Attachment::Detached);
    }

    #[test]
    fn fuzzy_match_finds_a_moved_and_edited_item_by_its_context() {
        let sentence = "In the first phase, Hamas released 33 hostages in exchange for Israel's release";
        let a = anchor(SEED, span_of(SEED, sentence), ItemKind::Fact, None).expect("valid");
        // The item moved far (3 kB inserted before it) and had one word changed.
        let filler = "Unrelated paragraph. ".repeat(150);
        let edited = format!("{filler}{}", SEED.replace("released 33 hostages", "freed 33 hostages"));
        let expected = span_of(&edited, "In the first phase, Hamas freed 33 hostages in exchange for Israel's release");
        assert_eq!(reanchor(&a, &edited).span(), Some(expected));
    }

    #[test]
    fn notes_on_the_seed_article_map_to_its_items() {
        let breakdown = parse(SEED);
        let items = items_of(&breakdown);
        let fact_index = items
            .iter()
            .position(|i| i.kind.family() == ItemKind::Fact.family() && i.span.of(SEED).contains(CAPTIVES))
            .expect("a fact holds the figure");
        let fact_anchor = anchor_item(SEED, &items[fact_index]).expect("valid item");
        let hamas = items.iter().position(|i| i.name.as_deref() == Some("Hamas")).expect("Hamas is a party");
        let hamas_anchor = anchor_item(SEED, &items[hamas]).expect("valid item");

        // Re-pasted with a paragraph added before: both still map to their items.
        let edited = format!("Editor's note: updated.\n\n{SEED}");
        let new_items = items_of(&parse(&edited));
        let at = reanchor(&fact_anchor, &edited);
        let located = locate_item(&fact_anchor, at, &new_items).expect("fact found");
        assert!(new_items[located].span.of(&edited).contains(CAPTIVES));
        let party = locate_item(&hamas_anchor, reanchor(&hamas_anchor, &edited), &new_items).expect("party found");
        assert_eq!(new_items[party].name.as_deref(), Some("Hamas"));

        // A detached note on no item.
        let gone = edited.replace(&fact_anchor.exact, "");
        assert_eq!(locate_item(&fact_anchor, reanchor(&fact_anchor, &gone), &items_of(&parse(&gone))), None);
    }

    #[test]
    fn locate_item_needs_a_real_overlap_of_the_same_family() {
        let a = Anchor {
            kind: ItemKind::Fact,
            exact: "x".repeat(10),
            prefix: String::new(),
            suffix: String::new(),
            start: 0,
            name: None,
        };
        let at = attached(100, 110, Fidelity::Exact);
        let item = |kind, start, end| ItemRef { kind, span: Span::new(start, end), name: None };
        assert_eq!(locate_item(&a, at, &[item(ItemKind::Quote, 90, 120)]), None, "other family");
        assert_eq!(locate_item(&a, at, &[item(ItemKind::Fact, 108, 200)]), None, "2 of 10 bytes overlap");
        assert_eq!(
            locate_item(&a, at, &[item(ItemKind::Fact, 104, 200), item(ItemKind::Reported, 80, 150)]),
            Some(1),
            "the reported-speech item covers it wholly"
        );
    }

    #[test]
    fn degenerate_anchors_never_panic() {
        let texts = ["", "a", "€€€", "no no no"];
        for text in texts {
            for start in [0, 1, 2, 5, usize::MAX - 2, usize::MAX] {
                let a = Anchor {
                    kind: ItemKind::Text,
                    exact: "€ no".into(),
                    prefix: "€".into(),
                    suffix: "x".into(),
                    start,
                    name: None,
                };
                if let Some(span) = reanchor(&a, text).span() {
                    assert!(text.get(span.start..span.end).is_some());
                }
            }
        }
    }

    fn check_span(text: &str, attachment: Attachment) -> Result<(), TestCaseError> {
        if let Some(span) = attachment.span() {
            prop_assert!(span.start < span.end, "non-empty");
            prop_assert!(span.end <= text.len(), "inside the text");
            prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        }
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

        #[test]
        fn reanchoring_any_anchor_in_any_text_is_safe(
            text in "[a-c €—\u{1F600}]{0,120}",
            exact in "[a-c €—]{0,14}",
            prefix in "[a-c €]{0,6}",
            suffix in "[a-c €]{0,6}",
            start in 0usize..200,
        ) {
            let a = Anchor { kind: ItemKind::Text, exact, prefix, suffix, start, name: None };
            check_span(&text, reanchor(&a, &text))?;
        }

        #[test]
        fn anchors_reattach_after_random_edits(
            text in "[a-d €\u{e9}.]{1,200}",
            from in 0usize..200,
            len in 1usize..40,
            cut in 0usize..200,
            cut_len in 0usize..30,
            insert in "[a-d \u{e9}]{0,20}",
        ) {
            let start = floor_boundary(&text, from.min(text.len() - 1));
            let end = ceil_boundary(&text, start + len);
            prop_assume!(start < end);
            let a = anchor(&text, Span::new(start, end), ItemKind::Fact, None).expect("valid span");
            prop_assert_eq!(reanchor(&a, &text).span(), Some(Span::new(start, end)));

            let cut_start = floor_boundary(&text, cut);
            let cut_end = ceil_boundary(&text, cut_start + cut_len);
            let mut edited = text.clone();
            edited.replace_range(cut_start..cut_end, &insert);
            let attachment = reanchor(&a, &edited);
            check_span(&edited, attachment)?;
            if let Attachment::Attached { span, fidelity: Fidelity::Exact | Fidelity::Moved } = attachment {
                prop_assert_eq!(&edited[span.start..span.end], a.exact.as_str());
            }
        }
    }

    #[test]
    fn huge_repetitive_text_is_handled_quickly() {
        let text = "ab".repeat(500_000);
        let a = Anchor {
            kind: ItemKind::Text,
            exact: "abababababababac".into(),
            prefix: "ab".repeat(16),
            suffix: "ab".repeat(16),
            start: 400_000,
            name: None,
        };
        let started = std::time::Instant::now();
        let _ = reanchor(&a, &text);
        let b = Anchor { exact: "ab".into(), ..a };
        assert!(reanchor(&b, &text).span().is_some());
        assert!(started.elapsed().as_secs() < 5, "bounded work: {:?}", started.elapsed());
    }
}
