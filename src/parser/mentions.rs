//! Who and what the article names: parties (countries, groups, bodies,
//! outlets) and people, with every surface form, role and allegiance.
//!
//! Three sources, in order: the knowledge files (exact, case-sensitive
//! aliases such as "White House" or "Israeli"), the shape of capitalised
//! runs ("Pvt. Brandon Hickle", "3rd Cavalry Regiment"), and the article's
//! own reuse of names ("Scherer" after "2nd Lt. Sam Scherer").

use super::doc::Doc;
use super::lexer::{ABBR, CAP, HYPHEN, NUM, POSS, SENT_START, UPPER};
use super::lexicon::{
    AliasTarget, FxMap, AUX, COMMON_CAP, CONJ, DET, GROUP_NOUN, HONORIFIC, MILITARY, MONTH, ORG_HEAD, ORG_NOUN,
    PARTICLE, PERSON_NOUN, PREP, PRONOUN, ROLE_ADJ, SPEECH, SUBORD, THINK, TITLE_WORD, VERBISH, WEEKDAY,
};
use super::model::{PartyKind, Span};

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
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Gender {
    Unknown,
    Male,
    Female,
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
    /// Party from the knowledge files, used when the article names none.
    pub known_party: Option<usize>,
}

/// Parties, people and where the text names them.
pub(crate) struct Entities {
    pub parties: Vec<DocParty>,
    pub people: Vec<DocPerson>,
    /// Sorted by position, not overlapping.
    pub mentions: Vec<Mention>,
    /// Mention index covering each token, or `u32::MAX`.
    pub mention_of: Vec<u32>,
    party_by_name: FxMap<String, usize>,
    /// People by the last word of their name.
    by_surname: FxMap<String, Vec<usize>>,
}

