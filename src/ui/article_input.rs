use leptos::html::Textarea;
use leptos::prelude::*;

use super::state::use_sheet;
use super::Analyser;
use crate::sheet::format::count_label;

/// The sample article offered to first-time visitors.
pub const SAMPLE: &str = include_str!("../../tests/fixtures/seed-us-hamas-talks.txt");

/// The article box. Its accessible name is "Article text" (its `<label>`);
/// every input event schedules an analysis (no submit step).
#[component]
pub fn ArticleInput(textarea: NodeRef<Textarea>) -> impl IntoView {
    let sheet = use_sheet();
    let analyser = use_context::<Analyser>().expect("Analyser is provided by App");
    let status = move || {
        if sheet.pending.get() {
            "Analysing…".to_string()
        } else if sheet.has_text.get() {
            sheet.breakdown.with(|b| count_label(b.stats.words, "word", "words"))
        } else {
            "Empty".to_string()
        }
    };
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
                    class:is-busy=move || sheet.pending.get()
                    role="status"
                    aria-live="polite"
                >
                    {status}
                </span>
            </div>
            <p class="hint" id="article-hint">
                "Paste a whole article, headline first. The fact sheet follows every keystroke."
            </p>
            <textarea
                id="article"
                class="article-text"
                node_ref=textarea
                aria-describedby="article-hint"
                placeholder="Paste a news article here…"
                spellcheck="false"
                on:input=move |ev| analyser.input(&ev)
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
        </section>
    }
}
