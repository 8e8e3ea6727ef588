//! The notes UI drawn by hand: [`render`] fills the static containers the
//! components put on the page (item buttons and slots, the Notes panel's
//! list, the library list, the storage banner, the messages) from the view
//! model, and [`listen`] handles every notes control through one delegated
//! listener per event type (`data-action` on buttons, ids on boxes).
//!
//! User text only ever goes into the page as text (`textContent`, `value`);
//! `innerHTML` is used for constant markup only.

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, HtmlTextAreaElement};

use super::dom;
use super::notes::{Edit, Notes};
use super::state::Origin;
use crate::notes::ItemKind;
use crate::sheet::format::count_label;
use crate::sheet::notes::{library_rows, tags_text, NoteRow, NotesView, SaveState};
use crate::sheet::ItemRef;

/// The note editor's markup (constant; the note's text goes in by `value`).
const EDITOR_HTML: &str = "<label class=\"note-label\" for=\"note-text\">Note</label>\
<textarea id=\"note-text\" class=\"note-input\" rows=\"3\" aria-describedby=\"note-help\"></textarea>\
<label class=\"note-label\" for=\"note-tags\">Tags</label>\
<input id=\"note-tags\" class=\"note-input\" type=\"text\" autocomplete=\"off\" \
placeholder=\"e.g. to check, follow-up\" aria-describedby=\"note-help\">\
<div class=\"note-actions\"><p class=\"note-help\" id=\"note-help\">Saved as you type. \
Separate tags with commas. Esc closes.</p><span class=\"save-state\"></span>\
<button type=\"button\" class=\"button button-small button-quiet\" data-action=\"note-delete\">Delete note</button>\
<button type=\"button\" class=\"button button-small\" data-action=\"note-done\">Done</button></div>";

fn doc() -> web_sys::Document {
    document()
}

/// `<tag class="class">text</tag>`.
fn el(tag: &str, class: &str, text: &str) -> Element {
    let e = doc().create_element(tag).expect("create element");
    if !class.is_empty() {
        e.set_class_name(class);
    }
    if !text.is_empty() {
        e.set_text_content(Some(text));
    }
    e
}

fn add(parent: &Element, child: &Element) {
    let _ = parent.append_child(child);
}

fn attr(e: &Element, name: &str, value: &str) {
    let _ = e.set_attribute(name, value);
}

/// A button that acts through [`listen`]: `data-action`, `data-arg`.
fn button(class: &str, label: &str, action: &str, arg: &str) -> Element {
    let b = el("button", class, label);
    attr(&b, "type", "button");
    attr(&b, "data-action", action);
    if !arg.is_empty() {
        attr(&b, "data-arg", arg);
    }
    b
}

/// Every element matching `selector`.
fn all(selector: &str) -> Vec<Element> {
    let Ok(list) = doc().query_selector_all(selector) else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<Element>().ok()).collect()
}

/// Sets the text of `e` unless it already reads so (no needless mutations).
fn set_text(e: &Element, text: &str) {
    if e.text_content().as_deref() != Some(text) {
        e.set_text_content(Some(text));
    }
}

/// Replaces the children of `e` with the notes `rows` (text and tags), unless
/// it already shows them (compared through `data-sig`).
fn fill_notes<'a>(e: &Element, rows: impl Iterator<Item = &'a NoteRow>) {
    let mut sig = String::new();
    let box_ = el("div", "note-inline", "");
    for row in rows {
        sig.push_str(&row.body);
        sig.push('\u{1}');
        sig.push_str(&row.tags.join("\u{2}"));
        sig.push('\u{3}');
        let body = el("p", "note-body", "");
        add(&body, &el("span", "visually-hidden", "Your note: "));
        let _ = body.append_with_str_1(&row.body);
        add(&box_, &body);
        if !row.tags.is_empty() {
            let tags = el("p", "tags note-tags", "");
            add(&tags, &el("span", "visually-hidden", "Tags: "));
            for tag in &row.tags {
                add(&tags, &el("span", "tag note-tag", &format!("#{tag}")));
            }
            add(&box_, &tags);
        }
    }
    if e.get_attribute("data-sig").as_deref() == Some(sig.as_str()) {
        return;
    }
    e.set_text_content(None);
    if !sig.is_empty() {
        add(e, &box_);
    }
    attr(e, "data-sig", &sig);
}

