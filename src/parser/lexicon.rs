//! What the parser knows about words: classes of common words written here,
//! and the knowledge files under `data/` (parties, people, titles, speech
//! verbs, abbreviations), compiled into the binary and indexed once.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use super::lexer::{self, AbbrevTable};
use super::model::{PartyKind, Span};

// Word classes (bits of `WordInfo::class`).
pub(crate) const DET: u64 = 1;
pub(crate) const PREP: u64 = 1 << 1;
pub(crate) const CONJ: u64 = 1 << 2;
pub(crate) const SUBORD: u64 = 1 << 3;
pub(crate) const AUX: u64 = 1 << 4;
pub(crate) const ADVERB: u64 = 1 << 5;
pub(crate) const PRONOUN: u64 = 1 << 6;
pub(crate) const SPEECH: u64 = 1 << 7;
pub(crate) const THINK: u64 = 1 << 8;
pub(crate) const TITLE_WORD: u64 = 1 << 9;
pub(crate) const TITLE_HEAD: u64 = 1 << 10;
pub(crate) const HONORIFIC: u64 = 1 << 11;
pub(crate) const PERSON_NOUN: u64 = 1 << 12;
pub(crate) const ORG_NOUN: u64 = 1 << 13;
pub(crate) const STATEMENT_NOUN: u64 = 1 << 14;
pub(crate) const GROUP_NOUN: u64 = 1 << 15;
pub(crate) const ORG_HEAD: u64 = 1 << 16;
pub(crate) const MONTH: u64 = 1 << 17;
pub(crate) const WEEKDAY: u64 = 1 << 18;
pub(crate) const NUMBER_WORD: u64 = 1 << 19;
pub(crate) const ORDINAL_WORD: u64 = 1 << 20;
pub(crate) const ANALYSIS_VERB: u64 = 1 << 21;
pub(crate) const EVALUATIVE: u64 = 1 << 22;
pub(crate) const ABSTRACT_NOUN: u64 = 1 << 23;
pub(crate) const DESIGNATION: u64 = 1 << 24;
pub(crate) const WORK_NOUN: u64 = 1 << 25;
pub(crate) const PARTICLE: u64 = 1 << 26;
pub(crate) const PLURAL_PRONOUN: u64 = 1 << 27;
pub(crate) const ROLE_ADJ: u64 = 1 << 28;
pub(crate) const COMMON_CAP: u64 = 1 << 29;
pub(crate) const MILITARY: u64 = 1 << 30;
pub(crate) const VERBISH: u64 = 1 << 31;
/// A word of an outlet's name ("Sentinel"); also [`ORG_HEAD`].
pub(crate) const MEDIA_HEAD: u64 = 1 << 32;
/// The last word of a company's name ("Airways"); also [`ORG_HEAD`].
pub(crate) const COMPANY_HEAD: u64 = 1 << 33;
/// A common noun for an outlet ("newspaper", "daily").
pub(crate) const MEDIA_NOUN: u64 = 1 << 34;
/// A common noun for a company ("company", "carmaker").
pub(crate) const COMPANY_NOUN: u64 = 1 << 35;
/// A word that opens an organisation's name ("Banca", "Grupo").
pub(crate) const ORG_FIRST: u64 = 1 << 36;
/// A given name usually a man's (`data/given_names.tsv`).
const GIVEN_MALE: u64 = 1 << 37;
/// A given name usually a woman's.
const GIVEN_FEMALE: u64 = 1 << 38;
/// A frequent given name, or the first name of a well-known person.
const FIRST_NAME: u64 = 1 << 39;
/// The given-name bits: a word that has only these is not otherwise known.
const NAME_BITS: u64 = GIVEN_MALE | GIVEN_FEMALE | FIRST_NAME;

/// The gender a person is known to have (from a title, a given name or a pronoun).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Gender {
    Unknown,
    Male,
    Female,
}

/// Grammatical shape of a speech verb form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub(crate) enum VerbForm {
    #[default]
    Finite,
    /// "saying", "adding": takes the subject of the clause it hangs on.
    Participle,
    /// "say" after "to": likewise.
    Base,
}

/// What the lexicon knows about one (lower-cased) word.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct WordInfo {
    pub class: u64,
    pub verb_form: VerbForm,
}

impl WordInfo {
    pub fn is(&self, class: u64) -> bool {
        self.class & class != 0
    }

