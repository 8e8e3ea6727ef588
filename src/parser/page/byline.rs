//! Bylines: "By Jane Doe", "by Laura Benedetti", "By Sam Porter, US
//! Correspondent, and Reuters", "Tom Whitlock, Health editor", an agency
//! credit alone. A byline is metadata about the article, not a statement of it.

use super::phrases::{pieces, Phrases};
use crate::parser::model::{Byline, Span};

/// Longest byline, in words.
pub(crate) const MAX_WORDS: usize = 18;

/// Lower-case words that belong inside names ("Ursula von der Leyen").
const PARTICLES: &[&str] = &[
    "de", "da", "del", "della", "der", "den", "van", "von", "al", "el", "bin", "ibn", "la", "le", "di", "du", "dos",
    "das", "y", "ter",
];

/// One comma- or "and"-separated part of a byline.
#[derive(Debug, PartialEq, Eq)]
enum Part<'a> {
    Name(&'a str),
    Agency(&'a str),
    Role,
}

/// A byline found, and whether its shape alone says so.
#[derive(Clone, Debug)]
pub(crate) struct Found {
    pub byline: Byline,
    /// Only "Name in Place", which a title can look like too ("Baghdad Meets
    /// Clare in Dublin's Late-Night Sessions").
    pub weak: bool,
}

/// Reads `line` as a byline, or `None` when it is not one.
pub(crate) fn read(line: &str, span: Span, phrases: &Phrases) -> Option<Found> {
    let line_t = line.trim();
    let words = line_t.split_ascii_whitespace().count();
    if words == 0 || words > MAX_WORDS || ends_sentence(line_t) {
        return None;
    }
    let (opened, rest) = match strip_by(line_t) {
        Some(rest) => (true, rest),
        None => (false, line_t),
    };
    let (rest, placed) = strip_place(rest);
    let parts: Vec<Part> = split_parts(rest).into_iter().map(|p| part(p, phrases)).collect::<Option<_>>()?;
    let names: Vec<String> = parts
        .iter()
        .filter_map(|p| match p {
            Part::Name(n) => Some((*n).to_string()),
            _ => None,
        })
        .collect();
    let agency = parts.iter().find_map(|p| match p {
        Part::Agency(a) => Some((*a).to_string()),
        _ => None,
    });
    let credited = !names.is_empty() || agency.is_some() || opened && !parts.is_empty();
    // Without "By": a name then its role ("Tom Whitlock, Health editor"), or agencies alone.
    let name_and_role = matches!(parts.first(), Some(Part::Name(_)))
        && parts.len() > 1
        && parts[1..].iter().all(|p| matches!(p, Part::Role | Part::Agency(_)));
    let agencies = parts.iter().all(|p| matches!(p, Part::Agency(_)));
    // "Jon Marsh in Paris": a full name and where the writer is.
    let name_in_place = placed && parts.len() == 1 && names.iter().all(|n| n.split_whitespace().count() >= 2);
    let strong = opened || name_and_role || agencies;
    (credited && (strong || name_in_place))
        .then(|| Found { byline: Byline { text: line.to_string(), span, authors: names, agency }, weak: !strong })
}

/// The text after an opening "By"/"by"/"BY", when the next word is capitalised.
fn strip_by(line: &str) -> Option<&str> {
    let rest = ["By ", "by ", "BY "].iter().find_map(|p| line.strip_prefix(p))?.trim_start();
    rest.starts_with(|c: char| c.is_uppercase()).then_some(rest)
}

/// `s` without a closing " in Paris" (one to three capitalised words), and
/// whether it had one.
fn strip_place(s: &str) -> (&str, bool) {
    match find_last_word(s, "in") {
        Some(at) if is_name(s[at + 2..].trim()) && s[at + 2..].split_whitespace().count() <= 3 => {
            (s[..at].trim_end(), true)
        }
        _ => (s, false),
    }
}

/// Byte offset of the last `word` standing alone in `s`.
fn find_last_word(s: &str, word: &str) -> Option<usize> {
    let mut found = None;
    let mut from = 0;
    while let Some(at) = find_word(&s[from..], word) {
        found = Some(from + at);
        from += at + word.len();
    }
    found
}

/// Ends like a sentence (a byline does not, but for an initial: "John Smith Jr.").
fn ends_sentence(line: &str) -> bool {
    let last = line.split_whitespace().next_back().unwrap_or("");
    line.ends_with(['!', '?']) || (line.ends_with('.') && last.chars().filter(|c| c.is_alphabetic()).count() > 3)
}

/// Cuts the byline at commas, semicolons, bars, '&' and the word "and".
fn split_parts(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for chunk in s.split([',', ';', '|', '&', '\u{B7}', '/']) {
        let mut rest = chunk;
        while let Some(at) = find_word(rest, "and") {
            out.push(&rest[..at]);
            rest = &rest[at + 3..];
        }
        out.push(rest);
    }
    out.into_iter().map(str::trim).filter(|p| !p.is_empty()).collect()
}

/// Byte offset of `word` standing alone in `s`.
fn find_word(s: &str, word: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(at) = s[from..].find(word) {
        let start = from + at;
        let end = start + word.len();
        let before = s[..start].chars().next_back().is_none_or(char::is_whitespace);
        let after = s[end..].chars().next().is_none_or(char::is_whitespace);
        if before && after {
            return Some(start);
        }
        from = end;
    }
    None
}

/// What one part of a byline is (`None`: not a byline part at all).
fn part<'a>(p: &'a str, phrases: &Phrases) -> Option<Part<'a>> {
    let words = pieces(p);
    let p = p.strip_prefix("the ").unwrap_or(p);
    if phrases.is_agency(&words) || phrases.is_agency(&pieces(p)) {
        return Some(Part::Agency(p));
    }
    if phrases.has_role(&words) {
        return Some(Part::Role);
    }
    is_name(p).then_some(Part::Name(p))
}

