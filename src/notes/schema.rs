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
//! **v2**: `{ "schema": 2, "library": Library }`, the types of
//! [`model`](super::model) and [`anchor`](super::anchor) serialized by serde:
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
//! **v3** (current, [`CURRENT_SCHEMA`]): v2 plus the reader's corrections of
//! quotes on every article ([`correction`](super::correction)), anchored like notes:
//! ```json
//! "corrections": [ { "id": "…", "anchor": { "kind": "quote", … },
//!                    "speaker": "Basem Naim" | null, "party": "nobody" | { "party": "Hamas" } | null,
//!                    "created": ms, "updated": ms, "deleted": ms | null } ]
//! ```
//! A v2 article migrates with no corrections. The version was raised so that
//! an older app, which would drop the corrections when it writes, leaves a v3
//! library alone (it backs it up as a newer version).
//!
//! Each version is read by serde into types of its own (`v1::Document`,
//! `Current`) that upgrade into the current library, so [`load`] migrates
//! every earlier version; a version that only adds members (v2 to v3) is read
//! by the next version's types, the new members' defaults being its migration. Unknown members are ignored; a missing or `null`
//! optional member reads as `None`.
//!
//! **Adding v4:** when v4 only adds members, give them serde defaults and
//! read v3 with the current types; otherwise copy today's types that change
//! into a frozen `mod v3` here whose document upgrades into the v4 library.
//! Raise [`CURRENT_SCHEMA`] and add a test that a v3 document migrates
//! losslessly. Bump the version whenever a change adds
//! data an older app would not keep: an older app sees the newer version,
//! backs it up and does not write over it.

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use super::model::{ArticleRecord, Library, Removed};

/// The version [`to_json`] writes.
pub const CURRENT_SCHEMA: u32 = 3;

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

/// The version of a stored document, whatever else it holds.
#[derive(Deserialize)]
struct Version {
    schema: u64,
}

/// A document of the current version.
#[derive(Deserialize)]
struct Current {
    library: Library,
}

/// A current-version document read one article (and tombstone) at a time,
/// to keep what is readable of a damaged one.
#[derive(Deserialize)]
struct Pieces<'a> {
    #[serde(borrow)]
    library: LibraryPieces<'a>,
}

#[derive(Deserialize)]
struct LibraryPieces<'a> {
    #[serde(borrow)]
    articles: Vec<&'a RawValue>,
    #[serde(borrow)]
    removed: Option<&'a RawValue>,
}

/// Reads a stored value (`None`: nothing stored) into a library of the current
/// version, migrating earlier versions. Never fails and never panics; see
/// [`LoadStatus::needs_backup`] for when the caller must keep `raw`.
pub fn load(raw: Option<&str>) -> LoadOutcome {
    let Some(raw) = raw else {
        return LoadOutcome { library: Library::default(), status: LoadStatus::Fresh };
    };
    let corrupt = || LoadOutcome { library: Library::default(), status: LoadStatus::Corrupt };
    let Ok(Version { schema }) = serde_json::from_str::<Version>(raw) else {
        return corrupt();
    };
    match schema {
        1 => match serde_json::from_str::<v1::Document>(raw) {
            Ok(doc) => LoadOutcome { library: doc.upgrade(), status: LoadStatus::Migrated { from: 1 } },
            Err(_) => corrupt(),
        },
        // v2 is v3 without corrections: the current types read it (their
        // `corrections` default to none), so no frozen copy is needed.
        2 | 3 => match serde_json::from_str::<Current>(raw) {
            Ok(Current { mut library }) if schema == 2 => {
                library.canonicalize();
                LoadOutcome { library, status: LoadStatus::Migrated { from: 2 } }
            }
            Ok(Current { library }) => LoadOutcome { library, status: LoadStatus::Loaded },
            Err(_) => salvage(raw).unwrap_or_else(corrupt),
        },
        version if version > u64::from(CURRENT_SCHEMA) => {
            LoadOutcome { library: Library::default(), status: LoadStatus::UnknownVersion { version } }
        }
        _ => corrupt(),
    }
}

