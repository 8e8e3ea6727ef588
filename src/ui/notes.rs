//! Notes in the app: the store (`crate::notes`, on localStorage), when the
//! article in the box becomes a library record, and what the reader does
//! with notes (write, tag, delete and undo, export, import, library).
//!
//! Built for a small wasm: one [`Notes`] (`Copy`, provided as context) holds
//! plain `StoredValue`s, no signals or memos. The components put static
//! containers on the page (`notes_panel.rs`, an "Add note" button and an
//! empty slot on every item) and `notes_dom.rs` fills them from the view
//! model (`sheet::notes::NotesView`) after every change, in one animation
//! frame, with one delegated listener per event type. Leptos-built reactive
//! views cost ~2 KB of wasm per closure; this costs a fraction.
//!
//! Writes are debounced by the store (`due_at`), flushed on page hide, and
//! merged with other tabs' writes (`storage` event).

use std::time::Duration;

use leptos::prelude::*;

use super::dom;
use super::state::Sheet;
use crate::notes::store::Store;
use crate::notes::web::{self, LocalStorageBackend};
use crate::notes::{anchor_item, export_json, items_of, ArticleMeta, ArticleRecord, Library};
use crate::parser::Breakdown;
use crate::sheet::notes::{export_file_name, parse_tags, NotesView, SaveState};

/// How long typing in the article box must pause before the text is kept as
/// the article's (a paste is kept at once).
const SETTLE_MS: u64 = 1_500;
/// How long a message without an action stays.
const TOAST_MS: u64 = 6_000;

/// What the note editor is open on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Edit {
    /// An item of the sheet (index in `items_of` order).
    Item(usize),
    /// A note, from the Notes panel.
    Note(String),
}

/// A short message at the bottom of the screen, maybe with "Undo".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Toast {
    pub text: String,
    pub undo: bool,
}

/// What "Undo" brings back.
enum Undo {
    Note { article: String, note: String },
    Article { record: ArticleRecord, was_open: bool },
}

/// Puts a text in the article box and analyses it.
type Loader = Box<dyn Fn(&str)>;

/// Everything the notes UI needs, provided as context by the app.
#[derive(Clone, Copy)]
pub struct Notes {
    store: StoredValue<Store<LocalStorageBackend>, LocalStorage>,
    /// The library id of the article in the box.
    current: StoredValue<Option<String>>,
    /// The open article's notes as last shown.
    pub(super) view: StoredValue<NotesView>,
    pub(super) editing: StoredValue<Option<Edit>>,
    /// The note the open editor writes (none until its first keystroke).
    pub(super) editor_note: StoredValue<Option<String>>,
    pub(super) toast: StoredValue<Option<Toast>>,
    /// A storage message the reader dismissed.
    pub(super) dismissed: StoredValue<Option<String>>,
    undo: StoredValue<Option<Undo>, LocalStorage>,
    /// An edit of the article box not yet kept (`Some(true)`: a paste).
    pending: StoredValue<Option<bool>>,
    flush_timer: StoredValue<Option<TimeoutHandle>>,
    settle_timer: StoredValue<Option<TimeoutHandle>>,
    toast_timer: StoredValue<Option<TimeoutHandle>>,
    /// The text to put back in the box once the app is on screen.
    restore: StoredValue<Option<String>>,
    /// Puts a text in the article box and analyses it (set by the app).
    loader: StoredValue<Option<Loader>, LocalStorage>,
    pub(super) render_queued: StoredValue<bool>,
    pub(super) sheet: Sheet,
}

