//! Paragraphs: where they start and end, and which ones are the headline,
//! the timestamp and the abstract rather than body text.

use super::model::Span;

/// Splits `text` into paragraphs (trimmed byte ranges, none empty).
///
/// Blank lines always separate paragraphs. Single line breaks separate them
/// too, unless the text looks hard-wrapped (most lines of similar, moderate
/// length), in which case wrapped lines are joined.
pub(crate) fn paragraphs(text: &str) -> Vec<Span> {
    // Lines as (start, end) without the line break.
    let mut lines: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' {
            lines.push((start, i));
            start = i + 1;
        }
    }
    lines.push((start, text.len()));

    let blank = |l: &(usize, usize)| text[l.0..l.1].trim().is_empty();
    let wrapped = looks_hard_wrapped(text, &lines);

    let mut out = Vec::new();
    let mut cur: Option<(usize, usize)> = None;
    let mut prev_line: Option<(usize, usize)> = None;
    for l in &lines {
        if blank(l) {
            if let Some(c) = cur.take() {
                push_trimmed(text, c, &mut out);
            }
            prev_line = None;
            continue;
        }
        match cur {
            Some(ref mut c) if wrapped && continues_wrapped(text, prev_line, *l) => c.1 = l.1,
            Some(c) => {
                push_trimmed(text, c, &mut out);
                cur = Some(*l);
            }
            None => cur = Some(*l),
        }
        prev_line = Some(*l);
    }
    if let Some(c) = cur {
        push_trimmed(text, c, &mut out);
    }
    out
}

fn push_trimmed(text: &str, (s, e): (usize, usize), out: &mut Vec<Span>) {
    let body = &text[s..e];
    let lead = body.len() - body.trim_start().len();
    let trimmed = body.trim();
    if !trimmed.is_empty() {
        out.push(Span::new(s + lead, s + lead + trimmed.len()));
    }
}

/// Hard-wrapped text: most lines inside multi-line blocks are 45–100 chars.
fn looks_hard_wrapped(text: &str, lines: &[(usize, usize)]) -> bool {
    let mut total = 0usize;
    let mut moderate = 0usize;
    for (i, l) in lines.iter().enumerate() {
        let next_nonblank = lines.get(i + 1).is_some_and(|n| !text[n.0..n.1].trim().is_empty());
        let len = text[l.0..l.1].trim().chars().count();
        if len == 0 || !next_nonblank {
            continue;
        }
        total += 1;
        if (45..=100).contains(&len) {
            moderate += 1;
        }
    }
    total >= 3 && moderate * 10 >= total * 8
}

/// In hard-wrapped text, a line continues the previous one unless the
/// previous line ended a sentence and was clearly short.
fn continues_wrapped(text: &str, prev: Option<(usize, usize)>, _line: (usize, usize)) -> bool {
    let Some(p) = prev else { return false };
    let prev = text[p.0..p.1].trim_end();
    let short = prev.chars().count() < 45;
    !(short && prev.ends_with(['.', '!', '?', '"', '\u{201D}', ':']))
}

/// A paragraph that is only a date and/or time ("2025-03-06 03:24:00",
/// "Updated: March 6, 2025 3:24 PM EST").
pub(crate) fn is_timestamp_paragraph(body: &str) -> bool {
    body.len() <= 80 && super::dates::parse_timestamp(body).is_some()
}

/// "Abstract:", "Summary:" and the like: returns the length of the label.
pub(crate) fn abstract_label(body: &str) -> Option<usize> {
    for label in ["Abstract:", "Summary:", "Standfirst:", "Synopsis:", "In brief:", "ABSTRACT:", "SUMMARY:"] {
        if let Some(rest) = body.strip_prefix(label) {
            return Some(body.len() - rest.trim_start().len());
        }
    }
    None
}

/// A first paragraph that reads as a headline: short, no final period.
pub(crate) fn looks_like_headline(body: &str) -> bool {
    let words = body.split_whitespace().count();
    (2..=25).contains(&words)
        && body.len() <= 220
        && !body.ends_with(['.', ':', ',', ';'])
        && !body.contains(". ")
        && abstract_label(body).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(text: &str) -> Vec<&str> {
        paragraphs(text).iter().map(|s| s.of(text)).collect()
    }

    #[test]
    fn blank_lines_separate_paragraphs() {
        assert_eq!(paras("One.\n\n  Two.  \n\n\nThree."), ["One.", "Two.", "Three."]);
    }

    #[test]
    fn single_line_breaks_separate_short_lines() {
        assert_eq!(paras("Headline here\n2025-03-06\nBody text."), ["Headline here", "2025-03-06", "Body text."]);
    }

    #[test]
    fn hard_wrapped_lines_are_joined() {
        let text = "This is a long line of text that was wrapped by an email client at\n\
                    seventy characters or so, and it goes on for a while before it\n\
                    finally ends in the middle of nowhere with a full stop right here.\n\
                    Then another sentence starts on this line and also wraps over to\n\
                    the next line.";
        assert_eq!(paragraphs(text).len(), 1);
    }

    #[test]
    fn crlf_line_ends_are_trimmed() {
        assert_eq!(paras("One.\r\n\r\nTwo.\r\n"), ["One.", "Two."]);
    }

    #[test]
    fn headline_shape() {
        assert!(looks_like_headline("US confirms direct talks with Hamas over Gaza captives"));
        assert!(!looks_like_headline("The United States is engaging in direct talks. It said so."));
    }
}
