//! Quotes for display: who said them (name, role, party) and grouping by speaker.

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

/// The quotes of one speaker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpeakerGroup {
    /// `None` for the quotes nobody could be found for.
    pub speaker: Option<String>,
    pub role: Option<String>,
    pub party: Option<String>,
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
        (None, Some(name)) => SpeakerKey::Name(name.trim().to_lowercase()),
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
                .get_or_insert_with(|| SpeakerGroup { speaker: None, role: None, party: None, quotes: Vec::new() })
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
                }
            }
            None => {
                let speaker = q.person.and_then(|p| b.people.get(p)).map(|p| p.name.clone()).or(q.speaker.clone());
                keys.push(key);
                groups.push(SpeakerGroup {
                    speaker,
                    role: display_role(q).map(str::to_owned),
                    party: q.party.clone(),
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
