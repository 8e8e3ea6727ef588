//! Finding quoted spans: pairs quote marks inside each paragraph.
//!
//! Marks come in families (double, single, guillemets, corner brackets); a mark
//! opens or closes by its glyph and by what flanks it, the way CommonMark
//! decides emphasis: `"` after a space and before a letter opens, `"` after a
//! letter and before a space closes. Single marks between letters are
//! apostrophes (`don't`, `Sa'ad`). Nesting is kept on a stack, so `'…'` inside
//! `"…"` stays inside. Pairing never crosses a paragraph: a quote left open at
//! the end of a paragraph either continues (the next paragraph re-opens it) or
//! ends with the paragraph, so one stray mark cannot swallow the article.

use super::model::Span;

/// Which marks pair with which.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Family {
    Double,
    Single,
    Guillemet,
    SingleGuillemet,
    Corner,
    WhiteCorner,
}

/// One quoted span found in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct QuoteSpan {
    /// The opening mark, or an empty span at the start of the quote when the
    /// opening mark is missing.
    pub open: Span,
    /// The closing mark, or an empty span where the quote ends without one.
    pub close: Span,
    /// Nesting depth: 0 for outermost quotes.
    pub depth: u16,
    /// The quote runs on into the next paragraph (which re-opens it).
    pub continues: bool,
    /// Closed by the end of the paragraph rather than by a mark.
    pub unclosed: bool,
    /// The opening mark is missing: the quote was recovered from a lone closing
    /// mark followed by an attribution (`Defeating malaria" says Mr. Bush`).
    pub missing_open: bool,
}

impl QuoteSpan {
    /// The characters between the marks.
    pub fn inner(&self) -> Span {
        Span::new(self.open.end, self.close.start)
    }
    /// The quote including its marks.
    pub fn outer(&self) -> Span {
        Span::new(self.open.start, self.close.end)
    }
}

/// Family of a quote glyph, if it is one.
fn family(c: char) -> Option<Family> {
    Some(match c {
        '"' | '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{FF02}' => Family::Double,
        '\'' | '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' => Family::Single,
        '\u{AB}' | '\u{BB}' => Family::Guillemet,
        '\u{2039}' | '\u{203A}' => Family::SingleGuillemet,
        '\u{300C}' | '\u{300D}' => Family::Corner,
        '\u{300E}' | '\u{300F}' => Family::WhiteCorner,
        _ => return None,
    })
}

/// Whether `c` may be a quote mark at all (cheap pre-filter).
pub(crate) fn is_quote_glyph(c: char) -> bool {
    family(c).is_some()
}

/// Punctuation after which an opening mark may stand ("(", "—", "[").
fn opens_after(c: char) -> bool {
    matches!(c, '(' | '[' | '{' | '\u{2014}' | '\u{2013}' | '-' | '/' | ':' | '\u{2026}') || family(c).is_some()
}

/// Punctuation before which a closing mark may stand.
fn closes_before(c: char) -> bool {
    matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '\u{2014}' | '\u{2013}' | '-' | '\u{2026}' | '/')
        || family(c).is_some()
}

#[derive(Clone, Copy)]
struct Mark {
    pos: usize,
    len: usize,
    glyph: char,
    family: Family,
    prev: Option<char>,
    next: Option<char>,
}

impl Mark {
    fn span(&self) -> Span {
        Span::new(self.pos, self.pos + self.len)
    }
    /// Followed by text, preceded by space, start, or opening punctuation.
    fn left_flanking(&self) -> bool {
        let next_ok = self.next.is_some_and(|c| !c.is_whitespace());
        let prev_ok = match self.prev {
            None => true,
            Some(c) => c.is_whitespace() || opens_after(c),
        };
        next_ok && prev_ok
    }
    /// Preceded by text, followed by space, end, or closing punctuation.
    fn right_flanking(&self) -> bool {
        let prev_ok = self.prev.is_some_and(|c| !c.is_whitespace());
        let next_ok = match self.next {
            None => true,
            Some(c) => c.is_whitespace() || closes_before(c),
        };
        prev_ok && next_ok
    }
}

