//! Who and what the article names: parties (countries, groups, bodies,
//! outlets) and people, with every surface form, role and allegiance.
//!
//! Three sources, in order: the knowledge files (exact, case-sensitive
//! aliases such as "White House" or "Israeli"), the shape of capitalised
//! runs ("Pvt. Brandon Hickle", "3rd Cavalry Regiment"), and the article's
//! own reuse of names ("Scherer" after "2nd Lt. Sam Scherer").

use super::doc::Doc;
use super::entities::{strip_article, DocPerson, Entities, Mention, Target};
use super::ids::GazId;
use super::lexer::{TokKind, ABBR, CAP, HYPHEN, NUM, POSS, SENT_START, UPPER};
use super::lexicon::{
    AliasTarget, Gender, WordList, AUX, COMMON_CAP, COMPANY_HEAD, COMPANY_NOUN, CONJ, DET, GROUP_NOUN, HONORIFIC,
    MEDIA_HEAD, MEDIA_NOUN, MILITARY, MONTH, ORG_FIRST, ORG_HEAD, ORG_NOUN, PARTICLE, PERSON_NOUN, PREP, PRONOUN,
    ROLE_ADJ, SPEECH, SUBORD, THINK, TITLE_HEAD, TITLE_WORD, VERBISH, WEEKDAY,
};
use super::model::{PartyKind, PartyVia, Span};
use rustc_hash::{FxHashMap as FxMap, FxHashSet};

/// What the capitalised runs of an article turn out to be.
#[derive(Default)]
struct RunFindings {
    people: Vec<Candidate>,
    orgs: Vec<OrgRun>,
    /// Lone capitalised words that may be the surname of someone named elsewhere.
    singles: Vec<usize>,
    /// Lone unknown names that act ("Ofwat said", "Ofwat's director"): a
    /// person named elsewhere by surname, else an organisation.
    lone_actors: Vec<Candidate>,
}

/// A capitalised run and what it was found to be: a person's name.
struct Candidate {
    a: usize,
    b: usize,
    name_a: usize,
    /// Token range of the role prefix (titles, party prefix, role words).
    prefix: (usize, usize),
    words: Vec<String>,
    gender: Gender,
}

/// Finds the parties and people of the article, in passes: the knowledge
/// files' aliases, capitalised runs (people and organisations by their
/// shape), acronyms and descriptions that refer back, then each person's
/// role and party (stated, known, implied, or the article's country), and
/// last the counts and aliases.
pub(crate) fn find(doc: &Doc) -> Entities {
    let mut ents = Entities::new(doc.toks.len());
    let gaz = gazetteer_matches(doc);
    // Covered tokens: gazetteer matches.
    let mut covered: Vec<Option<GazId>> = vec![None; doc.toks.len()];
    for (gi, g) in gaz.iter().enumerate() {
        for c in &mut covered[g.a..g.b] {
            *c = Some(GazId::new(gi));
        }
    }
    let found = capital_runs(doc, &covered, &gaz);
    let mut pending = known_party_mentions(doc, &mut ents, &gaz);
    let person_mentions = name_people(doc, &mut ents, found, &covered, &mut pending);
    // Keep the outermost of overlapping mentions, in text order.
    ents.merge_mentions(pending);
    // Acronyms of organisations ("British Medical Association" … "BMA") and
    // definite descriptions ("the agency", "the group's spokesman").
    let extra = acronyms(doc, &ents);
    ents.merge_mentions(extra);
    let extra = coreferences(doc, &ents);
    ents.merge_mentions(extra);

    describe_people(doc, &mut ents, &person_mentions);
    // Parties implied by context: "Its spokeswoman", a soldier's unit, an astronaut's agency.
    super::affiliation::infer(doc, &mut ents);
    // Holders of local office ("Mayor Rachel Tane", "Councillor Bruce
    // Hollis") with no party named sit on the article's one council.
    local_office_holders(&mut ents);
    national_office_holders(doc, &mut ents);
    count_mentions(doc, &mut ents);
    respell_known_names(&mut ents);
    ents
}

/// Capitalised runs → people and unknown organisations.
fn capital_runs(doc: &Doc, covered: &[Option<GazId>], gaz: &[GazMatch]) -> RunFindings {
    let n = doc.toks.len();
    let mut found = RunFindings::default();
    // How often each capitalised word occurs (a reused surname marks a person).
    let mut cap_counts: FxMap<&str, u32> = FxMap::default();
    for (i, t) in doc.toks.iter().enumerate() {
        if t.is_word() && t.has(CAP) {
            *cap_counts.entry(doc.word(i)).or_default() += 1;
        }
    }
    let analysis = RunAnalysis { doc, covered, gaz, cap_counts: &cap_counts };
    let mut i = 0;
    while i < n {
        let Some((a, b)) = capital_run(doc, i, covered) else {
            i += 1;
            continue;
        };
        analysis.analyse(a, b, &mut found);
        i = b.max(i + 1);
    }

    found
}

/// Mentions of the knowledge files' parties (their people are candidates of
/// the capitalised runs).
fn known_party_mentions(doc: &Doc, ents: &mut Entities, gaz: &[GazMatch]) -> Vec<Mention> {
    let mut pending: Vec<Mention> = Vec::new();
    for g in gaz {
        match g.target {
            AliasTarget::Party(k) => {
                let kp = &doc.lx.parties[k];
                let p = ents.party(&kp.name, kp.kind, g.a);
                pending.push(Mention { a: g.a, b: g.b, target: Target::Party(p), antecedent: None });
            }
            AliasTarget::Person(_) => {} // handled as a candidate below
        }
    }

    pending
}

