//! The stored JSON: a versioned envelope, and the migrations from every
//! earlier version to the current one.
//!
//! Every version is one JSON object with a numeric `schema` field.
//!
//! **v1** (the first shape: one article, notes keyed by item):
//! ```json
//! { "schema": 1,
//!   "article": { "text": "…the pasted article…", "saved": 1741230000000,
//!                "note": "note on the article ('' for none)",
//!                "items": { "quote:3": { "start": 120, "end": 181, "note": "…", "saved": 1741230000000 } } } }
//! ```
//! `article` may be `null`. Item keys are `<kind>:<index>` (kind `quote`,
//! `fact` or `party`; index into the parser's list of that kind) and
//! `start..end` is the item's byte span in `text`. Indices change whenever the
//! parser or the text does, and only one article fits: hence v2.
//!
//! **v2** (current, [`CURRENT_SCHEMA`]): `{ "schema": 2, "library": Library }`,
//! the types of [`model`](super::model) and [`Anchor`] serialized by serde:
//! ```json
//! { "schema": 2, "library": {
//!     "articles": [ { "id": "16 hex digits", "text": "…", "title": "…", "published": "2025-03-06" | null,
//!                     "created": ms, "revised": ms, "last_opened": ms,
//!                     "article_note": { "body": "…", "updated": ms } | null,
//!                     "notes": [ { "id": "…", "body": "…", "tags": ["…"], "created": ms, "updated": ms,
//!                                  "deleted": ms | null,
//!                                  "anchor": { "kind": "quote|fact|reported|commentary|party|person|figure|date|text",
//!                                              "exact": "…", "prefix": "…", "suffix": "…", "start": 1735,
//!                                              "name": "Hamas" | null } } ] } ],
//!     "removed": [ { "id": "…", "at": ms } ] } }
//! ```
//!
//! **Adding v3:** copy today's model types into a frozen `mod v2` here, give
//! it `fn upgrade(self) -> Library` (the v3 library), make `v1` upgrade into
//! `v2::Document`, raise [`CURRENT_SCHEMA`], and add a test that a v2 document
//! migrates losslessly. [`load`] then migrates every earlier version.

use serde::Serialize;

use super::anchor::Anchor;
use super::json::{self, Json};
use super::model::Library;
#[cfg(test)]
use super::model::Removed;

/// The version [`to_json`] writes.
pub const CURRENT_SCHEMA: u32 = 2;

/// What [`load`] found in storage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadStatus {
    /// Nothing was stored.
    Fresh,
    /// A library of the current version.
    Loaded,
    /// An earlier version, migrated to the current one.
    Migrated { from: u32 },
    /// The current version with some articles or tombstones unreadable: the
    /// readable ones were kept.
    Damaged { dropped: usize },
    /// Not a library at all (invalid JSON, no `schema`): started empty.
    Corrupt,
    /// Written by a newer version of the app: started empty.
    UnknownVersion { version: u64 },
}

impl LoadStatus {
    /// Whether the raw stored value must be copied to a backup key before the
    /// library is written over it (anything but a clean load of this version;
    /// migrations keep one too, in case a migration ever turns out wrong).
    pub fn needs_backup(&self) -> bool {
        !matches!(self, LoadStatus::Fresh | LoadStatus::Loaded)
    }

    /// Whether the reader should be told (something could not be read).
    pub fn is_problem(&self) -> bool {
        matches!(self, LoadStatus::Damaged { .. } | LoadStatus::Corrupt | LoadStatus::UnknownVersion { .. })
    }
}

/// Result of [`load`]: the library to start with and how it was obtained.
#[derive(Clone, Debug, PartialEq)]
pub struct LoadOutcome {
    pub library: Library,
    pub status: LoadStatus,
}

#[derive(Serialize)]
struct EnvelopeRef<'a> {
    schema: u32,
    library: &'a Library,
}

