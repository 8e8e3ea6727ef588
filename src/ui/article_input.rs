use leptos::ev;
use leptos::html::{Input, Textarea};
use leptos::prelude::*;

use super::analyser::Analyser;
use super::page_input::{self, Opened};
use super::state::use_sheet;
use crate::sheet::format::{count_label, thousands};
use crate::sheet::FOLD_CHARS;

/// The sample article offered to first-time visitors.
pub const SAMPLE: &str = include_str!("../../tests/fixtures/seed-us-hamas-talks.txt");

/// A line under the box about what just came in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InputNotice {
    /// A rich paste was read as a web page; the plain text can replace it.
    Page {
        /// Where the page's text went in the box, in UTF-16 units.
        start: u32,
        /// The page's text as inserted.
        text: String,
        /// The clipboard's plain text.
        plain: String,
        /// Elements of page furniture left out.
        left_out: usize,
    },
    /// Anything else worth saying (a file opened or refused, a shared link).
    Said(String),
}

/// The article box. Its accessible name is "Article text" (its `<label>`);
/// every input event schedules an analysis (no submit step). A rich paste
/// (a web page's HTML on the clipboard) is read as the page's text; a file
/// can be opened or dropped on the box; a very long text folds the box away
/// (see [`FoldedBox`]).
#[component]
pub fn ArticleInput(textarea: NodeRef<Textarea>, notice: RwSignal<Option<InputNotice>>) -> impl IntoView {
    let sheet = use_sheet();
    let analyser = use_context::<Analyser>().expect("Analyser is provided by App");
    let dropping = RwSignal::new(false);
    let status = move || {
        if sheet.slow.get() {
            "Analysing…".to_string()
        } else if sheet.has_text.get() {
            sheet.breakdown.with(|b| count_label(b.stats.words, "word", "words"))
        } else {
            "Empty".to_string()
        }
    };
    let on_paste = move |ev: ev::ClipboardEvent| {
        let Some(data) = ev.clipboard_data() else { return };
        let html = data.get_data("text/html").unwrap_or_default();
        let Some(area) = textarea.get_untracked() else { return };
        let page = (!html.trim().is_empty()).then(|| page_input::html_text(&html)).flatten();
        let Some(page) = page.filter(|p| !p.text.trim().is_empty()) else {
            notice.set(None);
            // A long text goes in without the browser's own editing (see
            // `Analyser::paste_long`); else the browser pastes the plain text.
            let text = super::dom::clipboard_text(&data);
            if text.length() as usize >= FOLD_CHARS {
                ev.prevent_default();
                analyser.paste_long(&text);
            }
            return;
        };
        ev.prevent_default();
        let plain = data.get_data("text/plain").unwrap_or_default();
        let start = area.selection_start().ok().flatten().unwrap_or(0);
        put_text(analyser, &area, &page.text);
        let differs = squashed(&plain) != squashed(&page.text);
        let page_notice = InputNotice::Page { start, text: page.text, plain, left_out: page.left_out };
        notice.set((page.left_out > 0 || differs).then_some(page_notice));
    };
    let on_drop = move |ev: ev::DragEvent| {
        dropping.set(false);
        let file = ev.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0));
        if let Some(file) = file {
            ev.prevent_default();
            open_file(analyser, notice, file);
        }
    };
    let on_drag_over = move |ev: ev::DragEvent| {
        let files = ev.data_transfer().is_some_and(|d| d.types().includes(&"Files".into(), 0));
        if files {
            ev.prevent_default();
            dropping.set(true);
        }
    };

    view! {
        <section class="panel input-panel" aria-label="Article">
            <div class="panel-header">
                <label class="panel-title" for="article">"Article text"</label>
                <span
                    class="input-status"
                    class:is-busy=move || sheet.slow.get()
                    role="status"
                    aria-live="polite"
                >
                    {status}
                </span>
            </div>
            <p class="hint" id="article-hint">
                "Paste a whole article, headline first (a whole web page works too), or open a file. The fact sheet follows every keystroke."
            </p>
            <FoldedBox textarea=textarea/>
            <textarea
                id="article"
                class="article-text"
                class:is-folded=move || analyser.folded.get()
                class:is-dropping=move || dropping.get()
                node_ref=textarea
                aria-describedby="article-hint"
                placeholder="Paste a news article here…"
                spellcheck="false"
                on:input=move |ev| analyser.input(&ev)
                on:paste=on_paste
                on:dragover=on_drag_over
                on:dragleave=move |_| dropping.set(false)
                on:drop=on_drop
            ></textarea>
            <InputNoticeLine notice=notice textarea=textarea/>
            <InputActions notice=notice textarea=textarea/>
            {move || {
                sheet.analysis_notice.get().map(|notice| view! { <p class="analysis-notice" role="status">{notice}</p> })
            }}
        </section>
    }
}

