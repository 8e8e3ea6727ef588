//! Quotes for display: who said them (name, role, party) and grouping by speaker.

use super::search::fold;
use crate::parser::{Breakdown, Quote};

/// The role to show next to the speaker: `None` when it only repeats the
/// party ("Hamdah Salhut, Al Jazeera [Al Jazeera]" says the same thing twice)
/// or the speaker's own name.
pub fn display_role(q: &Quote) -> Option<&str> {
    let role = q.role.as_deref()?.trim();
    let repeats = |other: Option<&str>| other.is_some_and(|o| o.trim().eq_ignore_ascii_case(role));
    if role.is_empty() || repeats(q.party.as_deref()) || repeats(q.speaker.as_deref()) {
        None
    } else {
        Some(role)
    }
}

/// The party tags to show with a quote: each party the speaker speaks for
/// (index into `Breakdown::parties` when known, and its name); none when the
/// speaker's name is nothing but those parties ("Israel said", "France, the
/// United Kingdom, and Germany stated"), which would say it twice.
pub fn party_tags(b: &Breakdown, q: &Quote) -> Vec<(Option<usize>, String)> {
    let named: Vec<(Option<usize>, String)> = if q.parties.is_empty() {
        q.party.iter().map(|label| (None, label.clone())).collect()
    } else {
        q.parties.iter().filter_map(|&p| b.parties.get(p).map(|x| (Some(p), x.name.clone()))).collect()
    };
    let speaker_is_parties = q.person.is_none()
        && !named.is_empty()
        && q.speaker.as_deref().is_some_and(|speaker| {
            let mut rest = fold(speaker);
            for (_, name) in &named {
                rest = rest.replace(&fold(name), " ");
            }
            rest.split(|c: char| !c.is_alphanumeric()).all(|w| matches!(w, "" | "the" | "and" | "of"))
        });
    if speaker_is_parties {
        Vec::new()
    } else {
        named
    }
}

/// The quotes of one speaker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpeakerGroup {
    /// `None` for the quotes nobody could be found for.
    pub speaker: Option<String>,
    pub role: Option<String>,
    pub party: Option<String>,
    /// The party tags to show (see [`party_tags`]), from the speaker's first quote naming a party.
    pub tags: Vec<(Option<usize>, String)>,
    /// Indices into `Breakdown::quotes`, in text order.
    pub quotes: Vec<usize>,
}

/// Identity of a speaker: the person when known, else the name as written
/// (case-insensitive), else unattributed.
#[derive(PartialEq, Eq)]
enum SpeakerKey {
    Person(usize),
    Name(String),
    Nobody,
}

fn key_of(q: &Quote) -> SpeakerKey {
    match (q.person, q.speaker.as_deref()) {
        (Some(p), _) => SpeakerKey::Person(p),
        (None, Some(name)) => SpeakerKey::Name(fold(name.trim())),
        (None, None) => SpeakerKey::Nobody,
    }
}

