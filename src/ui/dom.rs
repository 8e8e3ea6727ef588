//! The few browser calls the app makes by hand (everything else is Leptos):
//! scrolling, text selection, clipboard, downloads, performance marks.
//! None of them panics: a missing API just means the feature does nothing.

use leptos::prelude::*;
use leptos::wasm_bindgen::{closure::Closure, JsCast, JsValue};
use web_sys::js_sys;

/// `document.getElementById(id)`.
pub fn by_id(id: &str) -> Option<web_sys::Element> {
    document().get_element_by_id(id)
}

/// Whether the user asked for less motion.
fn reduced_motion() -> bool {
    window().match_media("(prefers-reduced-motion: reduce)").ok().flatten().is_some_and(|m| m.matches())
}

/// Whether the page is laid out in two columns (sheet beside the source).
pub fn is_wide() -> bool {
    window().match_media("(min-width: 64rem)").ok().flatten().is_some_and(|m| m.matches())
}

fn behavior() -> web_sys::ScrollBehavior {
    if reduced_motion() {
        web_sys::ScrollBehavior::Auto
    } else {
        web_sys::ScrollBehavior::Smooth
    }
}

/// Scrolls `el` to the middle of its scroll container(s).
pub fn scroll_to_center(el: &web_sys::Element) {
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_behavior(behavior());
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    el.scroll_into_view_with_scroll_into_view_options(&options);
}

/// Scrolls the page so that `el` starts at the top of the screen.
pub fn scroll_to_start(el: &web_sys::Element) {
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_behavior(behavior());
    options.set_block(web_sys::ScrollLogicalPosition::Start);
    el.scroll_into_view_with_scroll_into_view_options(&options);
}

/// Scrolls `el` into view only as far as needed.
pub fn scroll_to_nearest(el: &web_sys::Element) {
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_behavior(behavior());
    options.set_block(web_sys::ScrollLogicalPosition::Nearest);
    el.scroll_into_view_with_scroll_into_view_options(&options);
}

/// Scrolls `el` (inside the scrolling box `container`) to the middle of the
/// part of that box that is on screen, without scrolling the page (unless
/// hardly any of the box is on screen).
pub fn scroll_within(container: &web_sys::Element, el: &web_sys::Element) {
    let (Some(c), Some(e)) = (container.dyn_ref::<web_sys::HtmlElement>(), el.dyn_ref::<web_sys::HtmlElement>()) else {
        return;
    };
    let screen = window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(800.0);
    let mut c_rect = c.get_bounding_client_rect();
    if c_rect.bottom().min(screen) - c_rect.top().max(0.0) < 160.0 {
        c.scroll_into_view_with_bool(true);
        c_rect = c.get_bounding_client_rect();
    }
    let (top, bottom) = (c_rect.top().max(0.0), c_rect.bottom().min(screen));
    let e_rect = e.get_bounding_client_rect();
    let target = c.scroll_top() as f64 + (e_rect.top() - top) - ((bottom - top) - e_rect.height()).max(0.0) / 2.0;
    let options = web_sys::ScrollToOptions::new();
    options.set_top(target.max(0.0));
    options.set_behavior(behavior());
    c.scroll_to_with_scroll_to_options(&options);
}

/// Whether `el` scrolls its own content (rather than growing with it).
pub fn scrolls_itself(el: &web_sys::Element) -> bool {
    el.scroll_height() > el.client_height() + 1
}

/// Moves keyboard focus to `el` without scrolling (it was just scrolled).
pub fn focus_quietly(el: &web_sys::Element) {
    if let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = el.focus_with_options(&options);
    }
}

/// The byte offset in the article where the current selection (or caret)
/// starts, if it lies in an element carrying `data-s` (a segment of the
/// source view, whose text starts at that byte offset).
pub fn selection_start_offset() -> Option<usize> {
    let selection = window().get_selection().ok()??;
    let mut best: Option<usize> = None;
    for (node, offset) in
        [(selection.anchor_node(), selection.anchor_offset()), (selection.focus_node(), selection.focus_offset())]
    {
        let Some(node) = node else { continue };
        let Some(at) = offset_in_segment(&node, offset as usize) else { continue };
        best = Some(best.map_or(at, |b: usize| b.min(at)));
    }
    best
}

fn offset_in_segment(node: &web_sys::Node, offset: usize) -> Option<usize> {
    // A text node inside a segment: count UTF-16 units into its text.
    if node.node_type() == web_sys::Node::TEXT_NODE {
        let parent = node.parent_element()?;
        let segment = parent.closest("[data-s]").ok()??;
        let start: usize = segment.get_attribute("data-s")?.parse().ok()?;
        let text = node.text_content().unwrap_or_default();
        return Some(start + crate::sheet::source::byte_offset_from_utf16(&text, offset));
    }
    // An element: the selection is between its children; use the child's segment.
    let el = node.dyn_ref::<web_sys::Element>()?;
    let child = el.children().item(offset.min(el.children().length().saturating_sub(1) as usize) as u32);
    let segment = match child {
        Some(c) if c.has_attribute("data-s") => c,
        _ => el.closest("[data-s]").ok()??,
    };
    segment.get_attribute("data-s")?.parse().ok()
}

