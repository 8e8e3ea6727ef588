//! Persistence as a pure state machine over a key-value [`Backend`]
//! (localStorage in the browser, see `web.rs`; a map in tests).
//!
//! * One key, [`LIBRARY_KEY`], holds the whole library as versioned JSON
//!   ([`schema`](super::schema)); [`REVISION_KEY`] holds `<tab id>:<counter>`
//!   of the last write, so a tab can tell cheaply whether another tab wrote
//!   since it last looked; [`BACKUP_PREFIX`]`<ms>` keys keep stored values that
//!   could not be read (or were migrated) before anything is written over them.
//! * Writes are debounced by the caller: call [`Store::mark_dirty`] (or
//!   [`Store::update`]) on every change, schedule a timer for
//!   [`Store::due_at`], call [`Store::flush`] when [`Store::due`]; flush at
//!   once on page hide.
//! * A flush writes the complete new value or nothing (a failed `setItem`
//!   leaves the previous value in place); before writing it merges whatever
//!   another tab stored since, so no tab's edits are overwritten.
//! * Quota exceeded: the library stays in memory, the fault is reported by
//!   [`Store::health`], and the write is retried with a growing delay.
//! * Storage unavailable: everything works in memory; `persistent()` is false.
//! * Tab sync: hand the `storage` event's new value to
//!   [`Store::on_external_change`].

use std::fmt;

use super::merge::merge;
use super::model::{Library, Millis, NoteIds};
use super::schema::{load, to_json, LoadStatus};

/// The key of the stored library.
pub const LIBRARY_KEY: &str = "factsheet.library";
/// The key of the last write's revision (`<tab id>:<counter>`).
pub const REVISION_KEY: &str = "factsheet.library.rev";
/// Backups are stored under this prefix plus the time in ms (and `-2`, `-3`… if taken).
pub const BACKUP_PREFIX: &str = "factsheet.backup.";

/// Quiet time after the last change before a write is due.
pub const DEBOUNCE_MS: Millis = 300;
/// Longest a change waits while the reader keeps typing.
pub const MAX_DELAY_MS: Millis = 2_000;
/// First retry delay after a failed write (doubles up to [`MAX_RETRY_MS`]).
pub const RETRY_MS: Millis = 2_000;
pub const MAX_RETRY_MS: Millis = 60_000;

/// Why storage refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageFault {
    /// No storage (private mode, disabled by the user or a policy).
    Unavailable,
    /// Storage is full.
    QuotaExceeded,
    Other(String),
}

impl fmt::Display for StorageFault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StorageFault::Unavailable => f.write_str("storage is unavailable"),
            StorageFault::QuotaExceeded => f.write_str("storage is full"),
            StorageFault::Other(message) => write!(f, "storage error: {message}"),
        }
    }
}

impl std::error::Error for StorageFault {}

/// A string key-value store (the shape of `window.localStorage`).
pub trait Backend {
    fn get(&self, key: &str) -> Result<Option<String>, StorageFault>;
    /// Stores the whole value or, on error, leaves the key as it was.
    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageFault>;
    fn remove(&mut self, key: &str) -> Result<(), StorageFault>;
}

/// What [`Store::flush`] did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FlushResult {
    /// Nothing to write.
    Clean,
    /// Written (`bytes`: size of the stored JSON).
    Saved { bytes: usize },
    /// Not written; the library stays in memory and the write will be retried.
    Failed(StorageFault),
    /// Storage is unavailable: notes live in memory only.
    NotPersistent,
}

/// What [`Store::on_external_change`] did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SyncOutcome {
    /// The library in memory changed: the UI should re-read it.
    pub changed: bool,
    /// Storage lacks something this tab has: a flush is (still) needed.
    pub needs_flush: bool,
}

