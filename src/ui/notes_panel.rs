//! The static containers of the notes UI; `notes_dom::render` fills them.

use leptos::prelude::*;

/// The "Notes" region: the note on the article as a whole ("Article note",
/// saved as you type), then every note on its items in article order, those
/// whose text is gone from the article apart ("Detached notes"), and the
/// Markdown export of them all.
#[component]
pub fn NotesPanel() -> impl IntoView {
    super::notes::use_notes().queue_render();
    view! {
        <section class="panel notes-panel" aria-labelledby="notes-heading">
            <div class="panel-header">
                <div class="panel-heading">
                    <h2 class="panel-title" id="notes-heading">"Notes"</h2>
                    <span class="count" id="notes-count"></span>
                </div>
                <div class="panel-actions">
                    <button type="button" class="button button-small icon-download" data-action="notes-md">
                        "Notes as Markdown"
                    </button>
                </div>
            </div>
            <div class="article-note">
                <div class="note-label-row">
                    <label class="note-label" for="article-note">"Article note"</label>
                    <span class="save-state"></span>
                </div>
                <textarea
                    id="article-note"
                    class="note-input"
                    rows="2"
                    placeholder="Your thoughts on the article as a whole. Saved as you type."
                ></textarea>
            </div>
            <div id="notes-list"></div>
        </section>
    }
}

/// The "Library" region: every article the reader pasted, kept with its
/// notes (headline, date, notes, when last opened), to open again or delete;
/// and the JSON export and import of the whole library. Collapsed until
/// asked for.
#[component]
pub fn LibraryPanel() -> impl IntoView {
    view! {
        <section class="panel library-panel" aria-label="Library">
            <details class="library">
                <summary class="library-summary">
                    <span class="panel-title">"Library"</span>
                    <span class="count" id="library-count"></span>
                </summary>
                <p class="panel-note">
                    "Every article you paste is kept in this browser with its notes. Open one to bring back its fact sheet."
                </p>
                <ul class="library-list" id="library-list"></ul>
                <div class="library-tools">
                    <button type="button" class="button button-small icon-download" data-action="export-all">
                        "Export all (JSON)"
                    </button>
                    <button type="button" class="button button-small" data-action="import">"Import (JSON)…"</button>
                    <input
                        type="file"
                        id="import-file"
                        accept=".json,application/json"
                        hidden=true
                        aria-label="Import notes from a JSON export"
                    />
                </div>
            </details>
        </section>
    }
}

/// Where storage problems are told (a polite live region, always present).
#[component]
pub fn StorageStatus() -> impl IntoView {
    view! { <div class="storage-status" id="storage-status" role="status" aria-live="polite"></div> }
}

/// Where short messages ("Note deleted. Undo") appear (a polite live region).
#[component]
pub fn NotesToasts() -> impl IntoView {
    view! { <div class="notes-toasts" id="notes-toasts" role="status" aria-live="polite"></div> }
}