    /// Whether the lexicon knows the word other than as a given name.
    pub fn is_known(&self) -> bool {
        self.class & !NAME_BITS != 0
    }

    /// The gender the word has as a given name.
    fn gender(&self) -> Gender {
        match self.class & (GIVEN_MALE | GIVEN_FEMALE) {
            GIVEN_MALE => Gender::Male,
            GIVEN_FEMALE => Gender::Female,
            _ => Gender::Unknown,
        }
    }
}

/// The word lists of the parser's rules (`data/words.tsv`), read with the
/// case they are written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum WordList {
    /// Last words of names of places, events and things ("Day", "Island").
    PlaceTail = 1,
    /// Institutions of the state named before them ("Ministry", "Army").
    StateHead = 1 << 1,
    /// Nouns that make the name after them an organisation's ("operator").
    OrgNounBeforeName = 1 << 2,
    /// Words that make an organisation's name generic ("National").
    GenericOrgWord = 1 << 3,
    /// Role nouns whose holders speak for a party ("official", "envoy").
    OfficialRole = 1 << 4,
    /// Verbs of "who …" clauses that tie a person to a party ("chairs").
    AffiliationVerb = 1 << 5,
    /// Titles of national office, lower-case ("minister", "sen.").
    NationalOffice = 1 << 6,
    /// Plural nouns that look like speech verbs ("charges", "reports").
    NounLikeVerb = 1 << 7,
    /// Things that carry words but do not speak ("sign", "banner").
    SignNoun = 1 << 8,
    /// Heads of military units' names ("Regiment", "Battalion").
    UnitHead = 1 << 9,
    /// Speech verbs whose object is the one spoken to, lower-case ("told", "urged").
    TellVerb = 1 << 10,
    /// Words right before a quoted label, whatever its case ("headline", "captioned").
    LabelWord = 1 << 11,
}

impl WordList {
    fn named(name: &str) -> Option<WordList> {
        Some(match name {
            "place_tail" => WordList::PlaceTail,
            "state_head" => WordList::StateHead,
            "org_noun_before_name" => WordList::OrgNounBeforeName,
            "generic_org_word" => WordList::GenericOrgWord,
            "official_role" => WordList::OfficialRole,
            "affiliation_verb" => WordList::AffiliationVerb,
            "national_office" => WordList::NationalOffice,
            "noun_like_verb" => WordList::NounLikeVerb,
            "sign_noun" => WordList::SignNoun,
            "unit_head" => WordList::UnitHead,
            "label_word" => WordList::LabelWord,
            "tell_verb" => WordList::TellVerb,
            _ => return None,
        })
    }
}

/// A party the knowledge files know.
#[derive(Clone, Debug)]
pub(crate) struct KnownParty {
    pub name: String,
    pub kind: PartyKind,
    /// Astronauts, flight directors and mission control speak for it.
    pub space_agency: bool,
}