/// Everything the UI needs to tell the reader about storage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Health {
    /// Whether notes survive a reload.
    pub persistent: bool,
    /// Changes not yet written.
    pub unsaved: bool,
    /// The last write's fault, until a write succeeds.
    pub fault: Option<StorageFault>,
    /// How the stored library was found at start.
    pub load: LoadStatus,
    /// Where an unreadable stored value was kept, once it is written.
    pub backup_key: Option<String>,
}

impl Health {
    /// A sentence for the reader when something is wrong, else `None`.
    pub fn message(&self) -> Option<String> {
        if !self.persistent {
            return Some(
                "Notes cannot be saved in this browser (storage is unavailable, for example in private mode). \
                 They will be lost when this tab closes: export them to keep them."
                    .into(),
            );
        }
        if let Some(fault) = &self.fault {
            return Some(match fault {
                StorageFault::QuotaExceeded => "Storage is full: your latest notes are not saved yet. They are kept \
                                                in this tab and saving is retried. Delete old articles or export \
                                                your notes to free space."
                    .into(),
                other => format!("Your latest notes are not saved yet ({other}). Saving is retried."),
            });
        }
        let kept = match &self.backup_key {
            Some(key) => format!(" The old data was kept in this browser under \"{key}\"."),
            None => String::new(),
        };
        match self.load {
            LoadStatus::Corrupt => Some(format!("Stored notes could not be read, so Factsheet started afresh.{kept}")),
            LoadStatus::Damaged { dropped } => {
                Some(format!("Part of the stored notes could not be read ({dropped} entries skipped).{kept}"))
            }
            LoadStatus::UnknownVersion { version } => Some(format!(
                "Stored notes were written by a newer version of Factsheet (format {version}) and could not be \
                 read here.{kept}"
            )),
            _ => None,
        }
    }
}

/// The library in memory plus its persistence state (see the module docs).
pub struct Store<B: Backend> {
    backend: B,
    library: Library,
    tab_id: String,
    ids: NoteIds,
    persistent: bool,
    load_status: LoadStatus,
    /// Time of the first unsaved change, while there is one.
    dirty_since: Option<Millis>,
    last_change: Millis,
    /// A raw stored value to keep (key, value) before the library key is written.
    pending_backup: Option<(String, String)>,
    backup_key: Option<String>,
    fault: Option<StorageFault>,
    retry_at: Option<Millis>,
    retry_delay: Millis,
    /// The revision stored when this tab last wrote or read the library.
    known_revision: Option<String>,
    writes: u64,
}

impl<B: Backend> Store<B> {
    /// Loads the stored library (migrating it, or keeping an unreadable value
    /// for backup) and starts the store. `tab_id` must differ between tabs (a
    /// random string); it also prefixes new note ids.
    pub fn open(backend: B, tab_id: impl Into<String>, now: Millis) -> Self {
        let tab_id = tab_id.into();
        let mut store = Store {
            backend,
            library: Library::default(),
            ids: NoteIds::new(tab_id.clone()),
            tab_id,
            persistent: true,
            load_status: LoadStatus::Fresh,
            dirty_since: None,
            last_change: now,
            pending_backup: None,
            backup_key: None,
            fault: None,
            retry_at: None,
            retry_delay: RETRY_MS,
            known_revision: None,
            writes: 0,
        };
        match store.backend.get(LIBRARY_KEY) {
            Err(fault) => {
                store.persistent = false;
                store.fault = Some(fault);
            }
            Ok(raw) => {
                let outcome = load(raw.as_deref());
                store.library = outcome.library;
                store.load_status = outcome.status;
                if store.load_status.needs_backup() {
                    if let Some(raw) = raw {
                        store.schedule_backup(raw, now);
                    }
                    store.mark_dirty(now);
                }
                store.known_revision = store.backend.get(REVISION_KEY).ok().flatten();
            }
        }
        store
    }

    pub fn library(&self) -> &Library {
        &self.library
    }