/// The slot an editor on `target` goes in.
fn slot_of(target: &Edit) -> Option<Element> {
    let selector = match target {
        Edit::Item(i) => format!("[data-slot=\"{i}\"]"),
        Edit::Note(id) => format!("[data-row-slot=\"{id}\"]"),
    };
    doc().query_selector(&selector).ok().flatten()
}

fn opener_of(target: &Edit) -> Option<Element> {
    let selector = match target {
        Edit::Item(i) => format!("[data-action=\"note\"][data-item=\"{i}\"]"),
        Edit::Note(id) => format!("[data-action=\"note-edit\"][data-arg=\"{id}\"]"),
    };
    doc().query_selector(&selector).ok().flatten()
}

/// Takes the editor off the page.
pub fn remove_editor() {
    if let Some(editor) = dom::by_id("note-editor") {
        if let Some(slot) = editor.parent_element() {
            let _ = slot.remove_attribute("data-sig");
        }
        editor.remove();
    }
}

/// Gives the focus to the button that opens the editor on `target`.
pub fn focus_opener(target: &Edit) {
    if let Some(button) = opener_of(target) {
        dom::focus_quietly(&button);
    }
}

/// Puts the editor into its slot (making it, filled with the note, when it
/// is not on the page) and gives it focus when it is new.
fn place_editor(notes: Notes, target: &Edit, view: &NotesView) {
    let Some(slot) = slot_of(target) else { return };
    if dom::by_id("note-editor").is_some_and(|e| e.parent_element().as_ref() == Some(&slot)) {
        return;
    }
    if let Some(old) = dom::by_id("note-editor") {
        old.remove();
    }
    let editor = el("div", "note-editor", "");
    editor.set_id("note-editor");
    editor.set_inner_html(EDITOR_HTML);
    let row = notes.editor_note.with_value(|id| id.as_deref().and_then(|id| view.row(id)));
    slot.set_text_content(None);
    let _ = slot.remove_attribute("data-sig");
    add(&slot, &editor);
    if let Some(text) = dom::by_id("note-text").and_then(|e| e.dyn_into::<HtmlTextAreaElement>().ok()) {
        if let Some(row) = row {
            text.set_value(&row.body);
        }
        let _ = text.focus();
        let end = text.value().encode_utf16().count() as u32;
        let _ = text.set_selection_range(end, end);
    }
    if let (Some(tags), Some(row)) = (dom::by_id("note-tags").and_then(|e| e.dyn_into::<HtmlInputElement>().ok()), row)
    {
        tags.set_value(&tags_text(&row.tags));
    }
}

/// Brings everything the notes UI shows up to date (see the module docs).
pub fn render(notes: Notes) {
    notes.render_queued.set_value(false);
    let view = notes.compute_view();
    let editing = notes.editing.get_value();

    // Items: "Add note" / "Edit note", and their notes.
    for b in all("[data-action=\"note\"]") {
        let item = b.get_attribute("data-item").and_then(|i| i.parse::<usize>().ok());
        let Some(item) = item else { continue };
        set_text(&b, if view.on_item(item).next().is_some() { "Edit note" } else { "Add note" });
        let open = editing == Some(Edit::Item(item));
        attr(&b, "aria-expanded", if open { "true" } else { "false" });
    }
    for slot in all("[data-slot]") {
        let item = slot.get_attribute("data-slot").and_then(|i| i.parse::<usize>().ok());
        if let (Some(item), false) = (item, slot.query_selector("#note-editor").ok().flatten().is_some()) {
            fill_notes(&slot, view.on_item(item));
        }
    }

    render_panel(&view);
    if let Some(target) = &editing {
        place_editor(notes, target, &view);
    }
    render_library(notes);
    render_status(notes);
    notes.view.set_value(view);
}