/// Registers the people of the capitalised runs and adds the mentions of
/// people and of organisations found by their shape to `pending`; returns
/// each person mention with its candidate.
fn name_people(
    doc: &Doc,
    ents: &mut Entities,
    found: RunFindings,
    covered: &[Option<GazId>],
    pending: &mut Vec<Mention>,
) -> Vec<(usize, Candidate)> {
    // People: multi-word names first, so "McFarlane" finds "Robert McFarlane"
    // even when the full name comes later.
    let RunFindings { people: mut people_cands, orgs, mut singles, lone_actors } = found;
    crate::order::sort_by_key(&mut people_cands, |c| (c.words.len() < 2, c.a));
    let mut person_mentions: Vec<(usize, Candidate)> = Vec::new();
    for c in people_cands {
        let pi = register_person(ents, &c);
        person_mentions.push((pi, c));
    }
    // A lone name that acts is someone's surname, a given name, or else an
    // organisation ("Ofwat said", "Ofwat's director of enforcement").
    let mut mid_sentence_caps: FxHashSet<&str> = FxHashSet::default();
    let mut lone_orgs: Vec<OrgRun> = Vec::new();
    if !lone_actors.is_empty() {
        for (k, t) in doc.toks.iter().enumerate() {
            if t.is_word() && t.has(CAP) && !t.has(SENT_START) && !t.in_quote() {
                mid_sentence_caps.insert(doc.word(k));
            }
        }
    }
    for c in lone_actors {
        let w = doc.word(c.name_a);
        let t = &doc.toks[c.name_a];
        // "English-language", "Turkish-flagged": a compound adjective, not a name.
        if w.split_once('-').is_some_and(|(_, rest)| rest.chars().next().is_some_and(char::is_lowercase)) {
            continue;
        }
        if person_by_surname(doc, ents, w, c.a).is_some() || doc.lx.is_first_name(w) {
            if t.has(POSS) {
                singles.push(c.name_a);
            } else {
                let known = ents.by_surname.contains_key(&name_key(w));
                let pi = if known { None } else { family_name_first(doc, ents, w) };
                let pi = pi.unwrap_or_else(|| register_person(ents, &c));
                person_mentions.push((pi, c));
            }
            continue;
        }
        // "Campaigners said": a common noun opening a sentence names no one,
        // unless the article also writes it capitalised mid-sentence.
        let named = !t.has(SENT_START) || mid_sentence_caps.contains(w);
        if named && !t.in_quote() {
            lone_orgs.push(OrgRun { a: c.a, b: c.b, name_a: c.name_a, parent: None });
        }
    }
    // Lone surnames ("Scherer") of known people.
    for &t in &singles {
        let w = doc.word(t);
        if let Some(pi) = person_by_surname(doc, ents, w, t) {
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
        let a = (c.a..c.name_a).rev().find(|&k| covered[k].is_some()).map_or(c.a, |k| k + 1);
        pending.push(Mention { a, b: c.b, target: Target::Person(*pi), antecedent: None });
    }

    // Unknown organisations by their shape; state institutions count for
    // their state.
    for o in &orgs {
        let target = match o.parent {
            Some(k) => {
                let kp = &doc.lx.parties[k];
                ents.party(&kp.name, kp.kind, o.a)
            }
            None => {
                let name = Span::new(doc.toks[o.name_a].start, doc.toks[o.b - 1].end).of(doc.text).to_string();
                let kind = org_kind(doc, o.name_a, o.b);
                ents.party(strip_article(&name), kind, o.a)
            }
        };
        pending.push(Mention { a: o.a, b: o.b, target: Target::Party(target), antecedent: None });
    }
    // Lone names that are the short form of an organisation ("Brightwell's"
    // for "Brightwell Brands") are left to the short-name pass below.
    if !lone_orgs.is_empty() {
        let short = short_names(doc, ents);
        for o in lone_orgs {
            if short.contains_key(doc.word(o.name_a)) {
                continue;
            }
            let name = doc.word(o.name_a);
            let target = ents.party(name, org_kind(doc, o.name_a, o.b), o.a);
            pending.push(Mention { a: o.a, b: o.b, target: Target::Party(target), antecedent: None });
        }
    }

    person_mentions
}

/// Roles and parties of people from their prefixes and appositions, then
/// from the knowledge files.
fn describe_people(doc: &Doc, ents: &mut Entities, person_mentions: &[(usize, Candidate)]) {
    // Parties of well-known people first, so an apposition naming one
    // ("adviser to President Ronald Reagan") can pass it on.
    for (pi, _) in person_mentions {
        known_party(doc, ents, *pi);
    }
    // Roles and parties of people from their prefixes and appositions.
    let short = short_names(doc, ents);
    for (pi, c) in person_mentions {
        describe_person(doc, ents, &short, *pi, c);
    }
    // What the article says beats what the knowledge files say.
    for p in &mut ents.people {
        if p.party.is_none() && p.known_party.is_some() {
            p.party = p.known_party;
            p.party_via = PartyVia::Knowledge;
        }
    }
}

/// Holders of national office with no party named speak for the article's
/// country (its dateline, else the country it names most); members of a
/// legislature speak for their country rather than their faction.
fn national_office_holders(doc: &Doc, ents: &mut Entities) {
    ents.home = national_party(doc, ents);
    if let Some(country) = ents.home {
        for pi in 0..ents.people.len() {
            // The role and every titled form of the name ("Sen. Roger Tillman").
            let person = &ents.people[pi];
            let mut titles = person.role.clone().unwrap_or_default();
            for title in &person.titles {
                titles.push(' ');
                titles.push_str(title);
            }
            let office = titles.split(|c: char| !c.is_alphanumeric() && c != '.').any(|w| {
                doc.lx.in_list(&w.to_ascii_lowercase(), WordList::NationalOffice)
                    || ["government", "police", "ministry", "military"].iter().any(|o| o.eq_ignore_ascii_case(w))
            });
            let legislator = titles
                .split_whitespace()
                .any(|w| matches!(w, "Sen." | "Senator" | "Rep." | "Representative" | "Congressman" | "Congresswoman"));
            let party = ents.people[pi].party;
            // A senator running for office speaks for their party, not the country.
            let campaigning = ["nominee", "candidate", "opponent", "rival", "challenger", "running mate"]
                .iter()
                .any(|r| titles.to_lowercase().contains(r));
            let factional = party.is_some_and(|p| ents.parties[p].kind == PartyKind::PoliticalParty) && !campaigning;
            if (party.is_none() && office) || (legislator && factional) {
                ents.people[pi].party = Some(country);
                ents.people[pi].party_via = PartyVia::Dateline;
            }
        }
    }
}

/// Counts every mention and collects the surface forms as aliases.
fn count_mentions(doc: &Doc, ents: &mut Entities) {
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
}

/// The article's spelling of a known name: "World Food Program" in an
/// American text is the knowledge file's "World Food Programme".
fn respell_known_names(ents: &mut Entities) {
    for party in &mut ents.parties {
        if party.named_as_is {
            continue;
        }
        let canonical = spelling_fold(&party.name);
        if let Some(i) = party.aliases.iter().position(|a| spelling_fold(a) == canonical) {
            party.name = party.aliases.remove(i);
            continue;
        }
        // An organisation the text names only by its acronym goes by it ("ESA",
        // never "European Space Agency" in the text); countries keep their names.
        if matches!(party.kind, PartyKind::Country) {
            continue;
        }
        let acronym = |a: &String| (2..=6).contains(&a.len()) && a.chars().all(|c| c.is_ascii_uppercase());
        if let Some(i) = party.aliases.iter().position(acronym) {
            party.name = party.aliases.remove(i);
        }
    }
}

/// Gives people whose title or role is a local office the council the
/// article names, when it names exactly one.
fn local_office_holders(ents: &mut Entities) {
    let Some(council) = ents.the_only_party(Entities::is_council) else { return };
    for person in &mut ents.people {
        if person.party.is_some() {
            continue;
        }
        let local = person.titles.iter().chain(person.role.iter()).any(|t| {
            let t = t.to_ascii_lowercase();
            // "Council member", "city manager", "Public Works Director".
            t.contains("council")
                || t.contains("city ")
                || t.contains("public works")
                || t.contains("municipal")
                || t.split(|c: char| !c.is_alphanumeric()).any(|w| {
                    matches!(
                        w,
                        "mayor"
                            | "councillor"
                            | "councilor"
                            | "councilman"
                            | "councilwoman"
                            | "alderman"
                            | "alderwoman"
                    )
                })
        });
        if local {
            person.party = Some(council);
            person.party_via = PartyVia::Role;
        }
    }
}

/// A name folded over British and American spelling and case:
/// "Programme"/"Program", "Organisation"/"Organization", "Defence"/"Defense",
/// "Centre"/"Center", "Labour"/"Labor".
fn spelling_fold(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for word in name.split(|c: char| c.is_whitespace() || c == '-').filter(|w| !w.is_empty()) {
        let w = word.to_lowercase();
        let w = w.replace("isation", "ization").replace("ence", "ense");
        let w = if let Some(stem) = w.strip_suffix("mme") {
            format!("{stem}m")
        } else if let Some(stem) = w.strip_suffix("tre") {
            format!("{stem}ter")
        } else if let Some(stem) = w.strip_suffix("our").filter(|s| s.len() >= 2) {
            format!("{stem}or")
        } else {
            w
        };
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&w);
    }
    out
}

/// "Org Name (ACR)" and later "ACR"; an all-capitals word spelling the
/// initials of an organisation named in the text.
fn acronyms(doc: &Doc, ents: &Entities) -> Vec<Mention> {
    let mut known: FxMap<String, usize> = FxMap::default();
    for (p, party) in ents.parties.iter().enumerate() {
        let initials: String = party
            .name
            .split(|c: char| c.is_whitespace() || c == '-')
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
            .filter_map(|w| w.chars().next())
            .collect();
        if initials.chars().count() >= 3 {
            known.entry(initials).or_insert(p);
        }
    }
    // "(INDECI)" right after a mention names the same party.
    for m in &ents.mentions {
        if doc.toks.get(m.b).is_some_and(|t| t.is_punct('('))
            && doc.toks.get(m.b + 2).is_some_and(|t| t.is_punct(')'))
            && doc.toks.get(m.b + 1).is_some_and(|t| t.is_word() && t.has(UPPER))
        {
            if let Target::Party(p) = m.target {
                known.insert(doc.word(m.b + 1).to_string(), p);
            }
        }
    }
    for (w, p) in short_names(doc, ents) {
        known.entry(w).or_insert(p);
    }
    let mut out = Vec::new();
    if known.is_empty() {
        return out;
    }
    for (i, t) in doc.toks.iter().enumerate() {
        if t.is_word() && t.has(CAP) && ents.mention_of[i].is_none() && doc.sent_of[i].is_some() {
            if let Some(&p) = known.get(doc.word(i)) {
                out.push(Mention { a: i, b: i + 1, target: Target::Party(p), antecedent: None });
            }
        }
    }
    out
}

/// The first word of an organisation's name, used alone for it
/// ("Westbrook" for "Westbrook University", "Vandermeer" for "Vandermeer Foods").
fn short_names(doc: &Doc, ents: &Entities) -> FxMap<String, usize> {
    let mut first_words: FxMap<String, usize> = FxMap::default();
    for (p, party) in ents.parties.iter().enumerate() {
        if !matches!(party.kind, PartyKind::Other | PartyKind::Organisation | PartyKind::Company | PartyKind::Media) {
            continue;
        }
        // "the Sentinel" for "Washington Sentinel": an outlet by its last word.
        if party.kind == PartyKind::Media {
            if let Some((_, last)) = party.name.rsplit_once(' ') {
                if last.len() >= 4 && doc.lx.info(last).is(MEDIA_HEAD) && doc.lx.party_for_phrase(last).is_none() {
                    first_words.entry(last.to_string()).or_insert(p);
                }
            }
        }
        let mut words = party.name.split_whitespace();
        let (Some(w), Some(_)) = (words.next(), words.next()) else { continue };
        let generic = |w: &str| {
            doc.lx.info(w).is_known()
                || doc.lx.in_list(w, WordList::GenericOrgWord)
                || doc.lx.party_for_phrase(w).is_some()
        };
        if w.len() >= 4 && w.chars().next().is_some_and(char::is_uppercase) {
            if !generic(w) {
                first_words.entry(w.to_string()).or_insert(p);
            }
            if let Some((_, last)) = party.name.rsplit_once(' ') {
                // "Banca Ferrante" → "Ferrante": the distinctive word after a generic one.
                let distinctive =
                    last.len() >= 4 && last.chars().next().is_some_and(char::is_uppercase) && !generic(last);
                if distinctive && party.name.split_whitespace().count() == 2 {
                    first_words.entry(last.to_string()).or_insert(p);
                }
            }
        }
    }
    first_words
}