/// Groups `quotes` (indices, in the order given) by speaker: speakers in the
/// order they are first quoted, unattributed quotes last. Role and party are
/// the first ones given for that speaker.
pub fn group_by_speaker(b: &Breakdown, quotes: &[usize]) -> Vec<SpeakerGroup> {
    let mut keys: Vec<SpeakerKey> = Vec::new();
    let mut groups: Vec<SpeakerGroup> = Vec::new();
    let mut nobody: Option<SpeakerGroup> = None;
    for &i in quotes {
        let Some(q) = b.quotes.get(i) else { continue };
        let key = key_of(q);
        if key == SpeakerKey::Nobody {
            nobody
                .get_or_insert_with(|| SpeakerGroup {
                    speaker: None,
                    role: None,
                    party: None,
                    tags: Vec::new(),
                    quotes: Vec::new(),
                })
                .quotes
                .push(i);
            continue;
        }
        match keys.iter().position(|k| *k == key) {
            Some(g) => {
                let group = &mut groups[g];
                group.quotes.push(i);
                if group.role.is_none() {
                    group.role = display_role(q).map(str::to_owned);
                }
                if group.party.is_none() {
                    group.party = q.party.clone();
                    group.tags = party_tags(b, q);
                }
            }
            None => {
                let speaker = q.person.and_then(|p| b.people.get(p)).map(|p| p.name.clone()).or(q.speaker.clone());
                keys.push(key);
                groups.push(SpeakerGroup {
                    speaker,
                    role: display_role(q).map(str::to_owned),
                    party: q.party.clone(),
                    tags: party_tags(b, q),
                    quotes: vec![i],
                });
            }
        }
    }
    groups.extend(nobody);
    groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parser::{Attribution, Person, QuoteKind, Span};

    fn quote(speaker: Option<&str>, person: Option<usize>, role: Option<&str>, party: Option<&str>) -> Quote {
        Quote {
            text: "words".into(),
            span: Span::new(1, 6),
            marks: Span::new(0, 7),
            kind: QuoteKind::Direct,
            speaker: speaker.map(Into::into),
            person,
            role: role.map(Into::into),
            party: party.map(Into::into),
            parties: vec![],
            verb: Some("said".into()),
            cue: None,
            attribution: Attribution::Adjacent,
            speaker_via: None,
            party_via: None,
            sentence: 0,
            paragraph: 0,
            continues: false,
        }
    }

    fn person(name: &str) -> Person {
        Person { name: name.into(), aliases: vec![], role: None, party: None, mentions: 1, quotes: 1, spans: vec![] }
    }

    #[test]
    fn role_is_hidden_when_it_repeats_the_party_or_name() {
        assert_eq!(display_role(&quote(Some("Hamdah Salhut"), None, Some("Al Jazeera"), Some("Al Jazeera"))), None);
        assert_eq!(display_role(&quote(Some("Ann"), None, Some("ann"), None)), None);
        assert_eq!(display_role(&quote(Some("Ann"), None, Some("  "), None)), None);
        assert_eq!(
            display_role(&quote(
                Some("Karine Jean-Pierre"),
                None,
                Some("White House Press Secretary"),
                Some("United States")
            )),
            Some("White House Press Secretary")
        );
    }

    fn party(name: &str) -> crate::parser::Party {
        crate::parser::Party {
            name: name.into(),
            kind: crate::parser::PartyKind::Country,
            aliases: vec![],
            mentions: 1,
            people: vec![],
            spans: vec![],
        }
    }

    #[test]
    fn party_tags_are_each_party_unless_the_speaker_is_them() {
        let b = Breakdown {
            parties: vec![
                party("United States"),
                party("France"),
                party("United Kingdom"),
                party("Germany"),
                party("Hamas"),
            ],
            people: vec![person("Karine Jean-Pierre")],
            ..Breakdown::default()
        };
        let with = |speaker: Option<&str>, person: Option<usize>, parties: Vec<usize>, label: Option<&str>| Quote {
            parties,
            ..quote(speaker, person, None, label)
        };
        // A person speaking for a party: the tag.
        let q = with(Some("Karine Jean-Pierre"), Some(0), vec![0], Some("United States"));
        assert_eq!(party_tags(&b, &q), vec![(Some(0), "United States".to_string())]);
        // A group of parties speaking for themselves: no tags.
        let q = with(
            Some("France, the United Kingdom, and Germany"),
            None,
            vec![1, 2, 3],
            Some("France, United Kingdom and Germany"),
        );
        assert!(party_tags(&b, &q).is_empty());
        let q = with(Some("Hamas"), None, vec![4], Some("Hamas"));
        assert!(party_tags(&b, &q).is_empty());
        // A description naming the party still gets the tag.
        let q = with(Some("a Hamas official"), None, vec![4], Some("Hamas"));
        assert_eq!(party_tags(&b, &q), vec![(Some(4), "Hamas".to_string())]);
        // Several parties of one speaker: one tag each.
        let q = with(Some("the allies"), None, vec![1, 3], Some("France and Germany"));
        assert_eq!(party_tags(&b, &q), vec![(Some(1), "France".to_string()), (Some(3), "Germany".to_string())]);
        // Only a label: a tag without an index; nothing: no tags.
        let q = with(Some("Ann"), None, vec![], Some("Town council"));
        assert_eq!(party_tags(&b, &q), vec![(None, "Town council".to_string())]);
        assert!(party_tags(&b, &with(Some("Ann"), None, vec![], None)).is_empty());
    }

    #[test]
    fn quotes_are_grouped_by_speaker_in_order_of_first_quote() {
        let b = Breakdown {
            people: vec![person("Karine Jean-Pierre"), person("Hamdah Salhut")],
            quotes: vec![
                quote(Some("Karine Jean-Pierre"), Some(0), Some("Press Secretary"), Some("United States")),
                quote(None, None, None, None),
                quote(Some("Hamdah Salhut"), Some(1), None, Some("Al Jazeera")),
                // The same person under a shorter name.
                quote(Some("Jean-Pierre"), Some(0), None, None),
                quote(Some("France, the United Kingdom, and Germany"), None, None, Some("France")),
                quote(Some("france, the united kingdom, and germany"), None, None, None),
                quote(None, None, None, None),
            ],
            ..Breakdown::default()
        };
        let groups = group_by_speaker(&b, &[0, 1, 2, 3, 4, 5, 6]);
        let summary: Vec<(Option<&str>, Vec<usize>)> =
            groups.iter().map(|g| (g.speaker.as_deref(), g.quotes.clone())).collect();
        assert_eq!(
            summary,
            vec![
                (Some("Karine Jean-Pierre"), vec![0, 3]),
                (Some("Hamdah Salhut"), vec![2]),
                (Some("France, the United Kingdom, and Germany"), vec![4, 5]),
                (None, vec![1, 6]),
            ]
        );
        assert_eq!(groups[0].role.as_deref(), Some("Press Secretary"));
        assert_eq!(groups[0].party.as_deref(), Some("United States"));
        assert_eq!(groups[2].party.as_deref(), Some("France"));
    }

    #[test]
    fn grouping_only_takes_the_given_quotes_and_skips_bad_indices() {
        let b = Breakdown {
            quotes: vec![quote(Some("A"), None, None, None), quote(Some("B"), None, None, None)],
            ..Breakdown::default()
        };
        let groups = group_by_speaker(&b, &[1, 7]);
        assert_eq!(groups.len(), 1);
        assert_eq!(groups[0].speaker.as_deref(), Some("B"));
        assert!(group_by_speaker(&b, &[]).is_empty());
    }

    #[test]
    fn a_group_picks_up_a_role_given_later() {
        let b = Breakdown {
            quotes: vec![
                quote(Some("Ann Lee"), None, None, None),
                quote(Some("Ann Lee"), None, Some("mayor"), Some("Town")),
            ],
            ..Breakdown::default()
        };
        let groups = group_by_speaker(&b, &[0, 1]);
        assert_eq!(groups[0].role.as_deref(), Some("mayor"));
        assert_eq!(groups[0].party.as_deref(), Some("Town"));
    }
}