/// The Notes panel: count, article note, the list (rebuilt when notes come
/// or go, else only their texts).
fn render_panel(view: &NotesView) {
    let Some(list) = dom::by_id("notes-list") else { return };
    if let Some(count) = dom::by_id("notes-count") {
        set_text(&count, &if view.count() == 0 { String::new() } else { count_label(view.count(), "note", "notes") });
    }
    if let Some(text) = dom::by_id("article-note").and_then(|e| e.dyn_into::<HtmlTextAreaElement>().ok()) {
        let focused = doc().active_element().is_some_and(|a| a.id() == "article-note");
        if !focused && text.value() != view.article_note {
            text.set_value(&view.article_note);
        }
    }
    let shape: String = view.rows.iter().map(|r| format!("{}{} ", r.id, if r.detached { "d" } else { "" })).collect();
    if list.get_attribute("data-shape").as_deref() != Some(shape.as_str()) {
        list.set_text_content(None);
        attr(&list, "data-shape", &shape);
        if view.rows.is_empty() {
            add(
                &list,
                &el(
                    "p",
                    "notes-empty",
                    "No notes on items yet: press “Add note” on any quote, fact or party. \
                     Notes stay in this browser, with the article.",
                ),
            );
        }
        let attached = el("ul", "note-list", "");
        let detached = el("ul", "note-list is-detached", "");
        for row in &view.rows {
            add(if row.detached { &detached } else { &attached }, &note_row(row));
        }
        if attached.child_element_count() > 0 {
            add(&list, &attached);
        }
        if detached.child_element_count() > 0 {
            add(&list, &el("h3", "notes-subheading", "Detached notes"));
            add(
                &list,
                &el(
                    "p",
                    "panel-note",
                    "The text these notes were written on is no longer in the article. They are kept here; \
                     delete them when you no longer need them.",
                ),
            );
            add(&list, &detached);
        }
    }
    for slot in all("[data-row-slot]") {
        let id = slot.get_attribute("data-row-slot").unwrap_or_default();
        if slot.query_selector("#note-editor").ok().flatten().is_none() {
            fill_notes(&slot, view.row(&id).into_iter());
        }
    }
}

/// One note of the Notes panel: what it is on, a slot for its text (or the
/// editor), and its buttons.
fn note_row(row: &NoteRow) -> Element {
    let li = el("li", if row.detached { "note-row is-detached" } else { "note-row" }, "");
    let about = el("p", "note-about", "");
    let kind = match row.kind {
        ItemKind::Quote => "kind-label kind-quote",
        ItemKind::Reported => "kind-label kind-reported",
        ItemKind::Commentary => "kind-label kind-commentary",
        _ => "kind-label",
    };
    add(&about, &el("span", kind, row.kind.label()));
    let quoted = !matches!(row.kind, ItemKind::Party | ItemKind::Person);
    let excerpt = if quoted { format!("“{}”", row.about) } else { row.about.clone() };
    add(&about, &el("span", "note-excerpt", &excerpt));
    add(&li, &about);
    let slot = el("div", "note-slot", "");
    attr(&slot, "data-row-slot", &row.id);
    add(&li, &slot);
    let actions = el("div", "item-meta note-row-actions", "");
    if row.detached {
        add(&actions, &el("span", "kind-label kind-detached", "Detached"));
    }
    if let Some(item) = row.item {
        add(&actions, &button("locate", "Show in fact sheet", "note-show", &item.to_string()));
    }
    add(&actions, &button("note-button", "Edit", "note-edit", &row.id));
    add(&actions, &button("note-button", "Delete", "note-del", &row.id));
    add(&li, &actions);
    li
}