/// A multi-word alias, as lexer tokens, and what it names.
#[derive(Clone, Debug)]
pub(crate) struct AliasEntry {
    /// Whether the first token carries a possessive ("People's Republic").
    pub first_poss: bool,
    /// Token texts after the first, each with its possessive flag.
    pub rest: Vec<(String, bool)>,
    pub target: AliasTarget,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum AliasTarget {
    Party(usize),
    /// A well-known person (index into `Lexicon::people`).
    Person(usize),
}

#[derive(Clone, Debug)]
pub(crate) struct KnownPerson {
    pub party: Option<usize>,
}

/// Everything the parser knows, built once per process.
pub(crate) struct Lexicon {
    /// Lower-cased words (as bytes: lookups need no UTF-8 check).
    words: WordMap<WordInfo>,
    abbrevs: FxHashMap<String, bool>,
    /// The rules' word lists: each word with the bits of its [`WordList`]s.
    lists: FxHashMap<&'static str, u16>,
    pub parties: Vec<KnownParty>,
    pub people: Vec<KnownPerson>,
    /// Aliases by their first token (case-sensitive).
    aliases: WordMap<Vec<AliasEntry>>,
    /// Known people by full name.
    people_by_name: FxHashMap<String, usize>,
    /// Known parties by canonical name.
    party_index: FxHashMap<String, usize>,
    /// Offices only one country has ("Home Secretary") and that country's known party.
    country_offices: Vec<(String, String)>,
}

/// Longest word kept in [`WordMap::short`] (bytes).
const SHORT_WORD: usize = 15;

/// `word` (at most [`SHORT_WORD`] bytes) and its length packed into one
/// integer (byte `i` of the word in bits `8 i..8 i + 8`, the length in the top
/// byte), in ASCII lower case when `lower` (then `word` must be ASCII): a key
/// that needs no heap, hashes in two multiplications and compares in one step.
/// Read in (overlapping) 8- and 4-byte loads, lower-cased eight bytes at a time.
#[inline]
fn pack(word: &[u8], lower: bool) -> u128 {
    let len = word.len().min(SHORT_WORD);
    let w = &word[..len];
    let (lo, hi) = if len >= 8 {
        // Bytes 8.. from the last eight, the overlap shifted out.
        let tail = if len == 8 { 0 } else { load8(&w[len - 8..]) >> (8 * (16 - len)) };
        (load8(w), tail)
    } else if len >= 4 {
        let tail = u64::from(load4(&w[len - 4..])) >> (8 * (8 - len));
        (u64::from(load4(w)) | tail << 32, 0)
    } else {
        (w.iter().enumerate().fold(0u64, |k, (i, &b)| k | u64::from(b) << (8 * i)), 0)
    };
    let (lo, hi) = if lower { (ascii_lower8(lo), ascii_lower8(hi)) } else { (lo, hi) };
    u128::from(lo) | u128::from(hi) << 64 | (len as u128) << 120
}

fn load8(b: &[u8]) -> u64 {
    let mut a = [0u8; 8];
    a.copy_from_slice(&b[..8]);
    u64::from_le_bytes(a)
}

fn load4(b: &[u8]) -> u32 {
    let mut a = [0u8; 4];
    a.copy_from_slice(&b[..4]);
    u32::from_le_bytes(a)
}

/// The eight ASCII bytes of `x` in lower case (bytes of 0x80 and over are not ASCII: not allowed).
fn ascii_lower8(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    // Per byte: 0x80 set when the byte is >= 'A', and when it is > 'Z' (no carry: bytes < 0x80).
    let from_a = x + (0x80 - u64::from(b'A')) * ONES;
    let past_z = x + (0x80 - u64::from(b'Z') - 1) * ONES;
    let upper = from_a & !past_z & (0x80 * ONES);
    x | upper >> 2
}

/// A map keyed by words (as bytes): the short ones, nearly all, packed into
/// integers ([`pack`]), the others as boxed bytes.
struct WordMap<V> {
    short: FxHashMap<u128, V>,
    long: FxHashMap<Box<[u8]>, V>,
}

impl<V> Default for WordMap<V> {
    fn default() -> Self {
        WordMap { short: FxHashMap::default(), long: FxHashMap::default() }
    }
}

impl<V: Default> WordMap<V> {
    fn get(&self, word: &[u8]) -> Option<&V> {
        if word.len() <= SHORT_WORD {
            self.short.get(&pack(word, false))
        } else {
            self.long.get(word)
        }
    }

    fn entry(&mut self, word: &[u8]) -> &mut V {
        if word.len() <= SHORT_WORD {
            self.short.entry(pack(word, false)).or_default()
        } else {
            self.long.entry(word.into()).or_default()
        }
    }

    fn values_mut(&mut self) -> impl Iterator<Item = &mut V> {
        self.short.values_mut().chain(self.long.values_mut())
    }
}

static LEXICON: OnceLock<Lexicon> = OnceLock::new();

/// The shared lexicon (built on first use).
pub(crate) fn lexicon() -> &'static Lexicon {
    LEXICON.get_or_init(Lexicon::build)
}

impl AbbrevTable for Lexicon {
    fn abbreviation(&self, word: &str) -> Option<bool> {
        if word.len() > 12 {
            return None;
        }
        self.abbrevs.get(word).copied()
    }
}

/// The tab-separated fields of one line of a data file (up to four).
#[derive(Default)]
struct Fields<'a> {
    items: [&'a str; 4],
    len: usize,
}

impl<'a> Fields<'a> {
    fn get(&self, i: usize) -> Option<&'a str> {
        self.items[..self.len].get(i).copied()
    }

    fn first(&self) -> Option<&'a str> {
        self.get(0)
    }
}

impl<'a> std::ops::Index<usize> for Fields<'a> {
    type Output = &'a str;
    fn index(&self, i: usize) -> &&'a str {
        &self.items[..self.len][i]
    }
}

