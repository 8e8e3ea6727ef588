use leptos::prelude::*;

use super::state::use_sheet;
use crate::parser::Breakdown;
use crate::sheet::format::{thousands, timestamp_label};
use crate::sheet::source::excerpt;

/// The top of the fact sheet: headline, when it was published, dateline,
/// abstract, the article's counts and any notices about the text.
#[component]
pub fn SheetHeader() -> impl IntoView {
    let sheet = use_sheet();
    move || sheet.breakdown.with(|b| sheet.source.with(|text| head(b, text)))
}

fn head(b: &Breakdown, text: &str) -> AnyView {
    let meta = &b.meta;
    let headline = meta.headline.as_ref().map(|h| h.text.trim().to_string()).filter(|h| !h.is_empty());
    let untitled = headline.is_none();
    let published =
        meta.timestamp.as_ref().map(|ts| (ts.iso.clone().unwrap_or_default().replace(' ', "T"), timestamp_label(ts)));
    let dateline = meta.dateline.as_ref().map(|d| match &d.agency {
        Some(a) => format!("{} ({a})", d.place),
        None => d.place.clone(),
    });
    let s = &b.stats;
    let stats = [
        ("Paragraphs", s.paragraphs),
        ("Sentences", s.sentences),
        ("Quotes", s.quotes),
        ("Facts", s.facts),
        ("Parties", s.parties),
        ("Words", s.words),
    ]
    .into_iter()
    .map(|(label, n)| view! { <div class="stat"><dt>{label}</dt><dd>{thousands(n)}</dd></div> })
    .collect_view();
    let notices: Vec<String> = b
        .notices
        .iter()
        .filter(|n| n.span.is_some())
        .map(|n| match n.span {
            Some(span) => format!("{} Near “{}”.", n.message, excerpt(span.of(text), 40)),
            None => n.message.clone(),
        })
        .collect();
    let notices = (!notices.is_empty()).then(|| {
        view! {
            <ul class="notices" aria-label="Notices about the text">
                {notices.into_iter().map(|n| view! { <li class="notice">{n}</li> }).collect_view()}
            </ul>
        }
    });
    view! {
        <section class="panel sheet-head" aria-labelledby="headline">
            <p class="kicker">
                <span class="kicker-label">"Fact sheet"</span>
                {published.map(|(iso, label)| view! { <time datetime=iso>{label}</time> })}
                {dateline.map(|d| view! { <span class="dateline"><span class="visually-hidden">"Dateline: "</span>{d}</span> })}
            </p>
            <h2 id="headline" class=if untitled { "headline is-untitled" } else { "headline" }>
                {headline.unwrap_or_else(|| "Untitled article".to_string())}
            </h2>
            {meta.byline.as_ref().map(|by| view! { <p class="byline">{by.text.trim().to_string()}</p> })}
            {meta.abstract_text.as_ref().map(|a| view! { <p class="abstract">{a.text.trim().to_string()}</p> })}
            <dl class="stats" aria-label="Counts">{stats}</dl>
            {notices}
        </section>
    }
    .into_any()
}