impl Notes {
    /// Opens the store on localStorage and hooks page hide, tab sync and the
    /// page's notes controls.
    pub fn start(sheet: Sheet) -> Notes {
        let store = web::open_store();
        let last = store.library().last_opened().map(|a| a.text.clone());
        let notes = Notes {
            store: StoredValue::new_local(store),
            current: StoredValue::new(None),
            view: StoredValue::new(NotesView::default()),
            editing: StoredValue::new(None),
            editor_note: StoredValue::new(None),
            toast: StoredValue::new(None),
            dismissed: StoredValue::new(None),
            undo: StoredValue::new_local(None),
            pending: StoredValue::new(None),
            flush_timer: StoredValue::new(None),
            settle_timer: StoredValue::new(None),
            toast_timer: StoredValue::new(None),
            restore: StoredValue::new(last),
            loader: StoredValue::new_local(None),
            render_queued: StoredValue::new(false),
            sheet,
        };
        if let Some(hooks) = web::install_flush_on_hide(move || notes.flush_now()) {
            hooks.forget();
        }
        if let Some(listener) = web::on_storage_event(move |raw| notes.external(raw)) {
            listener.forget();
        }
        super::notes_dom::listen(notes);
        // A backup of unreadable data may wait to be written.
        notes.schedule_flush();
        notes
    }

    /// How the app puts a text in the article box (`Analyser::load`).
    pub fn set_loader(&self, load: impl Fn(&str) + 'static) {
        self.loader.set_value(Some(Box::new(load)));
    }

    fn load(&self, text: &str) {
        self.loader.with_value(|l| {
            if let Some(load) = l {
                load(text)
            }
        });
    }

    /// The article to show again after a reload (once).
    pub fn take_restore(&self) -> Option<String> {
        self.restore.try_update_value(Option::take).flatten()
    }

    /// Redraws the notes UI in the next animation frame (after the views).
    pub fn queue_render(&self) {
        if self.render_queued.get_value() {
            return;
        }
        self.render_queued.set_value(true);
        let this = *self;
        request_animation_frame(move || super::notes_dom::render(this));
    }

    fn changed(&self) {
        self.schedule_flush();
        self.queue_render();
    }

    /// Sets a timer for the store's next write (debounce or retry).
    fn schedule_flush(&self) {
        if let Some(h) = self.flush_timer.get_value() {
            h.clear();
        }
        let due = self.store.with_value(|s| s.due_at());
        let this = *self;
        let handle = due.and_then(|at| {
            let wait = at.saturating_sub(web::now_ms());
            set_timeout_with_handle(move || this.flush_due(), Duration::from_millis(wait)).ok()
        });
        self.flush_timer.set_value(handle);
        self.queue_render();
    }

    fn flush_due(&self) {
        self.flush_timer.set_value(None);
        let now = web::now_ms();
        if self.store.with_value(|s| s.due(now)) {
            self.store.update_value(|s| drop(s.flush(now)));
        }
        self.schedule_flush();
    }

    /// Keeps a pending edit of the article and writes everything now (page hide).
    pub fn flush_now(&self) {
        self.commit();
        self.store.update_value(|s| drop(s.flush(web::now_ms())));
        self.schedule_flush();
    }

    /// Another tab wrote the library.
    fn external(&self, raw: Option<String>) {
        let outcome = self.store.try_update_value(|s| s.on_external_change(raw.as_deref(), web::now_ms()));
        if outcome.is_some_and(|o| o.changed) {
            self.say("Notes updated from another tab.", false);
        }
        self.schedule_flush();
    }

    // ---- the article in the box ----------------------------------------------

    /// The reader changed the box (`paste`: a paste, drop or other big change).
    pub fn edited(&self, paste: bool) {
        self.pending.update_value(|p| *p = Some(paste || p.unwrap_or(false)));
    }

    /// The sheet now shows the box's text: keep a paste as an article at
    /// once, typing after a pause.
    pub fn shown(&self) {
        self.clear_settle();
        if self.pending.get_value() == Some(false) {
            let this = *self;
            let h = set_timeout_with_handle(move || this.commit(), Duration::from_millis(SETTLE_MS)).ok();
            self.settle_timer.set_value(h);
        } else {
            self.commit();
        }
        self.queue_render();
    }

    fn clear_settle(&self) {
        if let Some(h) = self.settle_timer.get_value() {
            h.clear();
        }
        self.settle_timer.set_value(None);
    }

