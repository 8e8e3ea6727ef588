//! The notes' panels: "Notes" (the article note and every note of the
//! article), "Library" (every article kept), the storage banner and the
//! short messages at the bottom of the screen.

use leptos::html;
use leptos::prelude::*;

use super::dom;
use super::item_notes::{editor_or, save_indicator};
use super::notes::{use_notes, Edit, Notes};
use crate::notes::ItemKind;
use crate::sheet::format::count_label;
use crate::sheet::notes::{CorrectionRow, NoteRow};

/// The "Notes" region: the note on the article as a whole ("Article note",
/// saved as you type), then every note on its items in article order, those
/// whose text is gone from the article apart ("Detached notes"), and the
/// Markdown export of them all.
#[component]
pub fn NotesPanel() -> impl IntoView {
    let notes = use_notes();
    let view = notes.view;
    let count = Signal::derive(move || {
        view.with(|v| if v.count() == 0 { String::new() } else { count_label(v.count(), "note", "notes") })
    });
    let ids = move |detached: bool| {
        Memo::new(move |_| {
            view.with(|v| v.rows.iter().filter(|r| r.detached == detached).map(|r| r.id.clone()).collect::<Vec<_>>())
        })
    };
    let (attached, detached) = (ids(false), ids(true));
    let corrections = Memo::new(move |_| view.with(|v| v.corrections.clone()));
    view! {
        <section class="panel notes-panel" aria-labelledby="notes-heading">
            <div class="panel-header">
                <div class="panel-heading">
                    <h2 class="panel-title" id="notes-heading">"Notes"</h2>
                    <span class="count">{count}</span>
                </div>
                <div class="panel-actions">
                    <button
                        type="button"
                        class="button button-small icon-download"
                        on:click=move |_| notes.export_markdown()
                    >
                        "Notes as Markdown"
                    </button>
                </div>
            </div>
            <ArticleNote/>
            <div>
                {move || {
                    view.with(|v| v.rows.is_empty())
                        .then(|| {
                            view! {
                                <p class="notes-empty">
                                    "No notes on items yet: press “Add note” on any quote, fact or party. "
                                    "Notes stay in this browser, with the article."
                                </p>
                            }
                        })
                }}
                {move || attached.with(|a| !a.is_empty()).then(|| note_list(attached, "note-list"))}
                {move || {
                    detached.with(|d| !d.is_empty()).then(|| {
                        view! {
                            <h3 class="notes-subheading">"Detached notes"</h3>
                            <p class="panel-note">
                                "The text these notes were written on is no longer in the article. They are kept "
                                "here; delete them when you no longer need them."
                            </p>
                            {note_list(detached, "note-list is-detached")}
                        }
                    })
                }}
                {move || corrections.with(|rows| (!rows.is_empty()).then(|| correction_list(notes, rows)))}
            </div>
        </section>
    }
}

/// A list of notes of the Notes panel, keyed by note id.
fn note_list(ids: Memo<Vec<String>>, class: &'static str) -> impl IntoView {
    view! {
        <ul class=class>
            <For each=move || ids.get() key=|id| id.clone() let(id)>
                <NoteListItem id/>
            </For>
        </ul>
    }
}

/// The reader's corrections of quotes, each with what it set, where its quote
/// is (or that it is gone: detached, kept) and a way back to the parser's answer.
fn correction_list(notes: Notes, rows: &[CorrectionRow]) -> impl IntoView {
    let rows = rows
        .iter()
        .map(|row| {
            let id = row.id.clone();
            let show = row.item.map(|item| {
                view! {
                    <button type="button" class="locate" on:click=move |_| notes.go_to_item(item)>
                        "Show in fact sheet"
                    </button>
                }
            });
            view! {
                <li class=if row.detached { "note-row is-detached" } else { "note-row" }>
                    <p class="note-about">
                        <span class="kind-label kind-quote">"Quote"</span>
                        <span class="note-excerpt">{format!("“{}”", row.about)}</span>
                    </p>
                    <p class="note-body">{row.change.clone()}</p>
                    <div class="item-meta note-row-actions">
                        {row.detached.then(|| view! { <span class="kind-label kind-detached">"Detached"</span> })}
                        {show}
                        <button type="button" class="note-button" on:click=move |_| notes.restore_parser_answer(&id)>
                            "Restore the parser’s answer"
                        </button>
                    </div>
                </li>
            }
        })
        .collect_view();
    view! {
        <h3 class="notes-subheading">"Corrections"</h3>
        <p class="panel-note">
            "Speakers and parties you corrected. A correction whose quote is no longer in the article is kept here, "
            "detached."
        </p>
        <ul class="note-list">{rows}</ul>
    }
}

