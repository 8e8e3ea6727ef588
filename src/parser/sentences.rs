//! Sentences: where a paragraph's token stream breaks, and the dateline
//! that may open a report.
//!
//! A sentence ends at `.`, `!`, `?` or `…` followed by something that can
//! start one (a capital, a number, an opening quote). It never ends inside a
//! quote, so a quote of several sentences stays whole; it does end after a
//! closing mark whose quote ended a sentence (`…this." He …`), unless what
//! follows is the quote's own attribution (`…surface." Hayward said.`).
//! Abbreviations and initials keep their period ("Mr.", "W."); those that may
//! also end a sentence ("U.S.", "Inc.") end it only before a word that
//! usually starts one ("The", "He").

use super::lexer::{Tok, TokKind, ABBR, CAP, NUM, UPPER};
use super::lexicon::{Lexicon, COMMON_CAP, PRONOUN, SPEECH, TITLE_WORD};
use super::model::Span;

/// Longest sentence, in tokens, before a break is forced (keeps per-sentence
/// work bounded on text without punctuation).
const MAX_SENTENCE_TOKENS: usize = 400;

/// Splits one paragraph's tokens into sentences (token index ranges).
/// `from` is the first token after a dateline, if any.
pub(crate) fn split(text: &str, toks: &[Tok], from: usize, quotes_inner: &[Span], lx: &Lexicon) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = from;
    let mut i = from;
    while i < toks.len() {
        let t = &toks[i];
        let mut end_here = false;
        let inside = t.in_quote() && !matches!(t.kind, TokKind::Close(_));
        if !inside {
            match t.kind {
                TokKind::Punct('.') | TokKind::Punct('!') | TokKind::Punct('?') | TokKind::Punct('\u{2026}') => {
                    let j = skip_closers(toks, i + 1);
                    end_here = match toks.get(j) {
                        None => true,
                        Some(n) => starts_sentence(text, n, lx, t.kind == TokKind::Punct('\u{2026}')),
                    };
                    if end_here {
                        i = j - 1;
                    }
                }
                TokKind::Close(q) => {
                    let ends_sentence = quotes_inner.get(q.index()).is_some_and(|s| {
                        s.of(text).trim_end().trim_end_matches([')', ']']).ends_with(['.', '!', '?', '\u{2026}'])
                    });
                    if ends_sentence {
                        end_here = match toks.get(i + 1) {
                            None => true,
                            Some(n) => {
                                starts_sentence(text, n, lx, false) && !is_bare_attribution(text, &toks[i + 1..], lx)
                            }
                        };
                    }
                }
                TokKind::Word if t.has(ABBR) => {
                    let w = t.span().of(text);
                    let may_end = w[..w.len() - 1].contains('.') || lx_may_end(lx, w);
                    if may_end {
                        end_here = match toks.get(i + 1) {
                            None => true,
                            Some(n) => {
                                n.is_word()
                                    && n.has(CAP)
                                    && lx.info(n.span().of(text)).is(COMMON_CAP | PRONOUN)
                                    && !lx.info(n.span().of(text)).is(TITLE_WORD)
                            }
                        };
                    }
                }
                _ => {}
            }
        }
        if !end_here && i + 1 - start >= MAX_SENTENCE_TOKENS && !t.in_quote() {
            end_here = true;
        }
        if end_here {
            out.push((start, i + 1));
            start = i + 1;
        }
        i += 1;
    }
    if start < toks.len() {
        out.push((start, toks.len()));
    }
    out
}

fn lx_may_end(lx: &Lexicon, w: &str) -> bool {
    use super::lexer::AbbrevTable;
    lx.abbreviation(w.trim_end_matches('.')) == Some(true)
}

/// Skips closing brackets after a full stop: "(…in 2005.)".
fn skip_closers(toks: &[Tok], mut j: usize) -> usize {
    while toks.get(j).is_some_and(|t| matches!(t.kind, TokKind::Punct(')') | TokKind::Punct(']'))) {
        j += 1;
    }
    j
}

fn starts_sentence(text: &str, n: &Tok, lx: &Lexicon, after_ellipsis: bool) -> bool {
    match n.kind {
        TokKind::Word => {
            if n.has(NUM) {
                return !after_ellipsis;
            }
            if !n.has(CAP) {
                return false;
            }
            // After "…" only a word that usually opens a sentence starts one.
            !after_ellipsis || lx.info(n.span().of(text)).is(COMMON_CAP | PRONOUN)
        }
        TokKind::Open(_) => true,
        TokKind::Punct(c) => matches!(c, '(' | '[' | '\u{2014}' | '\u{2022}' | '*'),
        TokKind::Close(_) => false,
    }
}

/// `Hayward said.` / `He added,` after a closing mark: the quote's own
/// attribution, not a new sentence.
fn is_bare_attribution(text: &str, rest: &[Tok], lx: &Lexicon) -> bool {
    for (k, t) in rest.iter().take(7).enumerate() {
        if !t.is_word() {
            return false;
        }
        let info = lx.info(t.span().of(text));
        if info.is(SPEECH) && k > 0 {
            return matches!(rest.get(k + 1).map(|t| t.kind), None | Some(TokKind::Punct('.' | ',' | ';')));
        }
        if !(t.has(CAP) || t.has(ABBR)) {
            return false;
        }
    }
    false
}