/// The sheet item a click landed on (an element with an item id such as
/// `quote-3`), unless it landed on a control of its own or ended a text
/// selection.
pub fn clicked_item(ev: &web_sys::MouseEvent) -> Option<crate::sheet::ItemRef> {
    let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    if target.closest("button, a, input, textarea, label").ok().flatten().is_some() || has_selected_text() {
        return None;
    }
    let mut el = target.closest("[id]").ok().flatten();
    while let Some(e) = el {
        if let Some(item) = crate::sheet::ItemRef::from_dom_id(&e.id()) {
            return Some(item);
        }
        el = e.parent_element().and_then(|p| p.closest("[id]").ok().flatten());
    }
    None
}

/// Whether the user has selected some text (rather than just clicked).
pub fn has_selected_text() -> bool {
    window().get_selection().ok().flatten().is_some_and(|s| !s.is_collapsed())
}

/// Writes `text` to the clipboard; `done(true)` once it is there,
/// `done(false)` if the browser refused (no permission, no clipboard API).
pub fn copy_text(text: &str, done: impl FnOnce(bool) + 'static) {
    let navigator = window().navigator();
    let has_clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))
        .map(|c| !c.is_undefined() && !c.is_null())
        .unwrap_or(false);
    if !has_clipboard {
        done(false);
        return;
    }
    let promise = navigator.clipboard().write_text(text);
    let done = std::rc::Rc::new(std::cell::Cell::new(Some(done)));
    let ok: Closure<dyn FnMut(JsValue)> = {
        let done = done.clone();
        Closure::once(move |_: JsValue| {
            if let Some(f) = done.take() {
                f(true)
            }
        })
    };
    let fail: Closure<dyn FnMut(JsValue)> = Closure::once(move |_: JsValue| {
        if let Some(f) = done.take() {
            f(false)
        }
    });
    let _ = promise.then2(&ok, &fail);
    // One of them runs once, later; both are small. Let JS own them.
    ok.forget();
    fail.forget();
}

/// Offers `contents` as a file download named `file_name`.
pub fn download(file_name: &str, mime: &str, contents: &str) -> bool {
    let parts = js_sys::Array::of1(&JsValue::from_str(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else { return false };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return false };
    let Ok(anchor) = document().create_element("a") else { return false };
    let Ok(anchor) = anchor.dyn_into::<web_sys::HtmlAnchorElement>() else { return false };
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    // Give the browser time to start the download before the URL goes.
    set_timeout(move || drop(web_sys::Url::revoke_object_url(&url)), std::time::Duration::from_secs(30));
    true
}

/// `performance.mark(name)`.
pub fn mark(name: &str) {
    if let Some(p) = window().performance() {
        let _ = p.mark(name);
    }
}

/// `performance.measure(name, start, end)` between two marks.
pub fn measure(name: &str, start: &str, end: &str) {
    if let Some(p) = window().performance() {
        let _ = p.measure_with_start_mark_and_end_mark(name, start, end);
    }
}

/// Forces style and layout now (so a following mark includes them).
pub fn force_layout() {
    if let Some(body) = document().body() {
        let _ = body.offset_height();
    }
}

/// The reader's time zone, in minutes east of UTC.
pub fn tz_offset_minutes() -> i64 {
    -(js_sys::Date::new_0().get_timezone_offset() as i64)
}

/// Reads the first file chosen in the file input `input` as text, then
/// calls `done` with it (`None` when it cannot be read).
pub fn read_file(input: &web_sys::HtmlInputElement, done: impl FnOnce(Option<String>) + 'static) {
    let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
    let done = std::rc::Rc::new(std::cell::Cell::new(Some(done)));
    let ok: Closure<dyn FnMut(JsValue)> = {
        let done = done.clone();
        Closure::once(move |text: JsValue| {
            if let Some(f) = done.take() {
                f(text.as_string())
            }
        })
    };
    let fail: Closure<dyn FnMut(JsValue)> = Closure::once(move |_: JsValue| {
        if let Some(f) = done.take() {
            f(None)
        }
    });
    let _ = file.text().then2(&ok, &fail);
    ok.forget();
    fail.forget();
}

/// Whether the event happened on a button (or inside one).
pub fn on_button(ev: &web_sys::MouseEvent) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| el.closest("button").ok().flatten().is_some())
}

/// The value of a text box (`<textarea>` or `<input>`), "" for anything else.
pub fn value_of(el: &web_sys::Element) -> String {
    if let Some(t) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        return t.value();
    }
    el.dyn_ref::<web_sys::HtmlInputElement>().map(|i| i.value()).unwrap_or_default()
}

// The two DOM calls below, typed to take and give JS strings (web-sys's
// versions convert to and from Rust strings).
#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// A `DataTransfer`.
    type Transfer;
    #[wasm_bindgen(method, js_name = getData)]
    fn get_data(this: &Transfer, format: &str) -> js_sys::JsString;

    /// A `<textarea>`.
    type TextBox;
    #[wasm_bindgen(method, js_name = setRangeText)]
    fn set_range_text(this: &TextBox, text: &js_sys::JsString, start: u32, end: u32, mode: &str);
}

/// The plain text on a clipboard, as a JS string (a long paste is not copied
/// into the wasm's memory and back).
pub fn clipboard_text(data: &web_sys::DataTransfer) -> js_sys::JsString {
    data.unchecked_ref::<Transfer>().get_data("text/plain")
}

/// Replaces `start..end` of the box's value with `text`, the caret after it
/// (`setRangeText`, without the browser's editing commands).
pub fn replace_range(textarea: &web_sys::HtmlTextAreaElement, text: &js_sys::JsString, start: u32, end: u32) {
    textarea.unchecked_ref::<TextBox>().set_range_text(text, start, end, "end");
}