/// The note on the article as a whole. What the reader types is kept as it
/// is typed; a change from elsewhere (another tab, an import, another
/// article) shows unless the box is being typed in.
#[component]
fn ArticleNote() -> impl IntoView {
    let notes = use_notes();
    let text = NodeRef::<html::Textarea>::new();
    Effect::new(move |_| {
        let note = notes.view.with(|v| v.article_note.clone());
        if let Some(text) = text.get() {
            let typing = document().active_element().is_some_and(|a| a == **text);
            if !typing && text.value() != note {
                text.set_value(&note);
            }
        }
    });
    view! {
        <div class="article-note">
            <div class="note-label-row">
                <label class="note-label" for="article-note">"Article note"</label>
                {save_indicator(false)}
            </div>
            <textarea
                id="article-note"
                class="note-input"
                rows="2"
                placeholder="Your thoughts on the article as a whole. Saved as you type."
                node_ref=text
                on:input=move |ev| notes.set_article_note(&event_target_value(&ev))
            ></textarea>
        </div>
    }
}

/// One note of the Notes panel: what it is on, its text (or the editor), and
/// its buttons. Its text and place follow the view model; the row itself
/// stays while the note does (keyboard focus stays on its buttons).
#[component]
fn NoteListItem(id: String) -> impl IntoView {
    let notes = use_notes();
    let row = {
        let id = id.clone();
        Memo::new(move |_| notes.view.with(|v| v.row(&id).cloned().into_iter().collect::<Vec<NoteRow>>()))
    };
    // What the note is on never changes (its anchor is fixed).
    let first = row.with_untracked(|r| r.first().cloned()).unwrap_or_else(|| NoteRow::gone(&id));
    let kind = match first.kind {
        ItemKind::Quote => "kind-label kind-quote",
        ItemKind::Reported => "kind-label kind-reported",
        ItemKind::Commentary => "kind-label kind-commentary",
        _ => "kind-label",
    };
    let quoted = !matches!(first.kind, ItemKind::Party | ItemKind::Person);
    let excerpt = if quoted { format!("“{}”", first.about) } else { first.about.clone() };
    let edit = NodeRef::<html::Button>::new();
    let target = Edit::Note(id.clone());
    let show = move || {
        row.with(|r| r.first().and_then(|r| r.item)).map(|item| {
            view! {
                <button type="button" class="locate" on:click=move |_| notes.go_to_item(item)>
                    "Show in fact sheet"
                </button>
            }
        })
    };
    view! {
        <li class=if first.detached { "note-row is-detached" } else { "note-row" }>
            <p class="note-about">
                <span class=kind>{first.kind.label()}</span>
                <span class="note-excerpt">{excerpt}</span>
            </p>
            <div class="note-slot">{editor_or(notes, target.clone(), row.into())}</div>
            <div class="item-meta note-row-actions">
                {first.detached.then(|| view! { <span class="kind-label kind-detached">"Detached"</span> })}
                {show}
                <button
                    type="button"
                    class="note-button"
                    node_ref=edit
                    on:click=move |_| notes.toggle_editor(target.clone(), edit)
                >
                    "Edit"
                </button>
                <button type="button" class="note-button" on:click=move |_| notes.delete_note(&id)>
                    "Delete"
                </button>
            </div>
        </li>
    }
}

/// The "Library" region: every article the reader pasted, kept with its
/// notes (headline, date, notes, when last opened), to open again or delete;
/// and the JSON export and import of the whole library. Collapsed until
/// asked for.
#[component]
pub fn LibraryPanel() -> impl IntoView {
    let notes = use_notes();
    let rows = notes.library;
    let count = Signal::derive(move || count_label(rows.with(Vec::len), "article", "articles"));
    let ids = Memo::new(move |_| rows.with(|r| r.iter().map(|r| r.id.clone()).collect::<Vec<_>>()));
    let file = NodeRef::<html::Input>::new();
    let import = move |_| {
        if let Some(input) = file.get_untracked() {
            let reset = input.clone();
            dom::read_file(&input, move |text| {
                match text {
                    Some(text) => notes.import(&text),
                    None => notes.say("The file could not be read.", false),
                }
                reset.set_value("");
            });
        }
    };
    view! {
        <section class="panel library-panel" aria-label="Library">
            <details class="library">
                <summary class="library-summary">
                    <span class="panel-title">"Library"</span>
                    <span class="count">{count}</span>
                </summary>
                <p class="panel-note">
                    "Every article you paste is kept in this browser with its notes. Open one to bring back its fact sheet."
                </p>
                <ul class="library-list">
                    {move || ids.with(Vec::is_empty).then(|| view! { <li class="library-empty">"No articles yet."</li> })}
                    <For each=move || ids.get() key=|id| id.clone() let(id)>
                        <LibraryItem id/>
                    </For>
                </ul>
                <div class="library-tools">
                    <button
                        type="button"
                        class="button button-small icon-download"
                        on:click=move |_| notes.export_all()
                    >
                        "Export all (JSON)"
                    </button>
                    <button
                        type="button"
                        class="button button-small"
                        on:click=move |_| {
                            if let Some(input) = file.get_untracked() {
                                input.click();
                            }
                        }
                    >
                        "Import (JSON)…"
                    </button>
                    <input
                        type="file"
                        accept=".json,application/json"
                        hidden=true
                        aria-label="Import notes from a JSON export"
                        node_ref=file
                        on:change=import
                    />
                </div>
            </details>
        </section>
    }
}

