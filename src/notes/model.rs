//! The notes model: a [`Library`] of the articles a reader pasted, each with
//! the full text, an optional article note and the notes on its items.
//!
//! Pure data and operations; times are milliseconds since the Unix epoch
//! ([`Millis`]) passed in by the caller, never read from a clock here.
//!
//! Sync-friendly by design: a note's state (body, tags, deleted) changes as a
//! whole and carries `updated`, so two copies merge last-writer-wins
//! ([`merge`](super::merge)); deletions are tombstones (`deleted` on a note,
//! [`Removed`] for an article) so an undo is possible and another tab or an
//! import cannot bring a deleted item back.

use serde::{Deserialize, Serialize};

use super::anchor::{locate_item, reanchor, Anchor, Attachment, ItemRef};
use super::text::{article_id, ellipsize, shingles, similarity, sort_with};
use crate::parser::Span;

/// Milliseconds since the Unix epoch (`Date.now()` in the browser).
pub type Millis = u64;

/// Longest title kept, in chars.
const TITLE_CHARS: usize = 140;
/// How alike (word 3-gram Jaccard) a pasted text must be to a stored article to
/// count as an edited version of it.
pub const SAME_ARTICLE_SIMILARITY: f64 = 0.5;

/// Every article the reader kept, with its notes.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Library {
    pub articles: Vec<ArticleRecord>,
    /// Articles the reader deleted (tombstones, so sync and import respect it).
    pub removed: Vec<Removed>,
}

/// The tombstone of a deleted article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Removed {
    pub id: String,
    pub at: Millis,
}

/// One article and everything the reader wrote about it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArticleRecord {
    /// [`article_id`] of the text the article was first opened with; stays the
    /// same when an edited version replaces the text.
    pub id: String,
    /// The full text as pasted (latest version).
    pub text: String,
    /// Headline, or the first line of the text.
    pub title: String,
    /// Publication date as the article gives it (ISO 8601 when known).
    pub published: Option<String>,
    pub created: Millis,
    /// When `text` was last replaced (by an edited version).
    pub revised: Millis,
    pub last_opened: Millis,
    pub article_note: Option<ArticleNote>,
    /// Notes on items, including deleted ones (tombstones); see [`Self::live_notes`].
    pub notes: Vec<Note>,
}

/// The note on the article as a whole. An empty body means "cleared" (kept,
/// with its time, so a clear in one tab wins over an older text in another).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleNote {
    pub body: String,
    pub updated: Millis,
}

/// A note on one item of the article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    /// Unique across tabs and devices (see [`NoteIds`]).
    pub id: String,
    /// Which text the note is on; fixed when the note is made.
    pub anchor: Anchor,
    pub body: String,
    /// Normalised by [`normalize_tags`].
    pub tags: Vec<String>,
    pub created: Millis,
    /// Last change of body, tags or deletion state.
    pub updated: Millis,
    /// When the note was deleted (a tombstone, kept for undo and sync).
    pub deleted: Option<Millis>,
}

impl Note {
    pub fn is_live(&self) -> bool {
        self.deleted.is_none()
    }
}

/// What the caller knows about an article besides its text (from the parser).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ArticleMeta {
    /// The headline; when empty, a new record takes the first line of the text
    /// and a stored one keeps its title.
    pub title: String,
    pub published: Option<String>,
}

/// How [`Library::open_article`] found the article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Opened {
    /// Never seen before: a new record.
    New { id: String },
    /// The same text (up to whitespace) as a stored article.
    Same { id: String },
    /// An edited version of a stored article, whose text it now replaces; the
    /// notes stay and re-anchor in the new text.
    NewVersion { id: String },
}

impl Opened {
    pub fn id(&self) -> &str {
        match self {
            Opened::New { id } | Opened::Same { id } | Opened::NewVersion { id } => id,
        }
    }
}

/// One row of the library list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArticleSummary {
    pub id: String,
    pub title: String,
    pub published: Option<String>,
    /// Live notes, counting a non-empty article note as one.
    pub note_count: usize,
    pub created: Millis,
    pub last_opened: Millis,
}

/// Where a note sits in the current text and fact sheet ([`ArticleRecord::place_notes`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Placement {
    pub note_id: String,
    /// Its text in the article, or detached (the text is gone).
    pub attachment: Attachment,
    /// Index of the item it belongs to, if any.
    pub item: Option<usize>,
}