/// The lines of a data file that are not blank or comments (`#`), split at tabs.
fn data_lines(src: &str) -> impl Iterator<Item = Fields<'_>> {
    src.split('\n').filter_map(|line| {
        let line = line.trim_end();
        if line.is_empty() || line.starts_with('#') {
            return None;
        }
        let mut fields = Fields::default();
        let mut rest = line;
        while fields.len < fields.items.len() {
            let (field, more) = match rest.as_bytes().iter().position(|&b| b == b'\t') {
                Some(tab) => (&rest[..tab], Some(&rest[tab + 1..])),
                None => (rest, None),
            };
            fields.items[fields.len] = field;
            fields.len += 1;
            match more {
                Some(more) => rest = more,
                None => break,
            }
        }
        Some(fields)
    })
}

/// The class bit of a class named in `data/word_classes.tsv`.
fn word_class(name: &str) -> Option<u64> {
    Some(match name {
        "org_noun" => ORG_NOUN,
        "statement_noun" => STATEMENT_NOUN,
        "group_noun" => GROUP_NOUN,
        "month" => MONTH,
        "weekday" => WEEKDAY,
        "number_word" => NUMBER_WORD,
        "ordinal_word" => ORDINAL_WORD,
        "analysis_verb" => ANALYSIS_VERB,
        "evaluative" => EVALUATIVE,
        "abstract_noun" => ABSTRACT_NOUN,
        "designation" => DESIGNATION,
        "work_noun" => WORK_NOUN,
        "particle" => PARTICLE,
        "role_adj" => ROLE_ADJ,
        "person_noun" => PERSON_NOUN,
        "common_cap" => COMMON_CAP,
        "verbish" => VERBISH,
        _ => return None,
    })
}

fn party_kind(s: &str) -> PartyKind {
    match s {
        "country" => PartyKind::Country,
        "international" => PartyKind::International,
        "armed_group" => PartyKind::ArmedGroup,
        "media" => PartyKind::Media,
        "company" => PartyKind::Company,
        "political_party" => PartyKind::PoliticalParty,
        "government_body" => PartyKind::GovernmentBody,
        _ => PartyKind::Organisation,
    }
}

impl Lexicon {
    fn build() -> Lexicon {
        let mut lx = Lexicon {
            words: WordMap {
                short: FxHashMap::with_capacity_and_hasher(16_384, Default::default()),
                long: FxHashMap::default(),
            },
            abbrevs: FxHashMap::default(),
            lists: FxHashMap::default(),
            parties: Vec::new(),
            people: Vec::new(),
            aliases: WordMap::default(),
            people_by_name: FxHashMap::default(),
            party_index: FxHashMap::default(),
            country_offices: Vec::new(),
        };
        for fields in data_lines(include_str!("data/given_names.tsv")) {
            let gender = match fields.get(1).map(|g| g.trim()) {
                Some("m") => GIVEN_MALE,
                Some("f") => GIVEN_FEMALE,
                _ => 0,
            };
            let common = if fields.get(2).is_some_and(|c| c.trim() == "common") { FIRST_NAME } else { 0 };
            let e = lx.entry(fields[0].trim());
            if gender != 0 {
                // A name listed twice takes its last gender.
                e.class = (e.class & !(GIVEN_MALE | GIVEN_FEMALE)) | gender;
            }
            e.class |= common;
        }
        for fields in data_lines(include_str!("data/abbreviations.txt")) {
            let word = fields[0].trim().trim_end_matches('.');
            if !word.is_empty() {
                lx.abbrevs.insert(word.to_string(), fields.get(1).is_some_and(|f| f.trim() == "may_end"));
            }
        }
        for fields in data_lines(include_str!("data/words.tsv")) {
            if let (Some(word), Some(list)) = (fields.first(), fields.get(1).and_then(|l| WordList::named(l.trim()))) {
                *lx.lists.entry(word.trim()).or_default() |= list as u16;
            }
        }
        for (list, class) in BUILTIN {
            for w in list.split_whitespace() {
                lx.add(w, *class);
            }
        }
        for fields in data_lines(include_str!("data/word_classes.tsv")) {
            if let (Some(word), Some(class)) = (fields.first(), fields.get(1).and_then(|c| word_class(c.trim()))) {
                lx.add(word.trim(), class);
            }
        }
        for fields in data_lines(include_str!("data/speech_verbs.tsv")) {
            let (Some(form), Some(class)) = (fields.first(), fields.get(2)) else { continue };
            let form = form.trim();
            if form.contains(' ') {
                continue; // multi-word forms ("according to") are handled in code
            }
            let bit = match class.trim() {
                "think" => THINK,
                "say" | "call" => SPEECH,
                _ => continue,
            };
            let verb_form = if form.ends_with("ing") {
                VerbForm::Participle
            } else if fields.get(1).is_some_and(|lemma| lemma.trim() == form) {
                VerbForm::Base
            } else {
                VerbForm::Finite
            };
            let e = lx.entry(form);
            e.class |= bit;
            e.verb_form = verb_form;
        }
        for fields in data_lines(include_str!("data/org_words.tsv")) {
            let (Some(word), Some(class)) = (fields.first(), fields.get(1)) else { continue };
            let bits = match class.trim() {
                "media" => MEDIA_HEAD | ORG_HEAD,
                "company" => COMPANY_HEAD | ORG_HEAD,
                "org" => ORG_HEAD,
                "media_noun" => MEDIA_NOUN | ORG_NOUN,
                "company_noun" => COMPANY_NOUN | ORG_NOUN,
                "org_first" => ORG_FIRST,
                _ => continue,
            };
            lx.add(word.trim(), bits);
        }
        lx.load_titles();
        lx.load_parties();
        // Longest first, so matching is greedy (ties in the files' order).
        for list in lx.aliases.values_mut() {
            crate::order::sort_by_key(list, |e| std::cmp::Reverse(e.rest.len()));
        }
        lx
    }

