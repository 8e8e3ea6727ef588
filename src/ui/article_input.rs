use leptos::prelude::*;

use super::format::count_label;

/// The article box. Its accessible name is "Article text" (its `<label>`);
/// every input event writes the whole text into `set_text`.
#[component]
pub fn ArticleInput(text: ReadSignal<String>, set_text: WriteSignal<String>) -> impl IntoView {
    let words = move || text.with(|t| count_label(t.split_whitespace().count(), "word", "words"));

    view! {
        <div class="panel input-panel">
            <div class="panel-header">
                <label class="panel-title" for="article">"Article text"</label>
                <span class="panel-meta">{words}</span>
            </div>
            <p class="hint" id="article-hint">
                "Paste a whole article, headline included. The fact sheet updates as you type."
            </p>
            <textarea
                id="article"
                class="article-text"
                aria-describedby="article-hint"
                placeholder="Paste a news article here…"
                spellcheck="false"
                on:input=move |ev| set_text.set(event_target_value(&ev))
            ></textarea>
        </div>
    }
}