/// Keeps the readable articles and tombstones of a damaged document (`None`
/// when it has no list of articles at all).
fn salvage(raw: &str) -> Option<LoadOutcome> {
    let Pieces { library } = serde_json::from_str(raw).ok()?;
    let removed: Vec<&RawValue> = library.removed.and_then(|r| serde_json::from_str(r.get()).ok()).unwrap_or_default();
    let mut kept = Library::default();
    let mut dropped = 0;
    for article in library.articles {
        match serde_json::from_str::<ArticleRecord>(article.get()) {
            Ok(record) => kept.articles.push(record),
            Err(_) => dropped += 1,
        }
    }
    for tombstone in removed {
        match serde_json::from_str::<Removed>(tombstone.get()) {
            Ok(t) => kept.removed.push(t),
            Err(_) => dropped += 1,
        }
    }
    Some(LoadOutcome { library: kept, status: LoadStatus::Damaged { dropped } })
}

/// The library as stored: compact JSON of the current version.
pub fn to_json(library: &Library) -> Result<String, serde_json::Error> {
    serde_json::to_string(&EnvelopeRef { schema: CURRENT_SCHEMA, library })
}

/// Version 1 (see the module docs) and its migration.
mod v1 {
    use std::collections::BTreeMap;

    use serde::Deserialize;

    use crate::notes::anchor::{anchor, Anchor, ItemKind};
    use crate::notes::model::{title_from_text, ArticleNote, ArticleRecord, Library, Millis, Note};
    use crate::notes::text::article_id;
    use crate::parser::Span;

    #[derive(Deserialize)]
    pub struct Document {
        article: Option<Article>,
    }

    #[derive(Deserialize)]
    struct Article {
        text: String,
        saved: Option<Millis>,
        note: Option<String>,
        /// By key (a repeated key: the last one).
        items: Option<BTreeMap<String, ItemNote>>,
    }

    #[derive(Deserialize)]
    struct ItemNote {
        start: usize,
        end: usize,
        note: String,
        saved: Option<Millis>,
    }

    impl Document {
        /// The v1 article as a one-article library. Every non-empty note is
        /// kept; one whose span does not fit the text gets an empty anchor
        /// (shown detached) rather than being dropped.
        pub fn upgrade(self) -> Library {
            let Some(article) = self.article else {
                return Library::default();
            };
            let saved = article.saved.unwrap_or_default();
            let text = article.text;
            let notes = article
                .items
                .unwrap_or_default()
                .into_iter()
                .filter(|(_, item)| !item.note.trim().is_empty())
                .map(|(key, item)| item.upgrade(&key, &text, saved))
                .collect();
            let note = article.note.unwrap_or_default();
            let record = ArticleRecord {
                id: article_id(&text),
                title: title_from_text(&text),
                published: None,
                created: saved,
                revised: saved,
                last_opened: saved,
                article_note: (!note.is_empty()).then_some(ArticleNote { body: note, updated: saved }),
                notes,
                corrections: Vec::new(),
                text,
            };
            let mut library = Library { articles: vec![record], removed: Vec::new() };
            library.canonicalize();
            library
        }
    }