/// Puts `text` in place of the box's selection: as if typed (the browser's
/// undo keeps it), or for a long text without the browser's editing, which
/// takes seconds over 1 MB (see `Analyser::paste_long`).
fn put_text(analyser: Analyser, area: &web_sys::HtmlTextAreaElement, text: &str) {
    if text.len() >= FOLD_CHARS {
        analyser.paste_long(&text.into());
    } else {
        page_input::insert_text(area, text);
    }
}

/// In place of the box when it holds a text too long to lay out quickly (see
/// [`FOLD_CHARS`]): its length and a button that shows the box again.
#[component]
fn FoldedBox(textarea: NodeRef<Textarea>) -> impl IntoView {
    let analyser = use_context::<Analyser>().expect("Analyser is provided by App");
    let folded = analyser.folded;
    let unfold = move |_| {
        folded.set(false);
        if let Some(t) = textarea.get_untracked() {
            let _ = t.focus();
        }
    };
    // The box was folded away while it had the focus: the focus goes to the
    // button that unfolds it, not to the page. In the next task, once the
    // box is hidden: focusing forces a layout, which must not include 1 MB of
    // text in a textarea.
    Effect::new(move |was: Option<bool>| {
        let now = folded.get();
        if now && was == Some(false) {
            set_timeout(
                || {
                    let active = document().active_element();
                    let lost =
                        active.is_none_or(|el| el.id() == "article" || el.tag_name().eq_ignore_ascii_case("body"));
                    if let Some(button) = lost.then(|| super::dom::by_id("article-unfold")).flatten() {
                        super::dom::focus_quietly(&button);
                    }
                },
                std::time::Duration::ZERO,
            );
        }
        now
    });
    move || {
        folded.get().then(|| {
            let chars = textarea.get_untracked().map_or(0, |t| t.text_length());
            view! {
                <div class="article-folded">
                    <p>
                        <strong>{format!("{} characters", thousands(chars as usize))}</strong>
                        " — too long to lay out in this box without slowing the page. "
                        "The whole text is under the fact sheet, as the source text."
                    </p>
                    <button type="button" class="button" id="article-unfold" on:click=unfold>
                        "Show the text to edit it"
                    </button>
                </div>
            }
        })
    }
}

