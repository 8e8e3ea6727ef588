use leptos::html::Div;
use leptos::prelude::*;

use super::dom;
use super::state::Sheet;
use super::state::{use_sheet, Origin};
use crate::parser::{ParagraphRole, Span};
use crate::sheet::source::{describe, SourceModel};
use crate::sheet::ItemRef;

/// How many blocks (paragraphs) render at first, and per "Show more".
const BLOCK_PAGE: usize = 40;

/// The "Source text" region: the article with its quotes and facts marked.
/// "Show in text" in the sheet scrolls here and highlights the item;
/// clicking or selecting in the text shows the item there.
#[component]
pub fn SourceView() -> impl IntoView {
    let sheet = use_sheet();
    let b = sheet.breakdown;
    let model = sheet.model;
    let container = NodeRef::<Div>::new();
    let limit = RwSignal::new(BLOCK_PAGE);
    let total = move || model.with(|m| m.blocks.len());

    // A figure or date asked for is marked on its own ("spot").
    let spot = move || {
        sheet.focused.get().and_then(|item| match item {
            ItemRef::Figure(_) | ItemRef::Date(_) => b.with(|b| item.span(b)).map(|s| (item, s)),
            _ => None,
        })
    };
    // Render far enough to reach the item in focus.
    let focus_block = move || {
        let span = sheet.focused.get().and_then(|item| b.with(|b| item.span(b)))?;
        model.with(|m| m.block_of(span))
    };
    let shown = move || {
        let need = focus_block().map_or(0, |i| (i / BLOCK_PAGE + 1) * BLOCK_PAGE);
        limit.get().max(need).min(total())
    };

    // Asked from the sheet: scroll the text to the item.
    Effect::new(move |_| {
        let Some(focus) = sheet.focus.get() else { return };
        if focus.origin != Origin::Sheet {
            return;
        }
        let id = focus.item.dom_id();
        request_animation_frame(move || {
            let Some(box_el) = container.get_untracked() else { return };
            let selector = format!("[data-items~=\"{id}\"]");
            let Ok(Some(target)) = box_el.query_selector(&selector) else { return };
            if dom::scrolls_itself(&box_el) {
                dom::scroll_within(&box_el, &target);
            } else {
                dom::scroll_to_center(&target);
            }
        });
    });
    // Picked in the text: on wide screens bring the sheet's item into view.
    Effect::new(move |_| {
        let Some(focus) = sheet.focus.get() else { return };
        if focus.origin != Origin::Text || !dom::is_wide() {
            return;
        }
        let id = focus.item.dom_id();
        request_animation_frame(move || {
            if let Some(el) = dom::by_id(&id) {
                dom::scroll_to_nearest(&el);
            }
        });
    });

    let pick = move || {
        let Some(offset) = dom::selection_start_offset() else { return };
        match model.with_untracked(|m| m.item_at(offset)) {
            Some(item) => sheet.show(item, Origin::Text),
            None if !dom::has_selected_text() => sheet.focus.set(None),
            None => {}
        }
    };

    let blocks = move || {
        // The model first: see Sheet::track_input.
        model.track();
        let n = shown();
        let spot = spot();
        model.with(|m| sheet.source.with(|text| (0..n).map(|i| source_block(sheet, m, text, i, spot)).collect_view()))
    };

    view! {
        <section class="panel source-panel" id="source-panel" aria-labelledby="source-heading">
            <div class="panel-header">
                <div class="panel-heading">
                    <h2 class="panel-title" id="source-heading">"Source text"</h2>
                </div>
                <ul class="legend-list" aria-label="Key">
                    <li><span class="swatch src-quote" aria-hidden="true"></span>"Quote"</li>
                    <li><span class="swatch src-fact" aria-hidden="true"></span>"Fact"</li>
                    <li><span class="swatch src-reported" aria-hidden="true"></span>"Reported"</li>
                    <li><span class="swatch src-commentary" aria-hidden="true"></span>"Commentary"</li>
                </ul>
            </div>
            <FocusCard/>
            <div
                class="source-text"
                node_ref=container
                tabindex="0"
                role="region"
                aria-label="Article with quotes and facts marked"
                on:mouseup=move |_| pick()
                on:keyup=move |ev| {
                    if ev.shift_key() {
                        pick();
                    }
                }
            >
                {blocks}
            </div>
            {move || {
                model.track();
                let (n, all) = (shown(), total());
                (n < all)
                    .then(|| {
                        view! {
                            <button type="button" class="button button-more" on:click=move |_| limit.set(n + BLOCK_PAGE)>
                                {format!("Show more of the article ({} of {} paragraphs shown)", n, all)}
                            </button>
                        }
                    })
            }}
        </section>
    }
}

