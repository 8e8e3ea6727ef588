//! Splitting paragraphs into tokens: words, numbers, punctuation and the
//! opening and closing marks of the outermost quotes.
//!
//! One pass over the characters. Words keep their inner apostrophes, hyphens
//! and abbreviation periods ("don't", "Jean-Pierre", "U.S."); a possessive
//! `'s` is dropped from the word and recorded as a flag, so "VOA's" reads as
//! the word "VOA" with [`POSS`].

use super::ids::QuoteId;
use super::model::Span;
use super::quotes::{is_quote_glyph, QuoteSpan};

/// First letter is upper case.
pub(crate) const CAP: u16 = 1;
/// Every letter upper case and at least two of them ("VOA", "U.S.").
pub(crate) const UPPER: u16 = 1 << 1;
/// Ends with a period that belongs to the word ("Mr.", "U.S.", "W.").
pub(crate) const ABBR: u16 = 1 << 2;
/// Followed by a possessive `'s` or `'` ("VOA's", "leaders'").
pub(crate) const POSS: u16 = 1 << 3;
/// Starts with a digit.
pub(crate) const NUM: u16 = 1 << 4;
/// Contains a hyphen.
pub(crate) const HYPHEN: u16 = 1 << 5;
/// First token of a sentence (set by the sentence splitter).
pub(crate) const SENT_START: u16 = 1 << 6;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TokKind {
    Word,
    Punct(char),
    /// Opening mark of the outermost quote with this index.
    Open(QuoteId),
    /// Closing mark (possibly empty, when missing) of that quote.
    Close(QuoteId),
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
    pub flags: u16,
    /// The outermost quote this token lies inside.
    pub quote: Option<QuoteId>,
}

impl Tok {
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
    pub fn is_word(&self) -> bool {
        self.kind == TokKind::Word
    }
    pub fn has(&self, flag: u16) -> bool {
        self.flags & flag != 0
    }
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == TokKind::Punct(c)
    }
    pub fn in_quote(&self) -> bool {
        self.quote.is_some()
    }
}

/// Words that keep their period ("Mr." is one word) and never end a sentence.
pub(crate) trait AbbrevTable {
    /// `Some(true)` if `word` (without its period) is an abbreviation that may
    /// also end a sentence, `Some(false)` if it never does, `None` if it is
    /// not an abbreviation.
    fn abbreviation(&self, word: &str) -> Option<bool>;
}

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric() || (!c.is_whitespace() && !is_quote_glyph(c) && !is_non_ascii_punct(c))
    }
}

fn is_non_ascii_punct(c: char) -> bool {
    matches!(
        c,
        '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}' | '\u{00A0}'..='\u{00BF}' | '\u{00D7}' | '\u{00F7}'
            | '\u{20A0}'..='\u{20CF}'
            | '\u{3000}'..='\u{303F}' | '\u{FF01}'..='\u{FF0F}' | '\u{FEFF}'
    )
}

/// An event at a byte position: a quote mark to emit, or one to skip.
#[derive(Clone, Copy)]
enum MarkEvent {
    /// Quote index and the mark's length in bytes (0 for a missing mark).
    Open(QuoteId, usize),
    Close(QuoteId, usize),
    /// A mark of a nested quote (its length): plain punctuation inside the outer quote.
    Nested(usize),
}

/// Tokenizes the paragraphs of `text`, emitting quote tokens for `quotes`
/// (indices refer to the outermost quotes, in order).
pub(crate) fn tokenize(
    text: &str,
    paragraphs: &[Span],
    quotes: &[QuoteSpan],
    outer: &[usize],
    abbrevs: &dyn AbbrevTable,
) -> Vec<Vec<Tok>> {
    // Quote marks as positioned events, sorted.
    let mut events: Vec<(usize, MarkEvent)> = Vec::with_capacity(quotes.len() * 2);
    let mut is_outer = vec![false; quotes.len()];
    for (qi, &i) in outer.iter().enumerate() {
        is_outer[i] = true;
        let q = &quotes[i];
        events.push((q.open.start, MarkEvent::Open(QuoteId::new(qi), q.open.len())));
        events.push((q.close.start, MarkEvent::Close(QuoteId::new(qi), q.close.len())));
    }
    for (i, q) in quotes.iter().enumerate() {
        if !is_outer[i] {
            if !q.open.is_empty() {
                events.push((q.open.start, MarkEvent::Nested(q.open.len())));
            }
            if !q.close.is_empty() {
                events.push((q.close.start, MarkEvent::Nested(q.close.len())));
            }
        }
    }
    // Opens sort before closes at the same (empty-span) position only when
    // the open belongs to a later quote; a stable sort on position with
    // closes first keeps "…”“…" in order.
    crate::order::sort_by_key(&mut events, |&(pos, ev)| (pos, matches!(ev, MarkEvent::Open(..))));

    let mut out = Vec::with_capacity(paragraphs.len());
    let mut ev = 0usize;
    for para in paragraphs {
        let mut toks = Vec::with_capacity(para.len() / 5 + 4);
        while ev < events.len() && events[ev].0 < para.start {
            ev += 1;
        }
        lex_paragraph(text, *para, &events, &mut ev, abbrevs, &mut toks);
        out.push(toks);
    }
    out
}

