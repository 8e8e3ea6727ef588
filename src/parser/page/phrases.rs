//! The phrase list of page furniture (`data/furniture.tsv`) and the ways a
//! line is read against it: made only of furniture phrases, opening with a
//! label, holding a strong phrase, hinting at the site's own voice, ending
//! with a photo credit.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

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
/// apostrophes, any number as `#` (borrowed from the line when it already is).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Piece<'a> {
    pub word: Word<'a>,
    /// A ':' follows the word.
    pub colon: bool,
    /// The next word runs on without a space ("Share onFacebook", "Playing2:14").
    pub glued: bool,
}

/// Longest word kept inline in a [`Word`] (longer ones are allocated).
const INLINE_WORD: usize = 22;

/// The text of a [`Piece`]: borrowed from the line when it is already in its
/// compared form, else folded into a small inline buffer (no allocation for
/// the capitalised words of a line), or into a `String` when long or not ASCII.
#[derive(Clone, Debug)]
pub(crate) enum Word<'a> {
    Borrowed(&'a str),
    Inline { len: u8, bytes: [u8; INLINE_WORD] },
    Owned(String),
}

impl Word<'_> {
    /// `raw` in lower case with straight apostrophes.
    fn folded(raw: &str) -> Word<'static> {
        if raw.len() <= INLINE_WORD && raw.is_ascii() {
            let mut bytes = [0u8; INLINE_WORD];
            bytes[..raw.len()].copy_from_slice(raw.as_bytes());
            bytes[..raw.len()].make_ascii_lowercase();
            // Within u8: INLINE_WORD is small.
            return Word::Inline { len: raw.len() as u8, bytes };
        }
        Word::Owned(
            raw.chars()
                .flat_map(|c| {
                    let straight = matches!(c, '\u{2019}' | '\u{2018}').then_some('\'');
                    straight.into_iter().chain(c.to_lowercase().filter(move |_| straight.is_none()))
                })
                .collect(),
        )
    }

    pub fn as_str(&self) -> &str {
        match self {
            Word::Borrowed(s) => s,
            // Only ASCII is stored inline (see `folded`), so this never fails.
            Word::Inline { len, bytes } => std::str::from_utf8(&bytes[..usize::from(*len)]).unwrap_or(""),
            Word::Owned(s) => s,
        }
    }

    pub fn into_owned(self) -> String {
        match self {
            Word::Owned(s) => s,
            w => w.as_str().to_string(),
        }
    }
}

impl std::ops::Deref for Word<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for Word<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Word<'_> {}

impl PartialEq<&str> for Word<'_> {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl std::fmt::Display for Word<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Cuts `line` into [`Piece`]s: at spaces and separators, where a lower-case
/// letter runs into a capital, and around numbers.
pub(crate) fn pieces(line: &str) -> Vec<Piece<'_>> {
    let mut out: Vec<Piece> = Vec::with_capacity(line.len() / 6 + 1);
    // The word being read: where it starts, and whether it holds a digit.
    let mut start: Option<usize> = None;
    let mut number = false;
    let mut prev: Option<char> = None;
    let mut i = 0;
    let mut here = char_at(line, 0);
    while let Some((c, len)) = here {
        if start.is_some() && !number && c.is_ascii_lowercase() {
            // Inside a word, lower-case ASCII letters change nothing but `prev`.
            let run = line.as_bytes()[i..].iter().take_while(|b| b.is_ascii_lowercase()).count();
            i += run;
            prev = Some(char::from(line.as_bytes()[i - 1]));
            here = char_at(line, i);
            continue;
        }
        let after = char_at(line, i + len);
        let next = after.map(|(n, _)| n);
        let digit = c.is_ascii_digit();
        let letter = c.is_alphabetic();
        // Case and number changes inside a run of letters and digits.
        if start.is_some() {
            let camel = letter && c.is_uppercase() && prev.is_some_and(|p| p.is_lowercase());
            let to_digit = digit && !number && prev.is_some_and(char::is_alphabetic);
            let from_digit = letter && number;
            if camel || to_digit || from_digit {
                push_word(line, start.take(), i, std::mem::take(&mut number), true, &mut out);
            }
        }
        let inside = letter
            || digit
            || matches!(c, '\'' | '\u{2019}' | '\u{2018}') && prev.is_some_and(char::is_alphabetic)
            // Inside a word or a number: "U.S.", "non-essential", "38,904.04".
            || (matches!(c, '.' | ',' | '-' | '+' | '%' | '\u{B0}') || c == ':' && number)
                && start.is_some()
                && next.is_some_and(char::is_alphanumeric);
        if inside {
            number |= digit;
            start.get_or_insert(i);
        } else if matches!(c, '$' | '\u{A3}' | '\u{20AC}') && next.is_some_and(|n| n.is_ascii_digit()) {
            number = true;
            start.get_or_insert(i);
        } else {
            push_word(line, start.take(), i, std::mem::take(&mut number), false, &mut out);
            match c {
                ':' => {
                    if let Some(last) = out.last_mut() {
                        last.colon = true;
                    }
                }
                '&' | '\u{A9}' | '_' => {
                    out.push(Piece { word: Word::Borrowed(&line[i..i + len]), colon: false, glued: false });
                }
                _ => {}
            }
        }
        prev = Some(c);
        i += len;
        here = after;
    }
    push_word(line, start, line.len(), number, false, &mut out);
    out
}

