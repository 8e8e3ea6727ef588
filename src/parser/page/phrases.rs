//! The phrase list of page furniture (`data/furniture.tsv`) and the ways a
//! line is read against it: made only of furniture phrases, opening with a
//! label, holding a strong phrase, hinting at the site's own voice, ending
//! with a photo credit.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use crate::parser::compact::lower_char;

/// What a furniture line is, as far as its words tell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Nav,
    Account,
    Share,
    Ad,
    Related,
    Popular,
    Newsletter,
    Comments,
    Author,
    Tags,
    Caption,
    Legal,
    Meta,
    /// A pull quote or a photo's alt text: a repeat of another line.
    Repeat,
}

impl Kind {
    fn parse(s: &str) -> Option<Kind> {
        Some(match s {
            "nav" => Kind::Nav,
            "account" => Kind::Account,
            "share" => Kind::Share,
            "ad" => Kind::Ad,
            "related" => Kind::Related,
            "popular" => Kind::Popular,
            "newsletter" | "hint" => Kind::Newsletter,
            "comments" => Kind::Comments,
            "author" => Kind::Author,
            "tags" => Kind::Tags,
            "caption" => Kind::Caption,
            "legal" => Kind::Legal,
            "meta" | "time" => Kind::Meta,
            _ => return None,
        })
    }

    /// Lines of this kind head a box (a list of links, a sign-up form, the
    /// comments) whose following short lines are furniture too.
    pub fn opens_box(self) -> bool {
        matches!(
            self,
            Kind::Related | Kind::Popular | Kind::Newsletter | Kind::Comments | Kind::Author | Kind::Tags | Kind::Share
        )
    }
}

/// A word of a line as the phrase list compares it: lower case, straight
/// apostrophes, any number as `#`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Piece {
    pub word: String,
    /// A ':' follows the word.
    pub colon: bool,
    /// The next word runs on without a space ("Share onFacebook", "Playing2:14").
    pub glued: bool,
}

/// Cuts `line` into [`Piece`]s: at spaces and separators, where a lower-case
/// letter runs into a capital, and around numbers.
pub(crate) fn pieces(line: &str) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::new();
    let mut cur = String::new();
    let mut number = false;
    let mut prev: Option<char> = None;
    let mut chars = line.chars().peekable();
    let flush = |cur: &mut String, number: &mut bool, out: &mut Vec<Piece>, glued: bool| {
        let word = cur.trim_matches(|c: char| c == '\'' || c == '.' || c == '-').to_string();
        cur.clear();
        let is_number = std::mem::take(number);
        if word.is_empty() && !is_number {
            return;
        }
        let word = if is_number { "#".to_string() } else { word };
        out.push(Piece { word, colon: false, glued });
    };
    while let Some(c) = chars.next() {
        let next = chars.peek().copied();
        let digit = c.is_ascii_digit();
        let letter = c.is_alphabetic();
        // Case and number changes inside a run of letters and digits.
        if !cur.is_empty() {
            let camel = letter && c.is_uppercase() && prev.is_some_and(|p| p.is_lowercase());
            let to_digit = digit && !number && prev.is_some_and(char::is_alphabetic);
            let from_digit = letter && number;
            if camel || to_digit || from_digit {
                flush(&mut cur, &mut number, &mut out, true);
            }
        }
        if letter || digit {
            number |= digit;
            cur.push(if digit { c } else { lower_char(c) });
        } else if matches!(c, '\'' | '\u{2019}' | '\u{2018}') && prev.is_some_and(char::is_alphabetic) {
            cur.push('\'');
        } else if (matches!(c, '.' | ',' | '-' | '+' | '%' | '\u{B0}') || c == ':' && number)
            && !cur.is_empty()
            && next.is_some_and(|n| n.is_alphanumeric())
        {
            // Inside a word or a number: "U.S.", "non-essential", "38,904.04".
            cur.push(c);
        } else if matches!(c, '$' | '\u{A3}' | '\u{20AC}') && next.is_some_and(|n| n.is_ascii_digit()) {
            number = true;
        } else {
            flush(&mut cur, &mut number, &mut out, false);
            match c {
                ':' => {
                    if let Some(last) = out.last_mut() {
                        last.colon = true;
                    }
                }
                '&' | '\u{A9}' | '_' => out.push(Piece { word: c.to_string(), colon: false, glued: false }),
                _ => {}
            }
        }
        prev = Some(c);
    }
    flush(&mut cur, &mut number, &mut out, false);
    // A number's own punctuation ("4.2", "+0.6%") stays inside it.
    for p in &mut out {
        if p.word.contains(|c: char| c.is_ascii_digit()) {
            p.word = "#".into();
        }
    }
    out
}

/// The words of `s` joined by single spaces (how phrases are keyed).
fn key(pieces: &[Piece]) -> String {
    let mut k = String::new();
    for (i, p) in pieces.iter().enumerate() {
        if i > 0 {
            k.push(' ');
        }
        k.push_str(&p.word);
    }
    k
}