    /// Changes the library and marks it for writing.
    pub fn update<R>(&mut self, now: Millis, change: impl FnOnce(&mut Library) -> R) -> R {
        let result = change(&mut self.library);
        self.mark_dirty(now);
        result
    }

    /// A fresh note id (unique across tabs).
    pub fn next_note_id(&mut self, now: Millis) -> String {
        self.ids.next(now)
    }

    /// Records that the library changed at `now` (starts or extends the debounce).
    pub fn mark_dirty(&mut self, now: Millis) {
        if self.dirty_since.is_none() {
            self.dirty_since = Some(now);
        }
        self.last_change = now;
    }

    /// Whether notes survive a reload (storage is available).
    pub fn persistent(&self) -> bool {
        self.persistent
    }

    /// Whether there are changes not yet written.
    pub fn is_dirty(&self) -> bool {
        self.dirty_since.is_some() || self.pending_backup.is_some()
    }

    /// When the next write should happen (`None`: nothing to write, or storage
    /// is unavailable). Schedule a timer for it and call [`Self::flush`].
    pub fn due_at(&self) -> Option<Millis> {
        if !self.persistent || !self.is_dirty() {
            return None;
        }
        if let Some(retry_at) = self.retry_at {
            return Some(retry_at);
        }
        let first = self.dirty_since.unwrap_or(self.last_change);
        Some((self.last_change + DEBOUNCE_MS).min(first + MAX_DELAY_MS))
    }

    /// Whether a write is due at `now` (debounce elapsed, or retry time reached).
    pub fn due(&self, now: Millis) -> bool {
        self.due_at().is_some_and(|at| now >= at)
    }

    /// Writes now if there is anything to write (ignores the debounce: call it
    /// directly on page hide). See [`FlushResult`].
    pub fn flush(&mut self, now: Millis) -> FlushResult {
        if !self.persistent {
            return FlushResult::NotPersistent;
        }
        if !self.is_dirty() {
            return FlushResult::Clean;
        }
        if let Some((key, raw)) = &self.pending_backup {
            if let Err(fault) = self.backend.set(key, raw) {
                return self.failed(fault, now);
            }
            self.backup_key = Some(key.clone());
            self.pending_backup = None;
        }
        // Another tab may have written since we last looked: take its edits in first.
        match self.backend.get(REVISION_KEY) {
            Ok(revision) if revision != self.known_revision => {
                let stored = match self.backend.get(LIBRARY_KEY) {
                    Ok(stored) => stored,
                    Err(fault) => return self.failed(fault, now),
                };
                self.absorb(stored, now);
                if let Some((key, raw)) = &self.pending_backup {
                    // What the other tab stored is unreadable here: keep it first.
                    if let Err(fault) = self.backend.set(key, raw) {
                        return self.failed(fault, now);
                    }
                    self.backup_key = Some(key.clone());
                    self.pending_backup = None;
                }
            }
            Ok(_) => {}
            Err(fault) => return self.failed(fault, now),
        }
        let json = match to_json(&self.library) {
            Ok(json) => json,
            Err(error) => return self.failed(StorageFault::Other(error.to_string()), now),
        };
        // The revision first: if the library write then fails, other tabs
        // merely re-read an unchanged library.
        let revision = format!("{}:{}", self.tab_id, self.writes + 1);
        if let Err(fault) = self.backend.set(REVISION_KEY, &revision) {
            return self.failed(fault, now);
        }
        self.writes += 1;
        self.known_revision = Some(revision);
        if let Err(fault) = self.backend.set(LIBRARY_KEY, &json) {
            return self.failed(fault, now);
        }
        self.dirty_since = None;
        self.fault = None;
        self.retry_at = None;
        self.retry_delay = RETRY_MS;
        FlushResult::Saved { bytes: json.len() }
    }