/// One paragraph (or piece of a long one) of the source text, cut into
/// segments; marked ones carry their items in `data-items`, and every one
/// its byte offset in `data-s` (to map a selection back to the text).
fn source_block(sheet: Sheet, m: &SourceModel, text: &str, index: usize, spot: Option<(ItemRef, Span)>) -> AnyView {
    let Some(bl) = m.blocks.get(index) else { return ().into_any() };
    let spot = spot.filter(|(_, s)| bl.span.start <= s.start && s.start < bl.span.end);
    let pieces = m
        .block_segments(text, index, spot)
        .into_iter()
        .map(|seg| {
            let piece = seg.span.of(text).to_string();
            let start = seg.span.start.to_string();
            if seg.tags.is_empty() {
                return view! { <span data-s=start>{piece}</span> }.into_any();
            }
            let items: Vec<ItemRef> = seg.tags.iter().map(|t| t.item).collect();
            let mut classes: Vec<&str> = seg.tags.iter().map(|t| t.kind.class()).collect();
            classes.dedup();
            if sheet.focused.get_untracked().is_some_and(|f| items.contains(&f)) {
                classes.push("is-focused");
            }
            let ids = items.iter().map(|i| i.dom_id()).collect::<Vec<_>>().join(" ");
            view! {
                <span
                    class=classes.join(" ")
                    data-s=start
                    data-items=ids
                >
                    {piece}
                </span>
            }
            .into_any()
        })
        .collect_view();
    let class = match (bl.role, bl.continued) {
        (ParagraphRole::Headline, _) => "src-block is-headline",
        (ParagraphRole::Timestamp, _) => "src-block is-timestamp",
        (ParagraphRole::Abstract, _) => "src-block is-abstract",
        (ParagraphRole::Body, true) => "src-block is-continued",
        (ParagraphRole::Body, false) => "src-block",
    };
    view! { <p class=class>{pieces}</p> }.into_any()
}

/// Above the text: what the item in focus is, with a way back to it in the
/// sheet; a hint when nothing is in focus.
#[component]
fn FocusCard() -> impl IntoView {
    let sheet = use_sheet();
    let summary = move || {
        let item = sheet.focused.get()?;
        sheet.breakdown.with(|b| describe(b, item)).map(|s| (item, s))
    };
    view! {
        <div class="focus-card" class:is-empty=move || sheet.focused.get().is_none() aria-live="polite">
            {move || match summary() {
                None => view! {
                    <p class="focus-hint">"Click a marked passage, or select some text, to see what the sheet says about it."</p>
                }
                .into_any(),
                Some((item, s)) => {
                    let kind_class = format!("kind-label {}", s.class);
                    view! {
                        <div class="focus-body">
                            <p class="focus-title">
                                <span class=kind_class>{s.kind}</span>
                                {s.who.map(|w| view! { <span class="focus-who">{w}</span> })}
                            </p>
                            <p class="focus-excerpt">{s.excerpt}</p>
                        </div>
                        <div class="focus-actions">
                            <button
                                type="button"
                                class="button button-small"
                                on:click=move |_| {
                                    if let Some(el) = dom::by_id(&item.dom_id()) {
                                        dom::scroll_to_center(&el);
                                        dom::focus_quietly(&el);
                                    }
                                }
                            >
                                "Show in fact sheet"
                            </button>
                            <button
                                type="button"
                                class="icon-button"
                                aria-label="Clear the highlight"
                                on:click=move |_| sheet.focus.set(None)
                            >
                                "×"
                            </button>
                        </div>
                    }
                    .into_any()
                }
            }}
        </div>
    }
}