/// Reads a stored value (`None`: nothing stored) into a library of the current
/// version, migrating earlier versions. Never fails and never panics; see
/// [`LoadStatus::needs_backup`] for when the caller must keep `raw`.
///
/// The JSON is read by [`json`](super::json) and decoded by hand (as serde's
/// derived `Deserialize` would: unknown members ignored, a missing or `null`
/// optional member is `None`, anything else missing or of the wrong type is
/// an error); see that module for why.
pub fn load(raw: Option<&str>) -> LoadOutcome {
    let Some(raw) = raw else {
        return LoadOutcome { library: Library::default(), status: LoadStatus::Fresh };
    };
    let corrupt = || LoadOutcome { library: Library::default(), status: LoadStatus::Corrupt };
    let Some(doc) = json::parse(raw).filter(|d| d.as_object().is_some()) else {
        return corrupt();
    };
    match doc.get("schema").and_then(Json::as_u64) {
        Some(1) => match v1::decode(&doc) {
            Some(library) => LoadOutcome { library, status: LoadStatus::Migrated { from: 1 } },
            None => corrupt(),
        },
        Some(2) => match doc.get("library").and_then(decode::library) {
            Some(library) => LoadOutcome { library, status: LoadStatus::Loaded },
            None => salvage(&doc).unwrap_or_else(corrupt),
        },
        Some(version) if version > u64::from(CURRENT_SCHEMA) => {
            LoadOutcome { library: Library::default(), status: LoadStatus::UnknownVersion { version } }
        }
        _ => corrupt(),
    }
}

/// Keeps the readable articles and tombstones of a damaged current-version document.
fn salvage(doc: &Json) -> Option<LoadOutcome> {
    let library = doc.get("library")?;
    let articles = library.get("articles")?.as_array()?;
    let removed = library.get("removed").and_then(Json::as_array).unwrap_or(&[]);
    let mut kept = Library::default();
    let mut dropped = 0;
    for article in articles {
        match decode::article(article) {
            Some(record) => kept.articles.push(record),
            None => dropped += 1,
        }
    }
    for tombstone in removed {
        match decode::removed(tombstone) {
            Some(t) => kept.removed.push(t),
            None => dropped += 1,
        }
    }
    Some(LoadOutcome { library: kept, status: LoadStatus::Damaged { dropped } })
}

/// The current version's types from JSON (the inverse of their `Serialize`).
mod decode {
    use super::Json;
    use crate::notes::anchor::{Anchor, ItemKind};
    use crate::notes::model::{ArticleNote, ArticleRecord, Library, Note, Removed};

    /// The string member `key`.
    pub fn string(v: &Json, key: &str) -> Option<String> {
        v.get(key)?.as_str().map(str::to_string)
    }

    /// The `u64` member `key`.
    pub fn number(v: &Json, key: &str) -> Option<u64> {
        v.get(key)?.as_u64()
    }

    /// An optional member: `Some(None)` when missing or `null`, `None` (an
    /// error) when present but unreadable.
    pub fn optional<T>(v: &Json, key: &str, read: impl Fn(&Json) -> Option<T>) -> Option<Option<T>> {
        match v.get(key) {
            None | Some(Json::Null) => Some(None),
            Some(x) => read(x).map(Some),
        }
    }

    /// Every element of an array, or `None` if one is unreadable.
    pub fn list<T>(v: &Json, read: impl Fn(&Json) -> Option<T>) -> Option<Vec<T>> {
        v.as_array()?.iter().map(read).collect()
    }

    pub fn library(v: &Json) -> Option<Library> {
        Some(Library { articles: list(v.get("articles")?, article)?, removed: list(v.get("removed")?, removed)? })
    }

    pub fn removed(v: &Json) -> Option<Removed> {
        Some(Removed { id: string(v, "id")?, at: number(v, "at")? })
    }

    pub fn article(v: &Json) -> Option<ArticleRecord> {
        Some(ArticleRecord {
            id: string(v, "id")?,
            text: string(v, "text")?,
            title: string(v, "title")?,
            published: optional(v, "published", |p| p.as_str().map(str::to_string))?,
            created: number(v, "created")?,
            revised: number(v, "revised")?,
            last_opened: number(v, "last_opened")?,
            article_note: optional(v, "article_note", |n| {
                Some(ArticleNote { body: string(n, "body")?, updated: number(n, "updated")? })
            })?,
            notes: list(v.get("notes")?, note)?,
        })
    }