    /// The words of titles (`data/titles.tsv`): honorifics, military ranks,
    /// offices and roles, and the offices only one country has.
    fn load_titles(&mut self) {
        for fields in data_lines(include_str!("data/titles.tsv")) {
            let (Some(title), Some(class)) = (fields.first(), fields.get(1)) else { continue };
            let class = class.trim();
            if let Some(country) = fields.get(2).map(|c| c.trim()).filter(|c| !c.is_empty()) {
                self.country_offices.push((title.trim().to_string(), country.to_string()));
            }
            let words: Vec<&str> = title.split_whitespace().collect();
            for (i, w) in words.iter().enumerate() {
                let key = w.trim_end_matches('.');
                let last = i + 1 == words.len();
                let bits = match class {
                    "honorific" => HONORIFIC | TITLE_WORD | if last { TITLE_HEAD } else { 0 },
                    "military" => MILITARY | TITLE_WORD | if last { TITLE_HEAD } else { 0 },
                    "office" => TITLE_WORD | if last { TITLE_HEAD } else { 0 },
                    "role" => {
                        if last {
                            PERSON_NOUN
                        } else {
                            ROLE_ADJ
                        }
                    }
                    _ => 0,
                };
                // Only the capitalised words of a title mark it ("Secretary of the Treasury").
                let lower = w.chars().next().is_some_and(char::is_lowercase);
                if bits == 0 || (lower && class != "role") {
                    continue;
                }
                self.add(key, bits);
                if w.ends_with('.') {
                    self.add(w, bits);
                }
            }
        }
    }

    fn add(&mut self, word: &str, class: u64) {
        self.entry(word).class |= class;
    }

    fn entry(&mut self, word: &str) -> &mut WordInfo {
        if word.len() <= SHORT_WORD && word.is_ascii() {
            return self.words.short.entry(pack(word.as_bytes(), true)).or_default();
        }
        let key = if word.is_ascii() { word.as_bytes().to_ascii_lowercase() } else { word.to_lowercase().into_bytes() };
        self.words.entry(&key)
    }

