//! Fuzz target: any bytes that are UTF-8 text go through the parser, which
//! must not panic, and whose spans must all lie on char boundaries inside
//! the text. Run with `cargo +nightly fuzz run parse` (see README).

#![no_main]

use factsheet::parser::{parse, Span};
use libfuzzer_sys::fuzz_target;

fn inside(text: &str, s: Span) -> bool {
    s.start <= s.end && s.end <= text.len() && text.is_char_boundary(s.start) && text.is_char_boundary(s.end)
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let b = parse(text);
    for q in &b.quotes {
        assert!(inside(text, q.span) && inside(text, q.marks));
    }
    for w in b.quotes.windows(2) {
        assert!(w[0].marks.end <= w[1].marks.start);
    }
    for f in &b.facts {
        assert!(inside(text, f.span));
    }
    for f in &b.figures {
        assert!(inside(text, f.span));
    }
    for d in &b.dates {
        assert!(inside(text, d.span));
    }
    for s in &b.sentences {
        assert!(inside(text, s.span));
    }
});