    /// Another tab changed the stored library (`raw`: the `storage` event's
    /// new value; `None` when the key was removed). Merges it into ours so no
    /// edit on either side is lost, and says whether storage still lacks
    /// something of ours (then a flush is due).
    pub fn on_external_change(&mut self, raw: Option<&str>, now: Millis) -> SyncOutcome {
        if !self.persistent {
            return SyncOutcome::default();
        }
        let outcome = self.absorb(raw.map(str::to_string), now);
        if !outcome.needs_flush && self.pending_backup.is_none() {
            // Storage already holds everything we have, our pending edits included.
            self.dirty_since = None;
        }
        outcome
    }

    /// Merges a stored value into the library; schedules a backup of it if it
    /// cannot be read.
    fn absorb(&mut self, raw: Option<String>, now: Millis) -> SyncOutcome {
        let outcome = load(raw.as_deref());
        let readable = matches!(outcome.status, LoadStatus::Loaded | LoadStatus::Fresh);
        if !readable {
            if let Some(raw) = raw {
                self.schedule_backup(raw, now);
            }
        }
        let mut incoming = outcome.library;
        incoming.canonicalize();
        let merged = merge(&self.library, &incoming);
        let mut ours = std::mem::take(&mut self.library);
        ours.canonicalize();
        let changed = merged != ours;
        let needs_flush = !readable || merged != incoming;
        self.library = merged;
        if needs_flush {
            self.mark_dirty(now);
        }
        SyncOutcome { changed, needs_flush }
    }

    /// What to tell the reader about storage.
    pub fn health(&self) -> Health {
        Health {
            persistent: self.persistent,
            unsaved: self.is_dirty(),
            fault: self.fault.clone(),
            load: self.load_status.clone(),
            backup_key: self.backup_key.clone(),
        }
    }

    pub fn backend(&self) -> &B {
        &self.backend
    }

    fn failed(&mut self, fault: StorageFault, now: Millis) -> FlushResult {
        self.retry_at = Some(now + self.retry_delay);
        self.retry_delay = (self.retry_delay * 2).min(MAX_RETRY_MS);
        self.fault = Some(fault.clone());
        FlushResult::Failed(fault)
    }

    fn schedule_backup(&mut self, raw: String, now: Millis) {
        if self.pending_backup.as_ref().is_some_and(|(_, pending)| *pending == raw) {
            return;
        }
        if let Some((key, pending)) = self.pending_backup.take() {
            // Two unreadable values before a flush: keep the first one right away.
            if self.backend.set(&key, &pending).is_err() {
                self.pending_backup = Some((key, pending));
                return;
            }
            self.backup_key = Some(key);
        }
        let base = format!("{BACKUP_PREFIX}{now}");
        let mut key = base.clone();
        let mut n = 1;
        while matches!(self.backend.get(&key), Ok(Some(_))) {
            n += 1;
            key = format!("{base}-{n}");
        }
        self.pending_backup = Some((key, raw));
    }
}

/// A [`Backend`] in memory, for tests: it can refuse writes that would take it
/// past a size limit (quota) or act as if storage were unavailable.
#[derive(Clone, Debug, Default)]
pub struct MemoryBackend {
    pub entries: std::collections::BTreeMap<String, String>,
    /// Total chars (keys + values) allowed, like the browser's quota.
    pub quota: Option<usize>,
    pub unavailable: bool,
}

impl MemoryBackend {
    fn used_without(&self, key: &str) -> usize {
        self.entries.iter().filter(|(k, _)| k.as_str() != key).map(|(k, v)| k.len() + v.len()).sum()
    }
}

