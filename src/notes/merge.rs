//! Merging two libraries: for an import, and for tab sync (another tab wrote
//! the stored library).
//!
//! Articles are united by id, notes and corrections by id; each note (and
//! each correction) is a last-writer-wins register on `updated` (body, tags
//! and deletion change together; speaker, party and deletion likewise), so
//! none is ever duplicated and the newest edit of each survives. A deleted article
//! stays deleted unless the other side touched it after the deletion.
//!
//! The merge is commutative and idempotent (ties are broken on content), and
//! its result is canonical ([`Library::canonicalize`]): every tab that merges
//! the same edits ends with the same library, byte for byte once serialized.

use super::correction::Correction;
use super::model::{ArticleNote, ArticleRecord, Library, Millis, Note, Removed};

/// What an import or a sync brought into a library.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MergeReport {
    pub articles_added: usize,
    /// Articles dropped because the other side deleted them.
    pub articles_removed: usize,
    pub notes_added: usize,
    /// Notes (or article notes) whose content the other side had newer.
    pub notes_updated: usize,
    /// Corrections the other side had and this one did not, or had newer.
    pub corrections: usize,
}

impl MergeReport {
    pub fn is_empty(&self) -> bool {
        *self == MergeReport::default()
    }
}

/// The union of two libraries (see the module docs).
///
/// Lookups are linear (a library holds hundreds of articles at most, an
/// article hundreds of notes): no map type, which keeps the wasm smaller.
pub fn merge(ours: &Library, theirs: &Library) -> Library {
    let mut tombstones: Vec<Removed> = Vec::new();
    for removed in ours.removed.iter().chain(&theirs.removed) {
        match tombstones.iter_mut().find(|t| t.id == removed.id) {
            Some(t) => t.at = t.at.max(removed.at),
            None => tombstones.push(removed.clone()),
        }
    }
    let mut records: Vec<ArticleRecord> = Vec::new();
    for record in ours.articles.iter().chain(&theirs.articles) {
        match records.iter_mut().find(|r| r.id == record.id) {
            Some(existing) => *existing = merge_article(existing, record),
            None => records.push(merge_article(record, record)),
        }
    }
    let mut merged = Library::default();
    for record in records {
        match tombstones.iter().position(|t| t.id == record.id) {
            Some(i) if tombstones[i].at >= record.touched() => {}
            Some(i) => {
                tombstones.remove(i);
                merged.articles.push(record);
            }
            None => merged.articles.push(record),
        }
    }
    merged.removed = tombstones;
    merged.canonicalize();
    merged
}

/// Merges `theirs` into `ours` and says what changed in `ours`.
pub fn merge_into(ours: &mut Library, theirs: &Library) -> MergeReport {
    let merged = merge(ours, theirs);
    let mut report = MergeReport::default();
    for record in &merged.articles {
        let Some(before) = ours.article(&record.id) else {
            report.articles_added += 1;
            report.notes_added += record.note_count();
            report.corrections += record.live_corrections().count();
            continue;
        };
        for correction in &record.corrections {
            match before.correction(&correction.id) {
                None if correction.is_live() => report.corrections += 1,
                Some(old) if old != correction => report.corrections += 1,
                _ => {}
            }
        }
        for note in &record.notes {
            match before.note(&note.id) {
                None if note.is_live() => report.notes_added += 1,
                None => {}
                Some(old) if old != note => report.notes_updated += 1,
                Some(_) => {}
            }
        }
        if before.article_note != record.article_note {
            report.notes_updated += 1;
        }
    }
    report.articles_removed = ours.articles.iter().filter(|a| merged.article(&a.id).is_none()).count();
    *ours = merged;
    report
}

impl Library {
    /// Undoes [`Library::delete_article`]: the record comes back, merged with
    /// a record of the same id opened since, so nothing written in between is lost.
    pub fn restore_article(&mut self, mut record: ArticleRecord, now: Millis) {
        self.removed.retain(|r| r.id != record.id);
        record.last_opened = record.last_opened.max(now);
        match self.article_mut(&record.id) {
            Some(existing) => *existing = merge_article(existing, &record),
            None => self.articles.push(record),
        }
    }
}

