use leptos::html::Textarea;
use leptos::prelude::*;

use super::analyser::Analyser;
use super::state::use_sheet;
use crate::sheet::format::{count_label, thousands};
use crate::sheet::FOLD_CHARS;

/// The sample article offered to first-time visitors.
pub const SAMPLE: &str = include_str!("../../tests/fixtures/seed-us-hamas-talks.txt");

/// The article box. Its accessible name is "Article text" (its `<label>`);
/// every input event schedules an analysis (no submit step).
#[component]
pub fn ArticleInput(textarea: NodeRef<Textarea>) -> impl IntoView {
    let sheet = use_sheet();
    let analyser = use_context::<Analyser>().expect("Analyser is provided by App");
    let status = move || {
        if sheet.slow.get() {
            "Analysing…".to_string()
        } else if sheet.has_text.get() {
            sheet.breakdown.with(|b| count_label(b.stats.words, "word", "words"))
        } else {
            "Empty".to_string()
        }
    };
    let folded = analyser.folded;
    // A long paste goes in without the browser's own editing (see `paste_long`).
    let paste = move |ev: web_sys::ClipboardEvent| {
        let Some(text) = ev.clipboard_data().map(|d| super::dom::clipboard_text(&d)) else { return };
        if text.length() as usize >= FOLD_CHARS {
            ev.prevent_default();
            analyser.paste_long(&text);
        }
    };
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
    let clear = move |_| {
        analyser.load("");
        sheet.clear_filters();
        if let Some(t) = textarea.get_untracked() {
            let _ = t.focus();
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
                "Paste a whole article, headline first. The fact sheet follows every keystroke."
            </p>
            {move || {
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
            }}
            <textarea
                id="article"
                class="article-text"
                class:is-folded=move || folded.get()
                node_ref=textarea
                aria-describedby="article-hint"
                placeholder="Paste a news article here…"
                spellcheck="false"
                on:input=move |ev| analyser.input(&ev)
                on:paste=paste
            ></textarea>
            <div class="input-actions">
                <button
                    type="button"
                    class=move || if sheet.has_text.get() { "button" } else { "button button-primary" }
                    on:click=move |_| analyser.load(SAMPLE)
                >
                    "Try the sample article"
                </button>
                <button
                    type="button"
                    class="button button-quiet"
                    on:click=clear
                    disabled=move || !sheet.has_text.get() && !sheet.pending.get()
                >
                    "Clear"
                </button>
            </div>
            {move || {
                sheet.analysis_notice.get().map(|notice| view! { <p class="analysis-notice" role="status">{notice}</p> })
            }}
        </section>
    }
}
