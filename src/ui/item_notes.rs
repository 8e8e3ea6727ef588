//! The reader's notes on an item of the sheet: its "Add note" / "Edit note"
//! button, the notes shown under it, and the note editor (also used by the
//! Notes panel). Every piece reads the notes view model (`Notes::view`);
//! user text only ever goes into the page as text.
//!
//! Reactive text and attributes are `Signal`s rather than closures: one
//! `Signal<T>` type renders through one copy of Leptos' code, where every
//! distinct closure would add its own (about 1 KB of wasm each).

use leptos::either::Either;
use leptos::html;
use leptos::prelude::*;

use super::notes::{use_notes, Edit, Notes};
use crate::sheet::notes::{tags_text, NoteRow, SaveState};

/// The "Add note" button of the item at `item` (in `items_of` order): "Edit
/// note" once it has one; it opens and closes the editor under the item.
pub fn note_button(item: usize) -> impl IntoView {
    let notes = use_notes();
    let opener = NodeRef::<html::Button>::new();
    let label =
        Signal::derive(
            move || {
                if notes.view.with(|v| v.on_item(item).next().is_some()) {
                    "Edit note"
                } else {
                    "Add note"
                }
            },
        );
    let expanded = Signal::derive(move || yes_no(notes.editing.with(|e| *e == Some(Edit::Item(item)))));
    view! {
        <button
            type="button"
            class="note-button item-note-button"
            node_ref=opener
            aria-expanded=expanded
            on:click=move |_| notes.toggle_editor(Edit::Item(item), opener)
        >
            {label}
        </button>
    }
}

/// Under the item at `item`: its notes, or the editor while it is open there.
pub fn note_slot(item: usize) -> impl IntoView {
    let notes = use_notes();
    let rows = Memo::new(move |_| notes.view.with(|v| v.on_item(item).cloned().collect::<Vec<NoteRow>>()));
    view! { <div class="note-slot">{editor_or(notes, Edit::Item(item), rows.into())}</div> }
}

/// `"true"` or `"false"`, for ARIA states.
pub fn yes_no(on: bool) -> &'static str {
    if on {
        "true"
    } else {
        "false"
    }
}

/// The editor while `target` is being edited, else the notes in `rows`.
pub fn editor_or(notes: Notes, target: Edit, rows: Signal<Vec<NoteRow>>) -> impl IntoView {
    let here = Memo::new(move |_| notes.editing.with(|e| e.as_ref() == Some(&target)));
    move || {
        if here.get() {
            Either::Left(view! { <NoteEditor/> })
        } else {
            Either::Right(rows.with(|rows| (!rows.is_empty()).then(|| inline_notes(rows))))
        }
    }
}

/// Notes (text and tags) as shown on their item.
fn inline_notes(rows: &[NoteRow]) -> impl IntoView {
    let notes = rows
        .iter()
        .map(|row| {
            let tags = (!row.tags.is_empty()).then(|| {
                let tags = row.tags.iter().map(|t| view! { <span class="tag note-tag">{format!("#{t}")}</span> });
                view! { <p class="tags note-tags"><span class="visually-hidden">"Tags: "</span>{tags.collect_view()}</p> }
            });
            view! {
                <p class="note-body"><span class="visually-hidden">"Your note: "</span>{row.body.clone()}</p>
                {tags}
            }
        })
        .collect_view();
    view! { <div class="note-inline">{notes}</div> }
}

/// The note editor: note and tags, saved as they are typed; Escape or
/// "Done" closes it, "Delete note" deletes the note (undoable). It opens
/// with the note it is on and keeps what is typed (nothing rewrites it).
#[component]
fn NoteEditor() -> impl IntoView {
    let notes = use_notes();
    let row = notes.editor_row();
    let body = row.as_ref().map(|r| r.body.clone()).unwrap_or_default();
    let tags = row.as_ref().map(|r| tags_text(&r.tags)).unwrap_or_default();
    let text = NodeRef::<html::Textarea>::new();
    text.on_load(|text| {
        let _ = text.focus();
        let end = text.value().encode_utf16().count() as u32;
        let _ = text.set_selection_range(end, end);
    });
    view! {
        <div
            class="note-editor"
            id="note-editor"
            on:keydown=move |ev| {
                if ev.key() == "Escape" {
                    ev.prevent_default();
                    notes.close_editor(true);
                }
            }
        >
            <label class="note-label" for="note-text">"Note"</label>
            <textarea
                id="note-text"
                class="note-input"
                rows="3"
                aria-describedby="note-help"
                node_ref=text
                prop:value=body
                on:input=move |ev| notes.write(Some(&event_target_value(&ev)), None)
            ></textarea>
            <label class="note-label" for="note-tags">"Tags"</label>
            <input
                id="note-tags"
                class="note-input"
                type="text"
                autocomplete="off"
                placeholder="e.g. to check, follow-up"
                aria-describedby="note-help"
                prop:value=tags
                on:input=move |ev| notes.write(None, Some(&event_target_value(&ev)))
            />
            <div class="note-actions">
                <p class="note-help" id="note-help">"Saved as you type. Separate tags with commas. Esc closes."</p>
                {save_indicator(true)}
                <button
                    type="button"
                    class="button button-small button-quiet"
                    on:click=move |_| notes.delete_editor_note()
                >
                    "Delete note"
                </button>
                <button type="button" class="button button-small" on:click=move |_| notes.close_editor(true)>
                    "Done"
                </button>
            </div>
        </div>
    }
}

/// Whether the notes are stored: "Saved", "Saving…", or why not. Two are on
/// the page (the editor's and the article note's); one speaks at a time: the
/// editor's while it is open, else the article note's.
pub fn save_indicator(in_editor: bool) -> impl IntoView {
    let notes = use_notes();
    let state = notes.save_state;
    let active = move || notes.editing.with(Option::is_some) == in_editor;
    let class = Signal::derive(move || match state.get() {
        SaveState::Retrying | SaveState::InMemory => "save-state is-problem",
        SaveState::Saved | SaveState::Saving => "save-state",
    });
    let said = Signal::derive(move || if active() { state.get().message() } else { "" });
    let shown = Signal::derive(move || if active() && state.get() == SaveState::Saving { "Saving…" } else { "" });
    // The live part says "Saved" (or why not); "Saving…" is only shown.
    view! {
        <span class=class>
            <span role="status">{said}</span>
            <span aria-hidden="true">{shown}</span>
        </span>
    }
}
