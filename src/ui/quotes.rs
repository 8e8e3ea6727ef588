use leptos::prelude::*;

use super::format::count_label;
use crate::parser::{Breakdown, Quote, QuoteKind};

/// The "Quotes" region: how many quotes the article has and, for each, its
/// text and who said it. Terms (scare quotes, titles) are not speech and are
/// left out.
#[component]
pub fn QuotesPanel(breakdown: Memo<Breakdown>, has_text: Memo<bool>) -> impl IntoView {
    let quotes = Memo::new(move |_| breakdown.with(|b| speech(&b.quotes)));
    let count = move || quotes.with(|q| count_label(q.len(), "quote", "quotes"));
    let is_empty = move || quotes.with(Vec::is_empty);

    view! {
        <section class="panel quotes-panel" aria-labelledby="quotes-heading">
            <div class="panel-header">
                <h2 class="panel-title" id="quotes-heading">"Quotes"</h2>
                <span class="panel-meta count" aria-live="polite">{count}</span>
            </div>
            <Show when=move || !is_empty() fallback=move || view! { <QuotesEmpty has_text=has_text/> }>
                <ol class="quote-list">
                    {move || quotes.get().into_iter().map(|quote| view! { <QuoteCard quote=quote/> }).collect_view()}
                </ol>
            </Show>
        </section>
    }
}

/// The quotes that are speech (direct or partial), in text order.
fn speech(quotes: &[Quote]) -> Vec<Quote> {
    quotes.iter().filter(|q| q.kind != QuoteKind::Term).cloned().collect()
}

/// What the region says while there is nothing to list.
#[component]
fn QuotesEmpty(has_text: Memo<bool>) -> impl IntoView {
    view! {
        <div class="empty-state">
            <Show
                when=move || has_text.get()
                fallback=|| {
                    view! {
                        <p class="empty-title">"No article yet"</p>
                        <p class="empty-body">
                            "Paste a news article into the box. Every quote will be listed here with "
                            "the person who said it, their role and the side they speak for."
                        </p>
                    }
                }
            >
                <p class="empty-title">"No quotes found"</p>
                <p class="empty-body">
                    "Factsheet lists speech set off by quotation marks, such as “…” or \"…\", "
                    "and who said it. This text has none it could read."
                </p>
            </Show>
        </div>
    }
}

/// One quote: its words, then who said it.
#[component]
fn QuoteCard(quote: Quote) -> impl IntoView {
    let Quote { text, speaker, role, party, kind, .. } = quote;
    let unattributed = speaker.is_none();
    let speaker = speaker.unwrap_or_else(|| "Unattributed".to_owned());
    let partial = kind == QuoteKind::Partial;
    // "Hamdah Salhut, Al Jazeera [Al Jazeera]" says the same thing twice.
    let role = role.filter(|role| !party.as_ref().is_some_and(|p| p.eq_ignore_ascii_case(role)));

    view! {
        <li class="quote" class:quote-partial=partial>
            <figure>
                <blockquote class="quote-text">{text}</blockquote>
                <figcaption class="quote-source">
                    <span class="who">
                        <span class="speaker" class:unattributed=unattributed>{speaker}</span>
                        {role.map(|role| view! { <span class="role">", " {role}</span> })}
                    </span>
                    {party.map(|party| view! { <span class="chip party">{party}</span> })}
                    {partial.then(|| view! { <span class="chip chip-muted">"partial quote"</span> })}
                </figcaption>
            </figure>
        </li>
    }
}