#[derive(Clone, Copy)]
struct Open {
    mark: Mark,
    /// Index into the output list of a quote this one continues (unused when
    /// the quote starts here).
    depth: u16,
}

/// Pairs the quote marks of `text` paragraph by paragraph.
///
/// `paragraphs` are the byte ranges of the paragraphs, in order. Returns the
/// quotes sorted by start, outer quotes before the quotes they contain.
pub(crate) fn find_quotes(text: &str, paragraphs: &[Span]) -> Vec<QuoteSpan> {
    let mut out = Vec::new();
    let mut marks: Vec<Mark> = Vec::new();
    for (pi, para) in paragraphs.iter().enumerate() {
        let body = para.of(text);
        collect_marks(body, para.start, &mut marks);
        if marks.is_empty() {
            continue;
        }
        let next_para_opens = paragraphs.get(pi + 1).map(|p| paragraph_starts_with_open(p.of(text))).unwrap_or(false);
        pair_paragraph(text, *para, &marks, next_para_opens, &mut out);
    }
    crate::order::sort_by_key(&mut out, |q| (q.open.start, std::cmp::Reverse(q.close.end)));
    out
}

/// Whether a paragraph begins with an opening quote mark (a re-opened quote).
fn paragraph_starts_with_open(body: &str) -> bool {
    let mut chars = body.chars();
    if let Some(rest) = body.strip_prefix("''") {
        return rest.chars().next().is_some_and(|n| !n.is_whitespace());
    }
    match (chars.next(), chars.next()) {
        (Some(c), Some(n)) => {
            matches!(c, '"' | '\u{201C}' | '\u{201E}' | '\u{AB}' | '\u{BB}' | '\u{2018}' | '\'' | '\u{300C}')
                && !n.is_whitespace()
        }
        _ => false,
    }
}

/// The bytes [`collect_marks`] stops at: `<` (markup), ASCII `"` and `'`, and
/// the lead bytes of the other quote glyphs' UTF-8 forms.
static MAY_START_MARK: [bool; 256] = {
    let mut table = [false; 256];
    let mut k = 0;
    let starts = [b'<', b'"', b'\'', 0xC2, 0xE2, 0xE3, 0xEF];
    while k < starts.len() {
        table[starts[k] as usize] = true;
        k += 1;
    }
    table
};

fn collect_marks(body: &str, base: usize, marks: &mut Vec<Mark>) {
    marks.clear();
    let bytes = body.as_bytes();
    // Only bytes that can start a quote glyph are looked at closely:
    // ASCII `"` and `'`, and the lead bytes of the others' UTF-8 forms.
    let mut i = 0;
    while i < bytes.len() {
        // Most bytes can start neither markup nor a mark: skip them in one tight loop.
        match bytes[i..].iter().position(|&b| MAY_START_MARK[usize::from(b)]) {
            Some(skip) => i += skip,
            None => break,
        }
        let b = bytes[i];
        // Markup pasted with the text (`<tweet tweet-id="…">`): its attribute
        // values are not quotations.
        if b == b'<' {
            if let Some(len) = markup_tag_len(&bytes[i..]) {
                i += len;
                continue;
            }
        }
        if !matches!(b, b'"' | b'\'' | 0xC2 | 0xE2 | 0xE3 | 0xEF) {
            i += 1;
            continue;
        }
        let Some(c) = body[i..].chars().next() else { break };
        let Some(family) = family(c) else {
            i += c.len_utf8();
            continue;
        };
        let prev = body[..i].chars().next_back();
        // Two apostrophes stand for a double quotation mark in some archives
        // (''like this''): one mark of the double family.
        if b == b'\'' && bytes.get(i + 1) == Some(&b'\'') {
            let next = body[i + 2..].chars().next();
            marks.push(Mark { pos: base + i, len: 2, glyph: '"', family: Family::Double, prev, next });
            i += 2;
            continue;
        }
        let next = body[i + c.len_utf8()..].chars().next();
        marks.push(Mark { pos: base + i, len: c.len_utf8(), glyph: c, family, prev, next });
        i += c.len_utf8();
    }
}

