//! The parser never panics and keeps its promises on any input: arbitrary
//! strings built from the characters that trip text tools (quote marks of
//! every family, apostrophes, dashes, periods, capitals, digits, mixed
//! scripts, right-to-left text, emoji, control characters, no spaces).

use factsheet::parser::{parse, Breakdown, Span};
use proptest::prelude::*;

/// Pieces articles are made of, and pieces that break naive parsers.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("\"".to_string()),
        Just("\u{201C}".to_string()),
        Just("\u{201D}".to_string()),
        Just("\u{201E}".to_string()),
        Just("'".to_string()),
        Just("\u{2018}".to_string()),
        Just("\u{2019}".to_string()),
        Just("\u{AB}".to_string()),
        Just("\u{BB}".to_string()),
        Just("\u{300C}".to_string()),
        Just(", said ".to_string()),
        Just(" he said. ".to_string()),
        Just("Mr. ".to_string()),
        Just("U.S. ".to_string()),
        Just(" \u{2014} ".to_string()),
        Just("...".to_string()),
        Just("\n\n".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("2,000 ".to_string()),
        Just("3.5% ".to_string()),
        Just("$3 billion ".to_string()),
        Just("on Sunday ".to_string()),
        Just("2025-03-06 03:24:00".to_string()),
        Just("WASHINGTON \u{2014} ".to_string()),
        Just("Hamas ".to_string()),
        Just("the agency ".to_string()),
        Just("Karine Jean-Pierre ".to_string()),
        Just("al-Hamdani ".to_string()),
        Just("(AP) ".to_string()),
        Just("\u{5E9}\u{5DC}\u{5D5}\u{5DD} ".to_string()),
        Just("\u{645}\u{631}\u{62D}\u{628}\u{627} ".to_string()),
        Just("\u{4F60}\u{597D}".to_string()),
        Just("\u{1F600}".to_string()),
        Just("\u{200B}\u{FEFF}\u{0}\u{7}".to_string()),
        Just("e\u{301}".to_string()),
        "[A-Za-z]{1,12}".prop_map(|s| s + " "),
        "[A-Z][a-z]{1,8}".prop_map(|s| s + " "),
        "[0-9]{1,7}".prop_map(|s| s + " "),
        any::<char>().prop_map(|c| c.to_string()),
    ]
}

fn article() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..120).prop_map(|v| v.concat())
}

fn on_boundaries(text: &str, span: Span) -> bool {
    span.start <= span.end
        && span.end <= text.len()
        && text.is_char_boundary(span.start)
        && text.is_char_boundary(span.end)
}

/// Everything the breakdown promises about its spans and order.
fn check_invariants(text: &str, b: &Breakdown) -> Result<(), TestCaseError> {
    for q in &b.quotes {
        prop_assert!(on_boundaries(text, q.span), "quote span {:?}", q.span);
        prop_assert!(on_boundaries(text, q.marks), "quote marks {:?}", q.marks);
        prop_assert!(q.marks.contains(q.span));
        prop_assert_eq!(q.span.of(text), q.text.as_str());
        prop_assert!(q.sentence < b.sentences.len() && q.paragraph < b.paragraphs.len());
        prop_assert!(q.parties.iter().all(|&p| p < b.parties.len()));
        prop_assert!(q.person.is_none_or(|p| p < b.people.len()));
        if let Some(cue) = q.cue {
            prop_assert!(on_boundaries(text, cue));
        }
    }
    // Quotes in text order, not overlapping.
    for w in b.quotes.windows(2) {
        prop_assert!(w[0].marks.end <= w[1].marks.start, "{:?} then {:?}", w[0].marks, w[1].marks);
    }
    for s in &b.sentences {
        prop_assert!(on_boundaries(text, s.span));
    }
    for w in b.sentences.windows(2) {
        prop_assert!(w[0].span.end <= w[1].span.start);
    }
    for p in &b.paragraphs {
        prop_assert!(on_boundaries(text, p.span));
        prop_assert!(p.sentences.end <= b.sentences.len());
    }
    for f in &b.facts {
        prop_assert!(on_boundaries(text, f.span));
        prop_assert_eq!(f.span.of(text), f.text.as_str());
        prop_assert!(f.parties.iter().all(|&p| p < b.parties.len()));
        prop_assert!(f.quotes.iter().all(|&q| q < b.quotes.len()));
        for g in &f.figures {
            prop_assert!(f.span.contains(g.span));
        }
    }
    for f in &b.figures {
        prop_assert!(on_boundaries(text, f.span));
        prop_assert_eq!(f.span.of(text), f.value.as_str());
    }
    for d in &b.dates {
        prop_assert!(on_boundaries(text, d.span));
        prop_assert_eq!(d.span.of(text), d.text.as_str());
    }
    for p in &b.parties {
        prop_assert!(p.spans.iter().all(|&s| on_boundaries(text, s)));
        prop_assert!(p.people.iter().all(|&i| i < b.people.len()));
    }
    for p in &b.people {
        prop_assert!(p.spans.iter().all(|&s| on_boundaries(text, s)));
        prop_assert!(p.party.is_none_or(|i| i < b.parties.len()));
    }
    prop_assert_eq!(b.stats.bytes, text.len());
    Ok(())
}

/// 600 cases, or `PROPTEST_CASES` for a longer run (`PROPTEST_CASES=20000 cargo test --release
/// --test robustness`).
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(600)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn any_article_keeps_the_invariants(text in article()) {
        let b = parse(&text);
        check_invariants(&text, &b)?;
    }

    #[test]
    fn any_unicode_string_keeps_the_invariants(text in "\\PC{0,300}") {
        let b = parse(&text);
        check_invariants(&text, &b)?;
    }

    #[test]
    fn the_json_form_round_trips(text in article()) {
        let b = parse(&text);
        let json = serde_json::to_string(&b).expect("breakdown encodes");
        let back: Breakdown = serde_json::from_str(&json).expect("breakdown decodes");
        prop_assert_eq!(back, b);
    }
}

/// Inputs the fuzz target found; each once broke an invariant.
#[test]
fn fuzz_findings_stay_fixed() {
    for text in ["$\nsixty-i ", "sixty-i", "a thirty-x b"] {
        let b = parse(text);
        for f in &b.figures {
            assert!(f.span.start <= f.span.end && f.span.end <= text.len(), "{text:?}: {:?}", f.span);
        }
    }
}

#[test]
fn pathological_inputs_finish() {
    let cases = [
        "\"".repeat(20_000),
        "'".repeat(20_000),
        "\u{201C}a ".repeat(10_000),
        "A".repeat(100_000),
        "Mr. ".repeat(10_000),
        "Ab Cd ".repeat(20_000),
        "word ".repeat(50_000),
        ". ".repeat(20_000),
        "\n".repeat(50_000),
        "the agency said ".repeat(5_000),
    ];
    for text in &cases {
        let b = parse(text);
        assert_eq!(b.stats.bytes, text.len());
    }
}