/// Lower case with straight apostrophes and single spaces, for `part` and
/// `hint` phrases (compared inside the line).
pub(crate) fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push(' ');
    let mut space = true;
    for c in s.chars() {
        let c = match c {
            '\u{2019}' | '\u{2018}' => '\'',
            c if c.is_whitespace() => ' ',
            c => lower_char(c),
        };
        if c == ' ' {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    if !space {
        out.push(' ');
    }
    out
}

/// Whether `needle` (folded) occurs in `hay` (folded, space-padded) at word
/// boundaries.
fn holds(hay: &str, needle: &str) -> bool {
    let mut from = 0;
    while let Some(at) = hay[from..].find(needle) {
        let start = from + at;
        let end = start + needle.len();
        let before = hay[..start].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
        let after = hay[end..].chars().next().is_none_or(|c| !c.is_alphanumeric());
        let edge_ok = needle.starts_with(|c: char| !c.is_alphanumeric()) || before;
        let tail_ok = needle.ends_with(|c: char| !c.is_alphanumeric()) || after;
        if edge_ok && tail_ok {
            return true;
        }
        from = start + needle.chars().next().map_or(1, char::len_utf8);
    }
    false
}

/// A label that opens a furniture line ("READ MORE:").
struct Opener {
    kind: Kind,
    /// Must be followed by ':' (or run into the next word).
    colon: bool,
    /// Must open with '(' ("(AP Photo/…").
    paren: bool,
}

/// The furniture phrase list, read once from `data/furniture.tsv`.
pub(crate) struct Phrases {
    line: BTreeMap<String, Kind>,
    start: BTreeMap<String, Vec<Opener>>,
    part: Vec<(String, Kind)>,
    hint: Vec<String>,
    credit: BTreeSet<String>,
    agency: BTreeSet<String>,
    role: BTreeSet<String>,
    label: BTreeSet<String>,
    /// Most words in a `line` or `start` phrase.
    longest: usize,
}

/// Longest line (in words) read as made only of phrases.
const MAX_PHRASE_LINE: usize = 40;

impl Phrases {
    /// The list compiled into the binary.
    pub fn get() -> &'static Phrases {
        static PHRASES: OnceLock<Phrases> = OnceLock::new();
        PHRASES.get_or_init(|| Phrases::read(include_str!("../data/furniture.tsv")))
    }

    /// Reads the tab-separated list (comment lines start with '#'; lines
    /// that do not fit the format are skipped).
    fn read(data: &str) -> Phrases {
        let mut p = Phrases {
            line: BTreeMap::new(),
            start: BTreeMap::new(),
            part: Vec::new(),
            hint: Vec::new(),
            credit: BTreeSet::new(),
            agency: BTreeSet::new(),
            role: BTreeSet::new(),
            label: BTreeSet::new(),
            longest: 1,
        };
        for row in data.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
            let mut cols = row.split('\t');
            let (Some(phrase), Some(kind), Some(how)) = (cols.next(), cols.next(), cols.next()) else { continue };
            let words = pieces(phrase);
            let k = key(&words);
            if k.is_empty() {
                continue;
            }
            p.longest = p.longest.max(words.len());
            let kind_of = Kind::parse(kind);
            match (how, kind_of) {
                ("line", Some(kind)) => {
                    p.line.entry(k).or_insert(kind);
                }
                ("start", Some(kind)) => {
                    let opener = Opener { kind, colon: phrase.ends_with(':'), paren: phrase.starts_with('(') };
                    p.start.entry(k).or_default().push(opener);
                }
                ("part", Some(kind)) => p.part.push((fold(phrase).trim().to_string(), kind)),
                ("hint", _) => p.hint.push(fold(phrase).trim().to_string()),
                ("credit", _) => {
                    p.credit.insert(k);
                }
                ("agency", _) => {
                    p.agency.insert(k);
                }
                ("role", _) => {
                    p.role.insert(k);
                }
                ("label", _) => {
                    p.label.insert(k);
                }
                _ => {}
            }
        }
        p
    }

    /// The kind of a line made only of furniture phrases and numbers ("Share
    /// onFacebook", "Comments (129)", "Home World Middle East"): the kind of
    /// its first phrase.
    pub fn whole_line(&self, words: &[Piece]) -> Option<Kind> {
        let n = words.len();
        if n == 0 || n > MAX_PHRASE_LINE {
            return None;
        }
        // first[i]: how the words before i were covered (None: not at all;
        // Some(None): by numbers only; Some(Some(kind)): from a phrase of kind).
        let mut first: Vec<Option<Option<Kind>>> = vec![None; n + 1];
        first[0] = Some(None);
        for i in 0..n {
            let Some(so_far) = first[i] else { continue };
            if words[i].word == "#" || words[i].word == "&" {
                first[i + 1] = first[i + 1].or(Some(so_far));
            }
            let mut spaced = String::new();
            let mut joined = String::new();
            for (len, w) in words[i..n.min(i + self.longest)].iter().enumerate() {
                if len > 0 {
                    spaced.push(' ');
                }
                spaced.push_str(&w.word);
                joined.push_str(&w.word);
                let hit = self.line.get(&spaced).or_else(|| if len > 0 { self.line.get(&joined) } else { None });
                if let Some(&kind) = hit {
                    let slot = &mut first[i + len + 1];
                    if slot.is_none_or(|s| s.is_none()) {
                        *slot = Some(Some(so_far.unwrap_or(kind)));
                    }
                }
            }
        }
        first[n].flatten()
    }

    /// The kind of a label opening the line ("READ MORE: …", "Photograph: …",
    /// "View image in fullscreenJunior doctors…").
    pub fn opening(&self, line: &str, words: &[Piece]) -> Option<Kind> {
        let paren = line.trim_start().starts_with('(');
        let mut spaced = String::new();
        for (len, w) in words.iter().take(self.longest).enumerate() {
            if len > 0 {
                spaced.push(' ');
            }
            spaced.push_str(&w.word);
            let Some(openers) = self.start.get(&spaced) else { continue };
            let ends = len + 1 == words.len();
            for o in openers {
                if o.paren != paren {
                    continue;
                }
                if !o.colon || w.colon || w.glued || ends {
                    return Some(o.kind);
                }
            }
        }
        None
    }

    /// The kind of a strong phrase anywhere in the folded line ("All rights
    /// reserved", "contributed to this report").
    pub fn strong_part(&self, folded: &str) -> Option<Kind> {
        self.part.iter().find(|(p, _)| holds(folded, p)).map(|&(_, k)| k)
    }

    /// How many different site-voice phrases the folded line holds.
    pub fn hints(&self, folded: &str) -> usize {
        self.hint.iter().filter(|h| holds(folded, h)).count()
    }

    /// Whether `words` are a photo credit label ("Photo", "AP Photo").
    pub fn is_credit(&self, words: &[Piece]) -> bool {
        !words.is_empty() && self.credit.contains(&key(words))
    }

    /// Whether `words` are a news agency ("Associated Press", "Reuters").
    pub fn is_agency(&self, words: &[Piece]) -> bool {
        !words.is_empty() && self.agency.contains(&key(words))
    }

    /// Whether `words` hold a newsroom role ("Health editor", "US Correspondent").
    pub fn has_role(&self, words: &[Piece]) -> bool {
        (0..words.len()).any(|i| (i + 1..=words.len().min(i + 4)).any(|j| self.role.contains(&key(&words[i..j]))))
    }

    /// How many words of `words` open a timestamp label ("Published on",
    /// "Release date"), 0 when none.
    pub fn label_len(&self, words: &[Piece]) -> usize {
        (1..=words.len().min(4)).rev().find(|&n| self.label.contains(&key(&words[..n]))).unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        pieces(s).into_iter().map(|p| p.word).collect()
    }

    #[test]
    fn pieces_split_run_together_words_and_read_numbers() {
        assert_eq!(words("Share onFacebook"), ["share", "on", "facebook"]);
        assert_eq!(words("Now Playing2:14"), ["now", "playing", "#"]);
        assert_eq!(words("Comments (129)"), ["comments", "#"]);
        assert_eq!(words("MarketsDow 38,904.04 +0.6%"), ["markets", "dow", "#", "#"]);
        assert_eq!(words("Editor’s picks"), ["editor's", "picks"]);
        assert_eq!(words("U.S. World"), ["u.s", "world"]);
        assert!(pieces("READ MORE: x")[1].colon);
    }

    #[test]
    fn lines_made_of_phrases() {
        let p = Phrases::get();
        let kind = |s: &str| p.whole_line(&pieces(s));
        assert_eq!(kind("Share onFacebook"), Some(Kind::Share));
        assert_eq!(kind("Most read"), Some(Kind::Popular));
        assert_eq!(kind("About usContactAdvertisePrivacyTerms"), Some(Kind::Nav));
        assert_eq!(kind("2 min read·60 Comments"), Some(Kind::Meta));
        assert_eq!(kind("FacebookInstagramYouTubeSearch"), Some(Kind::Share));
        assert_eq!(kind("Girls at greatest risk"), None);
        assert_eq!(kind("2024"), None, "numbers alone are not phrases");
    }

    #[test]
    fn labels_open_lines() {
        let p = Phrases::get();
        let open = |s: &str| p.opening(s, &pieces(s));
        assert_eq!(open("READ MORE: Sudan’s army chief visits Port Sudan"), Some(Kind::Related));
        assert_eq!(open("Related: What do junior doctors earn?"), Some(Kind::Related));
        assert_eq!(open("Related talks are planned for May."), None, "'related:' needs its colon");
        assert_eq!(open("TagsGazaHamasIsrael"), Some(Kind::Tags));
    }

    #[test]
    fn strong_phrases_and_hints() {
        let p = Phrases::get();
        assert_eq!(p.strong_part(&fold("© 2025 Meridian Wire. All rights reserved.")), Some(Kind::Legal));
        assert_eq!(p.strong_part(&fold("The court reserved its ruling.")), None);
        assert!(p.hints(&fold("The day’s stories, in your inbox before breakfast.")) > 0);
        assert_eq!(p.hints(&fold("Officials signed the accord on Monday.")), 0);
    }
}
