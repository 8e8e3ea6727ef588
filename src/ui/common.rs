//! Small pieces shared by the panels (plain functions returning static
//! views: fewer reactive closures keep the wasm small).

use leptos::prelude::*;

use super::state::{Origin, Sheet};
use crate::sheet::emphasis::Emphasis;
use crate::sheet::segments::Segment;
use crate::sheet::{ItemRef, PAGE};

/// Text with some pieces set off (figures, dates, quotes, search hits).
/// Every piece is a text node: nothing is ever parsed as HTML.
pub fn emphasised(text: &str, segments: Vec<Segment<Emphasis>>) -> AnyView {
    segments
        .into_iter()
        .map(|seg| {
            let piece = seg.span.of(text).to_string();
            let class = seg.tags.iter().map(|t| t.class()).collect::<Vec<_>>().join(" ");
            match (seg.tags.is_empty(), seg.tags.contains(&Emphasis::Hit)) {
                (true, _) => piece.into_any(),
                (false, true) => view! { <mark class=class>{piece}</mark> }.into_any(),
                (false, false) => view! { <span class=class>{piece}</span> }.into_any(),
            }
        })
        .collect_view()
        .into_any()
}

/// The colour class of party `i` (eight hues, in the order the sheet lists parties).
pub fn party_colour(i: usize) -> String {
    format!("pc-{}", i % 8)
}

/// A party's name as a small tag with its colour dot (`index` into the
/// breakdown's parties when it is one of them).
pub fn party_tag(index: Option<usize>, name: String) -> AnyView {
    let class = match index {
        Some(i) => format!("tag party-tag {}", party_colour(i)),
        None => "tag party-tag".to_string(),
    };
    view! { <span class=class>{name}</span> }.into_any()
}

/// The "Show in text" button of an item: scrolls the source view to it and
/// highlights it there.
pub fn show_in_text(sheet: Sheet, item: ItemRef) -> AnyView {
    view! {
        <button type="button" class="locate" on:click=move |_| sheet.show(item, Origin::Sheet)>
            "Show in text"
        </button>
    }
    .into_any()
}

/// A panel's heading row: title, the count (with "of" while filtered) and
/// optional controls.
pub fn panel_header(id: &'static str, title: &'static str, count: Signal<String>, actions: Option<AnyView>) -> AnyView {
    view! {
        <div class="panel-header">
            <div class="panel-heading">
                <h2 class="panel-title" id=id>{title}</h2>
                <span class="count">{move || count.get()}</span>
            </div>
            {actions.map(|a| view! { <div class="panel-actions">{a}</div> })}
        </div>
    }
    .into_any()
}

/// "Show 50 more" under a long list (nothing when all are shown).
pub fn show_more(total: usize, shown: usize, limit: RwSignal<usize>, noun: &'static str) -> Option<AnyView> {
    (shown < total).then(|| {
        let next = PAGE.min(total - shown);
        view! {
            <button type="button" class="button button-more" on:click=move |_| limit.set(shown + PAGE)>
                {format!("Show {next} more {noun}")}
                <span class="more-left">{format!(" ({} left)", total - shown)}</span>
            </button>
        }
        .into_any()
    })
}

/// What a section says when it has nothing to list: `none` when the article
/// has nothing of the kind, else that the filter hides everything.
pub fn section_empty(sheet: Sheet, filtered: bool, none: &'static str) -> AnyView {
    if filtered {
        view! {
            <div class="section-empty">
                <p>
                    "Nothing here matches the filter. "
                    <button type="button" class="link-button" on:click=move |_| sheet.clear_filters()>
                        "Clear filters"
                    </button>
                </p>
            </div>
        }
        .into_any()
    } else {
        view! { <div class="section-empty"><p>{none}</p></div> }.into_any()
    }
}