/// Length of an HTML/XML tag starting at `bytes[0] == b'<'` (`<tweet a="1">`,
/// `</p>`, `<br/>`), if it is one: a letter or `/` after `<`, a `>` before
/// any line break and within 400 bytes.
fn markup_tag_len(bytes: &[u8]) -> Option<usize> {
    let first = *bytes.get(1)?;
    if !(first.is_ascii_alphabetic() || first == b'/' || first == b'!') {
        return None;
    }
    // A tag name runs to a space, `/` or `>`: "<3 children" or "< 5" are not tags.
    let name_len =
        bytes[1..].iter().take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'/' | b'!' | b'-' | b':')).count();
    if !matches!(bytes.get(1 + name_len), Some(b' ' | b'>' | b'/' | b'\t')) {
        return None;
    }
    // Up to the `>` outside attribute values (which may hold `>` and quotes).
    let mut i = 1 + name_len;
    let mut in_value: Option<u8> = None;
    while i < bytes.len().min(4000) {
        let b = bytes[i];
        match in_value {
            Some(q) if b == q => in_value = None,
            Some(_) => {}
            // Only after `=`: an attribute value, not an apostrophe in text.
            None if (b == b'"' || b == b'\'')
                && bytes[..i].iter().rev().find(|c| !c.is_ascii_whitespace()) == Some(&b'=') =>
            {
                in_value = Some(b);
            }
            None if b == b'>' => return Some(i + 1),
            None if b == b'\n' => return None,
            None => {}
        }
        i += 1;
    }
    None
}

/// Whether a single-family mark is an apostrophe rather than a quote mark.
fn is_apostrophe(m: &Mark) -> bool {
    let letter = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    if letter(m.prev) && letter(m.next) {
        return true; // don't, Sa'ad, it’s
    }
    // '90s, ’em: an elided start before a digit.
    if matches!(m.glyph, '\'' | '\u{2019}') && m.next.is_some_and(|c| c.is_ascii_digit()) && !letter(m.prev) {
        return true;
    }
    false
}

fn pair_paragraph(text: &str, para: Span, marks: &[Mark], next_para_opens: bool, out: &mut Vec<QuoteSpan>) {
    let mut stack: Vec<Open> = Vec::new();
    for m in marks {
        let depth = stack.len() as u16;
        let pending = stack.iter().rposition(|o| same_family(o.mark.family, m.family));
        let action = decide(m, pending.map(|i| stack[i].mark.glyph));
        match action {
            Action::Close => {
                if let Some(i) = pending {
                    let open = stack[i];
                    stack.truncate(i);
                    out.push(QuoteSpan {
                        open: open.mark.span(),
                        close: m.span(),
                        depth: open.depth,
                        continues: false,
                        unclosed: false,
                        missing_open: false,
                    });
                } else if m.family == Family::Double && stack.is_empty() {
                    if let Some(q) = recover_missing_open(text, para, m, out) {
                        out.push(q);
                    }
                }
            }
            Action::Open => {
                // `"A, said X. "B."`: a quote never closed before its
                // attribution; end it at the comma and open the next one.
                if let Some(i) = pending.filter(|_| m.family == Family::Double) {
                    let open = stack[i];
                    if let Some(comma) = attribution_inside(text, open.mark.pos + open.mark.len, m.pos) {
                        stack.truncate(i);
                        out.push(QuoteSpan {
                            open: open.mark.span(),
                            close: Span::new(comma + 1, comma + 1),
                            depth: open.depth,
                            continues: false,
                            unclosed: true,
                            missing_open: false,
                        });
                        stack.push(Open { mark: *m, depth: open.depth });
                        continue;
                    }
                }
                if stack.len() < 64 {
                    stack.push(Open { mark: *m, depth });
                }
            }
            Action::Ignore => {}
        }
    }
    // The outermost quote left open ends with the paragraph (and may continue).
    if let Some(open) =
        stack.iter().find(|o| matches!(o.mark.family, Family::Double | Family::Guillemet | Family::Corner))
    {
        let end = trim_end(text, para);
        if end > open.mark.pos + open.mark.len {
            out.push(QuoteSpan {
                open: open.mark.span(),
                close: Span::new(end, end),
                depth: open.depth,
                continues: next_para_opens,
                unclosed: true,
                missing_open: false,
            });
        }
    }
}