fn lex_paragraph(
    text: &str,
    para: Span,
    events: &[(usize, MarkEvent)],
    ev: &mut usize,
    abbrevs: &dyn AbbrevTable,
    toks: &mut Vec<Tok>,
) {
    let body = para.of(text);
    let bytes = body.as_bytes();
    let base = para.start;
    let mut current_quote = None;
    let mut i = 0usize;
    // Where the next quote event is: most positions have none to look at.
    let mut next_event = events.get(*ev).map_or(usize::MAX, |e| e.0);
    while i < bytes.len() {
        let abs = base + i;
        let b = bytes[i];
        // ASCII fast path for spaces.
        if b < 0x80 && b.is_ascii_whitespace() && abs < next_event {
            i += 1;
            continue;
        }
        while *ev < events.len() && events[*ev].0 < abs {
            *ev += 1; // never stall on an event passed by (cannot happen with the limit below)
        }
        // Quote events at this position (empty spans first: they take no bytes).
        let mut consumed = 0usize;
        while *ev < events.len() && events[*ev].0 == abs {
            match events[*ev].1 {
                MarkEvent::Open(q, len) => {
                    toks.push(Tok { start: abs, end: abs + len, kind: TokKind::Open(q), flags: 0, quote: Some(q) });
                    current_quote = Some(q);
                    consumed = consumed.max(len);
                }
                MarkEvent::Close(q, len) => {
                    toks.push(Tok { start: abs, end: abs + len, kind: TokKind::Close(q), flags: 0, quote: Some(q) });
                    current_quote = None;
                    consumed = consumed.max(len);
                }
                MarkEvent::Nested(len) => {
                    consumed = consumed.max(len);
                }
            }
            *ev += 1;
        }
        next_event = events.get(*ev).map_or(usize::MAX, |e| e.0);
        if consumed > 0 {
            i += consumed;
            continue;
        }
        if b < 0x80 && b.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let c = if b < 0x80 {
            b as char
        } else {
            match body[i..].chars().next() {
                Some(c) => c,
                None => break,
            }
        };
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        if (b < 0x80 && b.is_ascii_alphanumeric()) || (b >= 0x80 && is_word_char(c)) {
            // A word never runs over a quote mark.
            let limit = events.get(*ev).map_or(bytes.len(), |e| e.0.saturating_sub(base).min(bytes.len()));
            let (end, flags) = scan_word(&body[..limit.max(i + c.len_utf8())], i, abbrevs);
            toks.push(Tok { start: abs, end: base + end, kind: TokKind::Word, flags, quote: current_quote });
            i = end;
            // Skip a possessive suffix.
            if flags & POSS != 0 {
                i = skip_possessive(&body[..limit.max(i)], i);
            }
            continue;
        }
        // Punctuation: "--" and "---" read as a dash, "..." as an ellipsis.
        let mut len = c.len_utf8();
        let mut kind = c;
        if c == '-' && bytes.get(i + 1) == Some(&b'-') {
            len = if bytes.get(i + 2) == Some(&b'-') { 3 } else { 2 };
            kind = '\u{2014}';
        } else if c == '.' && bytes.get(i + 1) == Some(&b'.') && bytes.get(i + 2) == Some(&b'.') {
            len = 3;
            kind = '\u{2026}';
            while bytes.get(i + len) == Some(&b'.') {
                len += 1;
            }
        }
        toks.push(Tok { start: abs, end: abs + len, kind: TokKind::Punct(kind), flags: 0, quote: current_quote });
        i += len;
    }
    // Flush events inside this paragraph not reached (e.g. empty close at the end).
    while *ev < events.len() && events[*ev].0 <= base + bytes.len() {
        if let MarkEvent::Close(q, _) = events[*ev].1 {
            let abs = events[*ev].0;
            toks.push(Tok { start: abs, end: abs, kind: TokKind::Close(q), flags: 0, quote: Some(q) });
        }
        *ev += 1;
    }
}

fn skip_possessive(body: &str, i: usize) -> usize {
    let rest = &body[i..];
    for ap in ["'s", "\u{2019}s", "'S", "\u{2019}S"] {
        if rest.starts_with(ap) {
            return i + ap.len();
        }
    }
    for ap in ["'", "\u{2019}"] {
        if rest.starts_with(ap) {
            return i + ap.len();
        }
    }
    i
}