    impl ItemNote {
        /// The note stored under `key` (`quote:3`) on `text`, saved with the
        /// article at `article_saved` when it has no time of its own.
        fn upgrade(self, key: &str, text: &str, article_saved: Millis) -> Note {
            let kind = match key.split(':').next() {
                Some("quote") => ItemKind::Quote,
                Some("fact") => ItemKind::Fact,
                Some("party") => ItemKind::Party,
                _ => ItemKind::Text,
            };
            let span = Span::new(self.start, self.end);
            let name = (kind == ItemKind::Party).then(|| span.of(text).trim()).filter(|n| !n.is_empty());
            let anchor = anchor(text, span, kind, name).unwrap_or(Anchor {
                kind,
                exact: String::new(),
                prefix: String::new(),
                suffix: String::new(),
                start: self.start,
                name: None,
            });
            let saved = self.saved.filter(|&s| s > 0).unwrap_or(article_saved);
            Note {
                id: format!("v1-{}", key.replace(':', "-")),
                anchor,
                body: self.note,
                tags: Vec::new(),
                created: saved,
                updated: saved,
                deleted: None,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notes::anchor::{reanchor, Attachment, Fidelity, ItemKind};
    use crate::notes::correction::{Change, PartyFix};
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
        assert!(json.starts_with(r#"{"schema":3,"library":{"articles":[{"id":""#));
        assert_eq!(load(Some(&json)), LoadOutcome { library: migrated, status: LoadStatus::Loaded });
    }

    #[test]
    fn v1_without_an_article_is_an_empty_library() {
        let outcome = load(Some(r#"{"schema":1,"article":null}"#));
        assert_eq!(outcome, LoadOutcome { library: Library::default(), status: LoadStatus::Migrated { from: 1 } });
    }

    #[test]
    fn corrupt_values_start_empty_and_ask_for_a_backup() {
        for raw in [
            "",
            "{",
            "null",
            "[]",
            "\"text\"",
            "{\"library\":{}}",
            "{\"schema\":\"2\"}",
            "{\"schema\":0}",
            "{\"schema\":2}",
            "{\"schema\":2,\"library\":[]}",
        ] {
            let outcome = load(Some(raw));
            assert_eq!(outcome.status, LoadStatus::Corrupt, "{raw:?}");
            assert!(outcome.library.is_empty() && outcome.status.needs_backup() && outcome.status.is_problem());
        }
        assert_eq!(load(Some(r#"{"schema":1,"article":{"text":5}}"#)).status, LoadStatus::Corrupt);
    }

    #[test]
    fn a_newer_version_is_reported_not_read() {
        let outcome = load(Some(r#"{"schema":4,"library":{"articles":[],"shelves":[]}}"#));
        assert_eq!(outcome.status, LoadStatus::UnknownVersion { version: 4 });
        assert!(outcome.library.is_empty() && outcome.status.needs_backup());
    }

    #[test]
    fn v2_migrates_losslessly_with_no_corrections() {
        let mut library = full_library();
        library.canonicalize();
        let mut value = serde_json::to_value(EnvelopeRef { schema: 2, library: &library }).expect("value");
        for article in value["library"]["articles"].as_array_mut().expect("articles") {
            article.as_object_mut().expect("an article").remove("corrections");
        }
        let outcome = load(Some(&value.to_string()));
        assert_eq!(outcome.status, LoadStatus::Migrated { from: 2 });
        assert!(outcome.status.needs_backup() && !outcome.status.is_problem());
        for article in &mut library.articles {
            article.corrections.clear();
        }
        assert_eq!(outcome.library, library);

        // A damaged v2 document keeps its readable articles too.
        value["library"]["articles"][0]["notes"] = serde_json::json!(7);
        let outcome = load(Some(&value.to_string()));
        assert_eq!(outcome.status, LoadStatus::Damaged { dropped: 1 });
        assert_eq!(outcome.library.articles, library.articles[1..]);
    }

    /// A library using every field: two articles, notes of several kinds
    /// (one deleted, one on a party), tags, article notes, corrections (one
    /// undone), a tombstone; odd characters in the texts.
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
        let quote = SEED.find("These are ongoing talks").expect("quote");
        let quote = crate::notes::anchor(SEED, Span::new(quote, quote + 39), ItemKind::Quote, None).expect("valid");
        record.correct(quote.clone(), Change::Speaker("Karine \"KJP\" Jean-Pierre".into()), 20, || "c1".into());
        record.correct(quote, Change::Party(PartyFix::Nobody), 21, || unreachable!("the same correction"));
        let other = SEED.find("The Americans have said").expect("quote");
        let other = crate::notes::anchor(SEED, Span::new(other, other + 23), ItemKind::Quote, None).expect("valid");
        record.correct(other, Change::Party(PartyFix::Party("Al Jazeera".into())), 22, || "c2".into());
        record.restore_parser_answer("c2", 23);
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
            // An export indented by another program reads back the same.
            let value: serde_json::Value = serde_json::from_str(&json).expect("JSON");
            let pretty = serde_json::to_string_pretty(&value).expect("serializes");
            proptest::prop_assert_eq!(load(Some(&pretty)).library, library);
        }
    }

    /// A stored document of the current version with one member changed.
    fn edited(edit: impl FnOnce(&mut serde_json::Value)) -> LoadOutcome {
        let mut value =
            serde_json::to_value(EnvelopeRef { schema: CURRENT_SCHEMA, library: &full_library() }).expect("value");
        edit(&mut value);
        load(Some(&value.to_string()))
    }

    #[test]
    fn optional_members_may_be_missing_or_null_and_unknown_ones_are_ignored() {
        let outcome = edited(|v| {
            let article = &mut v["library"]["articles"][0];
            let object = article.as_object_mut().expect("an article");
            object.remove("published");
            object.insert("article_note".into(), serde_json::Value::Null);
            object.insert("shelf".into(), serde_json::json!({ "from": "a later version" }));
            let note = article["notes"][0].as_object_mut().expect("a note");
            note.remove("deleted");
            note["anchor"].as_object_mut().expect("an anchor").remove("name");
        });
        assert_eq!(outcome.status, LoadStatus::Loaded);
        let article = &outcome.library.articles[0];
        assert_eq!((article.published.as_deref(), article.article_note.as_ref()), (None, None));
        assert_eq!((article.notes[0].deleted, article.notes[0].anchor.name.as_deref()), (None, None));
    }

    #[test]
    fn a_missing_or_mistyped_required_member_drops_its_article() {
        type Edit = fn(&mut serde_json::Value);
        let cases: [(&str, Edit); 5] = [
            ("no title", |v| drop(v["library"]["articles"][0].as_object_mut().map(|a| a.remove("title")))),
            ("null text", |v| v["library"]["articles"][0]["text"] = serde_json::Value::Null),
            ("tags not a list", |v| v["library"]["articles"][0]["notes"][0]["tags"] = serde_json::json!("a, b")),
            ("unknown kind", |v| {
                v["library"]["articles"][0]["notes"][0]["anchor"]["kind"] = serde_json::json!("tweet")
            }),
            ("negative time", |v| v["library"]["articles"][0]["created"] = serde_json::json!(-1)),
        ];
        for (case, edit) in cases {
            let outcome = edited(edit);
            assert_eq!(outcome.status, LoadStatus::Damaged { dropped: 1 }, "{case}");
            assert_eq!(outcome.library.articles.len(), full_library().articles.len() - 1, "{case}");
        }
    }

    #[test]
    fn v1_reads_missing_and_null_members_as_empty_and_the_last_repeated_key() {
        let doc = format!(
            r#"{{"schema":1,"article":{{"text":{text},"saved":null,"note":null,
                "items":{{"fact:1":{{"start":0,"end":2,"note":"first"}},"fact:1":{{"start":0,"end":2,"note":"second","saved":null}}}}}}}}"#,
            text = serde_json::to_string(SEED).expect("json")
        );
        let outcome = load(Some(&doc));
        assert_eq!(outcome.status, LoadStatus::Migrated { from: 1 });
        let [article] = outcome.library.articles.as_slice() else { panic!("one article") };
        assert_eq!((article.created, article.article_note.as_ref()), (0, None));
        assert_eq!(article.notes.iter().map(|n| n.body.as_str()).collect::<Vec<_>>(), ["second"]);
    }

    #[test]
    fn damaged_articles_are_dropped_and_the_rest_kept() {
        let mut library = Library::default();
        library.open_article("First article text here.", ArticleMeta::default(), 1);
        library.open_article("A completely different second text.", ArticleMeta::default(), 2);
        let mut value = serde_json::to_value(EnvelopeRef { schema: CURRENT_SCHEMA, library: &library }).expect("value");
        value["library"]["articles"][1]["notes"] = serde_json::json!("not a list");
        value["library"]["removed"] = serde_json::json!([{ "id": "x", "at": 5 }, { "id": 7 }]);
        let outcome = load(Some(&value.to_string()));
        assert_eq!(outcome.status, LoadStatus::Damaged { dropped: 2 });
        assert_eq!(outcome.library.articles, library.articles[..1]);
        assert_eq!(outcome.library.removed, [Removed { id: "x".into(), at: 5 }]);
    }
}