/// Byte offset of the comma of a ", said X" / ", X said" attribution inside
/// `from..to` (a quote whose closing mark is missing), if any.
fn attribution_inside(text: &str, from: usize, to: usize) -> Option<usize> {
    // The attribution follows the first words of the quote; looking no
    // further keeps pairing linear when marks are left open everywhere.
    let mut end = to.min(from + 400);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let inner = text.get(from..end)?;
    for (i, _) in inner.match_indices(", ") {
        let rest = &inner[i + 2..];
        let mut words = rest.split(|c: char| c.is_whitespace()).filter(|w| !w.is_empty());
        let first = words.next().unwrap_or("");
        let second = words.next().unwrap_or("");
        let third = words.next().unwrap_or("");
        let verb = |w: &str| RECOVERY_VERBS.contains(&w.trim_end_matches([',', '.']));
        let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
        if verb(first) || (capital(first) && (verb(second) || (capital(second) && verb(third)))) {
            return Some(from + i);
        }
    }
    None
}

fn trim_end(text: &str, para: Span) -> usize {
    para.start + para.of(text).trim_end().len()
}

fn same_family(a: Family, b: Family) -> bool {
    a == b
}

enum Action {
    Open,
    Close,
    Ignore,
}

/// Opens, closes or ignores a mark, given the glyph of the pending open mark of
/// its family (if any).
fn decide(m: &Mark, pending: Option<char>) -> Action {
    let left = m.left_flanking();
    let right = m.right_flanking();
    match m.family {
        Family::Double => match m.glyph {
            '\u{201E}' | '\u{201F}' => Action::Open,
            '\u{201C}' => match pending {
                // German „…“ closes with U+201C.
                Some('\u{201E}') | Some('\u{201F}') => Action::Close,
                Some(_) if right && !left => Action::Close,
                _ => Action::Open,
            },
            '\u{201D}' => match pending {
                Some(_) if right || !left => Action::Close,
                Some(_) => Action::Open, // a nested Swedish-style opening
                None if left && !right => Action::Open,
                None => Action::Close, // a lone closing mark: may recover a missing open
            },
            _ => match pending {
                Some(_) if left && !right => Action::Open, // nested straight quote
                Some(_) => Action::Close,
                None if left || !right => Action::Open,
                None => Action::Close,
            },
        },
        Family::Single => {
            if is_apostrophe(m) {
                return Action::Ignore;
            }
            match m.glyph {
                '\u{2018}' | '\u{201A}' | '\u{201B}' => {
                    if left {
                        Action::Open
                    } else if pending.is_some() && right {
                        Action::Close
                    } else {
                        Action::Ignore
                    }
                }
                _ => {
                    if pending.is_some() && right {
                        Action::Close
                    } else if left && !right && m.next.is_some_and(|c| c.is_alphabetic() || c == '[' || c == '(') {
                        Action::Open
                    } else {
                        Action::Ignore
                    }
                }
            }
        }
        Family::Guillemet | Family::SingleGuillemet => {
            let opener = matches!(m.glyph, '\u{AB}' | '\u{2039}');
            match pending {
                Some(p) if p != m.glyph => Action::Close,
                Some(_) => Action::Open,
                None if opener || left => Action::Open,
                None => Action::Ignore,
            }
        }
        Family::Corner | Family::WhiteCorner => {
            if matches!(m.glyph, '\u{300C}' | '\u{300E}') {
                Action::Open
            } else if pending.is_some() {
                Action::Close
            } else {
                Action::Ignore
            }
        }
    }
}