    /// Records the analysed text in the library: the same article, an edited
    /// version of a stored one, or a new one; typing edits the open article
    /// in place. A blank box closes the article.
    fn commit(&self) {
        self.clear_settle();
        let Some(paste) = self.pending.try_update_value(Option::take).flatten() else {
            return;
        };
        let sheet = self.sheet;
        if sheet.source.with_untracked(|t| t.trim().is_empty()) {
            self.current.set_value(None);
            self.queue_render();
            return;
        }
        let meta = sheet.breakdown.with_untracked(meta_of);
        let open = self.current.get_value();
        let now = web::now_ms();
        let id = sheet.source.with_untracked(|text| {
            self.store.try_update_value(|s| {
                s.update(now, |lib| match open {
                    Some(id) if !paste && lib.revise_article(&id, text, meta.clone(), now) => Some(id),
                    _ => lib.open_article(text, meta, now).map(|o| o.id().to_string()),
                })
            })
        });
        if self.current.get_value() != id.clone().flatten() {
            // Another article: its notes, not the last one's editor.
            self.editing.set_value(None);
        }
        self.current.set_value(id.flatten());
        self.changed();
    }

    /// The record to write notes into, kept up to date with the box first.
    fn article(&self) -> Option<String> {
        let known = |id: &Option<String>| {
            id.as_ref().is_some_and(|id| self.store.with_value(|s| s.library().article(id).is_some()))
        };
        if !known(&self.current.get_value()) && self.pending.get_value().is_none() {
            // Shown but not in the library (deleted meanwhile, here or in
            // another tab): keep it again.
            self.current.set_value(None);
            self.pending.set_value(Some(true));
        }
        self.commit();
        self.current.get_value()
    }

    /// The open article's notes, placed in the text on screen.
    pub(super) fn compute_view(&self) -> NotesView {
        let Some(id) = self.current.get_value() else { return NotesView::default() };
        let sheet = self.sheet;
        sheet.breakdown.with_untracked(|b| {
            let items = items_of(b);
            sheet.source.with_untracked(|text| {
                self.store.with_value(|s| {
                    s.library()
                        .article(&id)
                        .map(|a| NotesView::new(a, &a.place_notes_in(text, &items)))
                        .unwrap_or_default()
                })
            })
        })
    }

    // ---- notes ------------------------------------------------------------------

    /// Writes the body or the tags (typed, comma-separated) of the note the
    /// editor is on, making it on the editor's item at the first keystroke.
    pub(super) fn write(&self, body: Option<&str>, tags: Option<&str>) {
        let Some(target) = self.editing.get_value() else { return };
        let Some(article) = self.article() else { return };
        let existing = self.editor_note.get_value();
        let anchor = match (&existing, &target) {
            (None, Edit::Item(i)) => self
                .sheet
                .breakdown
                .with_untracked(|b| self.sheet.source.with_untracked(|t| anchor_item(t, items_of(b).get(*i)?))),
            _ => None,
        };
        let tags = tags.map(parse_tags);
        let now = web::now_ms();
        let id = self.store.try_update_value(|s| {
            let fresh = s.next_note_id(now);
            s.update(now, |lib| {
                let record = lib.article_mut(&article)?;
                let id = match existing {
                    Some(id) => id,
                    None => record.upsert_note(anchor?, body.unwrap_or(""), now, || fresh),
                };
                if let Some(body) = body {
                    record.set_note_body(&id, body, now);
                }
                if let Some(tags) = &tags {
                    record.set_note_tags(&id, tags, now);
                }
                Some(id)
            })
        });
        self.editor_note.set_value(id.flatten());
        self.changed();
    }

    pub(super) fn set_article_note(&self, body: &str) {
        let Some(article) = self.article() else { return };
        let now = web::now_ms();
        self.store.update_value(|s| {
            s.update(now, |lib| lib.article_mut(&article).map(|a| a.set_article_note(body, now)));
        });
        self.changed();
    }

    /// Opens the editor on `target` (closing any other).
    pub(super) fn open_editor(&self, target: Edit) {
        self.close_editor(false);
        let note = self.view.with_value(|v| match &target {
            Edit::Item(i) => v.on_item(*i).next().map(|r| r.id.clone()),
            Edit::Note(id) => v.row(id).map(|r| r.id.clone()),
        });
        self.editor_note.set_value(note);
        self.editing.set_value(Some(target));
        super::notes_dom::render(*self);
    }