/// Makes note ids unique across tabs: a per-tab random `prefix` (from the
/// caller), the time and a counter.
#[derive(Clone, Debug)]
pub struct NoteIds {
    prefix: String,
    counter: u64,
}

impl NoteIds {
    pub fn new(prefix: impl Into<String>) -> Self {
        NoteIds { prefix: prefix.into(), counter: 0 }
    }

    pub fn next(&mut self, now: Millis) -> String {
        self.counter += 1;
        format!("{}-{:x}-{:x}", self.prefix, now, self.counter)
    }
}

/// Tags as stored: trimmed, without a leading `#`, inner whitespace as `-`,
/// no empties, no repeats (compared case-insensitively; the first spelling wins).
pub fn normalize_tags<S: AsRef<str>>(tags: &[S]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for tag in tags {
        let cleaned = tag.as_ref().trim().trim_start_matches('#').split_whitespace().collect::<Vec<_>>().join("-");
        if !cleaned.is_empty() && !out.iter().any(|t| t.to_lowercase() == cleaned.to_lowercase()) {
            out.push(cleaned);
        }
    }
    out
}

/// A title for a text without a headline: its first non-empty line, shortened.
pub fn title_from_text(text: &str) -> String {
    let line = text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("Untitled article");
    ellipsize(line, TITLE_CHARS)
}

impl Library {
    pub fn is_empty(&self) -> bool {
        self.articles.is_empty() && self.removed.is_empty()
    }

    pub fn article(&self, id: &str) -> Option<&ArticleRecord> {
        self.articles.iter().find(|a| a.id == id)
    }

    pub fn article_mut(&mut self, id: &str) -> Option<&mut ArticleRecord> {
        self.articles.iter_mut().find(|a| a.id == id)
    }

    /// Records that the reader opened (pasted) `text` at `now`: the same
    /// article again, an edited version of a stored one (at least
    /// [`SAME_ARTICLE_SIMILARITY`] alike; its text is replaced, its notes kept),
    /// or a new one. `None` for a blank text.
    pub fn open_article(&mut self, text: &str, meta: ArticleMeta, now: Millis) -> Option<Opened> {
        if text.trim().is_empty() {
            return None;
        }
        let id = article_id(text);
        let given_title = Some(meta.title.trim()).filter(|t| !t.is_empty()).map(|t| ellipsize(t, TITLE_CHARS));
        let opened = if let Some(record) = self.article_mut(&id) {
            if record.text != text {
                record.text = text.to_string();
                record.revised = now;
            }
            Opened::Same { id }
        } else if let Some(record) = self.most_similar_mut(text) {
            record.text = text.to_string();
            record.revised = now;
            Opened::NewVersion { id: record.id.clone() }
        } else {
            self.articles.push(ArticleRecord {
                id: id.clone(),
                text: text.to_string(),
                title: String::new(),
                published: None,
                created: now,
                revised: now,
                last_opened: now,
                article_note: None,
                notes: Vec::new(),
            });
            Opened::New { id }
        };
        self.removed.retain(|r| r.id != opened.id());
        if let Some(record) = self.article_mut(opened.id()) {
            match given_title {
                Some(title) => record.title = title,
                None if record.title.is_empty() => record.title = title_from_text(text),
                None => {}
            }
            if meta.published.is_some() {
                record.published = meta.published;
            }
            record.last_opened = record.last_opened.max(now);
        }
        Some(opened)
    }

    fn most_similar_mut(&mut self, text: &str) -> Option<&mut ArticleRecord> {
        if self.articles.is_empty() {
            return None;
        }
        let pasted = shingles(text);
        let mut best: Option<(f64, usize)> = None;
        for (index, record) in self.articles.iter().enumerate() {
            let score = similarity(&pasted, &shingles(&record.text));
            if score >= SAME_ARTICLE_SIMILARITY && best.is_none_or(|(s, _)| score > s) {
                best = Some((score, index));
            }
        }
        best.and_then(|(_, index)| self.articles.get_mut(index))
    }