/// Scans a word starting at `start`; returns its end and flags.
fn scan_word(body: &str, start: usize, abbrevs: &dyn AbbrevTable) -> (usize, u16) {
    let bytes = body.as_bytes();
    let mut i = start;
    let mut flags = 0u16;
    let mut letters = 0usize;
    let mut uppers = 0usize;
    let mut has_period = false;
    let first = body[start..].chars().next().unwrap_or(' ');
    if first.is_uppercase() {
        flags |= CAP;
    }
    if first.is_ascii_digit() {
        flags |= NUM;
    }
    while i < bytes.len() {
        // ASCII letters and digits: the common case, no decoding.
        let b = bytes[i];
        if b.is_ascii_alphanumeric() {
            if b.is_ascii_alphabetic() {
                letters += 1;
                if b.is_ascii_uppercase() {
                    uppers += 1;
                }
            }
            i += 1;
            continue;
        }
        let Some(c) = body[i..].chars().next() else { break };
        if !c.is_ascii() && is_word_char(c) {
            if c.is_alphabetic() {
                letters += 1;
                if c.is_uppercase() {
                    uppers += 1;
                }
            }
            i += c.len_utf8();
            continue;
        }
        let next = body[i + c.len_utf8()..].chars().next();
        let next_is_word = next.is_some_and(is_word_char);
        match c {
            '\'' | '\u{2019}' => {
                // Possessive 's or plural possessive s' ends the word.
                let after = body[i + c.len_utf8()..].chars().nth(1);
                if matches!(next, Some('s') | Some('S')) && !after.is_some_and(is_word_char) {
                    flags |= POSS;
                    break;
                }
                if next_is_word {
                    i += c.len_utf8(); // don't, Sa'ad
                    continue;
                }
                if body[start..i].ends_with(['s', 'S']) && letters > 1 {
                    flags |= POSS; // leaders'
                }
                break;
            }
            '-' | '\u{2010}' | '\u{2011}' if next_is_word => {
                flags |= HYPHEN;
                i += c.len_utf8();
            }
            '.' => {
                if next_is_word && next.is_some_and(|n| n.is_alphanumeric()) {
                    // U.S, 3.5, post-WW.II: the period sits inside the word.
                    has_period = true;
                    i += 1;
                    continue;
                }
                let word = &body[start..i];
                let initial = word.chars().count() == 1 && first.is_alphabetic();
                if has_period || initial || abbrevs.abbreviation(word).is_some() {
                    // Not the first period of "...".
                    if bytes.get(i + 1) != Some(&b'.') {
                        flags |= ABBR;
                        i += 1;
                    }
                }
                break;
            }
            ',' if flags & NUM != 0
                && bytes.len() >= i + 4
                && bytes[i + 1..i + 4].iter().all(u8::is_ascii_digit)
                && !bytes.get(i + 4).is_some_and(u8::is_ascii_digit) =>
            {
                i += 1; // 2,000
            }
            '&' if flags & CAP != 0 && next.is_some_and(char::is_uppercase) => {
                i += 1; // AT&T
            }
            '/' if letters > 0 && next.is_some_and(char::is_alphabetic) => {
                i += 1; // HIV/AIDS
            }
            _ => break,
        }
    }
    if letters >= 2 && uppers == letters {
        flags |= UPPER;
    }
    if i == start {
        i = start + first.len_utf8();
    }
    (i, flags)
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Abbr;
    impl AbbrevTable for Abbr {
        fn abbreviation(&self, word: &str) -> Option<bool> {
            match word {
                "Mr" | "Gen" | "Pvt" | "Lt" => Some(false),
                "Inc" => Some(true),
                _ => None,
            }
        }
    }

    fn words(text: &str) -> Vec<String> {
        let paras = vec![Span::new(0, text.len())];
        tokenize(text, &paras, &[], &[], &Abbr)[0].iter().map(|t| t.span().of(text).to_string()).collect()
    }

    #[test]
    fn abbreviations_keep_their_period() {
        assert_eq!(words("Mr. Bush met U.S. envoys."), ["Mr.", "Bush", "met", "U.S.", "envoys", "."]);
    }

    #[test]
    fn initials_keep_their_period() {
        assert_eq!(words("George W. Bush"), ["George", "W.", "Bush"]);
    }

    #[test]
    fn possessive_is_a_flag() {
        let text = "VOA's show and the leaders' talks";
        let paras = vec![Span::new(0, text.len())];
        let toks = &tokenize(text, &paras, &[], &[], &Abbr)[0];
        assert_eq!(toks[0].span().of(text), "VOA");
        assert!(toks[0].has(POSS) && toks[0].has(UPPER));
        let leaders = toks.iter().find(|t| t.span().of(text) == "leaders").map(|t| t.has(POSS));
        assert_eq!(leaders, Some(true));
    }

    #[test]
    fn numbers_with_separators_are_one_word() {
        assert_eq!(words("over 2,000 and 3.5 and 1,2"), ["over", "2,000", "and", "3.5", "and", "1", ",", "2"]);
    }

    #[test]
    fn hyphens_and_apostrophes_inside_words() {
        assert_eq!(words("Jean-Pierre didn't say"), ["Jean-Pierre", "didn't", "say"]);
    }

    #[test]
    fn dashes_and_ellipses_are_one_token() {
        assert_eq!(words("ranks... to -- here"), ["ranks", "...", "to", "--", "here"]);
    }
}
