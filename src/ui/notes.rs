//! Notes in the app: the store (`crate::notes`, on localStorage), when the
//! article in the box becomes a library record, and what the reader does
//! with notes (write, tag, delete and undo, export, import, library).
//!
//! [`Notes`] (`Copy`, provided as context) keeps the store out of the
//! reactive graph and says when it changed through two triggers; everything
//! the components show is a memo over those and the sheet: [`Notes::view`]
//! (the open article's notes, `sheet::notes::NotesView`), the library list,
//! the storage notice and the save indicator. The components (`item_notes`,
//! `notes_panel`) read these memos and call the actions here.
//!
//! Writes are debounced by the store (`due_at`), flushed on page hide, and
//! merged with other tabs' writes (`storage` event).

use std::time::Duration;

use leptos::html;
use leptos::prelude::*;

use super::dom;
use super::state::{Origin, Sheet};
use crate::notes::store::Store;
use crate::notes::web::{self, LocalStorageBackend};
use crate::notes::{anchor_item, export_json, items_of, ArticleMeta, ArticleRecord, Change, Library};
use crate::parser::Breakdown;
use crate::sheet::corrections::quote_fixes;
use crate::sheet::notes::{export_file_name, library_rows, parse_tags, ItemIndex, LibraryRow, NotesView, SaveState};
use crate::sheet::ItemRef;

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

/// What to tell the reader about storage.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StorageNotice {
    pub message: Option<String>,
    /// A fault that cannot be dismissed (full, unavailable).
    pub fault: bool,
    /// Unreadable old data was kept and can be downloaded.
    pub backup: bool,
}

/// What "Undo" brings back.
enum Undo {
    Note { article: String, note: String },
    Article { record: ArticleRecord, was_open: bool },
    Correction { article: String, correction: String },
}

/// The part of the correction panel a change was made in (its pressed
/// choice gets the focus back when the sheet is drawn again).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    Speaker,
    Party,
}

/// Puts a text in the article box and analyses it.
type Loader = Box<dyn Fn(&str)>;

/// Everything the notes UI needs, provided as context by the app.
#[derive(Clone, Copy)]
pub struct Notes {
    store: StoredValue<Store<LocalStorageBackend>, LocalStorage>,
    /// Notified whenever the library changes (here or in another tab): the
    /// notes view, the library list, the corrections on the sheet and the
    /// voices across the library follow it.
    pub library_changed: Trigger,
    /// Notified whenever the store's health may have changed (a write, a fault).
    health_changed: Trigger,
    /// The library id of the article in the box.
    current: RwSignal<Option<String>>,
    /// The open article's notes, placed in the text on screen.
    pub view: Memo<NotesView>,
    /// The library list.
    pub library: Memo<Vec<LibraryRow>>,
    pub storage: Memo<StorageNotice>,
    pub save_state: Memo<SaveState>,
    pub editing: RwSignal<Option<Edit>>,
    /// The quote whose correction panel is open (index into the quotes).
    pub correcting: RwSignal<Option<usize>>,
    /// Where the last correction was made, to give that choice the focus
    /// when the panel is drawn again (taken once).
    correct_refocus: StoredValue<Option<Choice>>,
    /// The note the open editor writes (none until its first keystroke).
    editor_note: StoredValue<Option<String>>,
    /// The button that opened the editor (focus goes back to it).
    opener: StoredValue<Option<NodeRef<html::Button>>>,
    pub toast: RwSignal<Option<Toast>>,
    /// A storage message the reader dismissed.
    dismissed: RwSignal<Option<String>>,
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
    sheet: Sheet,
}