    /// The reader edited the open article `id` in place (typed into it): its
    /// text becomes `text` and its notes re-anchor there, whatever the
    /// similarity (a half-typed text must not become an article of its own at
    /// every pause). Title and date as in [`Self::open_article`]. `false` for
    /// a blank text or an unknown id.
    pub fn revise_article(&mut self, id: &str, text: &str, meta: ArticleMeta, now: Millis) -> bool {
        if text.trim().is_empty() {
            return false;
        }
        let Some(record) = self.article_mut(id) else { return false };
        if record.text != text {
            record.text = text.to_string();
            record.revised = now;
        }
        let title = meta.title.trim();
        record.title = if title.is_empty() { title_from_text(text) } else { ellipsize(title, TITLE_CHARS) };
        if meta.published.is_some() {
            record.published = meta.published;
        }
        record.last_opened = record.last_opened.max(now);
        true
    }

    /// Marks an article as opened now (e.g. reopened from the library list).
    pub fn touch(&mut self, id: &str, now: Millis) -> bool {
        match self.article_mut(id) {
            Some(record) => {
                record.last_opened = record.last_opened.max(now);
                true
            }
            None => false,
        }
    }

    /// Deletes an article and leaves a tombstone; returns the record so the
    /// caller can offer undo ([`Self::restore_article`]).
    pub fn delete_article(&mut self, id: &str, now: Millis) -> Option<ArticleRecord> {
        let index = self.articles.iter().position(|a| a.id == id)?;
        let record = self.articles.remove(index);
        self.removed.retain(|r| r.id != id);
        self.removed.push(Removed { id: id.to_string(), at: now });
        Some(record)
    }

    /// Undoes [`Self::delete_article`] (merging with a record of the same id
    /// opened since, so nothing written in between is lost).
    pub fn restore_article(&mut self, mut record: ArticleRecord, now: Millis) {
        self.removed.retain(|r| r.id != record.id);
        record.last_opened = record.last_opened.max(now);
        match self.article_mut(&record.id) {
            Some(existing) => *existing = super::merge::merge_article(existing, &record),
            None => self.articles.push(record),
        }
    }

    /// The article the reader had open last (restored on reload).
    pub fn last_opened(&self) -> Option<&ArticleRecord> {
        self.articles.iter().max_by(|a, b| a.last_opened.cmp(&b.last_opened).then_with(|| b.id.cmp(&a.id)))
    }

    /// The library list: most recently opened first.
    pub fn list(&self) -> Vec<ArticleSummary> {
        let mut rows: Vec<ArticleSummary> = self
            .articles
            .iter()
            .map(|a| ArticleSummary {
                id: a.id.clone(),
                title: a.title.clone(),
                published: a.published.clone(),
                note_count: a.note_count(),
                created: a.created,
                last_opened: a.last_opened,
            })
            .collect();
        sort_with(&mut rows, &|a, b| b.last_opened.cmp(&a.last_opened).then_with(|| a.id.cmp(&b.id)));
        rows
    }

    /// Live notes over all articles (article notes included).
    pub fn note_count(&self) -> usize {
        self.articles.iter().map(ArticleRecord::note_count).sum()
    }

    /// Sorts articles by id, notes by creation and tombstones by id: the one
    /// order in which two equal libraries serialize identically.
    pub fn canonicalize(&mut self) {
        sort_with(&mut self.articles, &|a, b| a.id.cmp(&b.id));
        for article in &mut self.articles {
            sort_with(&mut article.notes, &|a, b| a.created.cmp(&b.created).then_with(|| a.id.cmp(&b.id)));
        }
        sort_with(&mut self.removed, &|a, b| a.id.cmp(&b.id));
    }
}

impl ArticleRecord {
    /// Notes that are not deleted, in creation order.
    pub fn live_notes(&self) -> impl Iterator<Item = &Note> {
        self.notes.iter().filter(|n| n.is_live())
    }

    pub fn note(&self, id: &str) -> Option<&Note> {
        self.notes.iter().find(|n| n.id == id)
    }

    fn note_mut(&mut self, id: &str) -> Option<&mut Note> {
        self.notes.iter_mut().find(|n| n.id == id)
    }

    /// Live notes, counting a non-empty article note as one.
    pub fn note_count(&self) -> usize {
        self.live_notes().count() + usize::from(self.article_note_text().is_some())
    }

    /// The live note on the item `anchor` describes, if there is one: same
    /// kind and name (parties, people), same kind, text and position, or a note
    /// of the same family whose anchor re-attaches, in the current text, exactly
    /// where `anchor` points (a note made before the text was replaced by an
    /// edited version).
    pub fn note_on(&self, anchor: &Anchor) -> Option<&Note> {
        if let Some(note) = self.live_notes().find(|n| same_item(&n.anchor, anchor)) {
            return Some(note);
        }
        if anchor.name.is_some() {
            return None;
        }
        let span = Span::new(anchor.start, anchor.start.saturating_add(anchor.exact.len()));
        self.live_notes().find(|n| {
            n.anchor.name.is_none()
                && n.anchor.kind.family() == anchor.kind.family()
                && reanchor(&n.anchor, &self.text).span() == Some(span)
        })
    }

