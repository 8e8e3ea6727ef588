//! Ways a page gets into the article box besides typing: a rich paste (the
//! clipboard's `text/html`), an opened or dropped file, the share sheet.
//!
//! HTML is parsed by the browser's own parser (`DOMParser`): the document it
//! builds is inert (never part of the page, no scripts run, nothing loads)
//! and is only walked to write text (`parser::page::html`). Nothing pasted is
//! ever put on the page as HTML.

use std::cell::Cell;
use std::rc::Rc;

use leptos::wasm_bindgen::{closure::Closure, JsCast, JsValue};
use web_sys::{DomParser, Node, SupportedType};

use crate::parser::page::html::{element, keep_text_attributes, Element, PageText, TextBuilder};
use crate::parser::page::markdown;
use crate::sheet::page::{file_kind, shared, FileKind, Shared, MAX_FILE_BYTES};

/// The text of a page's HTML, as the CLI's `--html` builds it. The markup
/// keeps only the attributes the text needs (`keep_text_attributes`), so the
/// inert document has nothing to load, run or style.
pub fn html_text(html: &str) -> Option<PageText> {
    let parser = DomParser::new().ok()?;
    let doc = parser.parse_from_string(&keep_text_attributes(html), SupportedType::TextHtml).ok()?;
    let root: Node = doc.document_element()?.into();
    Some(walk(root))
}

/// One step of the walk over the parsed document.
enum Step {
    Enter(Node),
    Leave(Element),
}

/// Feeds the elements and text under `root` to a [`TextBuilder`], depth
/// first, without recursion (pages nest deeply).
fn walk(root: Node) -> PageText {
    let mut builder = TextBuilder::new();
    let mut steps = vec![Step::Enter(root)];
    while let Some(step) = steps.pop() {
        let node = match step {
            Step::Leave(el) => {
                builder.close(el);
                continue;
            }
            Step::Enter(node) => node,
        };
        match node.node_type() {
            Node::TEXT_NODE | Node::CDATA_SECTION_NODE => builder.text(&node.node_value().unwrap_or_default()),
            Node::ELEMENT_NODE => {
                let Some(el) = node.dyn_ref::<web_sys::Element>() else { continue };
                let kind = element(&el.local_name(), |a| el.get_attribute(a));
                if builder.open(kind) {
                    steps.push(Step::Leave(kind));
                    let children = node.child_nodes();
                    for i in (0..children.length()).rev() {
                        if let Some(child) = children.item(i) {
                            steps.push(Step::Enter(child));
                        }
                    }
                }
            }
            _ => {}
        }
    }
    builder.finish()
}

/// Puts `text` in place of the box's selection as if typed (the browser's
/// undo keeps it, and an input event follows).
pub fn insert_text(area: &web_sys::HtmlTextAreaElement, text: &str) {
    let _ = area.focus();
    let inserted = leptos::prelude::document()
        .dyn_into::<web_sys::HtmlDocument>()
        .ok()
        .and_then(|d| d.exec_command_with_show_ui_and_value("insertText", false, text).ok())
        .unwrap_or(false);
    if !inserted {
        let _ = area.set_range_text_with_start_and_end_and_mode(
            text,
            area.selection_start().ok().flatten().unwrap_or(0),
            area.selection_end().ok().flatten().unwrap_or(0),
            "end",
        );
        if let Ok(ev) = web_sys::Event::new_with_event_init_dict("input", &{
            let init = web_sys::EventInit::new();
            init.set_bubbles(true);
            init
        }) {
            let _ = area.dispatch_event(&ev);
        }
    }
}

/// What came of reading a file.
pub enum Opened {
    /// The article text (a page's text for HTML), and how many elements of
    /// page furniture were left out.
    Text { name: String, text: String, left_out: usize },
    /// Why it could not be read.
    Refused(String),
}

/// Reads `file` (opened or dropped) into article text, then calls `done`.
pub fn read_file(file: web_sys::File, done: impl FnOnce(Opened) + 'static) {
    let name = file.name();
    let Some(kind) = file_kind(&name, &file.type_()) else {
        done(Opened::Refused(format!("“{name}” is not a text file. Factsheet opens .txt, .html and .md files.")));
        return;
    };
    if file.size() > MAX_FILE_BYTES {
        done(Opened::Refused(format!("“{name}” is too large to be an article (over 20 MB).")));
        return;
    }
    let done = Rc::new(Cell::new(Some(done)));
    let ok: Closure<dyn FnMut(JsValue)> = {
        let done = done.clone();
        let name = name.clone();
        Closure::once(move |content: JsValue| {
            if let Some(f) = done.take() {
                f(opened(name, kind, content.as_string().unwrap_or_default()));
            }
        })
    };
    let fail: Closure<dyn FnMut(JsValue)> = Closure::once(move |_: JsValue| {
        if let Some(f) = done.take() {
            f(Opened::Refused(format!("“{name}” could not be read.")));
        }
    });
    let _ = file.text().then2(&ok, &fail);
    ok.forget();
    fail.forget();
}

fn opened(name: String, kind: FileKind, content: String) -> Opened {
    if content.contains('\0') {
        return Opened::Refused(format!("“{name}” is not a text file. Factsheet opens .txt, .html and .md files."));
    }
    match kind {
        FileKind::Html => match html_text(&content) {
            Some(page) => Opened::Text { name, text: page.text, left_out: page.left_out },
            None => Opened::Refused(format!("“{name}” could not be read as a web page.")),
        },
        FileKind::Markdown => Opened::Text { name, text: markdown::to_text(&content), left_out: 0 },
        FileKind::Text => Opened::Text { name, text: content, left_out: 0 },
    }
}

/// What the share sheet sent, read once from the address the app was opened
/// with (`?title=…&text=…&url=…`, see `share_target` in the manifest); the
/// parameters are then taken out of the address, so a reload does not bring
/// them back.
pub fn take_shared() -> Option<Shared> {
    let window = leptos::prelude::window();
    let location = window.location();
    let search = location.search().ok().filter(|s| !s.is_empty())?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    let get = |k: &str| params.get(k).unwrap_or_default();
    let found = shared(&get("title"), &get("text"), &get("url"));
    if params.has("title") || params.has("text") || params.has("url") {
        let clean = location.pathname().unwrap_or_default() + &location.hash().unwrap_or_default();
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&clean));
        }
    }
    found
}