impl Notes {
    /// Opens the store on localStorage and hooks page hide and tab sync.
    pub fn start(sheet: Sheet) -> Notes {
        let store = web::open_store();
        let last = store.library().last_opened().map(|a| a.text.clone());
        let store = StoredValue::new_local(store);
        let (library_changed, health_changed) = (Trigger::new(), Trigger::new());
        let current = RwSignal::new(None::<String>);
        let notes = Notes {
            store,
            library_changed,
            health_changed,
            current,
            view: Memo::new(move |_| notes_view(store, library_changed, current, sheet)),
            library: Memo::new(move |_| {
                library_changed.track();
                let list = store.with_value(|s| s.library().list());
                library_rows(&list, web::now_ms(), dom::tz_offset_minutes())
            }),
            storage: Memo::new(move |_| {
                health_changed.track();
                store.with_value(|s| {
                    let h = s.health();
                    StorageNotice {
                        message: h.message(),
                        fault: h.fault.is_some() || !h.persistent,
                        backup: h.backup_key.is_some(),
                    }
                })
            }),
            save_state: Memo::new(move |_| {
                health_changed.track();
                store.with_value(|s| SaveState::of(&s.health()))
            }),
            editing: RwSignal::new(None),
            correcting: RwSignal::new(None),
            correct_refocus: StoredValue::new(None),
            editor_note: StoredValue::new(None),
            opener: StoredValue::new(None),
            toast: RwSignal::new(None),
            dismissed: RwSignal::new(None),
            undo: StoredValue::new_local(None),
            pending: StoredValue::new(None),
            flush_timer: StoredValue::new(None),
            settle_timer: StoredValue::new(None),
            toast_timer: StoredValue::new(None),
            restore: StoredValue::new(last),
            loader: StoredValue::new_local(None),
            sheet,
        };
        // The corrections of the open article, placed on the quotes of a parse.
        sheet.set_corrector(move |parsed, text| {
            library_changed.track();
            let Some(id) = current.get() else { return Vec::new() };
            store.with_value(|s| s.library().article(&id).map(|a| quote_fixes(a, text, parsed)).unwrap_or_default())
        });
        if let Some(hooks) = web::install_flush_on_hide(move || notes.flush_now()) {
            hooks.forget();
        }
        if let Some(listener) = web::on_storage_event(move |raw| notes.external(raw)) {
            listener.forget();
        }
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

    /// The library changed: show it and write it soon.
    fn changed(&self) {
        self.library_changed.notify();
        self.schedule_flush();
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
        self.health_changed.notify();
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
            self.library_changed.notify();
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
            self.current.set(None);
            return;
        }
        let meta = sheet.breakdown.with_untracked(|b| meta_of(b));
        let open = self.current.get_untracked();
        let now = web::now_ms();
        let id = sheet.source.with_untracked(|text| {
            self.store.try_update_value(|s| {
                s.update(now, |lib| match open {
                    Some(id) if !paste && lib.revise_article(&id, text, meta.clone(), now) => Some(id),
                    _ => lib.open_article(text, meta, now).map(|o| o.id().to_string()),
                })
            })
        });
        let id = id.flatten();
        if self.current.get_untracked() != id {
            // Another article: its notes, not the last one's editor.
            self.editing.set(None);
            self.current.set(id);
        }
        if paste {
            // An article put in the box is written at once, not after the
            // debounce (that is for typing): a tab opened meanwhile reads the
            // last opened article once, as it starts, and would open empty.
            self.store.update_value(|s| drop(s.flush(now)));
        }
        self.changed();
    }

    /// The record to write notes into, kept up to date with the box first.
    fn article(&self) -> Option<String> {
        let known = |id: &Option<String>| {
            id.as_ref().is_some_and(|id| self.store.with_value(|s| s.library().article(id).is_some()))
        };
        if !known(&self.current.get_untracked()) && self.pending.get_value().is_none() {
            // Shown but not in the library (deleted meanwhile, here or in
            // another tab): keep it again.
            self.current.set(None);
            self.pending.set_value(Some(true));
        }
        self.commit();
        self.current.get_untracked()
    }

    // ---- notes ------------------------------------------------------------------

