//! Text search: case- and accent-insensitive matching of every word of a
//! query, and where those words occur in a piece of text (for highlighting).

use crate::parser::Span;

/// One char folded for matching: lower case, common Latin accents dropped,
/// typographic quotes, dashes and spaces made plain. Always one char for one
/// char, so positions in the folded text map back to the original.
pub fn fold_char(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '«' | '»' => '"',
        '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
        '\u{00A0}' | '\u{2007}' | '\u{202F}' => ' ',
        'À'..='Å' | 'à'..='å' | 'Ā' | 'ā' | 'Ă' | 'ă' | 'Ą' | 'ą' => 'a',
        'Ç' | 'ç' | 'Ć' | 'ć' | 'Č' | 'č' => 'c',
        'È'..='Ë' | 'è'..='ë' | 'Ē' | 'ē' | 'Ė' | 'ė' | 'Ę' | 'ę' | 'Ě' | 'ě' => 'e',
        'Ì'..='Ï' | 'ì'..='ï' | 'Ī' | 'ī' | 'İ' | 'ı' => 'i',
        'Ñ' | 'ñ' | 'Ń' | 'ń' | 'Ň' | 'ň' => 'n',
        'Ò'..='Ö' | 'Ø' | 'ò'..='ö' | 'ø' | 'Ō' | 'ō' | 'Ő' | 'ő' => 'o',
        'Ù'..='Ü' | 'ù'..='ü' | 'Ū' | 'ū' | 'Ů' | 'ů' | 'Ű' | 'ű' => 'u',
        'Ý' | 'ý' | 'ÿ' => 'y',
        'Ś' | 'ś' | 'Š' | 'š' | 'Ş' | 'ş' => 's',
        'Ź' | 'ź' | 'Ż' | 'ż' | 'Ž' | 'ž' => 'z',
        'Ł' | 'ł' => 'l',
        'Ř' | 'ř' => 'r',
        'Ğ' | 'ğ' => 'g',
        'Ť' | 'ť' => 't',
        'Ď' | 'ď' => 'd',
        c => c.to_lowercase().next().unwrap_or(c),
    }
}

/// `text` folded char by char (see [`fold_char`]).
pub fn fold(text: &str) -> String {
    text.chars().map(fold_char).collect()
}

/// A search: the folded words of what was typed; an item matches when every
/// word occurs in one of its fields.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    terms: Vec<String>,
}

impl Query {
    pub fn new(typed: &str) -> Query {
        let mut terms: Vec<String> = Vec::new();
        for word in fold(typed).split_whitespace() {
            if !terms.iter().any(|t| t == word) {
                terms.push(word.to_string());
            }
        }
        Query { terms }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    pub fn terms(&self) -> &[String] {
        &self.terms
    }

    /// Whether every word of the query is in at least one of `fields`
    /// (an empty query matches everything).
    pub fn matches(&self, fields: &[&str]) -> bool {
        if self.terms.is_empty() {
            return true;
        }
        let folded: Vec<String> = fields.iter().map(|f| fold(f)).collect();
        self.terms.iter().all(|t| folded.iter().any(|f| f.contains(t.as_str())))
    }

    /// Where the query's words occur in `text`, as byte spans offset by `base`
    /// (so they can be given in the article's coordinates), in order, merged
    /// where they touch or overlap.
    pub fn hits(&self, text: &str, base: usize) -> Vec<Span> {
        if self.terms.is_empty() || text.is_empty() {
            return Vec::new();
        }
        // Folding keeps one char per char, so char positions map back to bytes.
        let chars: Vec<(usize, char)> = text.char_indices().map(|(i, c)| (i, fold_char(c))).collect();
        let byte_at = |ci: usize| chars.get(ci).map_or(text.len(), |&(b, _)| b);
        let mut found: Vec<(u64, u64)> = Vec::new();
        for term in &self.terms {
            let needle: Vec<char> = term.chars().collect();
            if needle.is_empty() || needle.len() > chars.len() {
                continue;
            }
            let mut i = 0;
            while i + needle.len() <= chars.len() {
                if chars[i..i + needle.len()].iter().zip(&needle).all(|(&(_, c), &n)| c == n) {
                    found.push((i as u64, (i + needle.len()) as u64));
                    i += needle.len();
                } else {
                    i += 1;
                }
            }
        }
        super::sort_keys(&mut found);
        let mut merged: Vec<Span> = Vec::with_capacity(found.len());
        for (a, b) in found {
            let (start, end) = (byte_at(a as usize), byte_at(b as usize));
            match merged.last_mut() {
                Some(last) if start <= last.end - base => last.end = last.end.max(base + end),
                _ => merged.push(Span::new(base + start, base + end)),
            }
        }
        merged
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_ignores_case_accents_and_typography() {
        assert_eq!(fold("Jean-Pierre"), "jean-pierre");
        assert_eq!(fold("Jean–Pierre"), "jean-pierre");
        assert_eq!(fold("Türkiye’s São Paulo"), "turkiye's sao paulo");
        assert_eq!(fold("“Catastrophic”"), "\"catastrophic\"");
        assert_eq!(fold("ÉLYSÉE"), "elysee");
    }

    #[test]
    fn folding_keeps_one_char_per_char() {
        let s = "İstanbul Ǆ ß ΣΑΣ";
        assert_eq!(fold(s).chars().count(), s.chars().count());
    }

    #[test]
    fn query_words_must_all_match_somewhere() {
        let q = Query::new("  Hamas   CEASEFIRE ");
        assert_eq!(q.terms(), ["hamas", "ceasefire"]);
        assert!(q.matches(&["Talks with Hamas stalled", "the ceasefire ended"]));
        assert!(!q.matches(&["Talks with Hamas stalled"]));
        assert!(!q.matches(&[]));
    }

    #[test]
    fn an_empty_query_matches_everything() {
        let q = Query::new("   ");
        assert!(q.is_empty());
        assert!(q.matches(&[]));
        assert!(q.matches(&["anything"]));
    }

    #[test]
    fn repeated_words_count_once() {
        assert_eq!(Query::new("gaza Gaza GAZA").terms(), ["gaza"]);
    }

    #[test]
    fn hits_are_byte_spans_in_the_original_text() {
        let text = "Gaza, said the envoy. GAZA again.";
        let q = Query::new("gaza");
        assert_eq!(q.hits(text, 0), vec![Span::new(0, 4), Span::new(22, 26)]);
        // With a base, spans are in the article's coordinates.
        assert_eq!(q.hits(text, 100), vec![Span::new(100, 104), Span::new(122, 126)]);
    }

    #[test]
    fn hits_survive_multibyte_text() {
        let text = "“Élysée” — l’Élysée";
        let q = Query::new("elysee");
        let hits = q.hits(text, 0);
        let found: Vec<&str> = hits.iter().map(|s| s.of(text)).collect();
        assert_eq!(found, ["Élysée", "Élysée"]);
    }

    #[test]
    fn overlapping_hits_of_two_words_are_merged() {
        let text = "peacekeeping";
        let q = Query::new("peace keep");
        assert_eq!(q.hits(text, 0), vec![Span::new(0, 9)]);
        let q = Query::new("ace ke");
        assert_eq!(q.hits(text, 0), vec![Span::new(2, 7)]);
    }

    #[test]
    fn no_hits_for_no_query_or_no_match() {
        assert!(Query::new("").hits("text", 0).is_empty());
        assert!(Query::new("zzz").hits("text", 0).is_empty());
        assert!(Query::new("textual").hits("text", 0).is_empty(), "a word longer than the text");
    }
}