    /// Closes the editor; a note left empty (no text, no tags) goes away.
    /// `refocus`: the focus goes back to the button that opened it, once its
    /// label is up to date ("Edit note" after a note was written in it).
    pub(super) fn close_editor(&self, refocus: bool) {
        let Some(target) = self.editing.try_update_value(Option::take).flatten() else { return };
        super::notes_dom::remove_editor();
        if let Some(note) = self.editor_note.try_update_value(Option::take).flatten() {
            let empty = self.compute_view().row(&note).is_some_and(|r| r.body.trim().is_empty() && r.tags.is_empty());
            let article = self.current.get_value();
            if let (true, Some(article)) = (empty, article) {
                let now = web::now_ms();
                self.store.update_value(|s| {
                    s.update(now, |lib| lib.article_mut(&article).map(|a| a.delete_note(&note, now)));
                });
            }
            self.changed();
        }
        if refocus {
            // Not on the next frame: the button would take the focus with its old label.
            super::notes_dom::render(*self);
            super::notes_dom::focus_opener(&target);
        }
    }

    /// Deletes a note, offering "Undo".
    pub(super) fn delete_note(&self, note: &str) {
        if self.editor_note.with_value(|n| n.as_deref() == Some(note)) {
            self.editor_note.set_value(None);
            self.close_editor(true);
        }
        let Some(article) = self.current.get_value() else { return };
        let now = web::now_ms();
        let done = self.store.try_update_value(|s| {
            s.update(now, |lib| lib.article_mut(&article).is_some_and(|a| a.delete_note(note, now)))
        });
        self.changed();
        if done == Some(true) {
            self.undo.set_value(Some(Undo::Note { article, note: note.to_string() }));
            self.say("Note deleted.", true);
        }
    }

    /// Deletes an article from the library, offering "Undo".
    pub(super) fn delete_article(&self, id: &str) {
        let now = web::now_ms();
        let record = self.store.try_update_value(|s| s.update(now, |lib| lib.delete_article(id, now))).flatten();
        let Some(record) = record else { return };
        let was_open = self.current.get_value().as_deref() == Some(id);
        if was_open {
            self.close_editor(false);
            self.current.set_value(None);
            self.pending.set_value(None);
            self.load("");
            self.pending.set_value(None);
        }
        self.changed();
        self.undo.set_value(Some(Undo::Article { record, was_open }));
        self.say("Article deleted.", true);
    }

    /// Opens an article of the library in the box.
    pub(super) fn open(&self, id: &str) {
        let text = self.store.with_value(|s| s.library().article(id).map(|a| a.text.clone()));
        if let Some(text) = text {
            self.load(&text);
            if let Some(sheet) = dom::by_id("sheet") {
                dom::scroll_to_start(&sheet);
                dom::focus_quietly(&sheet);
            }
        }
    }

    pub(super) fn undo(&self) {
        let Some(undo) = self.undo.try_update_value(Option::take).flatten() else { return };
        let now = web::now_ms();
        match undo {
            Undo::Note { article, note } => {
                self.store.update_value(|s| {
                    s.update(now, |lib| lib.article_mut(&article).map(|a| a.undo_delete_note(&note, now)));
                });
                self.say("Note restored.", false);
            }
            Undo::Article { record, was_open } => {
                let id = record.id.clone();
                self.store.update_value(|s| s.update(now, |lib| lib.restore_article(record, now)));
                if was_open {
                    self.open(&id);
                }
                self.say("Article restored.", false);
            }
        }
        self.changed();
    }

    /// Merges an export file into the library.
    pub(super) fn import(&self, raw: &str) {
        let now = web::now_ms();
        let report = self.store.try_update_value(|s| s.update(now, |lib| crate::notes::import_json(lib, raw)));
        match report {
            Some(Ok(report)) => self.say(&crate::sheet::notes::import_message(&report), false),
            Some(Err(error)) => self.say(&error.to_string(), false),
            None => {}
        }
        self.changed();
    }