/// One article of the library: title, date, notes, when last opened; "Open"
/// ("Open now", disabled, for the one in the box) and "Delete".
#[component]
fn LibraryItem(id: String) -> impl IntoView {
    let notes = use_notes();
    let field = {
        let id = id.clone();
        move |pick: fn(&crate::sheet::notes::LibraryRow) -> String| {
            let id = id.clone();
            Signal::derive(move || {
                notes.library.with(|rows| rows.iter().find(|r| r.id == id).map(pick).unwrap_or_default())
            })
        }
    };
    let title = field(|r| r.title.clone());
    let meta = field(|r| {
        [r.published.clone(), Some(r.notes.clone()), Some(r.opened.clone())]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" · ")
    });
    let is_open = {
        let id = id.clone();
        Signal::derive(move || notes.current().as_deref() == Some(id.as_str()))
    };
    let hidden_title = Signal::derive(move || format!(": {}", title.get()));
    let open_label = Signal::derive(move || if is_open.get() { "Open now" } else { "Open" });
    let current = Signal::derive(move || is_open.get().then_some("true"));
    let open_id = id.clone();
    view! {
        <li class="library-item" aria-current=current>
            <div class="library-main">
                <p class="library-title">{title}</p>
                <p class="library-meta">{meta}</p>
            </div>
            <div class="library-actions">
                <button
                    type="button"
                    class="button button-small"
                    disabled=is_open
                    on:click=move |_| notes.open(&open_id)
                >
                    {open_label}
                    <span class="visually-hidden">{hidden_title}</span>
                </button>
                <button
                    type="button"
                    class="button button-small button-quiet"
                    on:click=move |_| notes.delete_article(&id)
                >
                    "Delete"
                    <span class="visually-hidden">{hidden_title}</span>
                </button>
            </div>
        </li>
    }
}

/// Where storage problems are told (a polite live region, always present):
/// the message, "Export all notes", "Download the old data" when unreadable
/// data was kept, and "Dismiss" unless it is a fault still going on.
#[component]
pub fn StorageStatus() -> impl IntoView {
    let notes = use_notes();
    view! {
        <div class="storage-status" id="storage-status" role="status" aria-live="polite">
            {move || notes.shown_notice().map(|notice| storage_banner(notes, notice.message.unwrap_or_default(), notice.fault, notice.backup))}
        </div>
    }
}

fn storage_banner(notes: Notes, message: String, fault: bool, backup: bool) -> impl IntoView {
    view! {
        <div class="storage-banner">
            <p>{message}</p>
            <div class="storage-actions">
                <button type="button" class="button button-small" on:click=move |_| notes.export_all()>
                    "Export all notes"
                </button>
                {backup.then(|| view! {
                    <button type="button" class="button button-small" on:click=move |_| notes.download_backup()>
                        "Download the old data"
                    </button>
                })}
                {(!fault).then(|| view! {
                    <button type="button" class="button button-small button-quiet" on:click=move |_| notes.dismiss_notice()>
                        "Dismiss"
                    </button>
                })}
            </div>
        </div>
    }
}

/// Where short messages ("Note deleted. Undo") appear (a polite live region).
#[component]
pub fn NotesToasts() -> impl IntoView {
    let notes = use_notes();
    view! {
        <div class="notes-toasts" id="notes-toasts" role="status" aria-live="polite">
            {move || {
                notes.toast.get().map(|toast| {
                    view! {
                        <div class="notes-toast">
                            <p>{toast.text}</p>
                            {toast.undo.then(|| view! {
                                <button type="button" class="toast-button" on:click=move |_| notes.undo()>"Undo"</button>
                            })}
                            <button type="button" class="toast-close" aria-label="Dismiss" on:click=move |_| notes.hide_toast()>
                                "×"
                            </button>
                        </div>
                    }
                })
            }}
        </div>
    }
}
