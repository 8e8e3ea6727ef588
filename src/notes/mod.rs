//! Notes: what readers write on the items of a fact sheet and on the article,
//! kept in the browser and never lost. Pure Rust except [`web`] (wasm32).
//!
//! * [`model`]: the [`Library`] of articles (full text, article note, notes
//!   on items, tombstones) and its operations.
//! * [`anchor`]: tying a note to an item's text (exact text + context +
//!   position) and finding it again in an edited text.
//! * [`schema`]: the stored JSON, its versions and migrations.
//! * [`merge`]: uniting two libraries (import, tab sync).
//! * [`export`]: JSON export/import and Markdown of an article's notes.
//! * [`store`]: persistence as a state machine over a key-value backend
//!   (debounced writes, quota and unavailable storage, backups, tab sync).
//! * `web` (wasm32 only): the localStorage backend and page event hooks.

pub mod anchor;
pub mod export;
pub mod json;
pub mod merge;
pub mod model;
pub mod schema;
pub mod store;
mod text;
#[cfg(target_arch = "wasm32")]
pub mod web;

pub use anchor::{
    anchor, anchor_item, items_of, locate_item, reanchor, Anchor, Attachment, Fidelity, ItemKind, ItemRef,
};
pub use export::{article_markdown, export_json, import_json, markdown_file_name, ImportError};
pub use merge::{merge, merge_into, MergeReport};
pub use model::{
    normalize_tags, ArticleMeta, ArticleNote, ArticleRecord, ArticleSummary, Library, Millis, Note, NoteIds, Opened,
    Placement, Removed,
};
pub use schema::{load, LoadOutcome, LoadStatus, CURRENT_SCHEMA};
pub use store::{Backend, FlushResult, Health, MemoryBackend, StorageFault, Store, SyncOutcome};
pub use text::{article_id, fnv1a64, sort_with};