/// Two records of the same article as one: the newer text (by `revised`),
/// the title of the later open, the earliest `created`, the latest
/// `last_opened`, every note and correction (newest version of each) and the
/// newer article note.
fn merge_article(a: &ArticleRecord, b: &ArticleRecord) -> ArticleRecord {
    // Each field group is its own last-writer-wins register, ties broken on
    // content: the text by `revised`; title and date (set on every open) by `last_opened`.
    let text_source = if (b.revised, &b.text) > (a.revised, &a.text) { b } else { a };
    let title_source =
        if (b.last_opened, &b.title, &b.published) > (a.last_opened, &a.title, &a.published) { b } else { a };
    let mut notes: Vec<Note> = Vec::new();
    for note in a.notes.iter().chain(&b.notes) {
        match notes.iter_mut().find(|n| n.id == note.id) {
            Some(existing) => {
                let created = existing.created.min(note.created);
                if note_key(note) > note_key(existing) {
                    *existing = note.clone();
                }
                existing.created = created;
            }
            None => notes.push(note.clone()),
        }
    }
    let mut corrections: Vec<Correction> = Vec::new();
    for correction in a.corrections.iter().chain(&b.corrections) {
        match corrections.iter_mut().find(|c| c.id == correction.id) {
            Some(existing) => {
                let created = existing.created.min(correction.created);
                if correction_key(correction) > correction_key(existing) {
                    *existing = correction.clone();
                }
                existing.created = created;
            }
            None => corrections.push(correction.clone()),
        }
    }
    let mut merged = ArticleRecord {
        id: a.id.clone(),
        text: text_source.text.clone(),
        title: title_source.title.clone(),
        published: title_source.published.clone(),
        created: a.created.min(b.created),
        revised: a.revised.max(b.revised),
        last_opened: a.last_opened.max(b.last_opened),
        article_note: newer_article_note(a.article_note.as_ref(), b.article_note.as_ref()),
        notes,
        corrections,
    };
    merged.sort_notes();
    merged
}

/// Orders versions of one note: later `updated` wins; on a tie the live one,
/// then the content decides (so both sides pick the same).
fn note_key(n: &Note) -> (Millis, bool, &str, &[String], Option<Millis>, &str, usize) {
    (n.updated, n.is_live(), n.body.as_str(), n.tags.as_slice(), n.deleted, n.anchor.exact.as_str(), n.anchor.start)
}

/// Orders versions of one correction as [`note_key`] orders notes.
type CorrectionKey<'a> = (Millis, bool, Option<&'a str>, Option<&'a str>, bool, Option<Millis>, &'a str, usize);

fn correction_key(c: &Correction) -> CorrectionKey<'_> {
    let party = match &c.party {
        Some(super::correction::PartyFix::Party(name)) => Some(name.as_str()),
        _ => None,
    };
    let anchor = &c.anchor;
    (c.updated, c.is_live(), c.speaker.as_deref(), party, c.party.is_some(), c.deleted, &anchor.exact, anchor.start)
}