impl Backend for MemoryBackend {
    fn get(&self, key: &str) -> Result<Option<String>, StorageFault> {
        if self.unavailable {
            return Err(StorageFault::Unavailable);
        }
        Ok(self.entries.get(key).cloned())
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageFault> {
        if self.unavailable {
            return Err(StorageFault::Unavailable);
        }
        if self.quota.is_some_and(|quota| self.used_without(key) + key.len() + value.len() > quota) {
            return Err(StorageFault::QuotaExceeded);
        }
        self.entries.insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&mut self, key: &str) -> Result<(), StorageFault> {
        if self.unavailable {
            return Err(StorageFault::Unavailable);
        }
        self.entries.remove(key);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notes::anchor::{anchor, ItemKind};
    use crate::notes::model::ArticleMeta;
    use crate::notes::schema::CURRENT_SCHEMA;
    use crate::parser::Span;
    use std::cell::RefCell;
    use std::rc::Rc;

    const SEED: &str = include_str!("../../tests/fixtures/seed-us-hamas-talks.txt");

    /// A backend shared by several stores, like localStorage shared by tabs.
    #[derive(Clone, Default)]
    struct Shared(Rc<RefCell<MemoryBackend>>);

    impl Backend for Shared {
        fn get(&self, key: &str) -> Result<Option<String>, StorageFault> {
            self.0.borrow().get(key)
        }
        fn set(&mut self, key: &str, value: &str) -> Result<(), StorageFault> {
            self.0.borrow_mut().set(key, value)
        }
        fn remove(&mut self, key: &str) -> Result<(), StorageFault> {
            self.0.borrow_mut().remove(key)
        }
    }

    impl Shared {
        fn raw(&self, key: &str) -> Option<String> {
            self.0.borrow().entries.get(key).cloned()
        }
        fn put(&self, key: &str, value: &str) {
            self.0.borrow_mut().entries.insert(key.into(), value.into());
        }
        fn keys(&self) -> Vec<String> {
            self.0.borrow().entries.keys().cloned().collect()
        }
        fn set_quota(&self, quota: Option<usize>) {
            self.0.borrow_mut().quota = quota;
        }
    }

    fn fact_anchor(needle: &str) -> crate::notes::anchor::Anchor {
        let start = SEED.find(needle).expect("needle");
        anchor(SEED, Span::new(start, start + needle.len()), ItemKind::Fact, None).expect("valid")
    }

    /// Opens the seed article and writes a note on `needle`; returns the note id.
    fn write_note<B: Backend>(store: &mut Store<B>, needle: &str, body: &str, now: Millis) -> String {
        let new_id = store.next_note_id(now);
        store.update(now, |lib| {
            let id = lib.open_article(SEED, ArticleMeta::default(), now).expect("opened").id().to_string();
            lib.article_mut(&id).expect("record").upsert_note(fact_anchor(needle), body, now, || new_id)
        })
    }

    fn bodies<B: Backend>(store: &Store<B>) -> Vec<String> {
        store.library().articles.iter().flat_map(|a| a.live_notes().map(|n| n.body.clone())).collect()
    }

    #[test]
    fn notes_survive_a_reload() {
        let storage = Shared::default();
        let mut store = Store::open(storage.clone(), "tab1", 0);
        assert_eq!(store.health().load, LoadStatus::Fresh);
        assert_eq!(store.flush(1), FlushResult::Clean);
        let id = write_note(&mut store, "24 living captives", "check", 10);
        assert_eq!(id, "tab1-a-1");
        assert!(matches!(store.flush(20), FlushResult::Saved { .. }));
        assert!(!store.is_dirty());
        assert_eq!(storage.raw(REVISION_KEY).as_deref(), Some("tab1:1"));
        let stored = storage.raw(LIBRARY_KEY).expect("written");
        assert!(stored.starts_with(&format!("{{\"schema\":{CURRENT_SCHEMA},")));

        let reloaded = Store::open(storage.clone(), "tab2", 100);
        assert_eq!(reloaded.health().load, LoadStatus::Loaded);
        assert_eq!(reloaded.library(), store.library());
        assert_eq!(reloaded.library().last_opened().map(|a| a.text.as_str()), Some(SEED));
        assert_eq!(reloaded.health().message(), None);
    }

    #[test]
    fn writes_are_debounced_and_capped() {
        let mut store = Store::open(MemoryBackend::default(), "t", 0);
        assert_eq!(store.due_at(), None);
        store.mark_dirty(1_000);
        assert_eq!(store.due_at(), Some(1_300));
        assert!(!store.due(1_299) && store.due(1_300));
        // Typing on: each change pushes the write back, but not past MAX_DELAY_MS.
        for t in (1_100..=2_900).step_by(100) {
            store.mark_dirty(t);
        }
        assert_eq!(store.due_at(), Some(3_000), "first change + 2 s");
        assert!(matches!(store.flush(3_000), FlushResult::Saved { .. }));
        assert_eq!(store.due_at(), None);
    }

    #[test]
    fn storage_unavailable_works_in_memory() {
        let backend = MemoryBackend { unavailable: true, ..MemoryBackend::default() };
        let mut store = Store::open(backend, "t", 0);
        assert!(!store.persistent());
        write_note(&mut store, "24 living captives", "in memory", 10);
        assert_eq!(bodies(&store), ["in memory"]);
        assert_eq!(store.due_at(), None, "no timer needed");
        assert_eq!(store.flush(20), FlushResult::NotPersistent);
        let health = store.health();
        assert_eq!(health.fault, Some(StorageFault::Unavailable));
        assert!(health.message().expect("message").contains("cannot be saved"));
    }

    #[test]
    fn quota_exceeded_keeps_the_note_and_the_stored_value_then_retries() {
        let storage = Shared::default();
        let mut store = Store::open(storage.clone(), "t", 0);
        write_note(&mut store, "24 living captives", "first note", 10);
        assert!(matches!(store.flush(400), FlushResult::Saved { .. }));
        let saved = storage.raw(LIBRARY_KEY).expect("saved");

        // Storage fills up (e.g. other data of the site): the next write fails.
        storage.set_quota(Some(saved.len() + 200));
        write_note(&mut store, "at least 35 bodies", "second note, written while storage is full", 1_000);
        assert_eq!(store.flush(1_400), FlushResult::Failed(StorageFault::QuotaExceeded));
        assert_eq!(storage.raw(LIBRARY_KEY), Some(saved.clone()), "the previous value is untouched");
        assert_eq!(bodies(&store), ["first note", "second note, written while storage is full"], "kept in memory");
        let health = store.health();
        assert!(health.unsaved);
        assert_eq!(health.fault, Some(StorageFault::QuotaExceeded));
        assert!(health.message().expect("message").starts_with("Storage is full"));
        assert_eq!(store.due_at(), Some(1_400 + RETRY_MS));
        assert_eq!(store.flush(3_400), FlushResult::Failed(StorageFault::QuotaExceeded));
        assert_eq!(store.due_at(), Some(3_400 + 2 * RETRY_MS), "backs off");

        // Space is freed: the retry writes everything.
        storage.set_quota(None);
        assert!(store.due(7_400));
        assert!(matches!(store.flush(7_400), FlushResult::Saved { .. }));
        assert_eq!(store.health().fault, None);
        let reloaded = Store::open(storage.clone(), "t2", 8_000);
        assert_eq!(bodies(&reloaded), ["first note", "second note, written while storage is full"]);
    }

    #[test]
    fn corrupt_storage_is_backed_up_and_the_app_starts_fresh() {
        let storage = Shared::default();
        storage.put(LIBRARY_KEY, "{\"schema\":2,\"library\":{\"articles\":[{\"id\":");
        let mut store = Store::open(storage.clone(), "t", 5_000);
        assert_eq!(store.health().load, LoadStatus::Corrupt);
        assert!(store.library().is_empty());
        assert!(store.is_dirty(), "the backup is still to be written");
        // Nothing is written over the raw value before the backup exists.
        assert!(matches!(store.flush(5_001), FlushResult::Saved { .. }));
        assert_eq!(
            storage.raw("factsheet.backup.5000").as_deref(),
            Some("{\"schema\":2,\"library\":{\"articles\":[{\"id\":")
        );
        let health = store.health();
        assert_eq!(health.backup_key.as_deref(), Some("factsheet.backup.5000"));
        let message = health.message().expect("message");
        assert!(message.contains("could not be read") && message.contains("factsheet.backup.5000"), "{message}");
        // The next start is clean.
        assert_eq!(Store::open(storage.clone(), "t", 6_000).health().load, LoadStatus::Loaded);
    }

    #[test]
    fn backup_failure_protects_the_raw_value() {
        let storage = Shared::default();
        storage.put(LIBRARY_KEY, "garbage");
        storage.set_quota(Some(40));
        let mut store = Store::open(storage.clone(), "t", 1);
        write_note(&mut store, "24 living captives", "note", 2);
        assert_eq!(store.flush(3), FlushResult::Failed(StorageFault::QuotaExceeded));
        assert_eq!(storage.raw(LIBRARY_KEY).as_deref(), Some("garbage"), "not overwritten without a backup");
        assert_eq!(storage.keys(), [LIBRARY_KEY]);
        storage.set_quota(None);
        assert!(matches!(store.flush(5_000), FlushResult::Saved { .. }));
        assert_eq!(storage.raw("factsheet.backup.1").as_deref(), Some("garbage"));
    }

    #[test]
    fn backup_keys_do_not_overwrite_each_other() {
        let storage = Shared::default();
        storage.put("factsheet.backup.7", "older backup");
        storage.put(LIBRARY_KEY, "{\"schema\":99}");
        let mut store = Store::open(storage.clone(), "t", 7);
        assert_eq!(store.health().load, LoadStatus::UnknownVersion { version: 99 });
        assert!(matches!(store.flush(8), FlushResult::Saved { .. }));
        assert_eq!(storage.raw("factsheet.backup.7").as_deref(), Some("older backup"));
        assert_eq!(storage.raw("factsheet.backup.7-2").as_deref(), Some("{\"schema\":99}"));
        assert!(store.health().message().expect("message").contains("newer version"));
    }

    #[test]
    fn an_earlier_version_is_migrated_backed_up_and_rewritten() {
        let storage = Shared::default();
        let v1 = serde_json::json!({"schema": 1, "article": {"text": SEED, "saved": 3, "note": "hello", "items": {}}});
        storage.put(LIBRARY_KEY, &v1.to_string());
        let mut store = Store::open(storage.clone(), "t", 10);
        assert_eq!(store.health().load, LoadStatus::Migrated { from: 1 });
        assert_eq!(store.health().message(), None, "nothing to alarm the reader");
        assert!(matches!(store.flush(11), FlushResult::Saved { .. }));
        assert_eq!(storage.raw("factsheet.backup.10"), Some(v1.to_string()));
        let reloaded = Store::open(storage.clone(), "t", 20);
        assert_eq!(reloaded.health().load, LoadStatus::Loaded);
        assert_eq!(reloaded.library().articles[0].article_note_text(), Some("hello"));
    }

    #[test]
    fn two_tabs_sync_without_losing_edits() {
        let storage = Shared::default();
        let mut tab1 = Store::open(storage.clone(), "one", 0);
        let mut tab2 = Store::open(storage.clone(), "two", 0);
        write_note(&mut tab1, "24 living captives", "from tab one", 10);
        write_note(&mut tab2, "at least 35 bodies", "from tab two", 20);
        assert!(matches!(tab1.flush(400), FlushResult::Saved { .. }));

        // Tab two gets the storage event while its own edit is still unsaved.
        let event = storage.raw(LIBRARY_KEY);
        let outcome = tab2.on_external_change(event.as_deref(), 401);
        assert_eq!(outcome, SyncOutcome { changed: true, needs_flush: true });
        assert_eq!(bodies(&tab2), ["from tab one", "from tab two"]);
        assert!(matches!(tab2.flush(800), FlushResult::Saved { .. }));

        // Tab one hears back and ends with the same library, with nothing left to write.
        let outcome = tab1.on_external_change(storage.raw(LIBRARY_KEY).as_deref(), 801);
        assert_eq!(outcome, SyncOutcome { changed: true, needs_flush: false });
        assert!(!tab1.is_dirty());
        assert_eq!(tab1.library(), tab2.library());
    }

    #[test]
    fn a_flush_merges_what_another_tab_wrote_even_without_an_event() {
        let storage = Shared::default();
        let mut tab1 = Store::open(storage.clone(), "one", 0);
        let mut tab2 = Store::open(storage.clone(), "two", 0);
        write_note(&mut tab1, "24 living captives", "from tab one", 10);
        assert!(matches!(tab1.flush(400), FlushResult::Saved { .. }));
        // Tab two never saw the event (e.g. it was frozen in the background).
        write_note(&mut tab2, "at least 35 bodies", "from tab two", 500);
        assert!(matches!(tab2.flush(900), FlushResult::Saved { .. }));
        let reloaded = Store::open(storage.clone(), "three", 1_000);
        assert_eq!(bodies(&reloaded), ["from tab one", "from tab two"]);
        assert_eq!(storage.raw(REVISION_KEY).as_deref(), Some("two:1"));
    }

    #[test]
    fn the_same_note_edited_in_two_tabs_keeps_the_later_edit() {
        let storage = Shared::default();
        let mut tab1 = Store::open(storage.clone(), "one", 0);
        let id = write_note(&mut tab1, "24 living captives", "v1", 10);
        tab1.flush(400);
        let mut tab2 = Store::open(storage.clone(), "two", 500);
        let article = tab2.library().articles[0].id.clone();
        tab2.update(600, |lib| lib.article_mut(&article).map(|a| a.set_note_body(&id, "v2 from tab two", 600)));
        tab1.update(700, |lib| lib.article_mut(&article).map(|a| a.set_note_body(&id, "v3 from tab one", 700)));
        tab2.flush(1_000);
        tab1.flush(1_100);
        tab2.on_external_change(storage.raw(LIBRARY_KEY).as_deref(), 1_101);
        assert_eq!(bodies(&tab1), ["v3 from tab one"]);
        assert_eq!(bodies(&tab2), ["v3 from tab one"]);
    }

    #[test]
    fn removed_or_corrupted_key_from_another_tab_loses_nothing() {
        let storage = Shared::default();
        let mut tab = Store::open(storage.clone(), "one", 0);
        write_note(&mut tab, "24 living captives", "keep me", 10);
        tab.flush(400);
        // Storage cleared elsewhere (key removed).
        assert_eq!(tab.on_external_change(None, 500), SyncOutcome { changed: false, needs_flush: true });
        // Junk written elsewhere: kept as a backup, ours written back.
        assert!(tab.on_external_change(Some("junk"), 600).needs_flush);
        storage.put(LIBRARY_KEY, "junk");
        assert!(matches!(tab.flush(700), FlushResult::Saved { .. }));
        assert_eq!(storage.raw("factsheet.backup.600").as_deref(), Some("junk"));
        assert_eq!(bodies(&Store::open(storage.clone(), "two", 800)), ["keep me"]);
    }

    #[test]
    fn an_event_with_our_own_state_clears_the_dirty_flag() {
        let storage = Shared::default();
        let mut tab = Store::open(storage.clone(), "one", 0);
        write_note(&mut tab, "24 living captives", "same", 10);
        let mut other = Store::open(storage.clone(), "two", 0);
        other.update(5, |lib| *lib = tab.library().clone());
        other.flush(6);
        let outcome = tab.on_external_change(storage.raw(LIBRARY_KEY).as_deref(), 20);
        assert_eq!(outcome, SyncOutcome { changed: false, needs_flush: false });
        assert!(!tab.is_dirty(), "storage already holds our edit");
    }
}