/// The library list (rebuilt when what it shows changes).
fn render_library(notes: Notes) {
    let Some(list) = dom::by_id("library-list") else { return };
    let current = notes.current();
    let rows = notes.with_library(|l| library_rows(&l.list(), crate::notes::web::now_ms(), dom::tz_offset_minutes()));
    let mut sig = current.clone().unwrap_or_default();
    for r in &rows {
        let published = r.published.as_deref().unwrap_or("\u{1}");
        sig.push_str(&format!("|{}|{}|{}|{}|{published}", r.id, r.title, r.notes, r.opened));
    }
    if list.get_attribute("data-sig").as_deref() == Some(sig.as_str()) {
        return;
    }
    attr(&list, "data-sig", &sig);
    if let Some(count) = dom::by_id("library-count") {
        set_text(&count, &count_label(rows.len(), "article", "articles"));
    }
    list.set_text_content(None);
    if rows.is_empty() {
        add(&list, &el("li", "library-empty", "No articles yet."));
    }
    for row in rows {
        let is_open = current.as_deref() == Some(row.id.as_str());
        let li = el("li", "library-item", "");
        if is_open {
            attr(&li, "aria-current", "true");
        }
        let main = el("div", "library-main", "");
        add(&main, &el("p", "library-title", &row.title));
        let meta = [row.published, Some(row.notes), Some(row.opened)].into_iter().flatten().collect::<Vec<_>>();
        add(&main, &el("p", "library-meta", &meta.join(" · ")));
        add(&li, &main);
        let actions = el("div", "library-actions", "");
        let open = button("button button-small", if is_open { "Open now" } else { "Open" }, "lib-open", &row.id);
        if is_open {
            attr(&open, "disabled", "");
        }
        add(&open, &el("span", "visually-hidden", &format!(": {}", row.title)));
        add(&actions, &open);
        let delete = button("button button-small button-quiet", "Delete", "lib-delete", &row.id);
        add(&delete, &el("span", "visually-hidden", &format!(": {}", row.title)));
        add(&actions, &delete);
        add(&li, &actions);
        add(&list, &li);
    }
}

/// The storage banner, the save indicators and the message at the bottom.
fn render_status(notes: Notes) {
    let (message, fault, backup) = notes.storage_message();
    let message = message.filter(|m| notes.dismissed.with_value(|d| d.as_ref() != Some(m)));
    if let Some(region) = dom::by_id("storage-status") {
        let sig = message.clone().unwrap_or_default();
        if region.get_attribute("data-sig").as_deref() != Some(sig.as_str()) {
            attr(&region, "data-sig", &sig);
            region.set_text_content(None);
            if let Some(message) = message {
                let banner = el("div", "storage-banner", "");
                add(&banner, &el("p", "", &message));
                let actions = el("div", "storage-actions", "");
                add(&actions, &button("button button-small", "Export all notes", "export-all", ""));
                if backup {
                    add(&actions, &button("button button-small", "Download the old data", "backup", ""));
                }
                if !fault {
                    add(&actions, &button("button button-small button-quiet", "Dismiss", "banner-dismiss", ""));
                }
                add(&banner, &actions);
                add(&region, &banner);
            }
        }
    }
    let state = notes.save_state();
    let editing = notes.editing.with_value(Option::is_some);
    for indicator in all(".save-state") {
        // One indicator speaks: the editor's while it is open, else the article note's.
        let active = editing == indicator.closest("#note-editor").ok().flatten().is_some();
        let problem = matches!(state, SaveState::Retrying | SaveState::InMemory);
        let class = if problem { "save-state is-problem" } else { "save-state" };
        if indicator.class_name() != class {
            indicator.set_class_name(class);
        }
        // The live part says "Saved" (or why not); "Saving…" is only shown.
        if indicator.child_element_count() == 0 {
            indicator.set_inner_html("<span role=\"status\"></span><span aria-hidden=\"true\"></span>");
        }
        if let (Some(live), Some(shown)) = (indicator.first_element_child(), indicator.last_element_child()) {
            set_text(&live, if active { state.message() } else { "" });
            set_text(&shown, if active && state == SaveState::Saving { "Saving…" } else { "" });
        }
    }
    if let Some(region) = dom::by_id("notes-toasts") {
        let toast = notes.toast.get_value();
        let sig = toast.as_ref().map(|t| format!("{}{}", t.text, t.undo)).unwrap_or_default();
        if region.get_attribute("data-sig").as_deref() != Some(sig.as_str()) {
            attr(&region, "data-sig", &sig);
            region.set_text_content(None);
            if let Some(toast) = toast {
                let card = el("div", "notes-toast", "");
                add(&card, &el("p", "", &toast.text));
                if toast.undo {
                    add(&card, &button("toast-button", "Undo", "undo", ""));
                }
                let close = button("toast-close", "×", "toast-close", "");
                attr(&close, "aria-label", "Dismiss");
                add(&card, &close);
                add(&region, &card);
            }
        }
    }
}