    /// Writes the body or the tags (typed, comma-separated) of the note the
    /// editor is on, making it on the editor's item at the first keystroke.
    pub fn write(&self, body: Option<&str>, tags: Option<&str>) {
        let Some(target) = self.editing.get_untracked() else { return };
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

    pub fn set_article_note(&self, body: &str) {
        let Some(article) = self.article() else { return };
        let now = web::now_ms();
        self.store.update_value(|s| {
            s.update(now, |lib| lib.article_mut(&article).map(|a| a.set_article_note(body, now)));
        });
        self.changed();
    }

    /// The note the editor opens with (its body and tags), read once.
    pub fn editor_row(&self) -> Option<crate::sheet::notes::NoteRow> {
        let id = self.editor_note.get_value()?;
        self.view.with_untracked(|v| v.row(&id).cloned())
    }

    /// Opens the editor on `target` (closing any other); `opener` gets the
    /// focus back when it closes.
    pub fn open_editor(&self, target: Edit, opener: NodeRef<html::Button>) {
        self.close_editor(false);
        let note = self.view.with_untracked(|v| match &target {
            Edit::Item(i) => v.on_item(*i).next().map(|r| r.id.clone()),
            Edit::Note(id) => v.row(id).map(|r| r.id.clone()),
        });
        self.editor_note.set_value(note);
        self.opener.set_value(Some(opener));
        self.editing.set(Some(target));
    }

    /// Opens the editor on `target`, or closes it if it is open there.
    pub fn toggle_editor(&self, target: Edit, opener: NodeRef<html::Button>) {
        if self.editing.with_untracked(|e| e.as_ref() == Some(&target)) {
            self.close_editor(true);
        } else {
            self.open_editor(target, opener);
        }
    }

    /// Closes the editor (`refocus`: focus goes back to the button that
    /// opened it); a note left empty (no text, no tags) goes away.
    pub fn close_editor(&self, refocus: bool) {
        if self.editing.try_update(Option::take).flatten().is_none() {
            return;
        }
        let opener = self.opener.try_update_value(Option::take).flatten();
        if let Some(button) = opener.filter(|_| refocus).and_then(|b| b.get_untracked()) {
            let _ = button.focus();
        }
        let Some(note) = self.editor_note.try_update_value(Option::take).flatten() else { return };
        let empty =
            self.view.with_untracked(|v| v.row(&note).is_some_and(|r| r.body.trim().is_empty() && r.tags.is_empty()));
        if let (true, Some(article)) = (empty, self.current.get_untracked()) {
            let now = web::now_ms();
            self.store.update_value(|s| {
                s.update(now, |lib| lib.article_mut(&article).map(|a| a.delete_note(&note, now)));
            });
            self.changed();
        }
    }

    /// Deletes the note the editor is on (or just closes an editor that has
    /// written nothing yet).
    pub fn delete_editor_note(&self) {
        match self.editor_note.get_value() {
            Some(id) => self.delete_note(&id),
            None => self.close_editor(true),
        }
    }

    /// Deletes a note, offering "Undo".
    pub fn delete_note(&self, note: &str) {
        if self.editor_note.with_value(|n| n.as_deref() == Some(note)) {
            self.editor_note.set_value(None);
            self.close_editor(true);
        }
        let Some(article) = self.current.get_untracked() else { return };
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

    /// Brings the item `item` (in `items_of` order) into view in the sheet
    /// and gives it focus; clears the filters if they hide it.
    pub fn go_to_item(&self, item: usize) {
        let sheet = self.sheet;
        let at = sheet.breakdown.with_untracked(|b| ItemIndex::new(b));
        let (dom_id, sheet_item) = if item < at.fact(0) {
            (ItemRef::Quote(item).dom_id(), Some(ItemRef::Quote(item)))
        } else if item < at.party(0) {
            let f = item - at.fact(0);
            (ItemRef::Fact(f).dom_id(), Some(ItemRef::Fact(f)))
        } else {
            (format!("party-{}", item - at.party(0)), None)
        };
        if let Some(it) = sheet_item {
            sheet.show(it, Origin::Text);
        }
        request_animation_frame(move || {
            if !reveal(&dom_id) {
                // Filtered out: show everything, then try again.
                sheet.clear_filters();
                request_animation_frame(move || {
                    reveal(&dom_id);
                });
            }
        });
    }

    // ---- corrections ------------------------------------------------------------

    /// Opens the correction panel of quote `quote` (closing any other), or
    /// closes it if it is open there.
    pub fn toggle_correcting(&self, quote: usize) {
        let open = self.correcting.get_untracked() == Some(quote);
        self.correct_refocus.set_value(None);
        self.correcting.set((!open).then_some(quote));
        if open {
            focus_by_id(&correct_button_id(quote));
        }
    }

    /// Closes the correction panel; focus goes back to its button.
    pub fn close_correcting(&self) {
        if let Some(quote) = self.correcting.try_update(Option::take).flatten() {
            focus_by_id(&correct_button_id(quote));
        }
    }

    /// Where the focus goes when the correction panel is drawn (once).
    pub fn take_correct_refocus(&self) -> Option<Choice> {
        self.correct_refocus.try_update_value(Option::take).flatten()
    }

    /// Corrects quote `quote` (index into the parser's quotes) of the open
    /// article: the sheet, the filter and the exports follow.
    pub fn correct(&self, quote: usize, change: Change, choice: Choice) {
        let Some(article) = self.article() else { return };
        let sheet = self.sheet;
        let anchor =
            sheet.parsed.with_untracked(|b| sheet.source.with_untracked(|t| anchor_item(t, items_of(b).get(quote)?)));
        let Some(anchor) = anchor.filter(|_| quote < sheet.parsed.with_untracked(|b| b.quotes.len())) else { return };
        let now = web::now_ms();
        let changed = self.store.try_update_value(|s| {
            let fresh = s.next_note_id(now);
            s.update(now, |lib| lib.article_mut(&article)?.correct(anchor, change, now, || fresh))
        });
        if changed.flatten().is_some() {
            self.correct_refocus.set_value(Some(choice));
            self.changed();
        }
    }

    /// Drops a correction (the quote shows the parser's answer again),
    /// offering "Undo".
    pub fn restore_parser_answer(&self, correction: &str) {
        let Some(article) = self.current.get_untracked() else { return };
        let now = web::now_ms();
        let done = self.store.try_update_value(|s| {
            s.update(now, |lib| lib.article_mut(&article).is_some_and(|a| a.restore_parser_answer(correction, now)))
        });
        if done == Some(true) {
            self.changed();
            self.undo.set_value(Some(Undo::Correction { article, correction: correction.to_string() }));
            self.say("The parser’s answer is back.", true);
        }
    }

    // ---- the library ------------------------------------------------------------

    /// The library id of the article in the box.
    pub fn current(&self) -> Option<String> {
        self.current.get()
    }

    /// Reads the library (untracked: track [`Self::library_changed`] to follow it).
    pub(super) fn with_library<U>(&self, f: impl FnOnce(&Library) -> U) -> U {
        self.store.with_value(|s| f(s.library()))
    }

    /// Deletes an article from the library, offering "Undo".
    pub fn delete_article(&self, id: &str) {
        let now = web::now_ms();
        let record = self.store.try_update_value(|s| s.update(now, |lib| lib.delete_article(id, now))).flatten();
        let Some(record) = record else { return };
        let was_open = self.current.get_untracked().as_deref() == Some(id);
        if was_open {
            self.close_editor(false);
            self.current.set(None);
            self.pending.set_value(None);
            self.load("");
            self.pending.set_value(None);
        }
        self.changed();
        self.undo.set_value(Some(Undo::Article { record, was_open }));
        self.say("Article deleted.", true);
    }

    /// Opens an article of the library in the box.
    pub fn open(&self, id: &str) {
        let text = self.store.with_value(|s| s.library().article(id).map(|a| a.text.clone()));
        if let Some(text) = text {
            self.load(&text);
            if let Some(sheet) = dom::by_id("sheet") {
                dom::scroll_to_start(&sheet);
                dom::focus_quietly(&sheet);
            }
        }
    }

    pub fn undo(&self) {
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
            Undo::Correction { article, correction } => {
                self.store.update_value(|s| {
                    s.update(now, |lib| lib.article_mut(&article).map(|a| a.undo_restore(&correction, now)));
                });
                self.say("Your correction is back.", false);
            }
        }
        self.changed();
    }

    /// Merges an export file into the library.
    pub fn import(&self, raw: &str) {
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
    pub fn export_all(&self) {
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
    pub fn export_markdown(&self) {
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
    pub fn download_backup(&self) {
        let raw = self.store.with_value(|s| {
            let key = s.health().backup_key?;
            let raw = crate::notes::Backend::get(s.backend(), &key).ok().flatten()?;
            Some((key, raw))
        });
        if let Some((key, raw)) = raw {
            dom::download(&format!("{key}.json"), "application/json", &raw);
        }
    }

    // ---- messages ---------------------------------------------------------------

    /// The storage message to show (none once the reader dismissed it).
    pub fn shown_notice(&self) -> Option<StorageNotice> {
        let notice = self.storage.get();
        let message = notice.message.as_ref()?;
        self.dismissed.with(|d| d.as_ref() != Some(message)).then_some(notice)
    }

    /// Hides the storage message until it changes.
    pub fn dismiss_notice(&self) {
        self.dismissed.set(self.storage.with_untracked(|n| n.message.clone()));
    }

    /// Shows a message at the bottom of the screen (announced politely).
    pub fn say(&self, text: &str, undo: bool) {
        if let Some(h) = self.toast_timer.get_value() {
            h.clear();
        }
        if !undo {
            self.undo.set_value(None);
        }
        self.toast.set(Some(Toast { text: text.to_string(), undo }));
        let this = *self;
        let h = (!undo)
            .then(|| set_timeout_with_handle(move || this.hide_toast(), Duration::from_millis(TOAST_MS)).ok())
            .flatten();
        self.toast_timer.set_value(h);
    }

    pub fn hide_toast(&self) {
        self.toast.set(None);
    }
}

/// The open article's notes placed in the text on screen (the memo behind
/// [`Notes::view`]).
fn notes_view(
    store: StoredValue<Store<LocalStorageBackend>, LocalStorage>,
    library_changed: Trigger,
    current: RwSignal<Option<String>>,
    sheet: Sheet,
) -> NotesView {
    library_changed.track();
    let Some(id) = current.get() else { return NotesView::default() };
    sheet.breakdown.track();
    sheet.source.track();
    let article_note = store.with_value(|s| {
        let a = s.library().article(&id)?;
        let bare = a.live_notes().next().is_none() && a.live_corrections().next().is_none();
        bare.then(|| a.article_note.as_ref().map(|n| n.body.clone()).unwrap_or_default())
    });
    if let Some(article_note) = article_note {
        // Nothing to place in the text (spares a pass over a long article).
        return NotesView { article_note, ..NotesView::default() };
    }
    sheet.breakdown.with(|b| {
        let items = items_of(b);
        sheet.source.with(|text| {
            store.with_value(|s| {
                s.library()
                    .article(&id)
                    .map(|a| NotesView::new(a, &a.place_notes_in(text, &items), &a.place_corrections_in(text, &items)))
                    .unwrap_or_default()
            })
        })
    })
}

/// The `id` of quote `quote`'s "Correct" button.
pub fn correct_button_id(quote: usize) -> String {
    format!("correct-{quote}")
}

/// Gives the element `id` the focus (without scrolling), if it is there.
fn focus_by_id(id: &str) {
    if let Some(el) = dom::by_id(id) {
        dom::focus_quietly(&el);
    }
}

/// Scrolls to the element `id` and gives it focus; `false` if there is none.
fn reveal(id: &str) -> bool {
    let Some(el) = dom::by_id(id) else { return false };
    dom::scroll_to_center(&el);
    dom::focus_quietly(&el);
    true
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