impl Entities {
    pub fn mention_at(&self, tok: usize) -> Option<&Mention> {
        let m = *self.mention_of.get(tok)?;
        (m != u32::MAX).then(|| &self.mentions[m as usize])
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
        if alias != party.name && !party.aliases.iter().any(|a| a == alias) {
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

/// A capitalised run and what it was found to be.
struct Candidate {
    a: usize,
    b: usize,
    name_a: usize,
    /// Token range of the role prefix (titles, party prefix, role words).
    prefix: (usize, usize),
    words: Vec<String>,
    gender: Gender,
}

/// Finds the parties and people of the article.
pub(crate) fn find(doc: &Doc) -> Entities {
    let n = doc.toks.len();
    let mut ents = Entities {
        parties: Vec::new(),
        people: Vec::new(),
        mentions: Vec::new(),
        mention_of: vec![u32::MAX; n],
        party_by_name: FxMap::default(),
        by_surname: FxMap::default(),
    };
    let gaz = gazetteer_matches(doc);
    // Covered tokens: gazetteer matches.
    let mut covered: Vec<u32> = vec![u32::MAX; n];
    for (gi, g) in gaz.iter().enumerate() {
        for c in &mut covered[g.a..g.b] {
            *c = gi as u32;
        }
    }

    // Capitalised runs → people and unknown organisations.
    let mut people_cands: Vec<Candidate> = Vec::new();
    let mut orgs: Vec<(usize, usize)> = Vec::new();
    let mut singles: Vec<usize> = Vec::new();
    // How often each capitalised word occurs (a reused surname marks a person).
    let mut cap_counts: FxMap<&str, u32> = FxMap::default();
    for (i, t) in doc.toks.iter().enumerate() {
        if t.is_word() && t.has(CAP) {
            *cap_counts.entry(doc.word(i)).or_default() += 1;
        }
    }
    let mut i = 0;
    while i < n {
        let Some((a, b)) = capital_run(doc, i, &covered) else {
            i += 1;
            continue;
        };
        analyse_run(doc, a, b, &covered, &gaz, &cap_counts, &mut people_cands, &mut orgs, &mut singles);
        i = b.max(i + 1);
    }

    // Known parties and people from the knowledge files.
    let mut pending: Vec<Mention> = Vec::new();
    for g in &gaz {
        match g.target {
            AliasTarget::Party(k) => {
                let kp = &doc.lx.parties[k];
                let p = ents.party(&kp.name, kp.kind, g.a);
                pending.push(Mention { a: g.a, b: g.b, target: Target::Party(p) });
            }
            AliasTarget::Person(_) => {} // handled as a candidate below
        }
    }

    // People: multi-word names first, so "McFarlane" finds "Robert McFarlane"
    // even when the full name comes later.
    people_cands.sort_by_key(|c| (c.words.len() < 2, c.a));
    let mut person_mentions: Vec<(usize, Candidate)> = Vec::new();
    for c in people_cands {
        let pi = register_person(&mut ents, &c);
        person_mentions.push((pi, c));
    }
    // Lone surnames ("Scherer") of known people.
    for &t in &singles {
        let w = doc.word(t);
        if let Some(pi) = person_by_surname(&ents, w, t) {
            person_mentions.push((
                pi,
                Candidate {
                    a: t,
                    b: t + 1,
                    name_a: t,
                    prefix: (t, t),
                    words: vec![w.to_string()],
                    gender: Gender::Unknown,
                },
            ));
        }
    }
    for (pi, c) in &person_mentions {
        // Party prefixes ("White House", "Ukrainian") stay party mentions.
        let a = (c.a..c.name_a).rev().find(|&k| covered[k] != u32::MAX).map_or(c.a, |k| k + 1);
        pending.push(Mention { a, b: c.b, target: Target::Person(*pi) });
    }

    // Unknown organisations by their shape.
    for &(a, b) in &orgs {
        let name = Span::new(doc.toks[a].start, doc.toks[b - 1].end).of(doc.text).to_string();
        let p = ents.party(&name, PartyKind::Other, a);
        pending.push(Mention { a, b, target: Target::Party(p) });
    }

    // Keep the outermost of overlapping mentions, in text order.
    pending.sort_by(|x, y| x.a.cmp(&y.a).then(y.b.cmp(&x.b)));
    for m in pending {
        if ents.mentions.last().is_some_and(|l| l.b > m.a) {
            continue;
        }
        let idx = ents.mentions.len() as u32;
        for t in &mut ents.mention_of[m.a..m.b] {
            *t = idx;
        }
        ents.mentions.push(m);
    }

    // Parties of well-known people first, so an apposition naming one
    // ("adviser to President Ronald Reagan") can pass it on.
    for (pi, _) in &person_mentions {
        known_party(doc, &mut ents, *pi);
    }
    // Roles and parties of people from their prefixes and appositions.
    for (pi, c) in &person_mentions {
        describe_person(doc, &mut ents, *pi, c);
    }
    // What the article says beats what the knowledge files say.
    for p in &mut ents.people {
        if p.party.is_none() {
            p.party = p.known_party;
        }
    }

    // Count mentions and collect aliases.
    for mi in 0..ents.mentions.len() {
        let m = ents.mentions[mi];
        let span = Span::new(doc.toks[m.a].start, doc.toks[m.b - 1].end);
        match m.target {
            Target::Party(p) => {
                let alias = party_surface(doc, &m);
                ents.add_party_alias(p, &alias);
                ents.count_party(p, span);
            }
            Target::Person(pi) => {
                let surface = span.of(doc.text).to_string();
                let person = &mut ents.people[pi];
                person.mentions += 1;
                person.spans.push(span);
                if surface != person.name && !person.aliases.contains(&surface) {
                    person.aliases.push(surface);
                }
                if let Some(p) = ents.people[pi].party {
                    let name = ents.people[pi].name.clone();
                    ents.add_party_alias(p, &name);
                    let full = span.of(doc.text).to_string();
                    ents.add_party_alias(p, &full);
                    ents.count_party(p, span);
                }
            }
        }
    }
    for pi in 0..ents.people.len() {
        if let Some(p) = ents.people[pi].party {
            if !ents.parties[p].people.contains(&pi) {
                ents.parties[p].people.push(pi);
            }
        }
    }
    ents
}

/// Surface form of a party mention, extended over a following role noun:
/// "Israeli" + "officials" → "Israeli officials".
fn party_surface(doc: &Doc, m: &Mention) -> String {
    let mut end = m.b;
    let last = &doc.toks[m.b - 1];
    if !last.has(POSS) {
        if let Some(t) = doc.toks.get(m.b) {
            let info = doc.lx.info(doc.word(m.b));
            if t.is_word() && !t.has(CAP) && info.is(PERSON_NOUN | ORG_NOUN | GROUP_NOUN) && !info.is(VERBISH) {
                end = m.b + 1;
            }
        }
    }
    Span::new(doc.toks[m.a].start, doc.toks[end - 1].end).of(doc.text).to_string()
}

struct GazMatch {
    a: usize,
    b: usize,
    target: AliasTarget,
}

/// Exact, case-sensitive matches of the knowledge files' aliases (longest
/// first; curly apostrophes read as straight ones).
fn gazetteer_matches(doc: &Doc) -> Vec<GazMatch> {
    let mut out = Vec::new();
    let toks = &doc.toks;
    let key = |i: usize| -> std::borrow::Cow<'_, str> {
        let w = doc.word(i);
        if w.contains('\u{2019}') {
            std::borrow::Cow::Owned(w.replace('\u{2019}', "'"))
        } else {
            std::borrow::Cow::Borrowed(w)
        }
    };
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        if !t.is_word() || doc.sent_of[i] == u32::MAX {
            i += 1;
            continue;
        }
        let w = key(i);
        let mut matched = None;
        for e in doc.lx.aliases_starting(&w) {
            let len = e.rest.len();
            if i + len >= toks.len() {
                continue;
            }
            // Every token but the last must carry the alias's own possessive.
            if len > 0 && t.has(POSS) != e.first_poss {
                continue;
            }
            let ok = e.rest.iter().enumerate().all(|(k, (r, poss))| {
                let j = i + 1 + k;
                let tk = &toks[j];
                let last = k + 1 == len;
                tk.quote == t.quote
                    && tk.is_word() == r.chars().next().is_some_and(char::is_alphanumeric)
                    && key(j) == r.as_str()
                    && (last || tk.has(POSS) == *poss)
            });
            if ok {
                matched = Some((i + 1 + len, e.target));
                break;
            }
        }
        if let Some((b, target)) = matched {
            out.push(GazMatch { a: i, b, target });
            i = b;
            continue;
        }
        // Hyphenated compounds: "Israeli-American", "U.S.-Ukrainian".
        if t.has(HYPHEN) {
            for part in w.split('-') {
                if !part.chars().next().is_some_and(char::is_uppercase) {
                    continue;
                }
                if let Some(e) = doc.lx.aliases_starting(part).iter().find(|e| e.rest.is_empty()) {
                    out.push(GazMatch { a: i, b: i + 1, target: e.target });
                    break;
                }
            }
        }
        i += 1;
    }
    out
}

fn is_title(doc: &Doc, i: usize) -> bool {
    let t = &doc.toks[i];
    if !t.is_word() {
        return false;
    }
    let w = doc.word(i);
    // Ordinals of military ranks: "2nd Lt.", "1st Sgt."
    if t.has(NUM) {
        return matches!(w.get(w.len().saturating_sub(2)..), Some("st" | "nd" | "rd" | "th"))
            && doc.toks.get(i + 1).is_some_and(|n| n.is_word() && doc.lx.info(doc.word(i + 1)).is(MILITARY));
    }
    t.has(CAP) && doc.lx.info(w).is(TITLE_WORD)
}

/// Whether token `i` can be part of a capitalised run.
fn run_word(doc: &Doc, i: usize) -> bool {
    let t = &doc.toks[i];
    if !t.is_word() {
        return false;
    }
    if t.has(CAP) {
        return true;
    }
    // "3rd Cavalry Regiment", "2nd Lt."
    t.has(NUM)
        && matches!(doc.word(i).get(doc.word(i).len().saturating_sub(2)..), Some("st" | "nd" | "rd" | "th"))
        && doc.toks.get(i + 1).is_some_and(|n| n.is_word() && n.has(CAP))
}

/// The capitalised run starting at or after `i`: `(a, b)`.
fn capital_run(doc: &Doc, i: usize, covered: &[u32]) -> Option<(usize, usize)> {
    let toks = &doc.toks;
    if !run_word(doc, i) || doc.sent_of[i] == u32::MAX {
        return None;
    }
    let mut a = i;
    // Skip sentence openers that are not names ("The", "When").
    while a < toks.len() && run_word(doc, a) && covered[a] == u32::MAX {
        let w = doc.word(a);
        let info = doc.lx.info(w);
        if info.is(COMMON_CAP) && !info.is(TITLE_WORD) && !toks[a].has(POSS) {
            a += 1;
        } else {
            break;
        }
    }
    if a >= toks.len() || !run_word(doc, a) {
        return Some((i, a.max(i + 1))).filter(|_| false);
    }
    let q = toks[a].quote;
    let mut b = a + 1;
    let mut has_title = is_title(doc, a);
    let mut has_org = doc.lx.info(doc.word(a)).is(ORG_HEAD);
    while b < toks.len() && b - a < 12 {
        if toks[b - 1].has(POSS) || toks[b].quote != q {
            break;
        }
        if run_word(doc, b) {
            let info = doc.lx.info(doc.word(b));
            // A sentence-opening word inside a run ends it ("Washington The").
            if toks[b].has(SENT_START) {
                break;
            }
            has_title |= info.is(TITLE_WORD);
            has_org |= info.is(ORG_HEAD);
            b += 1;
            continue;
        }
        let t = &toks[b];
        let next_cap = toks.get(b + 1).is_some_and(|n| n.is_word() && n.has(CAP) && n.quote == q);
        if t.is_word() && next_cap {
            let w = doc.word(b);
            let info = doc.lx.info(w);
            if info.is(PARTICLE) && !info.is(DET) {
                b += 1;
                continue;
            }
            if matches!(w, "of" | "for") && (has_title || has_org) {
                b += 1;
                continue;
            }
            if matches!(w, "and" | "&") && has_org && (a..b).any(|k| doc.word(k) == "of") {
                b += 1;
                continue;
            }
        }
        break;
    }
    // Do not end on a connector.
    while b > a + 1 && !doc.toks[b - 1].has(CAP) && !doc.toks[b - 1].has(NUM) {
        b -= 1;
    }
    Some((a, b))
}

/// Whether a name word can be part of a person's name.
fn name_word(doc: &Doc, i: usize) -> bool {
    let t = &doc.toks[i];
    if !t.is_word() || t.has(NUM) {
        return false;
    }
    let w = doc.word(i);
    if t.has(ABBR) {
        // An initial ("W.") or "Jr."
        return w.len() == 2 || w == "Jr." || w == "Sr.";
    }
    if t.has(CAP) {
        let info = doc.lx.info(w);
        return !info.is(MONTH | WEEKDAY | ORG_HEAD | TITLE_WORD | COMMON_CAP)
            && (!t.has(UPPER) || w.len() > 5)
            && w.chars().next().is_some_and(char::is_alphabetic);
    }
    doc.lx.info(w).is(PARTICLE)
}

#[allow(clippy::too_many_arguments)]
fn analyse_run(
    doc: &Doc,
    a: usize,
    b: usize,
    covered: &[u32],
    gaz: &[GazMatch],
    cap_counts: &FxMap<&str, u32>,
    people: &mut Vec<Candidate>,
    orgs: &mut Vec<(usize, usize)>,
    singles: &mut Vec<usize>,
) {
    // Known people inside the run.
    for k in a..b {
        let g = covered[k];
        if g != u32::MAX {
            if let AliasTarget::Person(kp) = gaz[g as usize].target {
                let m = &gaz[g as usize];
                if m.a == k {
                    let mut prefix_a = m.a;
                    while prefix_a > a && (is_title(doc, prefix_a - 1) || covered[prefix_a - 1] != u32::MAX) {
                        prefix_a -= 1;
                    }
                    if prefix_a == a {
                        prefix_a = outer_prefix(doc, a, covered, gaz);
                    }
                    let words = doc.lx.people[kp].name.split_whitespace().map(str::to_string).collect();
                    people.push(Candidate {
                        a: prefix_a,
                        b: m.b,
                        name_a: m.a,
                        prefix: (prefix_a, m.a),
                        words,
                        gender: gender_of_prefix(doc, prefix_a, m.a),
                    });
                }
            }
        }
    }
    // The run's tail after the last title or party prefix: a name?
    let mut name_a = a;
    for (k, &c) in covered.iter().enumerate().take(b).skip(a) {
        if c != u32::MAX || is_title(doc, k) || doc.word(k) == "of" {
            name_a = k + 1;
        }
    }
    // An organisation: the run ends with an organisation head ("Regiment"),
    // or has one followed by "of …" ("Institute of …").
    let last_info = doc.lx.info(doc.word(b - 1));
    let org_of = (a..b).any(|k| doc.lx.info(doc.word(k)).is(ORG_HEAD) && doc.word(k + 1) == "of");
    let all_covered = (a..b).all(|k| covered[k] != u32::MAX);
    if !all_covered && (last_info.is(ORG_HEAD) || org_of) && b - a >= 2 {
        let first_free = (a..b).find(|&k| covered[k] == u32::MAX).unwrap_or(a);
        let specific = (first_free..b).any(|k| {
            let info = doc.lx.info(doc.word(k));
            !info.is(ORG_HEAD | TITLE_WORD | COMMON_CAP) && doc.toks[k].has(CAP) && !generic_org_word(doc.word(k))
        });
        if specific || org_of {
            orgs.push((first_free, b));
        }
        return;
    }
    if name_a >= b {
        return;
    }
    // Names keep at most four words: the last ones of a longer run.
    let mut na = name_a;
    if b - na > 4 {
        na = b - 3;
    }
    if !(na..b).all(|k| name_word(doc, k)) || !doc.toks[na].has(CAP) {
        // Drop leading non-name words ("Straight Talk Africahost Shaka Ssali").
        match (na..b).rev().take_while(|&k| name_word(doc, k)).last() {
            Some(k) if doc.toks[k].has(CAP) && b - k >= 2 => na = k,
            _ => return,
        }
    }
    let words: Vec<String> = (na..b).filter(|&k| doc.toks[k].has(CAP)).map(|k| name_key(doc.word(k))).collect();
    if words.is_empty() {
        return;
    }
    let titled = na > a && (a..na).any(|k| is_title(doc, k));
    let role_before = role_words_before(doc, a).is_some();
    let speaks = is_speech_subject(doc, a, b);
    let apposition = apposition_after(doc, b)
        .is_some_and(|(s, e)| (s..e).any(|k| doc.lx.info(doc.word(k)).is(PERSON_NOUN | TITLE_WORD)));
    let first_name = doc.lx.is_first_name(&words[0]) && words.len() >= 2;
    let strong = titled || role_before || first_name;
    if words.len() == 1 && !strong {
        let after_prep = a > 0 && doc.toks[a - 1].is_word() && doc.lx.info(doc.word(a - 1)).is(PREP);
        let role_apposition = apposition_after(doc, b).is_some_and(|(s, e)| {
            doc.lx.info(doc.word(s)).is(DET | ROLE_ADJ | PERSON_NOUN)
                && (s..e).any(|k| doc.lx.info(doc.word(k)).is(PERSON_NOUN | TITLE_WORD))
        });
        if (speaks || role_apposition) && !after_prep {
            people.push(Candidate { a, b, name_a: na, prefix: (a, na), words, gender: gender_of_prefix(doc, a, na) });
        } else {
            singles.push(na);
        }
        return;
    }
    if strong || speaks || apposition || (words.len() >= 2 && cap_counts.get(doc.word(b - 1)).is_some_and(|&c| c >= 2))
    {
        let prefix_a = outer_prefix(doc, a, covered, gaz);
        people.push(Candidate {
            a,
            b,
            name_a: na,
            prefix: (prefix_a, na),
            words,
            gender: gender_of_prefix(doc, a, na),
        });
    }
}

/// Where a person's prefix starts before their capitalised run: over role
/// words ("opposition leader") and a party naming them ("Al Jazeera's",
/// "BP's chief executive", "American citizen", "Zimbabwe opposition leader").
fn outer_prefix(doc: &Doc, a: usize, covered: &[u32], gaz: &[GazMatch]) -> usize {
    let mut prefix_a = role_words_before(doc, a).map_or(a, |(s, _)| s);
    if prefix_a > 0 && covered[prefix_a - 1] != u32::MAX && doc.toks[prefix_a - 1].quote == doc.toks[a].quote {
        let g = &gaz[covered[prefix_a - 1] as usize];
        if matches!(g.target, AliasTarget::Party(_)) && (doc.toks[prefix_a - 1].has(POSS) || prefix_a < a) {
            prefix_a = g.a;
        }
    }
    prefix_a
}

/// Words that make an organisation name generic rather than specific.
fn generic_org_word(w: &str) -> bool {
    matches!(
        w,
        "Health"
            | "Foreign"
            | "Interior"
            | "Defense"
            | "Defence"
            | "Finance"
            | "Information"
            | "National"
            | "International"
            | "Central"
            | "Federal"
            | "State"
            | "Supreme"
            | "Security"
            | "Special"
            | "General"
            | "Joint"
            | "High"
            | "Public"
            | "Economic"
            | "Political"
            | "Justice"
            | "Education"
            | "Energy"
            | "Trade"
            | "Agriculture"
            | "Labor"
            | "Labour"
            | "Culture"
            | "Transport"
            | "Environment"
            | "Home"
            | "Local"
            | "Regional"
            | "Provincial"
            | "Municipal"
            | "City"
            | "Presidential"
            | "Royal"
            | "Executive"
            | "Army"
            | "Police"
            | "Military"
            | "Emergency"
            | "Human"
            | "Rights"
            | "Development"
            | "Affairs"
            | "Social"
            | "New"
            | "Main"
            | "Second"
            | "First"
            | "Third"
    )
}

/// Lower-case role words right before a run: "opposition leader",
/// "chief executive", "American citizen". Returns their token range.
fn role_words_before(doc: &Doc, a: usize) -> Option<(usize, usize)> {
    let mut k = a;
    let mut saw_role = false;
    while k > 0 && a - k < 4 {
        let t = &doc.toks[k - 1];
        if !t.is_word() || t.has(CAP) || t.has(NUM) || t.in_quote() != doc.toks[a].in_quote() {
            break;
        }
        let info = doc.lx.info(doc.word(k - 1));
        if info.is(DET | PREP | CONJ | SUBORD | AUX | PRONOUN | VERBISH | SPEECH) {
            break;
        }
        if k == a && !info.is(PERSON_NOUN) {
            return None;
        }
        saw_role |= info.is(PERSON_NOUN);
        k -= 1;
    }
    (saw_role && k < a).then_some((k, a))
}

/// Whether the run is the subject of a speech verb: "Hayward said",
/// "said Hayward", "Bosworth says".
fn is_speech_subject(doc: &Doc, a: usize, b: usize) -> bool {
    let speech = |i: usize| doc.toks.get(i).is_some_and(|t| t.is_word() && doc.lx.info(doc.word(i)).is(SPEECH | THINK));
    let mut k = b;
    // "Hayward also said", "Kerry has said"
    while k < doc.toks.len()
        && k < b + 2
        && doc.toks[k].is_word()
        && doc.lx.info(doc.word(k)).is(super::lexicon::ADVERB | AUX)
    {
        k += 1;
    }
    speech(k) || (a > 0 && speech(a - 1) && !doc.toks[a - 1].has(CAP))
}

/// An apposition right after a name: `, a former adviser …,` or `, director of …`.
/// Returns its token range (without the commas).
pub(crate) fn apposition_after(doc: &Doc, b: usize) -> Option<(usize, usize)> {
    let toks = &doc.toks;
    let mut k = b;
    // Skip a parenthesis: "(D-SC)".
    if toks.get(k).is_some_and(|t| t.is_punct('(')) {
        let close = toks[k..].iter().take(8).position(|t| t.is_punct(')'))?;
        k += close + 1;
    }
    if !toks.get(k).is_some_and(|t| t.is_punct(',')) {
        return None;
    }
    let start = k + 1;
    let first = toks.get(start)?;
    if !first.is_word() || first.quote != toks[b - 1].quote {
        return None;
    }
    let w = doc.word(start);
    let info = doc.lx.info(w);
    let opens = (!first.has(CAP) && (info.is(DET | ROLE_ADJ | PERSON_NOUN) || w.ends_with("ing")))
        || (first.has(CAP) && info.is(TITLE_WORD))
        || w == "who";
    if !opens || info.is(AUX) {
        return None;
    }
    // "who …" relative clauses are skipped by callers but carry no role.
    let mut end = start;
    let sent = doc.sent_of[b - 1];
    while end < toks.len() && doc.sent_of[end] == sent && end - start < 30 {
        let t = &toks[end];
        if (t.is_punct(',') || t.is_punct(';') || t.is_punct('.') || t.is_punct('(')) && !t.in_quote() {
            break;
        }
        if t.is_word() && !t.in_quote() && !t.has(CAP) && doc.lx.info(doc.word(end)).is(SPEECH) && end > start + 1 {
            break;
        }
        end += 1;
    }
    (end > start).then_some((start, end))
}

fn gender_of_prefix(doc: &Doc, a: usize, b: usize) -> Gender {
    for k in a..b {
        match doc.word(k).trim_end_matches('.') {
            "Mr" | "Sir" | "King" | "Prince" | "Father" | "Brother" | "Lord" => return Gender::Male,
            "Mrs" | "Ms" | "Miss" | "Madam" | "Dame" | "Queen" | "Princess" | "Sister" | "Lady" => {
                return Gender::Female
            }
            _ => {}
        }
    }
    Gender::Unknown
}

/// Comparable form of a name word: curly apostrophes straightened.
fn name_key(w: &str) -> String {
    w.replace('\u{2019}', "'")
}

fn register_person(ents: &mut Entities, c: &Candidate) -> usize {
    let words = &c.words;
    // Same person: same words, or one name is the other's tail with the same
    // surname and compatible first names.
    let last = words.last().cloned().unwrap_or_default();
    let best = ents.by_surname.get(&last).and_then(|list| {
        list.iter()
            .rev()
            .copied()
            .find(|&pi| ents.people[pi].words == *words || compatible_names(&ents.people[pi].words, words))
    });
    let name = words.join(" ");
    match best {
        Some(pi) => {
            let p = &mut ents.people[pi];
            if words.len() > p.words.len() {
                let old = std::mem::replace(&mut p.name, name);
                if !p.aliases.contains(&old) {
                    p.aliases.push(old);
                }
                p.words = words.clone();
            }
            if p.gender == Gender::Unknown {
                p.gender = c.gender;
            }
            pi
        }
        None => {
            ents.people.push(DocPerson {
                name,
                words: words.clone(),
                aliases: Vec::new(),
                role: None,
                party: None,
                mentions: 0,
                spans: Vec::new(),
                gender: c.gender,
                first: c.a,
                known_party: None,
            });
            let pi = ents.people.len() - 1;
            ents.by_surname.entry(last).or_default().push(pi);
            pi
        }
    }
}

/// "Bush" ~ "George W. Bush"; "George Bush" ~ "George W. Bush"; not "Laura Bush".
fn compatible_names(a: &[String], b: &[String]) -> bool {
    let (Some(la), Some(lb)) = (a.last(), b.last()) else { return false };
    if la != lb {
        return false;
    }
    if a.len() == 1 || b.len() == 1 {
        return true;
    }
    a[0] == b[0]
}

/// The person a lone surname refers to: the one named with it most recently
/// before `at`, else the first one after.
fn person_by_surname(ents: &Entities, w: &str, at: usize) -> Option<usize> {
    let list = ents.by_surname.get(&name_key(w))?;
    let before = list.iter().copied().filter(|&pi| ents.people[pi].first <= at).max_by_key(|&pi| ents.people[pi].first);
    before.or_else(|| list.iter().copied().min_by_key(|&pi| ents.people[pi].first))
}

/// A well-known person's party, from the knowledge files.
fn known_party(doc: &Doc, ents: &mut Entities, pi: usize) {
    if ents.people[pi].party.is_some() {
        return;
    }
    let name = &ents.people[pi].name;
    let first = ents.people[pi].first;
    if let Some(kparty) = doc.lx.known_person(name).and_then(|k| k.party) {
        let known = &doc.lx.parties[kparty];
        let p = ents.party(&known.name.clone(), known.kind, first);
        ents.people[pi].known_party = Some(p);
    }
}

/// Fills a person's role and party from the words around a mention.
fn describe_person(doc: &Doc, ents: &mut Entities, pi: usize, c: &Candidate) {
    let (pa, pb) = c.prefix;
    // The party named in the prefix ("White House", "Ukrainian", "BP's").
    let mut party = None;
    let mut role_start = None;
    for k in pa..pb {
        if let Some(m) = ents.mention_at(k) {
            if let Target::Party(p) = m.target {
                if party.is_none() {
                    party = Some(p);
                }
            }
        }
        if role_start.is_none()
            && (is_title(doc, k) || doc.lx.info(doc.word(k)).is(PERSON_NOUN | ROLE_ADJ) || ents.mention_at(k).is_some())
        {
            let honorific = doc.lx.info(doc.word(k)).is(HONORIFIC) && !doc.lx.info(doc.word(k)).is(MILITARY);
            if !honorific {
                role_start = Some(k);
            }
        }
    }
    // "Zimbabwe opposition leader": the opposition of that country.
    if let Some(p) = party {
        let opposition = (pa..pb).any(|k| doc.word(k) == "opposition");
        if opposition && ents.parties[p].kind == PartyKind::Country {
            let name = format!("{} opposition", ents.parties[p].name);
            party = Some(ents.party(&name, PartyKind::PoliticalParty, pa));
        }
    }
    let mut role = role_start
        .filter(|&r| r < pb)
        .map(|r| Span::new(doc.toks[r].start, doc.toks[pb - 1].end).of(doc.text).to_string());
    // The apposition after the name: role and, failing a prefix, party.
    let end = ents.mention_at(c.b - 1).map_or(c.b, |m| m.b.max(c.b));
    let apposition = apposition_after(doc, end).filter(|&(s, _)| {
        let w = doc.word(s);
        w != "who" && (!w.ends_with("ing") || doc.lx.info(w).is(PERSON_NOUN))
    });
    if let Some((s, e)) = apposition {
        {
            let text = Span::new(doc.toks[s].start, doc.toks[e - 1].end).of(doc.text);
            let text = ["a ", "an ", "the "].iter().find_map(|a| text.strip_prefix(a)).unwrap_or(text);
            if role.as_deref().is_none_or(|r| r.len() < 6 || r.ends_with('.')) {
                role = Some(text.to_string());
            }
        }
        if party.is_none() {
            party = (s..e).find_map(|k| {
                let m = ents.mention_at(k)?;
                if m.a != k || doc.toks[k].in_quote() {
                    return None;
                }
                // "a caller from Tehran" says where, not for whom.
                if k > 0 && matches!(doc.word(k - 1), "from" | "in" | "near") {
                    return None;
                }
                match m.target {
                    Target::Party(p) => Some(p),
                    Target::Person(other) if other != pi => ents.people[other].party.or(ents.people[other].known_party),
                    _ => None,
                }
            });
        }
    }
    let person = &mut ents.people[pi];
    let better_role = person.role.is_none()
        || role.as_ref().is_some_and(|r| person.role.as_ref().is_some_and(|o| r.len() > o.len() && !o.contains(' ')));
    if better_role && role.is_some() {
        person.role = role;
    }
    if person.party.is_none() {
        person.party = party;
    }
}
