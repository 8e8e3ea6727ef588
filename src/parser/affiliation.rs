//! Implied affiliation: the party of a person the text ties to one only by
//! context. Runs after the people's own prefixes and appositions were read
//! (`mentions::describe_person`), before the article-wide defaults (the
//! council of a mayor, the country of an office holder).
//!
//! Each rule fills a party that is still missing (or, for soldiers, refines
//! a country into its armed service named in the article):
//! * "Its spokeswoman, Ines Carvalho": the party the sentence before is about.
//! * "In Moscow, Deputy Foreign Minister Arkady Voronin said": an office
//!   holder located in a country's capital speaks for that country.
//! * Soldiers and officers (a rank, or a soldier's role) speak for the unit
//!   or armed service the article names.
//! * An office under a place no list knows ("Ontario Premier X") speaks for
//!   that place's government.
//! * "A company spokeswoman": the company named last before.
//! * A judge speaks for the article's one court.
//! * Astronauts, flight directors and mission control speak for the space
//!   agency the article names.

use super::doc::Doc;
use super::entities::{Entities, Mention, Target};
use super::lexicon::{WordList, COMMON_CAP, MILITARY, MONTH, ORG_HEAD, ORG_NOUN, ROLE_ADJ, TITLE_WORD, WEEKDAY};
use super::model::{PartyKind, PartyVia};

/// Fills the implied parties of the article's people.
pub(crate) fn infer(doc: &Doc, ents: &mut Entities) {
    let units = military_units(doc, ents);
    let agency = space_agency(doc, ents);
    let council = ents.the_only_party(Entities::is_council);
    let court = the_court(ents);
    for pi in 0..ents.people.len() {
        if ents.people[pi].party.is_none() {
            let found = possessive_antecedent(doc, ents, pi)
                .or_else(|| office_location(doc, ents, pi))
                .map(|p| (p, PartyVia::Context))
                .or_else(|| council.filter(|_| council_member(doc, ents, pi)).map(|p| (p, PartyVia::Role)))
                .or_else(|| court.filter(|_| is_judge(ents, pi)).map(|p| (p, PartyVia::Role)))
                .or_else(|| office_country(doc, ents, pi).map(|p| (p, PartyVia::Role)))
                .or_else(|| regional_government(doc, ents, pi).map(|p| (p, PartyVia::Role)))
                .or_else(|| company_role(ents, pi).map(|p| (p, PartyVia::Context)));
            set_party(ents, pi, found);
        }
        if let Some(p) = military_party(doc, ents, pi, &units) {
            set_party(ents, pi, Some((p, PartyVia::Role)));
        }
        if ents.people[pi].party.is_none() && is_space_role(ents, pi) {
            set_party(ents, pi, agency.map(|p| (p, PartyVia::Role)));
        }
    }
}

fn set_party(ents: &mut Entities, pi: usize, found: Option<(usize, PartyVia)>) {
    if let Some((p, via)) = found {
        ents.people[pi].party = Some(p);
        ents.people[pi].party_via = via;
    }
}

/// The role and every titled form of a person's name, lower-cased.
fn descriptions(ents: &Entities, pi: usize) -> String {
    let person = &ents.people[pi];
    let mut text = person.role.clone().unwrap_or_default();
    for title in &person.titles {
        text.push(' ');
        text.push_str(title);
    }
    text.to_lowercase()
}