    fn load_parties(&mut self) {
        let mut by_name: FxHashMap<String, usize> = FxHashMap::default();
        for fields in data_lines(include_str!("data/parties.tsv")) {
            let Some(name) = fields.first().map(|s| s.trim()).filter(|s| !s.is_empty()) else { continue };
            let kind = party_kind(fields.get(1).map_or("", |s| s.trim()));
            let space_agency = fields.get(3).is_some_and(|t| t.split(',').any(|t| t.trim() == "space_agency"));
            let idx = match by_name.get(name) {
                Some(&i) => i,
                None => {
                    self.parties.push(KnownParty { name: name.to_string(), kind, space_agency });
                    by_name.insert(name.to_string(), self.parties.len() - 1);
                    self.parties.len() - 1
                }
            };
            self.add_alias(name, AliasTarget::Party(idx));
            for alias in fields.get(2).map_or("", |s| s.trim()).split('|') {
                let alias = alias.trim();
                if !alias.is_empty() {
                    self.add_alias(alias, AliasTarget::Party(idx));
                }
            }
        }
        self.party_index = by_name.clone();
        for fields in data_lines(include_str!("data/people.tsv")) {
            let Some(name) = fields.first().map(|s| s.trim()).filter(|s| !s.is_empty()) else { continue };
            let party = fields.get(1).and_then(|p| by_name.get(p.trim()).copied());
            self.people.push(KnownPerson { party });
            let idx = self.people.len() - 1;
            self.people_by_name.insert(name.to_string(), idx);
            self.add_alias(name, AliasTarget::Person(idx));
            if let Some(first) = name.split_whitespace().next() {
                self.add(first, FIRST_NAME);
            }
            for alias in fields.get(2).map_or("", |s| s.trim()).split('|') {
                let alias = alias.trim();
                // Titled forms and full names only: a bare surname is matched
                // through the article's own people.
                if alias.contains(' ') {
                    self.add_alias(alias, AliasTarget::Person(idx));
                }
            }
        }
    }

    /// Indexes an alias by its tokens (as the lexer splits them).
    fn add_alias(&mut self, alias: &str, target: AliasTarget) {
        // Letters and spaces split at the spaces, as the lexer would; anything
        // else ("U.S.", "People's Republic") goes through the lexer.
        let mut texts: Vec<(String, bool)> = if alias.bytes().all(|b| b.is_ascii_alphabetic() || b == b' ') {
            alias.split_whitespace().map(|w| (w.to_string(), false)).collect()
        } else {
            let paras = [Span::new(0, alias.len())];
            let toks = lexer::tokenize(alias, &paras, &[], &[], self);
            let Some(toks) = toks.into_iter().next() else { return };
            toks.iter().map(|t| (t.span().of(alias).to_string(), t.has(lexer::POSS))).collect()
        };
        if texts.is_empty() || texts.len() > 8 {
            return;
        }
        let (first, first_poss) = texts.remove(0);
        let list = self.aliases.entry(first.as_bytes());
        if !list.iter().any(|e| e.rest == texts && e.target == target) {
            list.push(AliasEntry { first_poss, rest: texts, target });
        }
    }

    /// Whether `word` (exactly as written) is on one of the rules' lists.
    pub fn in_list(&self, word: &str, list: WordList) -> bool {
        self.lists.get(word).is_some_and(|&bits| bits & list as u16 != 0)
    }

    /// Aliases whose first token is `first` (longest first).
    pub fn aliases_starting(&self, first: &str) -> &[AliasEntry] {
        self.aliases.get(first.as_bytes()).map_or(&[], Vec::as_slice)
    }

    /// Class information for a word (case-insensitive).
    pub fn info(&self, word: &str) -> WordInfo {
        let bytes = word.as_bytes();
        if bytes.len() <= SHORT_WORD && word.is_ascii() {
            // The common case: packed and lower-cased in one step, no copy.
            return self.words.short.get(&pack(bytes, true)).copied().unwrap_or_default();
        }
        let mut buf = [0u8; 32];
        if word.len() <= buf.len() && word.is_ascii() {
            let b = &mut buf[..word.len()];
            b.copy_from_slice(word.as_bytes());
            b.make_ascii_lowercase();
            return self.words.get(b).copied().unwrap_or_default();
        }
        if word.len() > 64 {
            return WordInfo::default();
        }
        self.words.get(word.to_lowercase().as_bytes()).copied().unwrap_or_default()
    }

    /// The gender a given name usually has, when it is clear.
    pub fn first_name_gender(&self, word: &str) -> Gender {
        if word.len() > 20 || !word.chars().next().is_some_and(char::is_uppercase) {
            return Gender::Unknown;
        }
        self.info(word).gender()
    }

    /// Whether `word` is a given name with a clear gender (any case of its first letter).
    pub fn has_given_name_gender(&self, word: &str) -> bool {
        word.len() <= 20 && self.info(word).gender() != Gender::Unknown
    }

    pub fn is_first_name(&self, word: &str) -> bool {
        word.len() <= 20 && self.info(word).is(FIRST_NAME)
    }