/// The buttons under the box: the sample, "Open file…" (a hidden file
/// input does the choosing) and "Clear".
#[component]
fn InputActions(notice: RwSignal<Option<InputNotice>>, textarea: NodeRef<Textarea>) -> impl IntoView {
    let sheet = use_sheet();
    let analyser = use_context::<Analyser>().expect("Analyser is provided by App");
    let file_input = NodeRef::<Input>::new();
    let clear = move |_| {
        notice.set(None);
        analyser.load("");
        sheet.clear_filters();
        if let Some(t) = textarea.get_untracked() {
            let _ = t.focus();
        }
    };
    view! {
        <div class="input-actions">
            <button
                type="button"
                class=move || if sheet.has_text.get() { "button" } else { "button button-primary" }
                on:click=move |_| {
                    notice.set(None);
                    analyser.load(SAMPLE)
                }
            >
                "Try the sample article"
            </button>
            <button
                type="button"
                class="button"
                on:click=move |_| {
                    if let Some(input) = file_input.get_untracked() {
                        input.click();
                    }
                }
            >
                "Open file…"
            </button>
            <input
                type="file"
                class="visually-hidden"
                node_ref=file_input
                tabindex="-1"
                aria-hidden="true"
                accept=".txt,.html,.htm,.md,.markdown,text/plain,text/html,text/markdown"
                on:change=move |_| {
                    let Some(input) = file_input.get_untracked() else { return };
                    if let Some(file) = input.files().and_then(|f| f.get(0)) {
                        open_file(analyser, notice, file);
                    }
                    input.set_value("");
                }
            />
            <button
                type="button"
                class="button button-quiet"
                on:click=clear
                disabled=move || !sheet.has_text.get() && !sheet.pending.get()
            >
                "Clear"
            </button>
        </div>
    }
}

/// Reads an opened or dropped file into the box, saying what was done.
fn open_file(analyser: Analyser, notice: RwSignal<Option<InputNotice>>, file: web_sys::File) {
    page_input::read_file(file, move |opened| match opened {
        Opened::Text { name, text, left_out } => {
            analyser.load(&text);
            notice.set(Some(InputNotice::Said(opened_message(&name, left_out))));
        }
        Opened::Refused(why) => notice.set(Some(InputNotice::Said(why))),
    });
}

/// The notice under the box, with "Paste as plain text instead" after a
/// rich paste.
#[component]
fn InputNoticeLine(notice: RwSignal<Option<InputNotice>>, textarea: NodeRef<Textarea>) -> impl IntoView {
    let analyser = use_context::<Analyser>().expect("Analyser is provided by App");
    let use_plain = move |_| {
        let Some(InputNotice::Page { start, text, plain, .. }) = notice.get_untracked() else { return };
        let Some(area) = textarea.get_untracked() else { return };
        let value = area.value();
        let len = text.encode_utf16().count() as u32;
        let still_there = value.encode_utf16().skip(start as usize).take(len as usize).eq(text.encode_utf16());
        if !still_there {
            notice.set(Some(InputNotice::Said(
                "The text has changed since it was pasted: paste again as plain text (Ctrl+Shift+V).".into(),
            )));
            return;
        }
        let _ = area.set_selection_range(start, start + len);
        put_text(analyser, &area, &plain);
        notice.set(None);
    };
    move || {
        notice.with(|n| match n {
            None => ().into_any(),
            Some(InputNotice::Said(text)) => {
                view! { <p class="input-notice" role="status">{text.clone()}</p> }.into_any()
            }
            Some(InputNotice::Page { left_out, .. }) => view! {
                <p class="input-notice" role="status">
                    {page_message(*left_out)}
                    " "
                    <button type="button" class="button-link" on:click=use_plain>
                        "Paste as plain text instead"
                    </button>
                </p>
            }
            .into_any(),
        })
    }
}

/// What a rich paste did.
fn page_message(left_out: usize) -> String {
    match left_out {
        0 => "Pasted from a web page: read as the page shows it.".to_string(),
        n => format!(
            "Pasted from a web page: {} left out (menus, sidebars, captions, footers).",
            count_label(n, "part of the page", "parts of the page")
        ),
    }
}

/// What opening a file did.
fn opened_message(name: &str, left_out: usize) -> String {
    match left_out {
        0 => format!("Opened “{name}”."),
        n => format!(
            "Opened “{name}” as a web page: {} left out (menus, sidebars, captions, footers).",
            count_label(n, "part of the page", "parts of the page")
        ),
    }
}

/// `s` without white space (to tell whether a rich paste changed anything).
fn squashed(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}