/// Speech verbs that may follow a quote whose opening mark is missing.
const RECOVERY_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "added",
    "adds",
    "asked",
    "asks",
    "stated",
    "states",
    "told",
    "tells",
    "wrote",
    "writes",
    "explained",
    "noted",
    "declared",
    "insisted",
    "replied",
    "continued",
];

/// A closing mark with no opening one, followed by an attribution
/// (`Defeating malaria" says Mr. Bush`): the quote starts at the sentence start.
fn recover_missing_open(text: &str, para: Span, m: &Mark, done: &[QuoteSpan]) -> Option<QuoteSpan> {
    let after = text.get(m.pos + m.len..para.end)?;
    let after = after.trim_start_matches([',', ' ']);
    let first: &str = after.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    let second: &str =
        after.split(|c: char| !c.is_alphabetic() && c != '.').filter(|w| !w.is_empty()).nth(1).unwrap_or("");
    let verb_next = RECOVERY_VERBS.contains(&first)
        || (first.chars().next().is_some_and(char::is_uppercase) && RECOVERY_VERBS.contains(&second));
    if !verb_next {
        return None;
    }
    // Scan back (bounded) to the start of the sentence, not past an earlier quote.
    let floor = done.iter().rev().find(|q| q.close.end <= m.pos).map_or(para.start, |q| q.close.end.max(para.start));
    let lo = m.pos.saturating_sub(400).max(floor);
    let lo = (lo..=m.pos).find(|&i| text.is_char_boundary(i)).unwrap_or(m.pos);
    let before = text.get(lo..m.pos)?;
    let mut start = lo;
    let bytes = before.as_bytes();
    for i in (0..bytes.len()).rev() {
        if matches!(bytes[i], b'.' | b'?' | b'!' | b':' | b';') && bytes.get(i + 1).is_some_and(|b| *b == b' ') {
            start = lo + i + 1;
            break;
        }
    }
    let inner_start = start + text.get(start..m.pos)?.len() - text.get(start..m.pos)?.trim_start().len();
    if inner_start >= m.pos {
        return None;
    }
    Some(QuoteSpan {
        open: Span::new(inner_start, inner_start),
        close: m.span(),
        depth: 0,
        continues: false,
        unclosed: false,
        missing_open: true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> Vec<String> {
        let paras = vec![Span::new(0, text.len())];
        find_quotes(text, &paras).iter().filter(|q| q.depth == 0).map(|q| q.inner().of(text).to_string()).collect()
    }

    fn quotes_in_paragraphs(text: &str) -> Vec<(String, bool)> {
        let mut paras = Vec::new();
        let mut start = 0;
        for part in text.split("\n\n") {
            paras.push(Span::new(start, start + part.len()));
            start += part.len() + 2;
        }
        find_quotes(text, &paras)
            .iter()
            .filter(|q| q.depth == 0)
            .map(|q| (q.inner().of(text).to_string(), q.continues))
            .collect()
    }

    #[test]
    fn straight_double_quotes_pair() {
        assert_eq!(quotes(r#"He said "yes" and "no"."#), vec!["yes", "no"]);
    }

    #[test]
    fn curly_double_quotes_pair() {
        assert_eq!(quotes("“We are ready,” he said."), vec!["We are ready,"]);
    }

    #[test]
    fn mixed_straight_open_curly_close_pair() {
        assert_eq!(quotes("He said \"we are ready” today."), vec!["we are ready"]);
    }

    #[test]
    fn german_low_high_marks_pair() {
        assert_eq!(quotes("Er sagte: „Wir sind bereit“, und ging."), vec!["Wir sind bereit"]);
    }

    #[test]
    fn french_and_danish_guillemets_pair() {
        assert_eq!(quotes("Il a dit « nous sommes prêts » hier."), vec![" nous sommes prêts "]);
        assert_eq!(quotes("Han sagde »vi er klar« i går."), vec!["vi er klar"]);
    }

    #[test]
    fn single_quotes_nest_inside_double() {
        let text = r#""He is treated like a 'yo-yo.' He is safe," said Matonga."#;
        assert_eq!(quotes(text), vec!["He is treated like a 'yo-yo.' He is safe,"]);
        let all = find_quotes(text, &[Span::new(0, text.len())]);
        assert_eq!(all.len(), 2);
        assert_eq!(all[1].inner().of(text), "yo-yo.");
        assert_eq!(all[1].depth, 1);
    }

    #[test]
    fn apostrophes_are_not_quote_marks() {
        assert!(quotes("The leaders' talks in the '90s didn't help Sa'ad’s plan.").is_empty());
    }

    #[test]
    fn top_level_single_quotes_pair() {
        assert_eq!(quotes("He called it 'a serious breach' on Monday."), vec!["a serious breach"]);
    }

    #[test]
    fn space_inside_closing_mark_still_closes() {
        let text = r#""What are we going to do? " asked one caller."#;
        assert_eq!(quotes(text), vec!["What are we going to do? "]);
    }

    #[test]
    fn nested_straight_double_quotes() {
        let text = r#""They call it "crazy" today," she said."#;
        assert_eq!(quotes(text), vec![r#"They call it "crazy" today,"#]);
    }

    #[test]
    fn quote_reopened_in_next_paragraph_gives_one_piece_per_paragraph() {
        let text = "\"First part of the speech.\n\n\"Second part,\" she said.";
        assert_eq!(
            quotes_in_paragraphs(text),
            vec![("First part of the speech.".to_string(), true), ("Second part,".to_string(), false)]
        );
    }

    #[test]
    fn unbalanced_mark_stops_at_paragraph_end() {
        let text = "He said \"this never closes.\n\nThe next paragraph is plain.\n\nAnd \"this\" is fine.";
        let got = quotes_in_paragraphs(text);
        assert_eq!(got[0], ("this never closes.".to_string(), false));
        assert_eq!(got[1], ("this".to_string(), false));
    }

    #[test]
    fn missing_opening_mark_recovered_from_attribution() {
        let text = "It is a goal. Defeating malaria\" says Mr. Bush, \"is possible.\"";
        assert_eq!(quotes(text), vec!["Defeating malaria", "is possible."]);
    }

    #[test]
    fn missing_closing_mark_before_attribution_is_recovered() {
        let text = r#""The water came up fast, said Amina Hussein, a mother. "We left everything.""#;
        assert_eq!(quotes(text), vec!["The water came up fast,", "We left everything."]);
    }

    #[test]
    fn two_apostrophes_pair_like_double_quotes() {
        assert_eq!(
            quotes("''We will win,'' she said, calling it ''a fresh start.''"),
            vec!["We will win,", "a fresh start."]
        );
        // Inside them, single quotes still nest and apostrophes stay apostrophes.
        assert_eq!(quotes("''He can't say 'no' now,'' Reyna said."), vec!["He can't say 'no' now,"]);
    }

    #[test]
    fn markup_attributes_are_not_quotes() {
        assert_eq!(quotes(r#"<tweet tweet-id="1846112093374519622"> and "a real quote" here"#), vec!["a real quote"]);
        assert_eq!(quotes(r#"<a href="https://x.com/a" title='t'>"Yes," she wrote</a>"#), vec!["Yes,"]);
        // Not markup: a comparison, a heart.
        assert_eq!(quotes(r#"If x < "5" then <3 "ok""#), vec!["5", "ok"]);
    }

    #[test]
    fn inch_mark_after_number_is_not_an_opening() {
        assert!(quotes("A 12\" pipe burst.").is_empty());
    }
}