fn newer_article_note(a: Option<&ArticleNote>, b: Option<&ArticleNote>) -> Option<ArticleNote> {
    match (a, b) {
        (Some(x), Some(y)) => Some(if (y.updated, &y.body) > (x.updated, &x.body) { y.clone() } else { x.clone() }),
        (x, y) => x.or(y).cloned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notes::anchor::{Anchor, ItemKind};
    use crate::notes::correction::PartyFix;
    use crate::notes::model::ArticleMeta;
    use proptest::prelude::*;

    fn anchor(exact: &str) -> Anchor {
        Anchor {
            kind: ItemKind::Fact,
            exact: exact.into(),
            prefix: String::new(),
            suffix: String::new(),
            start: 0,
            name: None,
        }
    }

    fn note(id: &str, body: &str, updated: Millis) -> Note {
        Note {
            id: id.into(),
            anchor: anchor("x"),
            body: body.into(),
            tags: Vec::new(),
            created: 1,
            updated,
            deleted: None,
        }
    }

    fn record(id: &str, notes: Vec<Note>) -> ArticleRecord {
        ArticleRecord {
            id: id.into(),
            text: format!("text of {id}"),
            title: id.into(),
            published: None,
            created: 1,
            revised: 1,
            last_opened: 1,
            article_note: None,
            notes,
            corrections: Vec::new(),
        }
    }

    fn lib(articles: Vec<ArticleRecord>) -> Library {
        Library { articles, removed: Vec::new() }
    }

    #[test]
    fn a_deleted_article_is_restored_with_what_was_written_meanwhile() {
        let mut library = lib(vec![record("a", vec![note("n1", "before the delete", 5)])]);
        let deleted = library.delete_article("a", 10).expect("deleted");
        assert_eq!(library.removed, [Removed { id: "a".into(), at: 10 }]);
        library.restore_article(deleted.clone(), 20);
        assert!(library.removed.is_empty());
        let a = library.article("a").expect("back");
        assert_eq!((a.last_opened, a.live_notes().count()), (20, 1));

        // Deleted, pasted again and written on, then undone: both notes stay.
        let deleted = library.delete_article("a", 30).expect("deleted");
        library.articles.push(record("a", vec![note("n2", "after the delete", 35)]));
        library.restore_article(deleted, 40);
        let a = library.article("a").expect("one record");
        assert_eq!(library.articles.len(), 1);
        assert_eq!(a.notes.iter().map(|n| n.id.as_str()).collect::<Vec<_>>(), ["n1", "n2"]);
    }

    #[test]
    fn union_of_articles_and_notes_without_duplicates() {
        let ours = lib(vec![record("a", vec![note("n1", "ours", 5)]), record("b", vec![])]);
        let theirs = lib(vec![record("a", vec![note("n1", "ours", 5), note("n2", "theirs", 6)]), record("c", vec![])]);
        let merged = merge(&ours, &theirs);
        assert_eq!(merged.articles.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(), ["a", "b", "c"]);
        let a = merged.article("a").expect("a");
        assert_eq!(a.notes.iter().map(|n| n.id.as_str()).collect::<Vec<_>>(), ["n1", "n2"]);
    }

    #[test]
    fn the_later_edit_of_a_note_wins_on_either_side() {
        let ours = lib(vec![record("a", vec![note("n1", "old", 5)])]);
        let theirs = lib(vec![record("a", vec![note("n1", "new", 9)])]);
        for merged in [merge(&ours, &theirs), merge(&theirs, &ours)] {
            assert_eq!(merged.article("a").and_then(|a| a.note("n1")).map(|n| n.body.as_str()), Some("new"));
        }
    }

    #[test]
    fn a_later_delete_wins_and_a_later_undo_wins_over_it() {
        let mut deleted = note("n1", "body", 9);
        deleted.deleted = Some(9);
        let live = lib(vec![record("a", vec![note("n1", "body", 5)])]);
        let gone = lib(vec![record("a", vec![deleted.clone()])]);
        assert_eq!(merge(&live, &gone).article("a").and_then(|a| a.note("n1")).and_then(|n| n.deleted), Some(9));
        let restored = lib(vec![record("a", vec![note("n1", "body", 12)])]);
        assert_eq!(merge(&gone, &restored).article("a").and_then(|a| a.note("n1")).and_then(|n| n.deleted), None);
    }

    #[test]
    fn deleted_articles_stay_deleted_unless_touched_later() {
        let mut ours = lib(vec![]);
        ours.removed.push(Removed { id: "a".into(), at: 50 });
        let stale = lib(vec![record("a", vec![note("n1", "x", 10)])]);
        let merged = merge(&ours, &stale);
        assert!(merged.articles.is_empty());
        assert_eq!(merged.removed, [Removed { id: "a".into(), at: 50 }]);

        let edited_after = lib(vec![record("a", vec![note("n1", "written after the delete", 60)])]);
        let merged = merge(&ours, &edited_after);
        assert_eq!(merged.articles.len(), 1, "a note written after the delete keeps the article");
        assert!(merged.removed.is_empty());
    }

    #[test]
    fn newer_text_and_article_note_win() {
        let mut a = record("a", vec![]);
        a.article_note = Some(ArticleNote { body: "old".into(), updated: 3 });
        let mut b = record("a", vec![]);
        b.text = "edited text".into();
        b.revised = 7;
        b.created = 0;
        b.article_note = Some(ArticleNote { body: String::new(), updated: 8 });
        let m = merge_article(&a, &b);
        assert_eq!((m.text.as_str(), m.revised, m.created), ("edited text", 7, 0));
        assert_eq!(m.article_note, Some(ArticleNote { body: String::new(), updated: 8 }), "a later clear wins");
    }

    #[test]
    fn text_and_title_are_separate_registers() {
        // Found by the associativity proptest: choosing the text by
        // (revised, last_opened) let the merge order decide which text won.
        let mut opened_later = record("a", vec![]);
        (opened_later.revised, opened_later.last_opened, opened_later.title) = (0, 9, "new headline".into());
        let mut revised_later = record("a", vec![]);
        (revised_later.revised, revised_later.text) = (5, "edited text".into());
        let mut same_time_other_text = record("a", vec![]);
        (same_time_other_text.revised, same_time_other_text.text) = (5, "another text".into());
        let [x, y, z] = [opened_later, revised_later, same_time_other_text].map(|r| lib(vec![r]));
        let left = merge(&merge(&x, &y), &z);
        assert_eq!(left, merge(&x, &merge(&y, &z)));
        let a = left.article("a").expect("a");
        assert_eq!((a.text.as_str(), a.title.as_str()), ("edited text", "new headline"), "tie on revised: by content");
        assert_eq!((a.revised, a.last_opened), (5, 9));
    }

    #[test]
    fn merge_into_reports_what_changed() {
        let mut ours = lib(vec![record("a", vec![note("n1", "old", 5)])]);
        let theirs = lib(vec![
            record("a", vec![note("n1", "new", 9), note("n2", "added", 9)]),
            record("b", vec![note("n3", "x", 1)]),
        ]);
        let report = merge_into(&mut ours, &theirs);
        let expected = MergeReport { articles_added: 1, notes_added: 2, notes_updated: 1, ..MergeReport::default() };
        assert_eq!(report, expected);
        assert!(merge_into(&mut ours, &theirs).is_empty(), "importing twice adds nothing");
    }

    #[test]
    fn two_tabs_editing_different_notes_lose_nothing() {
        let mut base = Library::default();
        base.open_article("Shared article text, long enough to be an article.", ArticleMeta::default(), 1);
        let id = base.articles[0].id.clone();
        let (mut tab1, mut tab2) = (base.clone(), base);
        tab1.article_mut(&id).expect("rec").upsert_note(anchor("Shared"), "from tab 1", 10, || "t1-1".into());
        tab2.article_mut(&id).expect("rec").upsert_note(anchor("article"), "from tab 2", 11, || "t2-1".into());
        tab2.article_mut(&id).expect("rec").set_article_note("tab 2's article note", 12);
        let m1 = merge(&tab1, &tab2);
        assert_eq!(m1, merge(&tab2, &tab1));
        let rec = m1.article(&id).expect("rec");
        assert_eq!(rec.live_notes().map(|n| n.body.as_str()).collect::<Vec<_>>(), ["from tab 1", "from tab 2"]);
        assert_eq!(rec.article_note_text(), Some("tab 2's article note"));
    }

    #[test]
    fn corrections_from_two_tabs_are_merged_like_notes() {
        use crate::notes::correction::{Change, PartyFix};
        let text = "\"We agreed,\" he said. \"Not yet,\" said the minister.";
        let mut tab1 = Library::default();
        let id = tab1.open_article(text, ArticleMeta::default(), 1).expect("opened").id().to_string();
        let mut tab2 = tab1.clone();
        let quote =
            |words: &str| Anchor { kind: ItemKind::Quote, start: text.find(words).expect("quote"), ..anchor(words) };
        let rec1 = tab1.article_mut(&id).expect("rec");
        rec1.correct(quote("We agreed"), Change::Speaker("Ann Lee".into()), 10, || "t1-c".into());
        let rec2 = tab2.article_mut(&id).expect("rec");
        rec2.correct(quote("Not yet"), Change::Party(PartyFix::Nobody), 11, || "t2-c".into());
        let merged = merge(&tab1, &tab2);
        assert_eq!(merged, merge(&tab2, &tab1));
        let rec = merged.article(&id).expect("rec");
        assert_eq!(rec.live_corrections().map(|c| c.id.as_str()).collect::<Vec<_>>(), ["t1-c", "t2-c"]);

        // The later of two edits of one correction wins; a restore is an edit too.
        let mut later = merged.clone();
        later.article_mut(&id).expect("rec").restore_parser_answer("t1-c", 20);
        let report = merge_into(&mut tab1, &later);
        assert_eq!(report.corrections, 2, "one new, one restored");
        assert!(tab1.article(&id).and_then(|r| r.correction("t1-c")).is_some_and(|c| !c.is_live()));
    }

    fn arb_note() -> impl Strategy<Value = Note> {
        (
            0..4u8,
            "[ab]{0,2}",
            0..4u64,
            proptest::option::of(0..4u64),
            0..3usize,
            proptest::collection::vec("[xy]", 0..2),
        )
            .prop_map(|(id, body, updated, deleted, start, tags)| Note {
                id: format!("n{id}"),
                anchor: Anchor { start, ..anchor("q") },
                body,
                tags,
                created: updated / 2,
                updated,
                deleted,
            })
    }

    fn arb_correction() -> impl Strategy<Value = Correction> {
        let party = proptest::option::of(proptest::option::of("[xy]"))
            .prop_map(|p| p.map(|named| named.map_or(PartyFix::Nobody, PartyFix::Party)));
        (0..4u8, proptest::option::of("[ab]"), party, 0..4u64, proptest::option::of(0..4u64), 0..3usize).prop_map(
            |(id, speaker, party, updated, deleted, start)| Correction {
                id: format!("c{id}"),
                anchor: Anchor { kind: ItemKind::Quote, start, ..anchor("q") },
                speaker,
                party,
                created: updated / 2,
                updated,
                deleted,
            },
        )
    }

    fn arb_record() -> impl Strategy<Value = ArticleRecord> {
        (
            0..3u8,
            "[ab]{0,2}",
            0..4u64,
            0..4u64,
            proptest::option::of(("[ab]{0,2}", 0..4u64)),
            proptest::collection::vec(arb_note(), 0..4),
            proptest::collection::vec(arb_correction(), 0..3),
        )
            .prop_map(|(id, text, revised, opened, note, notes, corrections)| ArticleRecord {
                text,
                revised,
                created: revised / 2,
                last_opened: opened,
                article_note: note.map(|(body, updated)| ArticleNote { body, updated }),
                corrections,
                ..record(&format!("a{id}"), notes)
            })
    }

    fn arb_library() -> impl Strategy<Value = Library> {
        (proptest::collection::vec(arb_record(), 0..4), proptest::collection::vec((0..3u8, 0..5u64), 0..2)).prop_map(
            |(articles, removed)| Library {
                articles,
                removed: removed.into_iter().map(|(id, at)| Removed { id: format!("a{id}"), at }).collect(),
            },
        )
    }

    proptest! {
        #[test]
        fn merge_is_commutative_and_idempotent(a in arb_library(), b in arb_library()) {
            let ab = merge(&a, &b);
            prop_assert_eq!(&ab, &merge(&b, &a));
            prop_assert_eq!(&merge(&ab, &ab), &ab);
            prop_assert_eq!(&merge(&ab, &a), &ab, "merging again what was merged changes nothing");
            prop_assert_eq!(&merge(&ab, &b), &ab);
        }

        // Associative as long as no article is deleted: a record dropped by a
        // tombstone in an intermediate merge cannot contribute to a later revival.
        #[test]
        fn merge_without_deletions_is_associative(a in arb_library(), b in arb_library(), c in arb_library()) {
            let [a, b, c] = [a, b, c].map(|l| Library { removed: Vec::new(), ..l });
            prop_assert_eq!(merge(&merge(&a, &b), &c), merge(&a, &merge(&b, &c)));
        }

        #[test]
        fn merge_keeps_the_newest_version_of_every_note(a in arb_library(), b in arb_library()) {
            let merged = merge(&a, &b);
            for record in &merged.articles {
                let mut ids: Vec<&str> = record.notes.iter().map(|n| n.id.as_str()).collect();
                ids.dedup();
                prop_assert_eq!(ids.len(), record.notes.len(), "no duplicate notes");
            }
            for source in a.articles.iter().chain(&b.articles) {
                if let Some(merged_record) = merged.article(&source.id) {
                    for n in &source.notes {
                        let kept = merged_record.note(&n.id);
                        prop_assert!(kept.is_some_and(|k| k.updated >= n.updated), "note {} kept", n.id);
                    }
                }
            }
        }
    }
}