/// Whether a noun can head a description that refers back to a party.
fn is_coref_head(w: &str) -> bool {
    use PartyKind::*;
    [Other, Country, Media, PoliticalParty, International, ArmedGroup, Company].iter().any(|&k| head_fits(w, k))
}

/// Which kinds of party a description's head noun can refer back to.
fn head_fits(head: &str, kind: PartyKind) -> bool {
    use PartyKind::*;
    match head {
        "group" => matches!(kind, ArmedGroup | PoliticalParty | Organisation | Other | International),
        "movement" | "militia" | "faction" | "insurgents" | "militants" | "rebels" => {
            matches!(kind, ArmedGroup | PoliticalParty | Organisation | Other)
        }
        "battalion" | "regiment" | "brigade" | "division" | "squadron" | "unit" | "corps" | "battery" => {
            matches!(kind, Organisation | Other)
        }
        "organization" | "organisation" | "body" => matches!(kind, International | Organisation | Other | ArmedGroup),
        "union" | "association" | "federation" | "charity" | "foundation" | "society" | "council" | "committee"
        | "institute" | "center" | "centre" | "coalition" => matches!(kind, Organisation | Other | International),
        "party" => kind == PoliticalParty,
        "government" | "administration" | "ministry" | "cabinet" | "regime" | "authorities" | "kingdom" | "country"
        | "nation" | "embassy" | "presidency" => kind == Country,
        "army" | "military" | "navy" | "police" => matches!(kind, Country | ArmedGroup),
        "company" | "firm" | "operator" | "carrier" | "airline" | "manufacturer" | "maker" | "bank" | "lender"
        | "insurer" | "giant" | "chain" | "retailer" | "carmaker" | "automaker" | "drugmaker" | "brand"
        | "conglomerate" | "supplier" | "startup" | "utility" => matches!(kind, Company | Other),
        "network" | "broadcaster" | "newspaper" | "channel" | "outlet" | "station" | "paper" | "daily" => {
            matches!(kind, Media | Other)
        }
        "agency" => matches!(kind, International | GovernmentBody | Organisation | Other | Media),
        "mission" | "command" | "alliance" | "bloc" | "court" | "tribunal" | "commission" => {
            matches!(kind, International | GovernmentBody | Other | Organisation)
        }
        _ => false,
    }
}

/// Definite descriptions that name a party named before: "the agency",
/// "the group's military spokesman", "the union". The antecedent is a
/// recent party whose name has the same head word, else the most salient
/// recent party of a fitting kind.
fn coreferences(doc: &Doc, ents: &Entities) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::new();
    let n = doc.toks.len();
    let mut i = 0;
    while i < n {
        let t = &doc.toks[i];
        if !t.is_word() || t.in_quote() || !doc.word(i).eq_ignore_ascii_case("the") || doc.sent_of[i].is_none() {
            i += 1;
            continue;
        }
        // "the" + up to three lower-case modifiers + a head noun.
        let mut h = i + 1;
        let mut head = None;
        while h < n && h <= i + 4 {
            let th = &doc.toks[h];
            // A nationality may modify it: "the Palestinian armed group".
            let demonym = ents.mention_at(h).is_some_and(|m| {
                m.a == h
                    && m.b == h + 1
                    && m.antecedent.is_none()
                    && !th.has(POSS)
                    && matches!(m.target, Target::Party(p) if ents.parties[p].kind == PartyKind::Country)
                    && doc.toks.get(h + 1).is_some_and(|n| n.is_word() && !n.has(CAP))
            });
            if demonym {
                h += 1;
                continue;
            }
            if !th.is_word() || th.has(CAP) || th.has(NUM) || ents.mention_of[h].is_some() {
                break;
            }
            let w = doc.word(h);
            if is_coref_head(w) {
                head = Some(h);
                break;
            }
            if doc.info(h).is(DET | PREP | CONJ | AUX | SUBORD | VERBISH | PRONOUN) {
                break;
            }
            h += 1;
        }
        let Some(mut h) = head else {
            i += 1;
            continue;
        };
        // "the military government": the last of consecutive head nouns.
        while !doc.toks[h].has(POSS)
            && doc.toks.get(h + 1).is_some_and(|t| t.is_word() && !t.has(CAP) && !t.in_quote())
            && is_coref_head(doc.word(h + 1))
        {
            h += 1;
        }
        // "the Ministry of X" and "the group of seven" are names or counts, not references.
        let next_is_name = doc.word(h + 1) == "of" && doc.toks.get(h + 2).is_some_and(|t| t.has(CAP) || t.has(NUM));
        if next_is_name {
            i = h + 1;
            continue;
        }
        // "the volunteer group Friends of the Wen": a description set before
        // a name describes that name; it refers back to nothing.
        let name_follows = doc.toks.get(h + 1).is_some_and(|t| {
            t.is_word()
                && t.has(CAP)
                && !t.in_quote()
                && !t.has(SENT_START)
                && (ents.mention_at(h + 1).is_some() || !doc.info(h + 1).is(MONTH | WEEKDAY | COMMON_CAP))
        });
        // "the national transport agency, Waka Kotahi,": an apposition names it.
        let named_after_comma = doc.toks.get(h + 1).is_some_and(|t| t.is_punct(','))
            && ents.mention_at(h + 2).is_some_and(|m| {
                m.a == h + 2
                    && matches!(m.target, Target::Party(_))
                    && doc.toks.get(m.b).is_none_or(|t| matches!(t.kind, TokKind::Punct(_)))
            });
        // "the city centre" is a place.
        let place = matches!(doc.word(h), "centre" | "center") && matches!(doc.word(h - 1), "city" | "town");
        if (name_follows || named_after_comma || place) && !doc.toks[h].has(POSS) {
            i = h + 1;
            continue;
        }
        let head_word = doc.word(h);
        // A state institution named with its country ("the UAE foreign
        // ministry", "the Israeli army") belongs to that country.
        let state = (i + 1..h).find_map(|k| {
            ents.mention_at(k).filter(|m| m.a == k).and_then(|m| match m.target {
                Target::Party(p) if ents.parties[p].kind == PartyKind::Country => Some(p),
                _ => None,
            })
        });
        if let Some(country) = state.filter(|_| head_fits(head_word, PartyKind::Country)) {
            out.push(Mention { a: i, b: h + 1, target: Target::Party(country), antecedent: None });
            i = h + 1;
            continue;
        }
        // The same description used again ("the agency" … "the agency").
        let repeated =
            out.iter().rev().take_while(|m| m.a + 240 > i).find(|m| doc.word(m.b - 1).eq_ignore_ascii_case(head_word));
        // … unless a party it fits was named since ("the Paris daily" … the
        // Washington Sentinel … "the influential US daily").
        let named_since = |prev: &Mention| {
            let from = ents.mentions.partition_point(|m| m.a < prev.b);
            let to = ents.mentions.partition_point(|m| m.a < i);
            ents.mentions[from..to].iter().any(|m| {
                matches!(m.target, Target::Party(p) if head_fits(head_word, ents.parties[p].kind) && m.antecedent.is_none())
                    && prev.target != m.target
            })
        };
        if let Some(prev) = repeated.filter(|prev| !named_since(prev)) {
            let (target, ante) = (prev.target, prev.antecedent);
            out.push(Mention { a: i, b: h + 1, target, antecedent: ante });
        } else if let Some(ante) = antecedent(doc, ents, i, head_word) {
            let am = &ents.mentions[ante];
            out.push(Mention { a: i, b: h + 1, target: am.target, antecedent: Some(am.a as u32) });
        }
        i = h + 1;
    }
    out
}

/// The mention a description at token `at` with head `head` refers to.
fn antecedent(doc: &Doc, ents: &Entities, at: usize, head: &str) -> Option<usize> {
    let before = ents.mentions.partition_point(|m| m.a < at);
    let para = doc.sent_of[at].and_then(|s| doc.sents.get(s.index())).map_or(0, |s| s.para);
    let window_start = doc.paras.get(para.saturating_sub(3)).map_or(0, |p| p.a);
    let mut fitting: Option<usize> = None;
    let mut salient: Option<usize> = None;
    for mi in (0..before).rev().take(60) {
        let m = &ents.mentions[mi];
        if m.a < window_start {
            break;
        }
        let Target::Party(p) = m.target else { continue };
        let party = &ents.parties[p];
        // Same head word in the party's name or surface: "the command" → "U.S. Central Command".
        let surface = Span::new(doc.toks[m.a].start, doc.toks[m.b - 1].end).of(doc.text);
        let same_head = surface
            .split(|c: char| !c.is_alphanumeric())
            .chain(party.name.split(|c: char| !c.is_alphanumeric()))
            .any(|w| w.eq_ignore_ascii_case(head));
        if same_head && m.antecedent.is_none() {
            return Some(mi);
        }
        if !head_fits(head, party.kind) {
            continue;
        }
        let modifier_of_next = ents.mention_at(m.b).is_some_and(|n| n.a == m.b && matches!(n.target, Target::Party(_)));
        if !modifier_of_next {
            fitting.get_or_insert(mi);
        }
        // Salient: opens its sentence (the sentence's subject).
        let sent = doc.sent_of[m.a].and_then(|s| doc.sents.get(s.index()));
        let modifier = ents.mention_at(m.b).is_some_and(|n| n.a == m.b && matches!(n.target, Target::Party(_)));
        let opens = !modifier
            && sent.is_some_and(|st| {
                (st.a..m.a).all(|k| doc.info(k).is(DET) || doc.toks[k].has(POSS) || !doc.toks[k].is_word())
                    && m.a - st.a <= 3
            });
        if opens && salient.is_none() {
            salient = Some(mi);
        }
    }
    salient.or(fitting)
}