/// Brings the item `item` (in `items_of` order) into view in the sheet and
/// marks it; clears the filters if they hide it.
fn go_to_item(notes: Notes, item: usize) {
    let sheet = notes.sheet;
    let at = sheet.breakdown.with_untracked(crate::sheet::notes::ItemIndex::new);
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

/// Scrolls to the element `id` and gives it focus; `false` if there is none.
fn reveal(id: &str) -> bool {
    let Some(el) = dom::by_id(id) else { return false };
    dom::scroll_to_center(&el);
    dom::focus_quietly(&el);
    true
}

/// Hooks the notes controls: one listener each for clicks, input, changes and
/// Escape, on the document (controls come and go with the sheet).
pub fn listen(notes: Notes) {
    let document = doc();
    let target = |ev: &web_sys::Event| ev.target().and_then(|t| t.dyn_into::<Element>().ok());
    let on_click = gloo::events::EventListener::new(&document, "click", move |ev| {
        let Some(button) = target(ev).and_then(|t| t.closest("[data-action]").ok().flatten()) else { return };
        let action = button.get_attribute("data-action").unwrap_or_default();
        let arg = button.get_attribute("data-arg").unwrap_or_default();
        let number =
            || button.get_attribute("data-item").or_else(|| button.get_attribute("data-arg"))?.parse::<usize>().ok();
        match action.as_str() {
            "note" => {
                let Some(item) = number() else { return };
                let open = notes.editing.with_value(|e| e == &Some(Edit::Item(item)));
                if open && dom::by_id("note-editor").is_some() {
                    notes.close_editor(true);
                } else {
                    notes.open_editor(Edit::Item(item));
                }
            }
            "note-edit" => notes.open_editor(Edit::Note(arg)),
            "note-done" => notes.close_editor(true),
            "note-delete" => match notes.editor_note.get_value() {
                Some(id) => notes.delete_note(&id),
                None => notes.close_editor(true),
            },
            "note-del" => notes.delete_note(&arg),
            "note-show" => {
                if let Some(item) = number() {
                    go_to_item(notes, item);
                }
            }
            "notes-md" => notes.export_markdown(),
            "export-all" => notes.export_all(),
            "import" => {
                // After this handler: the input's click bubbles to this same listener.
                if let Some(input) = dom::by_id("import-file").and_then(|e| e.dyn_into::<HtmlInputElement>().ok()) {
                    set_timeout(move || input.click(), std::time::Duration::ZERO);
                }
            }
            "lib-open" => notes.open(&arg),
            "lib-delete" => notes.delete_article(&arg),
            "undo" => notes.undo(),
            "toast-close" => notes.hide_toast(),
            "backup" => notes.download_backup(),
            "banner-dismiss" => {
                notes.dismissed.set_value(notes.storage_message().0);
                notes.queue_render();
            }
            _ => {}
        }
    });
    let on_input = gloo::events::EventListener::new(&document, "input", move |ev| {
        let Some(t) = target(ev) else { return };
        let value = || dom::value_of(&t);
        match t.id().as_str() {
            "note-text" => notes.write(Some(&value()), None),
            "note-tags" => notes.write(None, Some(&value())),
            "article-note" => notes.set_article_note(&value()),
            _ => {}
        }
    });
    let on_change = gloo::events::EventListener::new(&document, "change", move |ev| {
        let Some(input) = target(ev).filter(|t| t.id() == "import-file") else { return };
        let Ok(input) = input.dyn_into::<HtmlInputElement>() else { return };
        let reset = input.clone();
        dom::read_file(&input, move |text| {
            match text {
                Some(text) => notes.import(&text),
                None => notes.say("The file could not be read.", false),
            }
            reset.set_value("");
        });
    });
    // Not passive: Escape's default is prevented.
    let options = gloo::events::EventListenerOptions::enable_prevent_default();
    let on_key = gloo::events::EventListener::new_with_options(&document, "keydown", options, move |ev| {
        let Some(key) = ev.dyn_ref::<web_sys::KeyboardEvent>() else { return };
        let in_editor = target(ev).is_some_and(|t| t.closest("#note-editor").ok().flatten().is_some());
        if key.key() == "Escape" && in_editor {
            ev.prevent_default();
            notes.close_editor(true);
        }
    });
    on_click.forget();
    on_input.forget();
    on_change.forget();
    on_key.forget();
}