/// "Its spokeswoman, Ines Carvalho" / "Their lawyer, X": the possessive
/// pronoun before the person's first mention refers to the party (or the
/// person's party) that the sentence before is about.
fn possessive_antecedent(doc: &Doc, ents: &Entities, pi: usize) -> Option<usize> {
    let first = ents.people[pi].first;
    let sent = (*doc.sent_of.get(first)?)?.index();
    let from = doc.sents.get(sent)?.a;
    let its = (from..first).rev().take(8).find(|&k| matches!(doc.word(k), "Its" | "its" | "Their" | "their"))?;
    // The sentence before, or this one up to the pronoun.
    let prev = sent.checked_sub(1).map(|s| doc.sents[s]);
    let lo = prev.map_or(from, |p| p.a);
    let end = ents.mentions.partition_point(|m| m.a < its);
    let start = ents.mentions.partition_point(|m| m.a < lo);
    let candidates = &ents.mentions[start..end];
    // The first party the stretch names (its subject), else the last one.
    let party_of = |m: &Mention| -> Option<usize> {
        if doc.toks[m.a].in_quote() {
            return None;
        }
        match m.target {
            Target::Party(p) => Some(p),
            // "The Marchetti campaign": the campaign of a person is their party.
            Target::Person(q) if q != pi && is_campaign(doc, m.b) => ents.people[q].party,
            Target::Person(_) => None,
        }
    };
    let subject = candidates.iter().find(|m| prev.is_some_and(|p| m.a < p.a + 4) || m.a < from + 4).and_then(party_of);
    subject.or_else(|| candidates.iter().rev().find_map(party_of))
}

/// "campaign" (or "camp", "team") right after a name: "the Marchetti campaign".
fn is_campaign(doc: &Doc, k: usize) -> bool {
    matches!(doc.word(k), "campaign" | "camp" | "team")
}

/// "Under Secretary of State for Public Diplomacy Elena Marsh", "Home
/// Secretary X": an office only one country has.
fn office_country(doc: &Doc, ents: &mut Entities, pi: usize) -> Option<usize> {
    let person = &ents.people[pi];
    let first = person.first;
    let known = person.titles.iter().chain(person.role.iter()).find_map(|t| doc.lx.office_country(t))?;
    let (name, kind) = (known.name.clone(), known.kind);
    Some(ents.party(&name, kind, first))
}

/// "Queensland Emergency Services Minister Bronwyn Hale", "Texas Gov. Greg
/// Abbott", "Ontario Premier Doug Ford": a government office under a place no
/// list knows (a state or province) speaks for that place's government.
fn regional_government(doc: &Doc, ents: &mut Entities, pi: usize) -> Option<usize> {
    let person = &ents.people[pi];
    let role = person.role.as_deref()?;
    let mut words = role.split_whitespace().peekable();
    let mut place = words.next()?.to_string();
    // "Western Australia", "Northern Territory": a compass word joins the next.
    if place.ends_with("ern") {
        place = format!("{place} {}", words.next()?);
    }
    let office = words.any(|w| {
        matches!(
            w.trim_end_matches('.').to_ascii_lowercase().as_str(),
            "minister" | "premier" | "gov" | "governor" | "treasurer" | "attorney-general"
        )
    });
    let placelike = place.split(' ').all(|w| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().all(|c| c.is_alphabetic())
            && w.len() > 2
            && !doc.lx.info(w).is(TITLE_WORD | ORG_HEAD | ORG_NOUN | COMMON_CAP | MONTH | WEEKDAY | MILITARY | ROLE_ADJ)
            && !doc.lx.in_list(w, WordList::GenericOrgWord)
            && !doc.lx.is_first_name(w)
    });
    if !office || !placelike {
        return None;
    }
    let first = person.first;
    Some(ents.party(&format!("{place} Government"), PartyKind::GovernmentBody, first))
}

/// "A company spokeswoman, Elin Berg", "the firm's lawyer", "the union's
/// representative": the company (or union) named last before the person.
fn company_role(ents: &Entities, pi: usize) -> Option<usize> {
    let person = &ents.people[pi];
    let role = person.role.as_deref()?.to_lowercase();
    if role.contains(" at ") || role.contains(" of ") {
        return None;
    }
    let words: Vec<&str> = role.split(|c: char| !c.is_alphanumeric()).collect();
    let company = words.iter().any(|w| matches!(*w, "company" | "firm" | "group"));
    // "the union's national representative": the union named before.
    let union = words.contains(&"union");
    if !company && !union {
        return None;
    }
    let fits = |p: usize| {
        let party = &ents.parties[p];
        if company {
            party.kind == PartyKind::Company
        } else {
            party.name.split_whitespace().any(|w| w == "Union")
                && !matches!(party.kind, PartyKind::Country | PartyKind::International)
        }
    };
    let first = person.first;
    let before = ents.mentions.partition_point(|m| m.a < first);
    ents.mentions[..before].iter().rev().find_map(|m| match m.target {
        Target::Party(p) if fits(p) => Some(p),
        _ => None,
    })
}