/// Surface form of a party mention, extended over a following role noun:
/// "Israeli" + "officials" → "Israeli officials".
fn party_surface(doc: &Doc, m: &Mention) -> String {
    let mut end = m.b;
    let last = &doc.toks[m.b - 1];
    if !last.has(POSS) {
        if let Some(t) = doc.toks.get(m.b) {
            let info = doc.info(m.b);
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
        if !w.is_ascii() && w.contains('\u{2019}') {
            std::borrow::Cow::Owned(w.replace('\u{2019}', "'"))
        } else {
            std::borrow::Cow::Borrowed(w)
        }
    };
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        if !t.is_word() || doc.sent_of[i].is_none() {
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
        // "Labour Minister", "Labor Department": a portfolio, not the party.
        let portfolio = |b: usize, target: AliasTarget| {
            matches!(target, AliasTarget::Party(k) if doc.lx.parties[k].kind == PartyKind::PoliticalParty)
                && b == i + 1
                && matches!(doc.word(b), "Minister" | "Ministry" | "Secretary" | "Department" | "minister" | "ministry")
        };
        if let Some((b, target)) = matched.filter(|&(b, target)| !portfolio(b, target)) {
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
            && doc.toks.get(i + 1).is_some_and(|n| n.is_word() && doc.info(i + 1).is(MILITARY));
    }
    t.has(CAP) && doc.info(i).is(TITLE_WORD)
}

/// Whether token `i` can be part of a capitalised run.
fn run_word(doc: &Doc, i: usize) -> bool {
    let t = &doc.toks[i];
    if !t.is_word() {
        return false;
    }
    if t.has(CAP) || particle_name(doc.word(i)) {
        return true;
    }
    // "3rd Cavalry Regiment", "2nd Lt."
    t.has(NUM)
        && matches!(doc.word(i).get(doc.word(i).len().saturating_sub(2)..), Some("st" | "nd" | "rd" | "th"))
        && doc.toks.get(i + 1).is_some_and(|n| n.is_word() && n.has(CAP))
}

/// Arabic and other names with a lower-case particle: "al-Hamdani", "el-Sisi".
fn particle_name(w: &str) -> bool {
    // Cheap filter first: a lower-case start and an apostrophe or hyphen early on.
    let b = w.as_bytes();
    if b.len() < 4
        || !(b[0].is_ascii_lowercase() || b[0] == b'O')
        || !b[1..5.min(b.len())].iter().any(|&c| c == b'-' || c == b'\'')
    {
        return false;
    }
    ["al-", "el-", "ad-", "an-", "as-", "ash-", "at-", "az-", "ar-", "bin-", "ibn-", "abu-", "d'", "O'"]
        .iter()
        .any(|p| w.strip_prefix(p).is_some_and(|rest| rest.chars().next().is_some_and(char::is_uppercase)))
}

/// A sentence's first word that is not part of the name after it: a function
/// word ("Neither Clinton nor …") or a gerund ("Injecting Clinton's troubles
/// into …") right before another capitalised word.
fn opens_with_function_word(doc: &Doc, a: usize) -> bool {
    let t = &doc.toks[a];
    if !t.has(SENT_START) || !doc.toks.get(a + 1).is_some_and(|n| n.is_word() && n.has(CAP)) {
        return false;
    }
    let w = doc.word(a);
    doc.info(a).is(PREP | CONJ | SUBORD | DET | AUX) || (w.len() > 5 && w.ends_with("ing") && !doc.lx.is_first_name(w))
}

/// The capitalised run starting at or after `i`: `(a, b)`.
fn capital_run(doc: &Doc, i: usize, covered: &[Option<GazId>]) -> Option<(usize, usize)> {
    let toks = &doc.toks;
    if !run_word(doc, i) || doc.sent_of[i].is_none() {
        return None;
    }
    let a = skip_openers(doc, i, covered);
    if a >= toks.len() || !run_word(doc, a) {
        return Some((i, a.max(i + 1))).filter(|_| false);
    }
    let q = toks[a].quote;
    let mut b = a + 1;
    let mut has_title = is_title(doc, a);
    let mut has_org = doc.info(a).is(ORG_HEAD);
    while b < toks.len() && b - a < 12 {
        if toks[b].quote != q {
            break;
        }
        // A possessive ends a run, unless it sits inside an organisation's
        // name ("Ayorou Women's Grain Bank Association").
        if toks[b - 1].has(POSS) && !(run_word(doc, b) && org_head_ahead(doc, b)) {
            break;
        }
        if run_word(doc, b) {
            let info = doc.info(b);
            // A sentence-opening word inside a run ends it ("Washington The").
            if toks[b].has(SENT_START) {
                break;
            }
            has_title |= info.is(TITLE_WORD);
            has_org |= info.is(ORG_HEAD);
            b += 1;
            continue;
        }
        let width = connector_width(doc, covered, a, b, has_title, has_org);
        if width > 0 {
            b += width;
            continue;
        }
        break;
    }
    // Do not end on a connector.
    while b > a + 1 && !doc.toks[b - 1].has(CAP) && !doc.toks[b - 1].has(NUM) && !particle_name(doc.word(b - 1)) {
        b -= 1;
    }
    Some((a, b))
}

/// The first word of the run at `i` after sentence openers that are not
/// names ("The", "When", "Neither").
fn skip_openers(doc: &Doc, i: usize, covered: &[Option<GazId>]) -> usize {
    let toks = &doc.toks;
    let mut a = i;
    while a < toks.len() && run_word(doc, a) && covered[a].is_none() {
        let info = doc.info(a);
        if (info.is(COMMON_CAP) || opens_with_function_word(doc, a)) && !info.is(TITLE_WORD) && !toks[a].has(POSS) {
            a += 1;
        } else {
            break;
        }
    }
    a
}

/// How many tokens from `b` (not a capitalised word) continue the run
/// `a..b`: an ampersand, a unit's comma, particles, or a connector inside an
/// organisation's name ("Friends of the Earth", "Mission in Somalia"); 0 when
/// the run ends at `b`.
fn connector_width(doc: &Doc, covered: &[Option<GazId>], a: usize, b: usize, has_title: bool, has_org: bool) -> usize {
    let toks = &doc.toks;
    let q = toks[a].quote;
    let t = &toks[b];
    // "Crumb & Co", "Marks & Spencer": an ampersand joins a name.
    if t.is_punct('&') && toks.get(b + 1).is_some_and(|n| n.is_word() && n.has(CAP) && n.quote == q) {
        return 1;
    }
    // "2nd Battalion, 58th Field Artillery Regiment": a unit and its parent.
    if t.is_punct(',')
        && has_org
        && toks[a].has(NUM)
        && toks.get(b + 1).is_some_and(|n| n.has(NUM))
        && run_word(doc, b + 1)
    {
        return 1;
    }
    let next_cap = toks.get(b + 1).is_some_and(|n| n.is_word() && n.has(CAP) && n.quote == q)
        || (doc.word(b) == "of"
            && doc.word(b + 1) == "the"
            && toks.get(b + 2).is_some_and(|n| n.is_word() && n.has(CAP) && n.quote == q));
    // "Pieter van der Berg": two particles before the surname.
    let two_particles = t.is_word()
        && !t.has(CAP)
        && doc.info(b).is(PARTICLE)
        && !doc.info(b).is(DET)
        && toks.get(b + 1).is_some_and(|n| n.is_word() && !n.has(CAP) && n.quote == q)
        && doc.info(b + 1).is(PARTICLE)
        && toks.get(b + 2).is_some_and(|n| n.is_word() && n.has(CAP) && n.quote == q);
    if two_particles {
        return 2;
    }
    if t.is_word() && next_cap {
        let w = doc.word(b);
        let info = doc.info(b);
        if info.is(PARTICLE) && !info.is(DET) {
            return 1;
        }
        if w == "the"
            && doc.word(b - 1) == "of"
            && a > 0
            && doc.lx.in_list(doc.word(a - 1), WordList::OrgNounBeforeName)
        {
            return 1;
        }
        if matches!(w, "of" | "for") && (has_title || has_org) {
            return 1;
        }
        // "the volunteer group Friends of the Wen"
        let org_named = a > 0 && doc.lx.in_list(doc.word(a - 1), WordList::OrgNounBeforeName);
        if org_named && w == "of" {
            return 1;
        }
        // "Mission in Somalia", "Committee to Protect Journalists"; not
        // "the Dunedin City Council in New Zealand".
        let in_country = w == "in"
            && covered.get(b + 1).is_some_and(|g| g.is_some())
            && doc
                .lx
                .aliases_starting(doc.word(b + 1))
                .iter()
                .any(|e| matches!(e.target, AliasTarget::Party(p) if doc.lx.parties[p].kind == PartyKind::Country));
        if matches!(w, "in" | "on" | "to" | "de" | "du" | "des") && has_org && !in_country {
            return 1;
        }
        if matches!(w, "and" | "&") && has_org && (a..b).any(|k| doc.word(k) == "of") {
            return 1;
        }
    }
    0
}

/// An organisation head word ("Association", "Ministry") within the next
/// few capitalised words.
fn org_head_ahead(doc: &Doc, from: usize) -> bool {
    (from..doc.toks.len().min(from + 5))
        .take_while(|&k| doc.toks[k].is_word() && doc.toks[k].has(CAP))
        .any(|k| doc.info(k).is(ORG_HEAD))
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
    if particle_name(w) {
        return true;
    }
    if t.has(CAP) {
        let info = doc.info(i);
        return !info.is(MONTH | WEEKDAY | ORG_HEAD | TITLE_WORD | COMMON_CAP)
            && (!t.has(UPPER) || w.len() > 5)
            && w.chars().next().is_some_and(char::is_alphabetic);
    }
    doc.info(i).is(PARTICLE)
}

/// Reads the capitalised runs of an article: what each one is, with the
/// knowledge files' matches (`gaz`, and the match covering each token) and
/// how often each capitalised word occurs.
#[derive(Clone, Copy)]
struct RunAnalysis<'r, 'd, 'a> {
    doc: &'r Doc<'a>,
    covered: &'r [Option<GazId>],
    gaz: &'r [GazMatch],
    cap_counts: &'r FxMap<&'d str, u32>,
}

impl RunAnalysis<'_, '_, '_> {
    /// Adds what the run `a..b` is to `found`.
    fn analyse(&self, a: usize, b: usize, found: &mut RunFindings) {
        let Self { doc, covered, .. } = *self;
        // "Gov. Lyle Brandvold of Nebraska", "Senator Helen Marchetti of Oregon":
        // a titled person's name, then where they are from.
        if let Some(of) = titled_name_before_place(doc, a, b, covered) {
            self.analyse(a, of, found);
            return;
        }
        self.known_people(a, b, found);
        // The run's tail after the last title or party prefix: a name?
        let mut name_a = a;
        let mut after_of = false;
        for (k, &c) in covered.iter().enumerate().take(b).skip(a) {
            let role_noun = doc.toks[k].has(CAP) && doc.info(k).is(PERSON_NOUN) && k + 1 < b;
            if c.is_some() || is_title(doc, k) || role_noun {
                name_a = k + 1;
            } else if matches!(doc.word(k), "of" | "for") {
                name_a = k + 1;
                after_of = true;
            }
        }
        // "Under Secretary of State for Public Diplomacy Elena Marsh": after a
        // title's complement, the name is its last two words.
        if after_of && b - name_a > 2 {
            name_a = b - 2;
        }
        if self.organisation_by_head(a, b, found) || self.organisation_by_context(a, b, found) {
            return;
        }
        self.person(a, b, name_a, found);
    }

    /// Known people inside the run.
    fn known_people(&self, a: usize, b: usize, found: &mut RunFindings) {
        let Self { doc, covered, gaz, .. } = *self;
        for k in a..b {
            if let Some(g) = covered[k] {
                if let AliasTarget::Person(_) = gaz[g.index()].target {
                    let m = &gaz[g.index()];
                    if m.a == k {
                        let mut prefix_a = m.a;
                        while prefix_a > a
                            && (is_title(doc, prefix_a - 1)
                                || covered[prefix_a - 1].is_some()
                                || (doc.word(prefix_a - 1) == "of" && prefix_a - 1 > a && is_title(doc, prefix_a - 2)))
                        {
                            prefix_a -= 1;
                        }
                        if prefix_a == a {
                            prefix_a = outer_prefix(doc, a, covered, gaz);
                        }
                        // The name as the article writes it ("President Bush" → "Bush");
                        // the knowledge file only lends its party.
                        let words: Vec<String> = (m.a..m.b)
                            .filter(|&k| !is_title(doc, k) && doc.toks[k].is_word())
                            .map(|k| name_key(doc.word(k)))
                            .collect();
                        found.people.push(Candidate {
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
    }

    /// An organisation by its head word ("Regiment", "Institute of …"), an
    /// outlet's word or an opening word ("Banca"); `true` when the run was one.
    fn organisation_by_head(&self, a: usize, b: usize, found: &mut RunFindings) -> bool {
        let Self { doc, covered, gaz, cap_counts } = *self;
        // An organisation: the run ends with an organisation head ("Regiment"),
        // or has one followed by "of …" ("Institute of …").
        let last_info = doc.info(b - 1);
        let org_of = (a..b).any(|k| {
            doc.info(k).is(ORG_HEAD)
                && matches!(doc.word(k + 1), "of" | "for" | "in" | "to" | "di" | "de" | "del" | "du")
        });
        // "Le Courrier Parisien", "El Heraldo Iberico": an outlet's word inside the name.
        let outlet = b - a >= 2 && b - a <= 5 && (a + 1..b).any(|k| doc.info(k).is(MEDIA_HEAD) && doc.toks[k].has(CAP));
        // "Banca Ferrante", "Grupo Bimbo": a word that opens organisations' names.
        let org_first = b - a >= 2 && b - a <= 5 && doc.info(a).is(ORG_FIRST) && covered[a].is_none();
        let outlet = outlet || org_first;
        let all_covered = (a..b).all(|k| covered[k].is_some());
        if !all_covered && (last_info.is(ORG_HEAD) || org_of || outlet) && b - a >= 2 {
            // A party prefix: its possessive or a state institution makes the
            // organisation part of it ("Niger's Ministry of …", "Somali National
            // Army"); otherwise it is part of the name ("African Union Transition
            // Mission").
            let first_free = (a..b).find(|&k| covered[k].is_none()).unwrap_or(a);
            let prefix_party =
                (first_free > a).then(|| covered[first_free - 1]).flatten().map(|g| gaz[g.index()].target);
            let state_body = (first_free..b).any(|k| doc.lx.in_list(doc.word(k), WordList::StateHead));
            let specific = (first_free..b).any(|k| {
                let info = doc.info(k);
                !info.is(ORG_HEAD | TITLE_WORD | COMMON_CAP)
                    && doc.toks[k].has(CAP)
                    && !doc.lx.in_list(doc.word(k), WordList::GenericOrgWord)
            });
            let long_name = b - first_free >= 3;
            // "the Environment Agency" named twice is an agency of its own, not a
            // ministry of the article's country.
            let named_twice = b - first_free == 2
                && !state_body
                && cap_counts.get(doc.word(first_free)).is_some_and(|&c| c >= 2)
                && cap_counts.get(doc.word(b - 1)).is_some_and(|&c| c >= 2);
            // "Estonian Defence Forces", "Somali National Army": an armed service
            // is a party of its own (its soldiers speak for it), not its state.
            let armed_service = !doc.toks[first_free - 1.min(first_free)].has(POSS)
                && matches!(
                    doc.word(b - 1),
                    "Forces" | "Force" | "Army" | "Navy" | "Guard" | "Guards" | "Military" | "Marines"
                );
            match prefix_party {
                Some(AliasTarget::Party(_)) if armed_service => {
                    found.orgs.push(OrgRun { a, b, name_a: a, parent: None })
                }
                Some(AliasTarget::Party(p)) if doc.toks[first_free - 1].has(POSS) || state_body => {
                    found.orgs.push(OrgRun { a, b, name_a: first_free, parent: Some(p) });
                }
                Some(_) => found.orgs.push(OrgRun { a, b, name_a: a, parent: None }),
                None if specific || org_of || long_name || named_twice => {
                    found.orgs.push(OrgRun { a, b, name_a: a, parent: None })
                }
                _ => {}
            }
            return true;
        }
        false
    }

    /// An organisation by what surrounds the run: a role's "for/of/at", a
    /// broadcaster's word, a known organisation's name with more words, an
    /// acronym, an organisation noun before it; `true` when the run was one.
    fn organisation_by_context(&self, a: usize, b: usize, found: &mut RunFindings) -> bool {
        let Self { doc, covered, gaz, .. } = *self;
        // "a spokesperson for Mendip Vale Water", "an analyst at Harbor Street
        // Securities": a name after a role's "for/of/at" is an organisation
        // unless it reads as a person's name.
        let link = |k: usize| matches!(doc.word(k), "for" | "of" | "at" | "with");
        let role_before = |k: usize| doc.toks[k].is_word() && !doc.toks[k].has(CAP) && doc.info(k).is(PERSON_NOUN);
        let after_role_link = (a >= 2 && link(a - 1) && role_before(a - 2))
            || (a >= 3 && doc.word(a - 1) == "the" && link(a - 2) && role_before(a - 3));
        if after_role_link && b - a >= 2 && (a..b).all(|k| covered[k].is_none()) && !doc.lx.is_first_name(doc.word(a)) {
            found.orgs.push(OrgRun { a, b, name_a: a, parent: None });
            return true;
        }
        // "Radio Quispillaccta", "TV Rain": a broadcaster's name.
        if b - a >= 2 && matches!(doc.word(a), "Radio" | "TV" | "Television" | "Channel") && covered[a].is_none() {
            found.orgs.push(OrgRun { a, b, name_a: a, parent: None });
            return true;
        }
        // A known organisation followed by more capitalised words: "NHS England",
        // "BBC Arabic", "Al Jazeera English" are organisations of their own.
        if let Some((g, AliasTarget::Party(p))) = covered[a].map(|g| (&gaz[g.index()], gaz[g.index()].target)) {
            let tail_free = (g.b..b).all(|k| covered[k].is_none() && !is_title(doc, k));
            if g.a == a
                && g.b < b
                && b - g.b <= 2
                && tail_free
                && !doc.toks[g.b - 1].has(POSS)
                && doc.lx.parties[p].kind != PartyKind::Country
            {
                found.orgs.push(OrgRun { a, b, name_a: a, parent: None });
                return true;
            }
        }
        // An uncovered acronym with more capitalised words: "NHS England", "BBC
        // World Service" name organisations, not people.
        let acronym = (a..b).any(|k| {
            let w = doc.word(k);
            covered[k].is_none() && doc.toks[k].has(UPPER) && !w.contains('.') && (2..=6).contains(&w.len())
        });
        if acronym && b - a >= 2 && !(a..b).any(|k| is_title(doc, k)) {
            found.orgs.push(OrgRun { a, b, name_a: a, parent: None });
            return true;
        }
        // "Grid operator TenneT", "conciliation service Acas", "the national
        // transport agency, Waka Kotahi,": a name after an organisation noun is
        // an organisation.
        let noun_at = |k: usize| {
            doc.toks[k].is_word() && !doc.toks[k].has(CAP) && doc.lx.in_list(doc.word(k), WordList::OrgNounBeforeName)
        };
        let described = a >= 3
            && doc.toks[a - 1].is_punct(',')
            && noun_at(a - 2)
            && (a.saturating_sub(6)..a - 2).any(|k| doc.word(k).eq_ignore_ascii_case("the"))
            && doc.toks.get(b).is_none_or(|t| matches!(t.kind, TokKind::Punct(_)))
            && !(a..b).any(|k| is_title(doc, k))
            && !doc.lx.is_first_name(doc.word(a));
        if ((a > 0 && noun_at(a - 1)) || described) && (a..b).all(|k| covered[k].is_none()) && b - a <= 4 {
            found.orgs.push(OrgRun { a, b, name_a: a, parent: None });
            return true;
        }
        false
    }

    /// A person's name in the run's tail from `name_a`, by its titles, role
    /// words, given names, speech or apposition; or a lone word that may be
    /// someone's surname.
    fn person(&self, a: usize, b: usize, name_a: usize, found: &mut RunFindings) {
        let Self { doc, covered, gaz, cap_counts } = *self;
        if name_a >= b {
            return;
        }
        // Names keep at most four words: the last ones of a longer run.
        let mut na = name_a;
        if b - na > 4 {
            na = b - 3;
        }
        if !(na..b).all(|k| name_word(doc, k)) || !(doc.toks[na].has(CAP) || particle_name(doc.word(na))) {
            // Drop leading non-name words ("Straight Talk Africahost Shaka Ssali").
            match (na..b).rev().take_while(|&k| name_word(doc, k)).last() {
                Some(k) if doc.toks[k].has(CAP) && b - k >= 2 => na = k,
                _ => return,
            }
        }
        // Particles inside a name stay: "Sophie de Wit", "Ursula von der Leyen".
        let words: Vec<String> = (na..b)
            .filter(|&k| {
                doc.toks[k].has(CAP) || particle_name(doc.word(k)) || (k > na && k + 1 < b && doc.info(k).is(PARTICLE))
            })
            .map(|k| name_key(doc.word(k)))
            .collect();
        if words.is_empty() {
            return;
        }
        // A title right before the name ("Minister", "Pvt.", "Mr."), not a
        // title's modifier ("Press" in "World Press Freedom Day").
        let titled =
            na > a && (is_title(doc, na - 1) && (doc.info(na - 1).is(TITLE_HEAD) || doc.toks[na - 1].has(NUM)));
        // Places and events are not people: "World Press Freedom Day", "Pemba
        // Island"; but "Alison Park, a spokeswoman" is a person.
        let given_pair = words.len() == 2 && doc.lx.has_given_name_gender(&words[0]);
        let person_apposition =
            apposition_after(doc, b).is_some_and(|(s, e)| (s..e).any(|k| doc.info(k).is(PERSON_NOUN | TITLE_WORD)));
        if doc.lx.in_list(doc.word(b - 1), WordList::PlaceTail)
            && !(given_pair && (person_apposition || is_speech_subject(doc, a, b)))
        {
            return;
        }
        // "the port authority's director of planning, Nadia Osei, welcomed": a
        // role set before the name between commas.
        let described = b - na >= 2
            && doc.toks.get(b).is_some_and(|t| t.is_punct(','))
            && description_before_name(doc, a).is_some();
        let role_before = role_words_before(doc, a).is_some() || described;
        let speaks = is_speech_subject(doc, a, b);
        let apposition =
            apposition_after(doc, b).is_some_and(|(s, e)| (s..e).any(|k| doc.info(k).is(PERSON_NOUN | TITLE_WORD)));
        // A given name ("Ingrid", common or not) opening a short run: "Ingrid Solberg".
        let middle_ok = |w: &String| w.ends_with('.') || doc.lx.has_given_name_gender(w);
        let first_name = words.len() >= 2
            && (doc.lx.is_first_name(&words[0])
                || (doc.lx.has_given_name_gender(&words[0])
                    && (words.len() == 2 || (words.len() == 3 && middle_ok(&words[1])))));
        // "Casa Para Todos, a coalition of tenants' associations": an organisation.
        let org_apposition = apposition_after(doc, b).is_some_and(|(s, e)| {
            // The head noun decides: the first role or organisation noun before any attachment.
            let head = (s + 1..e.min(s + 5))
                .take_while(|&k| !doc.info(k).is(PREP))
                .find(|&k| !doc.toks[k].has(POSS) && doc.info(k).is(ORG_NOUN | PERSON_NOUN | TITLE_WORD));
            doc.info(s).is(DET) && head.is_some_and(|k| !doc.info(k).is(PERSON_NOUN | TITLE_WORD))
        });
        if org_apposition && !titled && (na..b).all(|k| covered[k].is_none()) {
            found.orgs.push(OrgRun { a: na, b, name_a: na, parent: None });
            return;
        }
        let strong = titled || role_before || first_name;
        if words.len() == 1 && !strong {
            let after_prep = a > 0 && doc.toks[a - 1].is_word() && doc.info(a - 1).is(PREP);
            let role_apposition = apposition_after(doc, b).is_some_and(|(s, e)| {
                doc.info(s).is(DET | ROLE_ADJ | PERSON_NOUN) && (s..e).any(|k| doc.info(k).is(PERSON_NOUN | TITLE_WORD))
            });
            // "Ofwat's director of enforcement": a possessive before a role.
            let owns_role = doc.toks[na].has(POSS)
                && doc.toks.get(na + 1).is_some_and(|t| t.is_word() && !t.has(CAP))
                && (na + 1..na + 4).any(|k| doc.info(k).is(PERSON_NOUN | TITLE_WORD));
            let candidate =
                Candidate { a, b, name_a: na, prefix: (a, na), words, gender: gender_of_prefix(doc, a, na) };
            let unknown = na == a && b == a + 1 && covered[a].is_none() && !after_prep;
            if role_apposition && !after_prep {
                found.people.push(candidate);
            } else if unknown && (speaks || owns_role) {
                found.lone_actors.push(candidate);
            } else if speaks && !after_prep {
                found.people.push(candidate);
            } else {
                found.singles.push(na);
            }
            return;
        }
        if strong
            || speaks
            || apposition
            || (words.len() >= 2 && cap_counts.get(doc.word(b - 1)).is_some_and(|&c| c >= 2))
        {
            let prefix_a = outer_prefix(doc, a, covered, gaz);
            found.people.push(Candidate {
                a,
                b,
                name_a: na,
                prefix: (prefix_a, na),
                words,
                gender: gender_of_prefix(doc, a, na),
            });
        }
    }
}

/// Where a person's prefix starts before their capitalised run: over role
/// words ("opposition leader") and a party naming them ("Al Jazeera's",
/// "BP's chief executive", "American citizen", "Zimbabwe opposition leader").
/// The "of" that ends a titled person's name in a run "Title Given Surname of
/// Place": the name opens with a given name right after the titles.
fn titled_name_before_place(doc: &Doc, a: usize, b: usize, covered: &[Option<GazId>]) -> Option<usize> {
    let of = (a + 2..b).find(|&k| doc.word(k) == "of")?;
    let name_a = (a..of).find(|&k| !is_title(doc, k) && covered[k].is_none())?;
    let titled = name_a > a && is_title(doc, name_a - 1);
    let name_len = of - name_a;
    let given = doc.lx.is_first_name(doc.word(name_a)) || doc.lx.has_given_name_gender(doc.word(name_a));
    let place_after = doc.toks.get(of + 1).is_some_and(|t| t.has(CAP)) && b - (of + 1) <= 3;
    (titled && given && (2..=4).contains(&name_len) && place_after).then_some(of)
}

fn outer_prefix(doc: &Doc, a: usize, covered: &[Option<GazId>], gaz: &[GazMatch]) -> usize {
    let mut prefix_a = role_words_before(doc, a).map_or(a, |(s, _)| s);
    let before = (prefix_a > 0).then(|| covered[prefix_a - 1]).flatten();
    if let Some(g) = before.filter(|_| doc.toks[prefix_a - 1].quote == doc.toks[a].quote) {
        let g = &gaz[g.index()];
        if matches!(g.target, AliasTarget::Party(_)) && (doc.toks[prefix_a - 1].has(POSS) || prefix_a < a) {
            prefix_a = g.a;
        }
    }
    prefix_a
}

/// An organisation found by its shape.
struct OrgRun {
    a: usize,
    b: usize,
    /// Where its own name starts (after a party prefix such as "Niger's").
    name_a: usize,
    /// The knowledge-file party it belongs to, if any.
    parent: Option<usize>,
}

/// The article's own country: the dateline's, else the one it names most
/// (at least twice, and more than any other).
fn national_party(doc: &Doc, ents: &mut Entities) -> Option<usize> {
    if let Some(d) = &doc.meta.dateline {
        for part in d.place.rsplit(',') {
            let title: Vec<String> = part.split_whitespace().map(title_case).collect();
            if title.is_empty() {
                continue;
            }
            let phrase = title.join(" ");
            if let Some(k) = doc.lx.party_for_phrase(&phrase) {
                if doc.lx.parties[k].kind == PartyKind::Country {
                    let kp = &doc.lx.parties[k];
                    return Some(ents.party(&kp.name.clone(), kp.kind, 0));
                }
            }
        }
    }
    let mut counts: Vec<(usize, usize)> = Vec::new();
    for m in &ents.mentions {
        if let Target::Party(p) = m.target {
            if ents.parties[p].kind == PartyKind::Country {
                match counts.iter_mut().find(|(q, _)| *q == p) {
                    Some(c) => c.1 += 1,
                    None => counts.push((p, 1)),
                }
            }
        }
    }
    crate::order::sort_by_key(&mut counts, |c| std::cmp::Reverse(c.1));
    match counts.as_slice() {
        [(p, n), rest @ ..] if *n >= 2 && rest.first().is_none_or(|r| r.1 < *n) => Some(*p),
        _ => None,
    }
}

/// "PARIS" → "Paris"; "D.C." stays.
fn title_case(w: &str) -> String {
    if w.contains('.') || !w.chars().all(|c| c.is_uppercase() || !c.is_alphabetic()) {
        return w.to_string();
    }
    let mut out = String::with_capacity(w.len());
    for (i, c) in w.chars().enumerate() {
        if i == 0 {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// Company and media organisations by the last word of their name.
fn org_kind(doc: &Doc, a: usize, b: usize) -> PartyKind {
    let media = (a..b).any(|k| doc.info(k).is(MEDIA_HEAD)) || matches!(doc.word(a), "Radio" | "TV");
    if media {
        return PartyKind::Media;
    }
    if b > a
        && (doc.info(b - 1).is(COMPANY_HEAD)
            || (doc.info(a).is(ORG_FIRST) && !matches!(doc.word(a), "Radio" | "Fondazione" | "Fundación" | "Stiftung")))
    {
        return PartyKind::Company;
    }
    // "shipping firm Halcyon", "broadcaster Radio Quispillaccta".
    if a > 0 && doc.toks[a - 1].is_word() && !doc.toks[a - 1].has(CAP) {
        let before = doc.info(a - 1);
        if before.is(COMPANY_NOUN) {
            return PartyKind::Company;
        }
        if before.is(MEDIA_NOUN) {
            return PartyKind::Media;
        }
    }
    PartyKind::Organisation
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
        let info = doc.info(k - 1);
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
    let speech = |i: usize| doc.toks.get(i).is_some_and(|t| t.is_word() && doc.info(i).is(SPEECH | THINK));
    let mut k = b;
    // "Hadiza Moussa, who has run the association since 2009, said"
    let q = doc.toks[a].quote;
    if doc.toks.get(k).is_some_and(|t| t.is_punct(',')) {
        let close = (k + 1..doc.toks.len().min(k + 30))
            .take_while(|&j| doc.toks[j].quote == q)
            .find(|&j| doc.toks[j].is_punct(',') || doc.toks[j].is_punct('.'));
        if let Some(close) = close {
            if doc.toks[close].is_punct(',') && doc.toks.get(k + 1).is_some_and(|t| !t.has(CAP)) {
                k = close + 1;
            }
        }
    }
    // "Hayward also said", "Kerry has said"
    while k < doc.toks.len() && k < b + 2 && doc.toks[k].is_word() && doc.info(k).is(super::lexicon::ADVERB | AUX) {
        k += 1;
    }
    // "said Hayward" names the speaker; "said Ofwat's director" does not name Ofwat.
    speech(k) || (a > 0 && speech(a - 1) && !doc.toks[a - 1].has(CAP) && !doc.toks[b - 1].has(POSS))
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
    let info = doc.info(start);
    // "co-chair of the BMA's …", "head of the agency": a role noun and its attachment.
    let noun_of =
        !first.has(CAP) && matches!(doc.word(start + 1), "of" | "for" | "with" | "at") && !info.is(PREP | DET);
    // "WFP's deputy country director": a possessive name and a role.
    // "ESA flight director", "Reuters correspondent": a known name or an acronym too.
    let names_party = first.has(POSS)
        || (w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase()))
        || doc.lx.party_for_phrase(w).is_some();
    let possessive_role = first.has(CAP)
        && names_party
        && (start + 1..start + 5)
            .any(|k| doc.toks.get(k).is_some_and(|t| t.is_word() && !t.has(CAP)) && doc.info(k).is(PERSON_NOUN));
    let opens = (!first.has(CAP) && (info.is(DET | ROLE_ADJ | PERSON_NOUN) || w.ends_with("ing")))
        || (first.has(CAP) && info.is(TITLE_WORD))
        || noun_of
        || possessive_role
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
        if t.is_word() && !t.in_quote() && !t.has(CAP) && doc.info(end).is(SPEECH) && end > start + 1 {
            break;
        }
        end += 1;
    }
    (end > start).then_some((start, end))
}

fn gender_of_prefix(doc: &Doc, a: usize, b: usize) -> Gender {
    for k in a..b {
        match doc.word(k).trim_end_matches('.') {
            "Mr" | "Mrs" | "Ms" | "Miss" | "Sir" | "Dame" => break,
            _ => {}
        }
    }
    // A given name that is clearly one or the other ("Alicia", "Daniel").
    let honorific =
        (a..b).any(|k| matches!(doc.word(k).trim_end_matches('.'), "Mr" | "Mrs" | "Ms" | "Miss" | "Sir" | "Dame"));
    if !honorific {
        if let Some(first) = doc.toks.get(b).filter(|t| t.is_word()).map(|_| doc.word(b)) {
            let g = doc.lx.first_name_gender(first);
            if g != Gender::Unknown {
                return g;
            }
        }
    }
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
                titles: Vec::new(),
                known_party: None,
                party_via: PartyVia::Stated,
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
fn person_by_surname(doc: &Doc, ents: &Entities, w: &str, at: usize) -> Option<usize> {
    let Some(list) = ents.by_surname.get(&name_key(w)) else {
        return family_name_first(doc, ents, w);
    };
    let before = list.iter().copied().filter(|&pi| ents.people[pi].first <= at).max_by_key(|&pi| ents.people[pi].first);
    before.or_else(|| list.iter().copied().min_by_key(|&pi| ents.people[pi].first))
}

/// "Xue" for "Xue Hanmei", "Gao" for "Gao Wenbin": a two-word name written
/// family name first, when its first word is no given name with a gender.
fn family_name_first(doc: &Doc, ents: &Entities, w: &str) -> Option<usize> {
    // A given name with a gender is someone's first name ("Maria"); one listed
    // without ("Yoon", "Abbas") may be a family name too.
    if doc.lx.has_given_name_gender(w) {
        return None;
    }
    let mut found = ents.people.iter().enumerate().filter(|(_, p)| p.words.len() == 2 && p.words[0] == w);
    match (found.next(), found.next()) {
        (Some((pi, _)), None) => Some(pi),
        _ => None,
    }
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
fn describe_person(doc: &Doc, ents: &mut Entities, short: &FxMap<String, usize>, pi: usize, c: &Candidate) {
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
        // "Vandermeer Chief Executive Sophie de Wit": an organisation's short name.
        if party.is_none() && doc.toks[k].has(CAP) && !is_title(doc, k) {
            party = short.get(doc.word(k)).copied();
        }
        if role_start.is_none()
            && (is_title(doc, k) || doc.info(k).is(PERSON_NOUN | ROLE_ADJ) || ents.mention_at(k).is_some())
        {
            let honorific = doc.info(k).is(HONORIFIC) && !doc.info(k).is(MILITARY);
            if !honorific {
                role_start = Some(k);
            }
        }
    }
    // "American citizen Itan Alexander": a nationality before a role that
    // speaks for no one says where someone is from, not whom they speak for.
    let prefix_role =
        (pa..pb).rev().find(|&k| doc.info(k).is(PERSON_NOUN) && !doc.toks[k].has(CAP)).map(|k| doc.word(k));
    if prefix_role.is_some_and(|r| !doc.lx.in_list(r.trim_end_matches('s'), WordList::OfficialRole))
        && party.is_some_and(|p| ents.parties[p].kind == PartyKind::Country)
        && !(pa..pb).any(|k| doc.toks[k].has(POSS))
    {
        party = None;
    }
    // "Qatar's Foreign Ministry spokesman X": an organisation just before the role words.
    if party.is_none() && pa > 0 {
        if let Some(m) = ents.mention_at(pa - 1).filter(|m| m.b == pa) {
            if let Target::Party(p) = m.target {
                party = Some(p);
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
    // A role needs a title or role word; "Al Jazeera's" alone is an allegiance.
    let has_role_word = (pa..pb).any(|k| is_title(doc, k) || doc.info(k).is(PERSON_NOUN));
    let mut role = role_start
        .filter(|&r| r < pb && has_role_word)
        .map(|r| Span::new(doc.toks[r].start, doc.toks[pb - 1].end).of(doc.text).to_string());
    // A description set before the name: "the group's military spokesman, Brig. Gen. X,".
    if let Some((s, e)) = description_before_name(doc, c.a) {
        if role.as_deref().is_none_or(|r| r.len() < 6 || r.ends_with('.')) {
            role = Some(strip_indefinite(Span::new(doc.toks[s].start, doc.toks[e - 1].end).of(doc.text)).to_string());
        }
        if party.is_none() {
            party = affiliation_in(doc, ents, pi, s, e);
        }
    }
    // After the name: "of the World Health Organization", or an apposition.
    let end = ents.mention_at(c.b - 1).map_or(c.b, |m| m.b.max(c.b));
    // "nominated Adam Boehler as a special envoy for hostage affairs"
    if role.is_none() && doc.word(end) == "as" && doc.info(end + 1).is(DET) {
        let stop =
            (end + 2..doc.toks.len().min(end + 10)).find(|&k| !doc.toks[k].is_word() || doc.info(k).is(CONJ | SUBORD));
        let stop = stop.unwrap_or(doc.toks.len().min(end + 10));
        if (end + 2..stop).any(|k| doc.info(k).is(PERSON_NOUN)) {
            role = Some(
                strip_indefinite(Span::new(doc.toks[end + 1].start, doc.toks[stop - 1].end).of(doc.text)).to_string(),
            );
        }
    }
    if party.is_none() && matches!(doc.word(end), "of" | "with" | "at") {
        let k = if doc.word(end + 1).eq_ignore_ascii_case("the") { end + 2 } else { end + 1 };
        if let Some(m) = ents.mention_at(k).filter(|m| m.a <= k) {
            if let Target::Party(p) = m.target {
                party = Some(p);
            }
        }
    }
    // "Gov. Lyle Brandvold of Nebraska, the Republican presidential nominee,":
    // the apposition follows the place the person is from.
    let mut end = end;
    if doc.word(end) == "of" && ents.mention_at(end + 1).is_none_or(|m| !matches!(m.target, Target::Party(_))) {
        let place_end = (end + 1..doc.toks.len().min(end + 4)).take_while(|&k| doc.toks[k].has(CAP)).last();
        if let Some(k) = place_end {
            end = k + 1;
        }
    }
    if let Some((s, e)) = apposition_after(doc, end) {
        read_apposition(doc, ents, pi, (s, e), &mut role, &mut party);
    }
    let person = &mut ents.people[pi];
    if c.name_a > pa {
        let title = Span::new(doc.toks[pa].start, doc.toks[c.name_a - 1].end).of(doc.text).to_string();
        if !person.titles.contains(&title) {
            person.titles.push(title);
        }
    }
    let better_role = person.role.is_none()
        || role.as_ref().is_some_and(|r| person.role.as_ref().is_some_and(|o| r.len() > o.len() && !o.contains(' ')));
    if better_role && role.is_some() {
        person.role = role;
    }
    if person.party.is_none() {
        person.party = party;
    }
}

/// The role and party an apposition after a person's name gives:
/// ", a former adviser to …," or ", who leads the World Health Organization's
/// cholera response,"; a role already read is kept unless it is a bare title.
fn read_apposition(
    doc: &Doc,
    ents: &Entities,
    pi: usize,
    (s, e): (usize, usize),
    role: &mut Option<String>,
    party: &mut Option<usize>,
) {
    let w = doc.word(s);
    let participle = w.ends_with("ing") && !doc.info(s).is(PERSON_NOUN);
    if w == "who" {
        // "who leads the World Health Organization's cholera response"
        let verb = doc.word(s + 1);
        let leads = doc.lx.in_list(verb, WordList::AffiliationVerb);
        if leads && party.is_none() {
            // The verb ties the person to what they lead: "who chairs
            // the volunteer group Friends of the Wen".
            *party = affiliation_in(doc, ents, pi, s + 1, e).or_else(|| {
                (s + 2..e).find_map(|k| {
                    let m = ents.mention_at(k).filter(|m| m.a == k && !doc.toks[k].in_quote())?;
                    let place = matches!(doc.word(k - 1), "in" | "from" | "near");
                    match m.target {
                        Target::Party(p) if !place => Some(p),
                        _ => None,
                    }
                })
            });
        }
    } else if !participle {
        let text = strip_indefinite(Span::new(doc.toks[s].start, doc.toks[e - 1].end).of(doc.text));
        if role.as_deref().is_none_or(|r| r.len() < 6 || r.ends_with('.')) {
            *role = Some(text.to_string());
        }
        if party.is_none() {
            *party = affiliation_in(doc, ents, pi, s, e);
        }
    }
}

fn strip_indefinite(text: &str) -> &str {
    ["a ", "an ", "the "].iter().find_map(|a| text.strip_prefix(a)).unwrap_or(text)
}

/// The party a role phrase ties a person to: "spokeswoman for the agency",
/// "commander of U.S. European Command", "the BMA's junior doctors
/// committee", "a Saudi official"; not "a caller from Tehran" nor "an
/// exiled Nicaraguan journalist".
fn affiliation_in(doc: &Doc, ents: &Entities, pi: usize, s: usize, e: usize) -> Option<usize> {
    let role_head = (s..e).find(|&k| doc.info(k).is(PERSON_NOUN) && !doc.toks[k].has(CAP)).map(|k| doc.word(k));
    let official = role_head.is_none_or(|r| doc.lx.in_list(r.trim_end_matches('s'), WordList::OfficialRole));
    let mut k = s;
    while k < e {
        let Some(m) = ents.mention_at(k).filter(|m| m.a == k && !doc.toks[k].in_quote()).copied() else {
            k += 1;
            continue;
        };
        let prev = if k > s { doc.word(k - 1) } else { "" };
        let prev2 = if k > s + 1 { doc.word(k - 2) } else { "" };
        let linked = matches!(prev, "of" | "for" | "with" | "at" | "to" | "by")
            || (prev.eq_ignore_ascii_case("the") && matches!(prev2, "of" | "for" | "with" | "at" | "to" | "by"))
            || doc.toks[m.b - 1].has(POSS);
        let place = matches!(prev, "from" | "in" | "near")
            || (prev.eq_ignore_ascii_case("the") && matches!(prev2, "from" | "in" | "near"));
        // "the Zambia office of the aid group CARE": the office's owner comes later.
        let modifier = doc.toks.get(m.b).is_some_and(|t| t.is_word() && !t.has(CAP))
            && doc.info(m.b).is(ORG_NOUN)
            && (m.b + 1..e).any(|j| ents.mention_at(j).is_some_and(|n| n.a == j));
        if modifier {
            k = m.b;
            continue;
        }
        if place || (!linked && !official) {
            k = m.b;
            continue;
        }
        match m.target {
            Target::Party(p) => return Some(p),
            Target::Person(other) if other != pi => {
                if let Some(p) = ents.people[other].party.or(ents.people[other].known_party) {
                    return Some(p);
                }
            }
            _ => {}
        }
        k = m.b;
    }
    None
}

/// `DESCRIPTION, Name,` — "the army's spokesman, Col. Abdirahman Farah Jama,
/// told": the description (ending in a role noun) before the name's comma.
fn description_before_name(doc: &Doc, a: usize) -> Option<(usize, usize)> {
    if a < 2 || !doc.toks[a - 1].is_punct(',') {
        return None;
    }
    let e = a - 1;
    // The role noun ends the description, or is followed by "of …"
    // ("Ofwat's director of enforcement, Dr Eleanor Price").
    let head = (e.saturating_sub(5)..e)
        .rev()
        .find(|&k| doc.toks[k].is_word() && doc.info(k).is(PERSON_NOUN) && !doc.toks[k].has(CAP))?;
    let tail_ok = (head + 1..e).all(|k| doc.toks[k].is_word() && !doc.toks[k].has(CAP))
        && (head + 1 == e || doc.word(head + 1) == "of");
    if !tail_ok {
        return None;
    }
    let mut s = head;
    while s > 0 && e - s < 8 {
        let t = &doc.toks[s - 1];
        if !t.is_word() || t.in_quote() {
            break;
        }
        let info = doc.info(s - 1);
        if info.is(DET) && !t.has(POSS) {
            s -= 1;
            break;
        }
        if info.is(PREP | AUX | SUBORD | VERBISH | CONJ) && !t.has(CAP) {
            break;
        }
        s -= 1;
    }
    (e > s).then_some((s, e))
}