/// A dateline at the start of a paragraph's tokens: `WASHINGTON —`,
/// `KABUL, Afghanistan (AP) —`, `Washington, D.C., August 10, 2005 -`.
/// Returns the index of the dash token. The place must be in capitals or be
/// followed by a date, so an ordinary sentence with a dash is not taken.
pub(crate) fn dateline(text: &str, toks: &[Tok]) -> Option<usize> {
    let first = toks.first()?;
    if !first.is_word() || !first.has(CAP) || first.in_quote() {
        return None;
    }
    let upper_start = first.has(UPPER);
    let mut saw_date = false;
    let mut place_words = 0;
    let mut i = 0;
    while i < toks.len().min(14) {
        let t = &toks[i];
        match t.kind {
            TokKind::Word if t.has(CAP) || t.has(NUM) => {
                let is_month = super::dates::month_number(t.span().of(text)).is_some();
                if is_month && place_words > 0 && toks.get(i + 1).is_some_and(|n| n.has(NUM)) {
                    saw_date = true;
                } else if !t.has(NUM) && !saw_date {
                    place_words += 1;
                }
                i += 1;
            }
            TokKind::Punct(',') => i += 1,
            TokKind::Punct('(') => {
                // An agency credit: "(AP)", "(Reuters)".
                let close = toks[i..].iter().take(5).position(|t| t.is_punct(')'))?;
                i += close + 1;
            }
            TokKind::Punct('\u{2014}') | TokKind::Punct('\u{2013}') | TokKind::Punct('-') => {
                let ok = (1..=6).contains(&place_words) && (upper_start || saw_date) && i + 1 < toks.len();
                return ok.then_some(i);
            }
            _ => return None,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::lexer::tokenize;
    use super::super::lexicon::lexicon;
    use super::super::quotes::find_quotes;
    use super::*;

    fn sentences(text: &str) -> Vec<String> {
        let lx = lexicon();
        let paras = vec![Span::new(0, text.len())];
        let qs = find_quotes(text, &paras);
        let outer: Vec<usize> = (0..qs.len()).filter(|&i| qs[i].depth == 0).collect();
        let inner: Vec<Span> = outer.iter().map(|&i| qs[i].inner()).collect();
        let toks = tokenize(text, &paras, &qs, &outer, lx);
        split(text, &toks[0], 0, &inner, lx)
            .into_iter()
            .map(|(a, b)| Span::new(toks[0][a].start, toks[0][b - 1].end).of(text).to_string())
            .collect()
    }

    #[test]
    fn splits_at_full_stops() {
        assert_eq!(sentences("One thing. Another thing! A third?"), ["One thing.", "Another thing!", "A third?"]);
    }

    #[test]
    fn abbreviations_and_initials_do_not_split() {
        assert_eq!(
            sentences("Mr. Bush met Gen. Smith and George W. Bush on Jan. 5. Sen. Kerry spoke."),
            ["Mr. Bush met Gen. Smith and George W. Bush on Jan. 5.", "Sen. Kerry spoke."]
        );
    }

    #[test]
    fn us_ends_a_sentence_only_before_a_sentence_opener() {
        assert_eq!(
            sentences("He met the U.S. Treasury. He left the U.S. The talks ended."),
            ["He met the U.S. Treasury.", "He left the U.S.", "The talks ended."]
        );
    }

    #[test]
    fn decimals_do_not_split() {
        assert_eq!(sentences("It grew 3.5 percent. Then it fell."), ["It grew 3.5 percent.", "Then it fell."]);
    }

    #[test]
    fn ellipsis_inside_a_sentence_does_not_split() {
        assert_eq!(sentences("Unity of ranks... to stop it. Done."), ["Unity of ranks... to stop it.", "Done."]);
    }

    #[test]
    fn quote_of_several_sentences_stays_whole() {
        assert_eq!(
            sentences("He said, \"One. Two. Three.\" Then he left."),
            ["He said, \"One. Two. Three.\"", "Then he left."]
        );
    }

    #[test]
    fn attribution_after_closing_mark_stays_with_quote() {
        assert_eq!(
            sentences("\"The cap is working.\" Hayward said. Oil still leaks."),
            ["\"The cap is working.\" Hayward said.", "Oil still leaks."]
        );
    }

    fn dateline_of(text: &str) -> Option<String> {
        let lx = lexicon();
        let paras = vec![Span::new(0, text.len())];
        let toks = tokenize(text, &paras, &[], &[], lx);
        dateline(text, &toks[0]).map(|i| Span::new(0, toks[0][i].end).of(text).to_string())
    }

    #[test]
    fn datelines_in_capitals_or_with_a_date() {
        assert_eq!(dateline_of("WASHINGTON — The talks").as_deref(), Some("WASHINGTON —"));
        assert_eq!(dateline_of("KABUL, Afghanistan (AP) — Gunmen").as_deref(), Some("KABUL, Afghanistan (AP) —"));
        assert_eq!(dateline_of("FORT HOOD, Texas —Troopers from").as_deref(), Some("FORT HOOD, Texas —"));
        assert_eq!(
            dateline_of("Washington, D.C., August 10, 2005 - Robert McFarlane").as_deref(),
            Some("Washington, D.C., August 10, 2005 -")
        );
    }

    #[test]
    fn ordinary_sentences_with_dashes_are_not_datelines() {
        assert_eq!(dateline_of("Hamas, Israel and Egypt — all of them"), None);
        assert_eq!(dateline_of("Israel — a key ally — said no"), None);
    }

    #[test]
    fn comma_inside_quote_then_lowercase_attribution() {
        assert_eq!(sentences("\"We are ready,\" he said. It rained."), ["\"We are ready,\" he said.", "It rained."]);
    }
}