/// The article's one court ("the District Court in Brisbane"), if it names exactly one.
fn the_court(ents: &Entities) -> Option<usize> {
    ents.the_only_party(|party| party.name.split_whitespace().any(|w| matches!(w, "Court" | "Tribunal")))
}

/// "Judge Margaret Oyelaran", "the presiding magistrate": a judge of the article's court.
fn is_judge(ents: &Entities, pi: usize) -> bool {
    let text = descriptions(ents, pi);
    let words: Vec<&str> = text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    words.iter().enumerate().any(|(i, w)| {
        matches!(*w, "judge" | "magistrate" | "justice")
            && !words.get(i + 1).is_some_and(|n| matches!(*n, "minister" | "ministry" | "department" | "secretary"))
    })
}

/// "Council member Teresa Nakamura", "Council members Ray Dubois and Glen
/// Hartsock": a council title just before the person's first mention.
fn council_member(doc: &Doc, ents: &Entities, pi: usize) -> bool {
    let first = ents.people[pi].first;
    (first.saturating_sub(7)..first).any(|k| {
        let w = doc.word(k).to_ascii_lowercase();
        (w == "council" || w.starts_with("councillor") || w.starts_with("councilor") || w.starts_with("councilm"))
            && !doc.toks[k].in_quote()
            && (k + 1..first).all(|j| doc.toks[j].is_word() || doc.toks[j].is_punct(','))
    })
}

/// "In Moscow, Deputy Foreign Minister Arkady Voronin said": an office holder
/// whose sentence opens with a country's name or capital.
fn office_location(doc: &Doc, ents: &Entities, pi: usize) -> Option<usize> {
    let text = descriptions(ents, pi);
    let office =
        ["minister", "secretary", "spokesman", "spokeswoman", "spokesperson", "ambassador", "envoy", "official"];
    if !office.iter().any(|o| text.contains(o)) {
        return None;
    }
    let first = ents.people[pi].first;
    let sent = doc.sents.get((*doc.sent_of.get(first)?)?.index())?;
    // "In Moscow,", "At the White House,".
    if !matches!(doc.word(sent.a).to_ascii_lowercase().as_str(), "in" | "at") {
        return None;
    }
    let place = if doc.word(sent.a + 1).eq_ignore_ascii_case("the") { sent.a + 2 } else { sent.a + 1 };
    let m = ents.mention_at(place).filter(|m| m.a == place)?;
    let comma = doc.toks.get(m.b).is_some_and(|t| t.is_punct(','));
    match m.target {
        Target::Party(p) if comma && ents.parties[p].kind == PartyKind::Country && m.b < first => Some(p),
        _ => None,
    }
}

/// The parties that are military units or armed services, most named first.
fn military_units(doc: &Doc, ents: &Entities) -> Vec<usize> {
    let mentions = mention_counts(ents);
    let mut units: Vec<usize> = (0..ents.parties.len())
        .filter(|&p| {
            let party = &ents.parties[p];
            let head = party.name.split_whitespace().last().unwrap_or("");
            // "Bravo Battery" and "2nd Battalion, …" are units; "Kestrel Group" is not.
            let military_name =
                party.name.split_whitespace().any(|w| w.chars().next().is_some_and(|c| c.is_ascii_digit()))
                    || matches!(
                        head,
                        "Army"
                            | "Navy"
                            | "Forces"
                            | "Force"
                            | "Marines"
                            | "Guard"
                            | "Battery"
                            | "Regiment"
                            | "Battalion"
                            | "Brigade"
                            | "Squadron"
                    );
            !matches!(party.kind, PartyKind::Country | PartyKind::Company | PartyKind::Media)
                && doc.lx.in_list(head, WordList::UnitHead)
                && military_name
                && mentions[p] > 0
        })
        .collect();
    crate::order::sort_by_key(&mut units, |&p| std::cmp::Reverse(mentions[p]));
    units
}