    /// Where each live note sits now: re-anchored in the current text and
    /// mapped to one of `items` (the fact sheet's items, see
    /// [`items_of`](super::anchor::items_of)). Compute it once per text or
    /// breakdown change; notes with [`Attachment::Detached`] are shown apart.
    pub fn place_notes(&self, items: &[ItemRef]) -> Vec<Placement> {
        self.place_notes_in(&self.text, items)
    }

    /// [`Self::place_notes`] in another version of the text (the one on
    /// screen while the reader edits it, before it is saved as the record's).
    pub fn place_notes_in(&self, text: &str, items: &[ItemRef]) -> Vec<Placement> {
        self.live_notes()
            .map(|note| {
                let attachment = reanchor(&note.anchor, text);
                Placement { note_id: note.id.clone(), attachment, item: locate_item(&note.anchor, attachment, items) }
            })
            .collect()
    }

    /// Writes the note on an item: edits the live note on the same item
    /// ([`Self::note_on`]) or adds one with `new_id`. Returns the note's id.
    pub fn upsert_note(&mut self, anchor: Anchor, body: &str, now: Millis, new_id: impl FnOnce() -> String) -> String {
        if let Some(id) = self.note_on(&anchor).map(|n| n.id.clone()) {
            self.set_note_body(&id, body, now);
            return id;
        }
        let id = new_id();
        self.notes.push(Note {
            id: id.clone(),
            anchor,
            body: body.to_string(),
            tags: Vec::new(),
            created: now,
            updated: now,
            deleted: None,
        });
        id
    }

    /// Changes a live note's text. `false` if there is no such live note or the
    /// text is unchanged (then nothing is marked as updated).
    pub fn set_note_body(&mut self, id: &str, body: &str, now: Millis) -> bool {
        match self.note_mut(id) {
            Some(note) if note.is_live() && note.body != body => {
                note.body = body.to_string();
                note.updated = note.updated.max(now);
                true
            }
            _ => false,
        }
    }

    /// Replaces a live note's tags (normalised). `false` if nothing changed.
    pub fn set_note_tags<S: AsRef<str>>(&mut self, id: &str, tags: &[S], now: Millis) -> bool {
        let tags = normalize_tags(tags);
        match self.note_mut(id) {
            Some(note) if note.is_live() && note.tags != tags => {
                note.tags = tags;
                note.updated = note.updated.max(now);
                true
            }
            _ => false,
        }
    }

    /// Deletes a note, keeping it as a tombstone for [`Self::undo_delete_note`].
    pub fn delete_note(&mut self, id: &str, now: Millis) -> bool {
        match self.note_mut(id) {
            Some(note) if note.is_live() => {
                note.deleted = Some(now);
                note.updated = note.updated.max(now);
                true
            }
            _ => false,
        }
    }

    /// Brings a deleted note back.
    pub fn undo_delete_note(&mut self, id: &str, now: Millis) -> bool {
        match self.note_mut(id) {
            Some(note) if !note.is_live() => {
                note.deleted = None;
                note.updated = note.updated.max(now);
                true
            }
            _ => false,
        }
    }

    /// The article note's text, if there is a non-empty one.
    pub fn article_note_text(&self) -> Option<&str> {
        self.article_note.as_ref().map(|n| n.body.as_str()).filter(|b| !b.trim().is_empty())
    }

    /// Sets (or, with an empty body, clears) the article note. `false` if unchanged.
    pub fn set_article_note(&mut self, body: &str, now: Millis) -> bool {
        let current = self.article_note.as_ref().map_or("", |n| n.body.as_str());
        if current == body {
            return false;
        }
        let updated = self.article_note.as_ref().map_or(now, |n| n.updated.max(now));
        self.article_note = Some(ArticleNote { body: body.to_string(), updated });
        true
    }

    /// The latest time anything in the record changed or it was opened.
    pub fn touched(&self) -> Millis {
        let notes = self.notes.iter().map(|n| n.updated).max().unwrap_or(0);
        let article_note = self.article_note.as_ref().map_or(0, |n| n.updated);
        self.last_opened.max(self.revised).max(notes).max(article_note)
    }
}

