//! The parties and people of one article and where the text names them:
//! what [`mentions`](super::mentions) finds and the later passes read.

use rustc_hash::FxHashMap;

use super::ids::MentionId;
use super::lexicon::Gender;
use super::model::{PartyKind, PartyVia, Span};

/// What a mention names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Target {
    Party(usize),
    Person(usize),
}

/// A stretch of tokens naming a party or a person.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Mention {
    /// Token range of the whole mention, titles included.
    pub a: usize,
    pub b: usize,
    pub target: Target,
    /// For a description such as "the agency": the first token of the
    /// mention it refers back to.
    pub antecedent: Option<u32>,
}

/// A party of this article.
#[derive(Clone, Debug)]
pub(crate) struct DocParty {
    pub name: String,
    pub kind: PartyKind,
    pub aliases: Vec<String>,
    pub mentions: usize,
    pub spans: Vec<Span>,
    pub people: Vec<usize>,
    /// First token naming it.
    pub first: usize,
    /// The article writes the name as it is (not only through aliases).
    pub named_as_is: bool,
}

/// A person of this article.
#[derive(Clone, Debug)]
pub(crate) struct DocPerson {
    pub name: String,
    pub words: Vec<String>,
    pub aliases: Vec<String>,
    pub role: Option<String>,
    pub party: Option<usize>,
    pub mentions: usize,
    pub spans: Vec<Span>,
    pub gender: Gender,
    pub first: usize,
    /// Titles written before the name anywhere ("Sen.", "Foreign Minister").
    pub titles: Vec<String>,
    /// Party from the knowledge files, used when the article names none.
    pub known_party: Option<usize>,
    /// Where `party` comes from.
    pub party_via: PartyVia,
}

/// Parties, people and where the text names them.
pub(crate) struct Entities {
    pub parties: Vec<DocParty>,
    pub people: Vec<DocPerson>,
    /// Sorted by position, not overlapping.
    pub mentions: Vec<Mention>,
    /// The mention covering each token.
    pub mention_of: Vec<Option<MentionId>>,
    pub party_by_name: FxHashMap<String, usize>,
    /// People by the last word of their name.
    pub by_surname: FxHashMap<String, Vec<usize>>,
    /// The article's own country (its dateline, else the country it names
    /// most): officials with no country named speak for it.
    pub home: Option<usize>,
}

impl Entities {
    /// No parties or people yet, for an article of `tokens` tokens.
    pub fn new(tokens: usize) -> Entities {
        Entities {
            parties: Vec::new(),
            people: Vec::new(),
            mentions: Vec::new(),
            mention_of: vec![None; tokens],
            party_by_name: FxHashMap::default(),
            by_surname: FxHashMap::default(),
            home: None,
        }
    }

    /// Adds mentions (keeping the outermost of overlapping ones) and
    /// re-indexes tokens.
    pub fn merge_mentions(&mut self, mut more: Vec<Mention>) {
        if more.is_empty() {
            return;
        }
        more.append(&mut self.mentions);
        crate::order::sort_by_key(&mut more, |m| (m.a, std::cmp::Reverse(m.b)));
        for t in &mut self.mention_of {
            *t = None;
        }
        for m in more {
            if self.mentions.last().is_some_and(|l| l.b > m.a) {
                continue;
            }
            let id = Some(MentionId::new(self.mentions.len()));
            for t in &mut self.mention_of[m.a..m.b] {
                *t = id;
            }
            self.mentions.push(m);
        }
    }

    pub fn mention_at(&self, tok: usize) -> Option<&Mention> {
        let m = (*self.mention_of.get(tok)?)?;
        self.mentions.get(m.index())
    }

    /// The index of the mention covering token `tok` (0 when there is none:
    /// callers ask only where [`Entities::mention_at`] found one).
    pub fn mention_index(&self, tok: usize) -> usize {
        self.mention_of.get(tok).copied().flatten().map_or(0, MentionId::index)
    }

    /// The party index for a canonical name, creating it on first use.
    pub fn party(&mut self, name: &str, kind: PartyKind, first: usize) -> usize {
        if let Some(&i) = self.party_by_name.get(name) {
            return i;
        }
        self.parties.push(DocParty {
            name: name.to_string(),
            kind,
            aliases: Vec::new(),
            mentions: 0,
            spans: Vec::new(),
            people: Vec::new(),
            first,
            named_as_is: false,
        });
        self.party_by_name.insert(name.to_string(), self.parties.len() - 1);
        self.parties.len() - 1
    }

    pub fn add_party_alias(&mut self, p: usize, alias: &str) {
        let alias = strip_article(alias.trim());
        if alias.is_empty() || alias.len() > 120 {
            return;
        }
        let party = &mut self.parties[p];
        if alias == party.name {
            party.named_as_is = true;
        } else if !party.aliases.iter().any(|a| a == alias) {
            party.aliases.push(alias.to_string());
        }
    }

    /// Counts a mention of party `p` at `span`.
    pub fn count_party(&mut self, p: usize, span: Span) {
        let party = &mut self.parties[p];
        party.mentions += 1;
        if party.spans.last().is_none_or(|s| s.end <= span.start) {
            party.spans.push(span);
        }
    }

    /// The party of a mention (a person's party for a person).
    /// The article's one party (not a country or an international body) that
    /// `is` picks, if it names exactly one: its council, its court.
    pub fn the_only_party(&self, is: impl Fn(&DocParty) -> bool) -> Option<usize> {
        let mut found = (0..self.parties.len()).filter(|&p| {
            let party = &self.parties[p];
            is(party) && !matches!(party.kind, PartyKind::Country | PartyKind::International)
        });
        match (found.next(), found.next()) {
            (Some(p), None) => Some(p),
            _ => None,
        }
    }

    /// A council's name: "Harlow Springs City Council", "Lisbon Municipality".
    pub fn is_council(party: &DocParty) -> bool {
        party.name.split_whitespace().last().is_some_and(|w| matches!(w, "Council" | "Corporation" | "Municipality"))
    }

    pub fn party_of(&self, m: &Mention) -> Option<usize> {
        match m.target {
            Target::Party(p) => Some(p),
            Target::Person(p) => self.people[p].party,
        }
    }
}

/// "the United States" → "United States".
pub(crate) fn strip_article(s: &str) -> &str {
    for art in ["the ", "The "] {
        if let Some(rest) = s.strip_prefix(art) {
            return rest;
        }
    }
    s
}