/// A line that is only a writer's name ("Alys Pryce"), as some sites put
/// above a role or a date line: two to four capitalised words.
pub(crate) fn bare_name(line: &str) -> bool {
    let t = line.trim();
    (2..=4).contains(&t.split_whitespace().count()) && is_name(t)
}

/// One to five capitalised words (particles and initials allowed).
fn is_name(p: &str) -> bool {
    let words: Vec<&str> = p.split_whitespace().collect();
    (1..=5).contains(&words.len())
        && words.iter().any(|w| w.starts_with(|c: char| c.is_uppercase()))
        && words.iter().all(|w| {
            w.starts_with(|c: char| c.is_uppercase())
                || PARTICLES.contains(w)
                || w.starts_with("al-")
                || w.starts_with("el-")
        })
        && words.iter().all(|w| w.chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '\u{2019}')))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn byline(s: &str) -> Option<(Vec<String>, Option<String>)> {
        read(s, Span::new(0, s.len()), Phrases::get()).map(|f| (f.byline.authors, f.byline.agency))
    }

    #[test]
    fn by_lines_with_names_and_agencies() {
        assert_eq!(
            byline("By Evelyn Wanjiru and Thomas Odhiambo, Associated Press"),
            Some((vec!["Evelyn Wanjiru".into(), "Thomas Odhiambo".into()], Some("Associated Press".into())))
        );
        assert_eq!(byline("by Laura Benedetti"), Some((vec!["Laura Benedetti".into()], None)));
        assert_eq!(
            byline("By Sam Porter, US Correspondent, and Reuters"),
            Some((vec!["Sam Porter".into()], Some("Reuters".into())))
        );
        assert_eq!(byline("By Maria Ortiz | Reuters"), Some((vec!["Maria Ortiz".into()], Some("Reuters".into()))));
    }

    #[test]
    fn name_and_role_lines() {
        assert_eq!(byline("Tom Whitlock, Health editor"), Some((vec!["Tom Whitlock".into()], None)));
        assert_eq!(byline("Reuters"), Some((vec![], Some("Reuters".into()))));
        assert_eq!(byline("Juliette Marchand in Paris"), Some((vec!["Juliette Marchand".into()], None)));
        assert_eq!(byline("By Staff Reporter"), Some((vec![], None)));
    }

    #[test]
    fn bare_names() {
        assert!(bare_name("Alys Pryce"));
        assert!(bare_name("Ursula von der Leyen"));
        assert!(!bare_name("Wales"));
        assert!(!bare_name("Ferry strike halts island crossings"));
    }

    #[test]
    fn not_bylines() {
        assert_eq!(byline("By signing up you agree to our terms"), None);
        assert_eq!(byline("By Tuesday, the river had risen two metres."), None);
        assert_eq!(byline("US confirms direct talks with Hamas"), None);
        assert_eq!(byline("Paris, London and Berlin"), None, "places are not a name and its role");
        assert_eq!(byline("Girls at greatest risk"), None);
        assert_eq!(byline("Talks in Geneva"), None);
    }
}
