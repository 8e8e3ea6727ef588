//! The reader's corrections of who said a quote and whom they speak for.
//!
//! A correction is kept with the article like a note: anchored to the
//! quote's text (so it finds its quote again in an edited re-paste, and is
//! kept as detached when the quote is gone), versioned by `updated` for
//! last-writer-wins merges, and "restoring the parser's answer" leaves a
//! tombstone (`deleted`) so an undo is possible and another tab or an import
//! cannot bring it back. The record's operations are in
//! [`model`](super::model); applying corrections to a breakdown is the
//! fact sheet's business (`sheet::corrections`).

use serde::{Deserialize, Serialize};

use super::anchor::Anchor;
use super::model::Millis;

/// Whom the speaker of a corrected quote speaks for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PartyFix {
    /// For no party.
    Nobody,
    /// For this party (its name as the article gives it, or as typed).
    Party(String),
}

/// A correction of one quote's attribution.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Correction {
    /// Unique across tabs and devices (made like a note id).
    pub id: String,
    /// The quote it is on (kind `quote`), fixed when it is made.
    pub anchor: Anchor,
    /// Who said it, as the reader has it (`None`: as the parser found).
    pub speaker: Option<String>,
    /// Whom they speak for, as the reader has it (`None`: as the parser found).
    pub party: Option<PartyFix>,
    pub created: Millis,
    /// Last change of speaker, party or deletion state.
    pub updated: Millis,
    /// When the reader restored the parser's answer (a tombstone).
    pub deleted: Option<Millis>,
}

/// One change a reader makes to a quote's attribution.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    Speaker(String),
    Party(PartyFix),
}

impl Correction {
    pub fn is_live(&self) -> bool {
        self.deleted.is_none()
    }

    /// Whether it changes anything (a speaker or a party).
    pub fn is_empty(&self) -> bool {
        self.speaker.is_none() && self.party.is_none()
    }

    /// Makes `change` (names trimmed, inner whitespace folded; a blank name
    /// changes nothing). `true` if something changed.
    pub fn make(&mut self, change: Change, now: Millis) -> bool {
        let changed = match change {
            Change::Speaker(name) => {
                let name = clean_name(&name);
                !name.is_empty() && self.speaker.replace(name.clone()) != Some(name)
            }
            Change::Party(PartyFix::Party(name)) => {
                let name = clean_name(&name);
                let fix = PartyFix::Party(name.clone());
                !name.is_empty() && self.party.replace(fix.clone()) != Some(fix)
            }
            Change::Party(PartyFix::Nobody) => self.party.replace(PartyFix::Nobody) != Some(PartyFix::Nobody),
        };
        if changed {
            self.updated = self.updated.max(now);
        }
        changed
    }
}

/// A name as typed, made tidy: trimmed, runs of whitespace as one space.
pub fn clean_name(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notes::anchor::ItemKind;

    fn blank() -> Correction {
        Correction {
            id: "c1".into(),
            anchor: Anchor {
                kind: ItemKind::Quote,
                exact: "words".into(),
                prefix: String::new(),
                suffix: String::new(),
                start: 0,
                name: None,
            },
            speaker: None,
            party: None,
            created: 1,
            updated: 1,
            deleted: None,
        }
    }

    #[test]
    fn changes_are_tidied_and_only_bump_the_time_when_they_change_something() {
        let mut c = blank();
        assert!(c.is_empty());
        assert!(c.make(Change::Speaker("  Basem \n Naim ".into()), 5));
        assert_eq!((c.speaker.as_deref(), c.updated), (Some("Basem Naim"), 5));
        assert!(!c.make(Change::Speaker("Basem Naim".into()), 9), "the same name again");
        assert!(!c.make(Change::Speaker("   ".into()), 9), "a blank name changes nothing");
        assert_eq!(c.updated, 5);
        assert!(c.make(Change::Party(PartyFix::Party(" Hamas".into())), 10));
        assert_eq!(c.party, Some(PartyFix::Party("Hamas".into())));
        assert!(c.make(Change::Party(PartyFix::Nobody), 11));
        assert!(!c.make(Change::Party(PartyFix::Nobody), 12));
        assert!(!c.make(Change::Party(PartyFix::Party(String::new())), 13));
        assert_eq!((c.party, c.updated), (Some(PartyFix::Nobody), 11));
    }

    #[test]
    fn party_fixes_are_stored_in_words() {
        let json = serde_json::to_string(&[PartyFix::Nobody, PartyFix::Party("WHO".into())]).expect("json");
        assert_eq!(json, r#"["nobody",{"party":"WHO"}]"#);
    }
}