    /// The party a whole phrase names ("Saudi Arabia", "Paris"), if any.
    pub fn party_for_phrase(&self, phrase: &str) -> Option<usize> {
        let words: Vec<&str> = phrase.split_whitespace().collect();
        let (first, rest) = words.split_first()?;
        self.aliases_starting(first).iter().find_map(|e| match e.target {
            AliasTarget::Party(p)
                if e.rest.len() == rest.len() && e.rest.iter().zip(rest).all(|((r, _), w)| r == w) =>
            {
                Some(p)
            }
            _ => None,
        })
    }

    /// The country whose office a title (as written before a name, or a
    /// role) names: "Under Secretary of State for Public Diplomacy" → United
    /// States. The longest office found in the title wins.
    pub fn office_country(&self, title: &str) -> Option<&KnownParty> {
        let (_, country) = self
            .country_offices
            .iter()
            .filter(|(office, _)| contains_phrase(title, office))
            .max_by_key(|(office, _)| office.len())?;
        self.known_party(country)
    }

    /// A known party by its canonical name.
    pub fn known_party(&self, name: &str) -> Option<&KnownParty> {
        self.party_index.get(name).map(|&i| &self.parties[i])
    }

    /// A well-known person by full name.
    pub fn known_person(&self, name: &str) -> Option<&KnownPerson> {
        self.people_by_name.get(name).map(|&i| &self.people[i])
    }
}

/// The closed grammatical classes, complete (the open classes are in
/// `data/word_classes.tsv`). Adverbs are here too: the ones that sit between a
/// subject and its verb.
const BUILTIN: &[(&str, u64)] = &[
    (
        "the a an this that these those some any each every another its their his her our my your both all no \
         such several many few one",
        DET,
    ),
    (
        "in on at of for from with by to into onto about over under after before during since between against among \
         through across without within via per amid amidst toward towards despite following near behind beyond \
         throughout upon inside outside alongside around regarding concerning including like unlike than",
        PREP,
    ),
    ("and or but nor neither either yet so plus", CONJ),
    (
        "when while whilst if although though because as since until unless whether where whereas that which who \
         whom whose what once after before",
        SUBORD,
    ),
    (
        "is are was were be been being am has have had having do does did will would shall should can could may \
         might must",
        AUX,
    ),
    (
        "also further later then again recently previously earlier repeatedly reportedly publicly privately \
         separately once still already simply never often quickly only just even flatly firmly strongly \
         initially subsequently additionally however not too in turn now today yesterday later",
        ADVERB,
    ),
    ("he she him her his hers it its i me we us they them you himself herself itself themselves", PRONOUN),
    ("they we them us", PLURAL_PRONOUN),
];

/// Whether `phrase` occurs in `text` on word boundaries.
fn contains_phrase(text: &str, phrase: &str) -> bool {
    text.match_indices(phrase).any(|(i, _)| {
        let before = text[..i].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
        let after = text[i + phrase.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric());
        before && after
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The packing spelled out byte by byte.
    fn naive(word: &[u8], lower: bool) -> u128 {
        let mut key = (word.len() as u128) << 120;
        for (i, &b) in word.iter().enumerate() {
            key |= u128::from(if lower { b.to_ascii_lowercase() } else { b }) << (8 * i);
        }
        key
    }

    #[test]
    fn packed_words_are_their_bytes_and_length() {
        let text = b"AbCdEfGhIjKlMnO@[`{Zz09";
        for len in 0..=SHORT_WORD {
            for start in 0..text.len() - len {
                let w = &text[start..start + len];
                assert_eq!(pack(w, false), naive(w, false), "{w:?}");
                assert_eq!(pack(w, true), naive(w, true), "{w:?}");
            }
        }
        let raw = "caf\u{e9}s".as_bytes();
        assert_eq!(pack(raw, false), naive(raw, false));
        assert_ne!(pack(b"ab", false), pack(b"ab\0", false), "the length tells trailing zero bytes apart");
    }

    #[test]
    fn word_classes_ignore_case_and_length_class() {
        let lx = lexicon();
        assert!(lx.info("Said").is(SPEECH) && lx.info("SAID").is(SPEECH) && lx.info("said").is(SPEECH));
        assert!(!lx.info("saidx").is(SPEECH));
        assert!(!lx.aliases_starting("Hamas").is_empty());
        assert!(lx.aliases_starting("hamas").is_empty(), "aliases are case-sensitive");
    }
}