/// How often the text names each party (before mentions are counted for the breakdown).
fn mention_counts(ents: &Entities) -> Vec<usize> {
    let mut counts = vec![0; ents.parties.len()];
    for m in &ents.mentions {
        if let Target::Party(p) = m.target {
            counts[p] += 1;
        }
    }
    counts
}

/// A soldier's or officer's unit: the unit the text already gave them stays;
/// a country (from a nationality: "the Estonian battery commander") becomes
/// that country's armed service when the article names one; no party
/// becomes the article's main unit.
fn military_party(doc: &Doc, ents: &Entities, pi: usize, units: &[usize]) -> Option<usize> {
    let person = &ents.people[pi];
    // A rank ("Lt. Cmdr.", "Vice Adm."), not a civil office that shares a word
    // with one ("Vice Unification Minister").
    let civil = |w: &str| {
        matches!(
            w.to_ascii_lowercase().trim_end_matches('.'),
            "minister" | "president" | "premier" | "chancellor" | "secretary" | "governor" | "mayor" | "chairman"
        )
    };
    let ranked = person
        .titles
        .iter()
        .any(|t| t.split_whitespace().any(|w| doc.lx.info(w).is(MILITARY)) && !t.split_whitespace().any(civil));
    let text = descriptions(ents, pi);
    let soldier = [
        "soldier",
        "trooper",
        "crewmember",
        "crew member",
        "gunner",
        "artilleryman",
        "infantryman",
        "paratrooper",
        "marine",
        "sailor",
        "airman",
        "commander",
        "range officer",
    ]
    .iter()
    .any(|w| text.contains(w));
    if !(ranked || soldier) || units.is_empty() {
        return None;
    }
    match person.party {
        None => units.iter().copied().find(|&u| foreign_unit(doc, ents, u).is_none()),
        Some(p) if ents.parties[p].kind == PartyKind::Country => {
            units.iter().copied().find(|&u| foreign_unit(doc, ents, u) == Some(p))
        }
        Some(_) => None,
    }
}

/// The country a unit's name belongs to, when it names one ("Estonian
/// Defence Forces", "Polish 11th Artillery Regiment").
fn foreign_unit(doc: &Doc, ents: &Entities, unit: usize) -> Option<usize> {
    let name = &ents.parties[unit].name;
    name.split_whitespace().find_map(|w| {
        let known = doc.lx.party_for_phrase(w)?;
        let kp = &doc.lx.parties[known];
        if kp.kind != PartyKind::Country || kp.name == "United States" {
            return None;
        }
        ents.parties.iter().position(|p| p.name == kp.name)
    })
}

/// The space agency the article names most, if any.
fn space_agency(doc: &Doc, ents: &Entities) -> Option<usize> {
    let mentions = mention_counts(ents);
    (0..ents.parties.len())
        .filter(|&p| mentions[p] > 0 && doc.lx.known_party(&ents.parties[p].name).is_some_and(|k| k.space_agency))
        .max_by_key(|&p| mentions[p])
}

/// Astronauts, flight directors, capcoms and mission control.
fn is_space_role(ents: &Entities, pi: usize) -> bool {
    let text = descriptions(ents, pi);
    ["astronaut", "cosmonaut", "flight director", "flight engineer", "capcom", "mission control", "spacewalker"]
        .iter()
        .any(|w| text.contains(w))
}