    fn note(v: &Json) -> Option<Note> {
        Some(Note {
            id: string(v, "id")?,
            anchor: anchor(v.get("anchor")?)?,
            body: string(v, "body")?,
            tags: list(v.get("tags")?, |t| t.as_str().map(str::to_string))?,
            created: number(v, "created")?,
            updated: number(v, "updated")?,
            deleted: optional(v, "deleted", Json::as_u64)?,
        })
    }

    fn anchor(v: &Json) -> Option<Anchor> {
        Some(Anchor {
            kind: ItemKind::from_name(v.get("kind")?.as_str()?)?,
            exact: string(v, "exact")?,
            prefix: string(v, "prefix")?,
            suffix: string(v, "suffix")?,
            start: usize::try_from(number(v, "start")?).ok()?,
            name: optional(v, "name", |n| n.as_str().map(str::to_string))?,
        })
    }
}

/// The library as stored: compact JSON of the current version.
pub fn to_json(library: &Library) -> Result<String, serde_json::Error> {
    serde_json::to_string(&EnvelopeRef { schema: CURRENT_SCHEMA, library })
}

/// The library as exported: indented JSON of the current version.
pub fn to_json_pretty(library: &Library) -> Result<String, serde_json::Error> {
    serde_json::to_string_pretty(&EnvelopeRef { schema: CURRENT_SCHEMA, library })
}

/// Version 1 (see the module docs) and its migration.
mod v1 {
    use super::decode::{number, optional, string};
    use super::{Anchor, Json};
    use crate::notes::anchor::{anchor, ItemKind};
    use crate::notes::model::{title_from_text, ArticleNote, ArticleRecord, Library, Millis, Note};
    use crate::notes::text::article_id;
    use crate::parser::Span;

    struct Document {
        article: Option<Article>,
    }

    struct Article {
        text: String,
        saved: Millis,
        note: String,
        /// By key, as the keys sort (a repeated key: the last one).
        items: Vec<(String, ItemNote)>,
    }

    struct ItemNote {
        start: usize,
        end: usize,
        note: String,
        saved: Millis,
    }

    /// A member with a default: the default when missing, `None` (an error)
    /// when present but unreadable.
    fn or_default<T: Default>(v: &Json, key: &str, read: impl Fn(&Json) -> Option<T>) -> Option<T> {
        optional(v, key, read).map(Option::unwrap_or_default)
    }

    /// Reads a v1 document and migrates it to the current library.
    pub fn decode(doc: &Json) -> Option<Library> {
        let article = optional(doc, "article", |a| {
            let items = or_default(a, "items", |items| {
                let mut out: Vec<(String, ItemNote)> = Vec::new();
                for (key, item) in items.as_object()? {
                    let note = ItemNote {
                        start: usize::try_from(number(item, "start")?).ok()?,
                        end: usize::try_from(number(item, "end")?).ok()?,
                        note: string(item, "note")?,
                        saved: or_default(item, "saved", Json::as_u64)?,
                    };
                    out.retain(|(k, _)| k != key);
                    out.push((key.clone(), note));
                }
                out.sort_by(|x, y| x.0.cmp(&y.0));
                Some(out)
            })?;
            Some(Article {
                text: string(a, "text")?,
                saved: or_default(a, "saved", Json::as_u64)?,
                note: or_default(a, "note", |n| n.as_str().map(str::to_string))?,
                items,
            })
        })?;
        Some(Document { article }.upgrade())
    }