    /// Downloads every article and note as JSON.
    pub(super) fn export_all(&self) {
        let json = self.store.with_value(|s| export_json(s.library()));
        let name = export_file_name(web::now_ms(), dom::tz_offset_minutes());
        match json {
            Ok(json) if dom::download(&name, "application/json", &json) => {
                self.say(&format!("Downloaded {name}."), false)
            }
            _ => self.say("The export could not be started.", false),
        }
    }

    /// Downloads the open article's notes as Markdown.
    pub(super) fn export_markdown(&self) {
        let Some(id) = self.article() else { return };
        let file = self.store.with_value(|s| {
            s.library().article(&id).map(|a| (crate::notes::markdown_file_name(a), crate::notes::article_markdown(a)))
        });
        if let Some((name, md)) = file {
            if dom::download(&name, "text/markdown", &md) {
                self.say(&format!("Downloaded {name}."), false);
            }
        }
    }

    /// Downloads what was kept under the backup key.
    pub(super) fn download_backup(&self) {
        let raw = self.store.with_value(|s| {
            let key = s.health().backup_key?;
            let raw = crate::notes::Backend::get(s.backend(), &key).ok().flatten()?;
            Some((key, raw))
        });
        if let Some((key, raw)) = raw {
            dom::download(&format!("{key}.json"), "application/json", &raw);
        }
    }

    /// Reads the library.
    pub(super) fn with_library<U>(&self, f: impl FnOnce(&Library) -> U) -> U {
        self.store.with_value(|s| f(s.library()))
    }

    pub(super) fn current(&self) -> Option<String> {
        self.current.get_value()
    }

    /// What to tell the reader about storage: the message (if any), whether
    /// it is a fault that cannot be dismissed, whether old data can be downloaded.
    pub(super) fn storage_message(&self) -> (Option<String>, bool, bool) {
        self.store.with_value(|s| {
            let h = s.health();
            (h.message(), h.fault.is_some() || !h.persistent, h.backup_key.is_some())
        })
    }

    /// The save indicator's state.
    pub(super) fn save_state(&self) -> SaveState {
        self.store.with_value(|s| SaveState::of(&s.health()))
    }

    /// Shows a message at the bottom of the screen (announced politely).
    pub fn say(&self, text: &str, undo: bool) {
        if let Some(h) = self.toast_timer.get_value() {
            h.clear();
        }
        if !undo {
            self.undo.set_value(None);
        }
        self.toast.set_value(Some(Toast { text: text.to_string(), undo }));
        let this = *self;
        let h = (!undo)
            .then(|| set_timeout_with_handle(move || this.hide_toast(), Duration::from_millis(TOAST_MS)).ok())
            .flatten();
        self.toast_timer.set_value(h);
        self.queue_render();
    }

    pub(super) fn hide_toast(&self) {
        self.toast.set_value(None);
        self.queue_render();
    }
}

/// Title and date of the article for its library record.
fn meta_of(b: &Breakdown) -> ArticleMeta {
    ArticleMeta {
        title: b.meta.headline.as_ref().map(|h| h.text.trim().to_string()).unwrap_or_default(),
        published: b.meta.timestamp.as_ref().and_then(|t| t.iso.clone()),
    }
}

pub fn use_notes() -> Notes {
    use_context::<Notes>().expect("Notes is provided by App")
}

/// The "Add note" button of the item at `item` (in `items_of` order); its
/// label ("Edit note" once there is one) is kept by `notes_dom::render`.
pub fn note_button(item: usize) -> AnyView {
    view! {
        <button type="button" class="note-button" data-action="note" data-item=item aria-expanded="false">
            "Add note"
        </button>
    }
    .into_any()
}

/// Where an item's notes (or the note editor) go, filled by `notes_dom::render`.
pub fn note_slot(item: usize) -> AnyView {
    view! { <div class="note-slot" data-slot=item></div> }.into_any()
}