fn same_item(a: &Anchor, b: &Anchor) -> bool {
    if a.kind != b.kind {
        return false;
    }
    match (&a.name, &b.name) {
        (Some(x), Some(y)) => x.eq_ignore_ascii_case(y),
        _ => a.exact == b.exact && a.start == b.start,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notes::anchor::{anchor, ItemKind};
    use crate::parser::Span;

    const SEED: &str = include_str!("../../tests/fixtures/seed-us-hamas-talks.txt");

    fn meta(title: &str) -> ArticleMeta {
        ArticleMeta { title: title.into(), published: Some("2025-03-06".into()) }
    }

    fn captives(text: &str) -> Anchor {
        let start = text.find("24 living captives").expect("figure");
        anchor(text, Span::new(start, start + 18), ItemKind::Fact, None).expect("valid")
    }

    fn seeded() -> (Library, String) {
        let mut lib = Library::default();
        let opened = lib.open_article(SEED, meta("US confirms direct talks"), 1_000).expect("not blank");
        assert_eq!(opened, Opened::New { id: article_id(SEED) });
        (lib, opened.id().to_string())
    }

    #[test]
    fn opening_a_new_article_records_it() {
        let (lib, id) = seeded();
        let a = lib.article(&id).expect("record");
        assert_eq!((a.created, a.revised, a.last_opened), (1_000, 1_000, 1_000));
        assert_eq!(a.title, "US confirms direct talks");
        assert_eq!(a.published.as_deref(), Some("2025-03-06"));
        assert_eq!(a.text, SEED);
        assert_eq!(lib.note_count(), 0);
        assert_eq!(Library::default().open_article(" \n ", ArticleMeta::default(), 1), None);
    }

    #[test]
    fn reopening_the_same_text_reuses_the_record() {
        let (mut lib, id) = seeded();
        let rewrapped = SEED.replace("\n\n", "\n\n\n");
        assert_eq!(lib.open_article(&rewrapped, ArticleMeta::default(), 2_000), Some(Opened::Same { id: id.clone() }));
        assert_eq!(lib.articles.len(), 1);
        let a = lib.article(&id).expect("record");
        assert_eq!((a.created, a.last_opened, a.revised), (1_000, 2_000, 2_000));
        assert_eq!(a.title, "US confirms direct talks", "kept when no headline is given");
    }

    #[test]
    fn an_edited_version_replaces_the_text_and_keeps_the_notes() {
        let (mut lib, id) = seeded();
        let rec = lib.article_mut(&id).expect("record");
        rec.upsert_note(captives(SEED), "check the count", 1_500, || "n1".into());
        let edited = SEED.replace("Focus is on both", "The focus is on both");
        let opened = lib.open_article(&edited, ArticleMeta::default(), 3_000);
        assert_eq!(opened, Some(Opened::NewVersion { id: id.clone() }));
        assert_eq!(lib.articles.len(), 1);
        let a = lib.article(&id).expect("same record");
        assert_eq!(a.text, edited);
        assert_eq!((a.revised, a.last_opened), (3_000, 3_000));
        assert_eq!(a.live_notes().count(), 1);
        // A different article is a new record.
        let other = "City council approves new budget.\n\nThe vote was 7 to 2, officials said.";
        assert!(matches!(lib.open_article(other, ArticleMeta::default(), 4_000), Some(Opened::New { .. })));
        assert_eq!(lib.articles.len(), 2);
        assert_eq!(lib.last_opened().map(|a| a.text.as_str()), Some(other));
    }

    #[test]
    fn upsert_edits_the_note_already_on_the_item() {
        let (mut lib, id) = seeded();
        let rec = lib.article_mut(&id).expect("record");
        let first = rec.upsert_note(captives(SEED), "draft", 10, || "n1".into());
        let again = rec.upsert_note(captives(SEED), "final", 20, || unreachable!("no new id needed"));
        assert_eq!((first.as_str(), again.as_str()), ("n1", "n1"));
        let note = rec.note("n1").expect("note");
        assert_eq!((note.body.as_str(), note.created, note.updated), ("final", 10, 20));
        assert_eq!(rec.note_count(), 1);
    }

    #[test]
    fn after_an_edited_version_the_note_is_still_found_on_its_item() {
        let (mut lib, id) = seeded();
        lib.article_mut(&id).expect("rec").upsert_note(captives(SEED), "first", 10, || "n1".into());
        let edited = format!("Updated 7 March.\n\n{SEED}");
        assert!(matches!(lib.open_article(&edited, ArticleMeta::default(), 20), Some(Opened::NewVersion { .. })));
        let rec = lib.article_mut(&id).expect("rec");
        // The item's anchor as computed from the new text has a new position.
        let fresh = captives(&edited);
        assert_eq!(fresh.start, 1735 + 18);
        assert_eq!(rec.note_on(&fresh).map(|n| n.id.as_str()), Some("n1"));
        let again = rec.upsert_note(fresh, "second", 30, || unreachable!("the note exists"));
        assert_eq!(again, "n1");
        assert_eq!(rec.live_notes().map(|n| n.body.as_str()).collect::<Vec<_>>(), ["second"]);
    }

    #[test]
    fn place_notes_attaches_moves_and_detaches() {
        let (mut lib, id) = seeded();
        let quote = "These are ongoing talks and discussions";
        let q = SEED.find(quote).expect("quote");
        let rec = lib.article_mut(&id).expect("rec");
        rec.upsert_note(captives(SEED), "on the figure", 10, || "n-fact".into());
        let quote_anchor = anchor(SEED, Span::new(q, q + quote.len()), ItemKind::Quote, None).expect("valid");
        rec.upsert_note(quote_anchor, "on the quote", 11, || "n-quote".into());
        rec.upsert_note(captives(SEED), "on the figure", 12, || "unused".into());
        rec.delete_note("n-quote", 13);
        rec.undo_delete_note("n-quote", 14);

        // The editor dropped the figure's sentence and added a line on top.
        let sentence = SEED.find("According to Israeli officials").expect("sentence");
        let sentence_end = sentence + SEED[sentence..].find("Gaza. ").expect("end") + "Gaza. ".len();
        let edited = format!("Updated.\n\n{}{}", &SEED[..sentence], &SEED[sentence_end..]);
        lib.open_article(&edited, ArticleMeta::default(), 20);
        let rec = lib.article(&id).expect("rec");
        let items = [
            ItemRef { kind: ItemKind::Fact, span: Span::new(0, 8), name: None },
            ItemRef { kind: ItemKind::Quote, span: Span::new(q + 10, q + 10 + quote.len()), name: None },
        ];
        let placements = rec.place_notes(&items);
        assert_eq!(
            placements,
            [
                Placement { note_id: "n-fact".into(), attachment: Attachment::Detached, item: None },
                Placement {
                    note_id: "n-quote".into(),
                    attachment: Attachment::Attached {
                        span: Span::new(q + 10, q + 10 + quote.len()),
                        fidelity: crate::notes::anchor::Fidelity::Moved
                    },
                    item: Some(1),
                },
            ]
        );
        assert_eq!(rec.note_count(), 2, "the detached note is still listed");
    }

    #[test]
    fn edits_only_bump_the_time_when_something_changed() {
        let (mut lib, id) = seeded();
        let rec = lib.article_mut(&id).expect("record");
        rec.upsert_note(captives(SEED), "a", 10, || "n1".into());
        assert!(!rec.set_note_body("n1", "a", 20));
        assert!(rec.set_note_tags("n1", &["#Hostages", " numbers to check ", "hostages", ""], 30));
        let note = rec.note("n1").expect("note");
        assert_eq!(note.tags, ["Hostages", "numbers-to-check"]);
        assert_eq!(note.updated, 30);
        assert!(!rec.set_note_tags("n1", &["Hostages", "numbers-to-check"], 40));
        assert!(!rec.set_note_body("missing", "x", 50));
    }

    #[test]
    fn delete_leaves_a_tombstone_and_undo_brings_the_note_back() {
        let (mut lib, id) = seeded();
        let rec = lib.article_mut(&id).expect("record");
        rec.upsert_note(captives(SEED), "keep me", 10, || "n1".into());
        assert!(rec.delete_note("n1", 20));
        assert_eq!(rec.note_count(), 0);
        assert_eq!(rec.note("n1").and_then(|n| n.deleted), Some(20));
        assert!(!rec.set_note_body("n1", "edit while deleted", 25), "deleted notes are read-only");
        assert!(!rec.delete_note("n1", 26));
        assert!(rec.undo_delete_note("n1", 30));
        let note = rec.note("n1").expect("note");
        assert_eq!((note.body.as_str(), note.deleted, note.updated), ("keep me", None, 30));
        // A new note on the item after a delete is a new note, not the tombstone.
        rec.delete_note("n1", 40);
        let id2 = rec.upsert_note(captives(SEED), "fresh", 50, || "n2".into());
        assert_eq!(id2, "n2");
        assert_eq!(rec.notes.len(), 2);
    }

    #[test]
    fn article_note_set_clear_and_count() {
        let (mut lib, id) = seeded();
        let rec = lib.article_mut(&id).expect("record");
        assert!(rec.set_article_note("Read with the AP version.", 10));
        assert!(!rec.set_article_note("Read with the AP version.", 11));
        assert_eq!(rec.note_count(), 1);
        assert!(rec.set_article_note("", 20));
        assert_eq!(rec.article_note, Some(ArticleNote { body: String::new(), updated: 20 }));
        assert_eq!(rec.note_count(), 0);
        assert_eq!(rec.article_note_text(), None);
    }

    #[test]
    fn party_notes_are_the_same_item_by_name() {
        let (mut lib, id) = seeded();
        let rec = lib.article_mut(&id).expect("record");
        let at = SEED.find("Hamas").expect("party");
        let first = anchor(SEED, Span::new(at, at + 5), ItemKind::Party, Some("Hamas")).expect("valid");
        let later = SEED.rfind("Hamas").expect("party");
        let other_mention = anchor(SEED, Span::new(later, later + 5), ItemKind::Party, Some("hamas")).expect("valid");
        rec.upsert_note(first, "armed group", 10, || "p1".into());
        assert_eq!(rec.note_on(&other_mention).map(|n| n.id.as_str()), Some("p1"));
    }

    #[test]
    fn library_list_is_ordered_by_last_opened_and_counts_notes() {
        let (mut lib, id) = seeded();
        let other = "Second article headline\n\nSome body text about a different topic entirely.";
        let other_id = lib.open_article(other, ArticleMeta::default(), 2_000).expect("opened").id().to_string();
        lib.article_mut(&id).expect("rec").set_article_note("note", 2_100);
        let rows = lib.list();
        assert_eq!(rows.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(), [other_id.as_str(), id.as_str()]);
        assert_eq!(rows[0].title, "Second article headline");
        assert_eq!((rows[0].note_count, rows[1].note_count), (0, 1));
        assert!(lib.touch(&id, 3_000));
        assert_eq!(lib.list()[0].id, id);
        assert_eq!(lib.last_opened().map(|a| a.id.as_str()), Some(id.as_str()));
        assert!(!lib.touch("nope", 1));
    }

    #[test]
    fn deleting_an_article_leaves_a_tombstone_and_can_be_undone() {
        let (mut lib, id) = seeded();
        lib.article_mut(&id).expect("rec").upsert_note(captives(SEED), "x", 10, || "n1".into());
        let record = lib.delete_article(&id, 5_000).expect("deleted");
        assert!(lib.articles.is_empty());
        assert_eq!(lib.removed, [Removed { id: id.clone(), at: 5_000 }]);
        lib.restore_article(record, 6_000);
        assert!(lib.removed.is_empty());
        let a = lib.article(&id).expect("back");
        assert_eq!((a.last_opened, a.live_notes().count()), (6_000, 1));
        // Pasting a deleted article again starts it afresh and lifts the tombstone.
        lib.delete_article(&id, 7_000);
        assert_eq!(lib.open_article(SEED, ArticleMeta::default(), 8_000), Some(Opened::New { id: id.clone() }));
        assert!(lib.removed.is_empty());
        assert_eq!(lib.note_count(), 0);
    }

    #[test]
    fn note_ids_are_unique_per_tab_and_call() {
        let mut ids = NoteIds::new("t1");
        assert_eq!(ids.next(255), "t1-ff-1");
        assert_eq!(ids.next(255), "t1-ff-2");
        assert_ne!(NoteIds::new("t2").next(255), "t1-ff-1");
    }

    #[test]
    fn titles_fall_back_to_the_first_line() {
        assert_eq!(title_from_text("\n\n  First line  \nsecond"), "First line");
        assert_eq!(title_from_text(""), "Untitled article");
        assert_eq!(title_from_text(&"word ".repeat(100)), format!("{}…", "word ".repeat(28).trim_end()));
    }
}