    impl Document {
        /// The v1 article as a one-article library. Every non-empty note is
        /// kept; one whose span does not fit the text gets an empty anchor
        /// (shown detached) rather than being dropped.
        fn upgrade(self) -> Library {
            let Some(article) = self.article else {
                return Library::default();
            };
            let text = article.text;
            let notes = article
                .items
                .into_iter()
                .filter(|(_, item)| !item.note.trim().is_empty())
                .map(|(key, item)| {
                    let kind = match key.split(':').next() {
                        Some("quote") => ItemKind::Quote,
                        Some("fact") => ItemKind::Fact,
                        Some("party") => ItemKind::Party,
                        _ => ItemKind::Text,
                    };
                    let span = Span::new(item.start, item.end);
                    let name = (kind == ItemKind::Party).then(|| span.of(&text).trim()).filter(|n| !n.is_empty());
                    let anchor = anchor(&text, span, kind, name).unwrap_or(Anchor {
                        kind,
                        exact: String::new(),
                        prefix: String::new(),
                        suffix: String::new(),
                        start: item.start,
                        name: None,
                    });
                    let saved = if item.saved > 0 { item.saved } else { article.saved };
                    Note {
                        id: format!("v1-{}", key.replace(':', "-")),
                        anchor,
                        body: item.note,
                        tags: Vec::new(),
                        created: saved,
                        updated: saved,
                        deleted: None,
                    }
                })
                .collect();
            let record = ArticleRecord {
                id: article_id(&text),
                title: title_from_text(&text),
                published: None,
                created: article.saved,
                revised: article.saved,
                last_opened: article.saved,
                article_note: (!article.note.is_empty())
                    .then_some(ArticleNote { body: article.note, updated: article.saved }),
                notes,
                text,
            };
            let mut library = Library { articles: vec![record], removed: Vec::new() };
            library.canonicalize();
            library
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notes::anchor::{reanchor, Attachment, Fidelity, ItemKind};
    use crate::notes::model::{ArticleMeta, Note};
    use crate::notes::text::article_id;
    use crate::parser::Span;

    const SEED: &str = include_str!("../../tests/fixtures/seed-us-hamas-talks.txt");

    fn v1_document() -> String {
        let quote = "These are ongoing talks and discussions";
        let q = SEED.find(quote).expect("quote");
        let f = SEED.find("24 living captives").expect("figure");
        let h = SEED.find("Hamas").expect("party");
        serde_json::json!({
            "schema": 1,
            "article": {
                "text": SEED,
                "saved": 1_741_230_000_000u64,
                "note": "Compare with the Axios report.",
                "items": {
                    "quote:0": { "start": q, "end": q + quote.len(), "note": "Who else confirmed?", "saved": 1_741_230_000_100u64 },
                    "fact:7": { "start": f, "end": f + 18, "note": "Check against later counts" },
                    "party:1": { "start": h, "end": h + 5, "note": "Armed group; designated 1997" },
                    "fact:9": { "start": SEED.len() + 5, "end": SEED.len() + 9, "note": "span no longer fits" },
                    "quote:4": { "start": 0, "end": 3, "note": "   " }
                }
            }
        })
        .to_string()
    }

    #[test]
    fn nothing_stored_is_fresh() {
        assert_eq!(load(None), LoadOutcome { library: Library::default(), status: LoadStatus::Fresh });
    }

    #[test]
    fn v1_migrates_losslessly() {
        let outcome = load(Some(&v1_document()));
        assert_eq!(outcome.status, LoadStatus::Migrated { from: 1 });
        assert!(outcome.status.needs_backup() && !outcome.status.is_problem());
        let [article] = outcome.library.articles.as_slice() else { panic!("one article") };
        assert_eq!(article.id, article_id(SEED));
        assert_eq!(article.text, SEED);
        assert_eq!(article.title, "US confirms direct talks with Hamas over Gaza captives");
        assert_eq!((article.created, article.last_opened), (1_741_230_000_000, 1_741_230_000_000));
        assert_eq!(article.article_note_text(), Some("Compare with the Axios report."));

        let by_id = |id: &str| article.note(id).unwrap_or_else(|| panic!("note {id}"));
        let quote: &Note = by_id("v1-quote-0");
        assert_eq!((quote.anchor.kind, quote.body.as_str()), (ItemKind::Quote, "Who else confirmed?"));
        assert_eq!(quote.anchor.exact, "These are ongoing talks and discussions");
        assert_eq!((quote.created, quote.updated), (1_741_230_000_100, 1_741_230_000_100));
        let fact = by_id("v1-fact-7");
        assert_eq!(fact.anchor.exact, "24 living captives");
        assert_eq!(fact.created, 1_741_230_000_000, "the article's time when the item has none");
        assert_eq!(
            reanchor(&fact.anchor, SEED),
            Attachment::Attached { span: Span::new(1735, 1753), fidelity: Fidelity::Exact }
        );
        let party = by_id("v1-party-1");
        assert_eq!((party.anchor.kind, party.anchor.name.as_deref()), (ItemKind::Party, Some("Hamas")));
        let broken = by_id("v1-fact-9");
        assert_eq!((broken.body.as_str(), broken.anchor.exact.as_str()), ("span no longer fits", ""));
        assert_eq!(reanchor(&broken.anchor, SEED), Attachment::Detached, "kept, shown detached");
        assert_eq!(article.notes.len(), 4, "the blank v1 note carried nothing");
    }

    #[test]
    fn migrated_library_saves_and_reloads_as_the_current_version() {
        let migrated = load(Some(&v1_document())).library;
        let json = to_json(&migrated).expect("serializes");
        assert!(json.starts_with(r#"{"schema":2,"library":{"articles":[{"id":""#));
        assert_eq!(load(Some(&json)), LoadOutcome { library: migrated, status: LoadStatus::Loaded });
    }

    #[test]
    fn v1_without_an_article_is_an_empty_library() {
        let outcome = load(Some(r#"{"schema":1,"article":null}"#));
        assert_eq!(outcome, LoadOutcome { library: Library::default(), status: LoadStatus::Migrated { from: 1 } });
    }

    #[test]
    fn corrupt_values_start_empty_and_ask_for_a_backup() {
        for raw in ["", "{", "null", "[]", "\"text\"", "{\"library\":{}}", "{\"schema\":\"2\"}", "{\"schema\":0}"] {
            let outcome = load(Some(raw));
            assert_eq!(outcome.status, LoadStatus::Corrupt, "{raw:?}");
            assert!(outcome.library.is_empty() && outcome.status.needs_backup() && outcome.status.is_problem());
        }
        assert_eq!(load(Some(r#"{"schema":1,"article":{"text":5}}"#)).status, LoadStatus::Corrupt);
    }

    #[test]
    fn a_newer_version_is_reported_not_read() {
        let outcome = load(Some(r#"{"schema":3,"library":{"articles":[],"shelves":[]}}"#));
        assert_eq!(outcome.status, LoadStatus::UnknownVersion { version: 3 });
        assert!(outcome.library.is_empty() && outcome.status.needs_backup());
    }

    /// A library using every field: two articles, notes of several kinds
    /// (one deleted, one on a party), tags, article notes, a tombstone; odd
    /// characters in the texts.
    fn full_library() -> Library {
        let mut library = Library::default();
        let meta =
            ArticleMeta { title: "Tab\there, \"quoted\" — é😀".into(), published: Some("2025-03-06".into()) };
        let id = library.open_article(SEED, meta, 1_741_230_000_000).expect("opened").id().to_string();
        let record = library.article_mut(&id).expect("record");
        let at = |needle: &str| {
            let start = SEED.find(needle).expect("needle");
            Span::new(start, start + needle.len())
        };
        let fact = crate::notes::anchor(SEED, at("24 living captives"), ItemKind::Fact, None).expect("valid");
        record.upsert_note(fact, "line one\nline \\two\u{1}", 10, || "n1".into());
        record.set_note_tags("n1", &["a", "b c"], 11);
        let party = crate::notes::anchor(SEED, at("Hamas"), ItemKind::Party, Some("Hamas")).expect("valid");
        record.upsert_note(party, "", 12, || "n2".into());
        record.delete_note("n2", u64::MAX);
        record.set_article_note("whole", 13);
        library.open_article("Another text.", ArticleMeta::default(), 14);
        let other = library.articles[1].id.clone();
        library.delete_article(&other, 15);
        library.open_article("Third one, kept.", ArticleMeta::default(), 16);
        library
    }

    proptest::proptest! {
        #[test]
        fn any_library_reads_back_exactly(text in proptest::prelude::any::<String>(), n in proptest::prelude::any::<u64>()) {
            let mut library = full_library();
            library.articles[0].title = text.clone();
            library.articles[0].notes[0].body = text;
            library.articles[0].created = n;
            let json = to_json(&library).expect("serializes");
            proptest::prop_assert_eq!(load(Some(&json)), LoadOutcome { library: library.clone(), status: LoadStatus::Loaded });
            let pretty = to_json_pretty(&library).expect("serializes");
            proptest::prop_assert_eq!(load(Some(&pretty)).library, library);
        }
    }

    /// Every member of a stored document, removed, `null` or of another type:
    /// the hand-written decoder accepts exactly what serde's derived
    /// `Deserialize` (kept on the model types for this test) accepts.
    #[test]
    fn decoding_agrees_with_serdes_derive_on_every_member() {
        fn paths(value: &serde_json::Value, at: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
            match value {
                serde_json::Value::Object(map) => {
                    for (key, v) in map {
                        at.push(key.clone());
                        out.push(at.clone());
                        paths(v, at, out);
                        at.pop();
                    }
                }
                serde_json::Value::Array(items) => {
                    for (i, v) in items.iter().enumerate() {
                        at.push(i.to_string());
                        paths(v, at, out);
                        at.pop();
                    }
                }
                _ => {}
            }
        }
        let library = serde_json::to_value(full_library()).expect("value");
        let mut all = Vec::new();
        paths(&library, &mut Vec::new(), &mut all);
        assert!(all.len() > 40, "{} members", all.len());
        let replacements = [
            None,
            Some(serde_json::Value::Null),
            Some(serde_json::json!("x")),
            Some(serde_json::json!(5)),
            Some(serde_json::json!([])),
        ];
        let mut checked = 0;
        for path in &all {
            for replacement in &replacements {
                let mut doc = library.clone();
                let (last, parents) = path.split_last().expect("a path");
                let mut parent = &mut doc;
                for key in parents {
                    parent = match parent {
                        serde_json::Value::Array(items) => &mut items[key.parse::<usize>().expect("index")],
                        other => &mut other[key.as_str()],
                    };
                }
                let map = parent.as_object_mut().expect("object member");
                match replacement {
                    None => drop(map.remove(last)),
                    Some(v) => drop(map.insert(last.clone(), v.clone())),
                }
                let theirs = serde_json::from_value::<Library>(doc.clone()).ok();
                let ours = json::parse(&doc.to_string()).and_then(|d| decode::library(&d));
                assert_eq!(ours, theirs, "{path:?} -> {replacement:?}");
                checked += 1;
            }
        }
        assert_eq!(checked, all.len() * replacements.len());
    }

    #[test]
    fn damaged_articles_are_dropped_and_the_rest_kept() {
        let mut library = Library::default();
        library.open_article("First article text here.", ArticleMeta::default(), 1);
        library.open_article("A completely different second text.", ArticleMeta::default(), 2);
        let mut value = serde_json::to_value(EnvelopeRef { schema: 2, library: &library }).expect("value");
        value["library"]["articles"][1]["notes"] = serde_json::json!("not a list");
        value["library"]["removed"] = serde_json::json!([{ "id": "x", "at": 5 }, { "id": 7 }]);
        let outcome = load(Some(&value.to_string()));
        assert_eq!(outcome.status, LoadStatus::Damaged { dropped: 2 });
        assert_eq!(outcome.library.articles, library.articles[..1]);
        assert_eq!(outcome.library.removed, [Removed { id: "x".into(), at: 5 }]);
    }
}