/// Adds the word `line[start..end]` to `out`, trimmed, lower case, `#` for a number.
fn push_word<'a>(line: &'a str, start: Option<usize>, end: usize, number: bool, glued: bool, out: &mut Vec<Piece<'a>>) {
    let Some(start) = start else { return };
    if number {
        out.push(Piece { word: Word::Borrowed("#"), colon: false, glued });
        return;
    }
    let raw = line[start..end].trim_matches(|c: char| matches!(c, '\'' | '.' | '-' | '\u{2019}' | '\u{2018}'));
    if raw.is_empty() {
        return;
    }
    let plain = raw.bytes().all(|b| b.is_ascii_lowercase() || matches!(b, b'\'' | b'.' | b'-' | b',' | b'+' | b'%'));
    let word = if plain { Word::Borrowed(raw) } else { Word::folded(raw) };
    out.push(Piece { word, colon: false, glued });
}

/// The character at byte `i` of `s` and its length (ASCII without decoding).
#[inline]
fn char_at(s: &str, i: usize) -> Option<(char, usize)> {
    let b = *s.as_bytes().get(i)?;
    if b < 0x80 {
        return Some((char::from(b), 1));
    }
    let c = s.get(i..)?.chars().next()?;
    Some((c, c.len_utf8()))
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

/// Lower case with straight apostrophes and single spaces (to compare
/// lines with each other: a photo's alt text and its caption, pull quotes).
pub(crate) fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push(' ');
    let mut space = true;
    for c in s.chars().flat_map(char::to_lowercase) {
        let c = match c {
            '\u{2019}' | '\u{2018}' => '\'',
            c if c.is_whitespace() => ' ',
            c => c,
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

/// A phrase looked for inside lines, keyed by its first word.
struct Inside {
    /// Its other words.
    rest: Vec<String>,
    /// `Some`: a strong phrase of this kind; `None`: a hint.
    kind: Option<Kind>,
    /// A hint's number (to count each hint once).
    hint: usize,
    /// Its last word must be followed by ':'.
    colon: bool,
}

/// A label that opens a furniture line ("READ MORE:").
struct Opener {
    kind: Kind,
    /// Must be followed by ':' (or run into the next word).
    colon: bool,
    /// Must open with '(' ("(AP Photo/…").
    paren: bool,
}

/// What the phrase list says of a phrase (one map holds them all: each kind
/// of map would add its own copy of the map's code to the wasm).
enum Entry {
    /// Made only of such phrases, a line is furniture of this kind.
    Line(Kind),
    /// Opening a line, it makes it furniture.
    Start(Opener),
    /// Looked for inside lines (in [`Phrases::inside`], by its first word).
    Inside(Inside),
    /// A photo credit label.
    Credit,
    /// A news agency.
    Agency,
    /// A newsroom role.
    Role,
    /// A timestamp label.
    Label,
}

/// The furniture phrase list, read once from `data/furniture.tsv`.
pub(crate) struct Phrases {
    /// Entries by the phrase's words joined by spaces.
    entries: FxHashMap<String, Vec<Entry>>,
    /// `Inside` entries by their first word (a smaller map: it is looked up
    /// for every word of every line).
    inside: FxHashMap<String, Vec<Entry>>,
    /// How many hint phrases there are (hints are numbered from 0).
    hints: usize,
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
        let mut p = Phrases { entries: FxHashMap::default(), inside: FxHashMap::default(), hints: 0, longest: 1 };
        for row in data.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
            let mut cols = row.split('\t');
            let (Some(phrase), Some(kind), Some(how)) = (cols.next(), cols.next(), cols.next()) else { continue };
            let words = pieces(phrase);
            let k = key(&words);
            if k.is_empty() {
                continue;
            }
            let kind = Kind::parse(kind);
            let entry = match (how, kind) {
                ("line", Some(kind)) => Entry::Line(kind),
                ("start", Some(kind)) => {
                    Entry::Start(Opener { kind, colon: phrase.ends_with(':'), paren: phrase.starts_with('(') })
                }
                ("part", Some(_)) | ("hint", _) => {
                    p.add_inside(words, kind.filter(|_| how == "part"), phrase.ends_with(':'));
                    continue;
                }
                ("credit", _) => Entry::Credit,
                ("agency", _) => Entry::Agency,
                ("role", _) => Entry::Role,
                ("label", _) => Entry::Label,
                _ => continue,
            };
            if matches!(entry, Entry::Line(_) | Entry::Start(_)) {
                p.longest = p.longest.max(words.len());
            }
            p.entries.entry(k).or_default().push(entry);
        }
        p
    }

    /// The entries of the phrase `key`.
    fn of(&self, key: &str) -> &[Entry] {
        self.entries.get(key).map_or(&[], Vec::as_slice)
    }

    /// Whether the words `words` are a phrase with an entry `want` says yes to.
    fn is(&self, words: &[Piece], want: fn(&Entry) -> bool) -> bool {
        !words.is_empty() && self.of(&key(words)).iter().any(want)
    }

    /// The kind of the `line` phrase `key`.
    fn line_kind(&self, key: &str) -> Option<Kind> {
        self.of(key).iter().find_map(|e| match e {
            Entry::Line(kind) => Some(*kind),
            _ => None,
        })
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
                let hit = self.line_kind(&spaced).or_else(|| if len > 0 { self.line_kind(&joined) } else { None });
                if let Some(kind) = hit {
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
            let ends = len + 1 == words.len();
            for e in self.of(&spaced) {
                let Entry::Start(o) = e else { continue };
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

    fn add_inside(&mut self, words: Vec<Piece>, kind: Option<Kind>, colon: bool) {
        let mut words = words.into_iter().map(|p| p.word.into_owned());
        let Some(first) = words.next() else { return };
        let hint = if kind.is_none() {
            self.hints += 1;
            self.hints - 1
        } else {
            usize::MAX
        };
        self.inside.entry(first).or_default().push(Entry::Inside(Inside { rest: words.collect(), kind, hint, colon }));
    }

    /// What the words of a line hold inside them: the kind of the first
    /// strong phrase ("All rights reserved", "contributed to this report"),
    /// and how many different site-voice phrases ("sign up", "your inbox").
    /// One look-up per word, so long paragraphs cost little.
    pub fn inside(&self, words: &[Piece]) -> (Option<Kind>, usize) {
        let mut strong = None;
        let mut hints_seen: Vec<usize> = Vec::new();
        for (i, w) in words.iter().enumerate() {
            let Some(entries) = self.inside.get(&*w.word) else { continue };
            for e in entries {
                let Entry::Inside(c) = e else { continue };
                let end = i + 1 + c.rest.len();
                let fits = words
                    .get(i + 1..end)
                    .is_some_and(|next| next.iter().map(|p| &*p.word).eq(c.rest.iter().map(String::as_str)))
                    && (!c.colon || words[end - 1].colon);
                if !fits {
                    continue;
                }
                match c.kind {
                    Some(kind) => strong = strong.or(Some(kind)),
                    None if !hints_seen.contains(&c.hint) => hints_seen.push(c.hint),
                    None => {}
                }
            }
        }
        (strong, hints_seen.len())
    }

    /// Whether `words` are a photo credit label ("Photo", "AP Photo").
    pub fn is_credit(&self, words: &[Piece]) -> bool {
        self.is(words, |e| matches!(e, Entry::Credit))
    }

    /// Whether `words` are a news agency ("Associated Press", "Reuters").
    pub fn is_agency(&self, words: &[Piece]) -> bool {
        self.is(words, |e| matches!(e, Entry::Agency))
    }

    /// Whether `words` hold a newsroom role ("Health editor", "US Correspondent").
    pub fn has_role(&self, words: &[Piece]) -> bool {
        (0..words.len())
            .any(|i| (i + 1..=words.len().min(i + 4)).any(|j| self.is(&words[i..j], |e| matches!(e, Entry::Role))))
    }

    /// How many words of `words` open a timestamp label ("Published on",
    /// "Release date"), 0 when none.
    pub fn label_len(&self, words: &[Piece]) -> usize {
        (1..=words.len().min(4)).rev().find(|&n| self.is(&words[..n], |e| matches!(e, Entry::Label))).unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        pieces(s).into_iter().map(|p| p.word.into_owned()).collect()
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
        let inside = |s: &str| p.inside(&pieces(s));
        assert_eq!(inside("© 2025 Meridian Wire. All rights reserved.").0, Some(Kind::Legal));
        assert_eq!(inside("The court reserved its ruling.").0, None);
        assert_eq!(inside("The day’s stories, in your inbox before breakfast."), (None, 1));
        assert_eq!(inside("Sign up to our newsletter: your inbox, every morning").1, 3);
        assert_eq!(inside("Officials signed the accord on Monday."), (None, 0));
    }
}
