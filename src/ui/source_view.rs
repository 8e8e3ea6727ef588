use leptos::html::Div;
use leptos::prelude::*;

use super::analyser::Analyser;
use super::dom;
use super::kept_lines;
use super::state::Sheet;
use super::state::{use_sheet, Origin};
use crate::parser::{ParagraphRole, Span};
use crate::sheet::page::{article_blocks_before, hidden_label, rows_within, toggled, Row};
use crate::sheet::source::{describe, excerpt, SourceModel};
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
    // Paragraphs of the article: page furniture does not count.
    let total = move || model.with(|m| article_blocks_before(&m.blocks, m.blocks.len()));

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
        let need = focus_block()
            .map(|i| model.with(|m| article_blocks_before(&m.blocks, i)))
            .map_or(0, |i| (i / BLOCK_PAGE + 1) * BLOCK_PAGE);
        limit.get().max(need).min(total())
    };

    scroll_to_focus(sheet, container);

    let pick = move || {
        let Some(offset) = dom::selection_start_offset() else { return };
        match model.with_untracked(|m| m.item_at(offset)) {
            Some(item) => sheet.show(item, Origin::Text),
            None if !dom::has_selected_text() => sheet.focus.set(None),
            None => {}
        }
    };

    // Runs of page furniture the reader opened (by the offsets of their lines).
    let open_runs = RwSignal::new(Vec::<usize>::new());
    let lines = LineKeeper::new(sheet, open_runs);
    let blocks = move || {
        // The model first: see Sheet::track_input.
        model.track();
        let n = shown();
        let spot = spot();
        model.with(|m| sheet.source.with(|text| source_rows(sheet, m, text, n, spot, lines)))
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
                on:mouseup=move |ev| {
                    if !dom::on_button(&ev) {
                        pick();
                    }
                }
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

/// Keeps the item in focus in view: asked from the sheet, the source text
/// scrolls to it; picked in the text, the sheet does (on wide screens).
fn scroll_to_focus(sheet: Sheet, container: NodeRef<Div>) {
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
}

/// The first `n` paragraphs of the article in the source view, with the runs
/// of page furniture around and between them.
fn source_rows(
    sheet: Sheet,
    m: &SourceModel,
    text: &str,
    n: usize,
    spot: Option<(ItemRef, Span)>,
    lines: LineKeeper,
) -> impl IntoView {
    sheet.kept.with_untracked(|kept| {
        rows_within(&m.blocks, n)
            .into_iter()
            .map(|row| match row {
                Row::Block(i) => source_block(sheet, m, text, i, spot, kept, lines),
                Row::Furniture { from, to } => {
                    let run = m.blocks[from..to].iter().map(|b| (b.span.start, b.span.of(text).trim().to_string()));
                    view! { <FurnitureRun lines=run.collect() keeper=lines/> }.into_any()
                }
            })
            .collect_view()
    })
}

/// One paragraph (or piece of a long one) of the source text, cut into
/// segments; marked ones carry their items in `data-items`, and every one
/// its byte offset in `data-s` (to map a selection back to the text).
fn source_block(
    sheet: Sheet,
    m: &SourceModel,
    text: &str,
    index: usize,
    spot: Option<(ItemRef, Span)>,
    kept: &[String],
    lines: LineKeeper,
) -> AnyView {
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
        (ParagraphRole::Byline, _) => "src-block is-byline",
        (ParagraphRole::Abstract, _) => "src-block is-abstract",
        (ParagraphRole::Body | ParagraphRole::Furniture, true) => "src-block is-continued",
        (ParagraphRole::Body | ParagraphRole::Furniture, false) => "src-block",
    };
    // A line the reader brought back from the page furniture can go back.
    let line = bl.span.of(text).trim();
    let kept_line = (!bl.continued && kept.iter().any(|k| k == line))
        .then(|| line_action(lines, bl.span.start, line.to_string(), false));
    view! { <p class=class>{pieces}{kept_line}</p> }.into_any()
}

/// What "Keep" and "Hide again" act on: the lines kept as article text (with
/// the analyser, which sends them to the parser), the furniture runs the
/// reader opened (by the offsets of their lines), and the line whose button
/// was pressed, to focus once the sheet shows the answer.
#[derive(Clone, Copy)]
struct LineKeeper {
    sheet: Sheet,
    analyser: Analyser,
    open_runs: RwSignal<Vec<usize>>,
    refocus: StoredValue<Option<usize>>,
}

impl LineKeeper {
    /// Also watches the sheet: once the lines kept change there (the answer
    /// to "Keep" or "Hide again" is shown), the pressed line's new button
    /// (the other one) gets the focus.
    fn new(sheet: Sheet, open_runs: RwSignal<Vec<usize>>) -> LineKeeper {
        let analyser = use_context::<Analyser>().expect("Analyser is provided by App");
        let refocus = StoredValue::new(None::<usize>);
        Effect::new(move |_| {
            sheet.kept.track();
            if let Some(start) = refocus.try_update_value(Option::take).flatten() {
                focus_when_shown(format!("line-{start}"), 20);
            }
        });
        LineKeeper { sheet, analyser, open_runs, refocus }
    }

    /// Keeps the line at `start` as article text (or hides it again), for
    /// this article and session: the text goes to the parser again with
    /// the lines kept.
    fn keep(&self, start: usize, line: &str, keep: bool) {
        let lines = toggled(&self.analyser.kept(), line, keep);
        self.sheet.source.with_untracked(|text| kept_lines::remember(text, &lines));
        if !keep {
            // Its run stays open, so the line (and its button) stay in view.
            self.open_runs.update(|o| o.push(start));
        }
        self.refocus.set_value(Some(start));
        self.analyser.keep(lines);
    }
}

/// Focuses the element `id` in the next frame, or in a later one if it is
/// not on the page yet (the source text of a long article comes a few tasks
/// after the rest of the sheet), trying `tries` more frames.
fn focus_when_shown(id: String, tries: u32) {
    request_animation_frame(move || match dom::by_id(&id) {
        Some(el) => dom::focus_quietly(&el),
        None if tries > 0 => focus_when_shown(id, tries - 1),
        None => {}
    });
}

/// A run of page furniture: collapsed to one line ("12 lines of page
/// furniture hidden") that opens it; open, each line greyed with a way to
/// keep it as article text.
/// The button that keeps the page line at `start` as article text ("Keep"),
/// or hides a kept one again ("Hide again"); its id lets focus return to it.
fn line_action(lines: LineKeeper, start: usize, line: String, keep: bool) -> impl IntoView {
    let (text, label) =
        if keep { ("Keep", "Keep as article text") } else { ("Hide again", "Hide again as page furniture") };
    let label = format!("{label}: {}", excerpt(&line, 60));
    view! {
        <button
            type="button"
            class="button-link line-action"
            id=format!("line-{start}")
            aria-label=label
            on:click=move |_| lines.keep(start, &line, keep)
        >
            {text}
        </button>
    }
}

#[component]
fn FurnitureRun(lines: Vec<(usize, String)>, keeper: LineKeeper) -> impl IntoView {
    let open_runs = keeper.open_runs;
    let count = lines.len();
    let starts = StoredValue::new(lines.iter().map(|(s, _)| *s).collect::<Vec<usize>>());
    let is_open = move || open_runs.with(|o| starts.with_value(|st| st.iter().any(|s| o.contains(s))));
    let toggle = move |_| {
        let open = is_open();
        open_runs.update(|o| {
            starts.with_value(|st| {
                o.retain(|s| !st.contains(s));
                if !open {
                    o.extend(st.iter().copied());
                }
            })
        });
    };
    let list_id = format!("furniture-{}", lines.first().map_or(0, |(s, _)| *s));
    let label = move || if is_open() { format!("Hide the page furniture ({count})") } else { hidden_label(count) };
    let shown_lines = {
        move || {
            is_open().then(|| {
                lines
                    .iter()
                    .map(|(start, line)| {
                        view! {
                            <li class="furniture-line">
                                <span data-s=start.to_string()>{line.clone()}</span>
                                " "
                                {line_action(keeper, *start, line.clone(), true)}
                            </li>
                        }
                    })
                    .collect_view()
            })
        }
    };
    view! {
        <div class="furniture-run" class:is-open=is_open>
            <button
                type="button"
                class="furniture-toggle"
                aria-expanded=move || if is_open() { "true" } else { "false" }
                aria-controls=list_id.clone()
                on:click=toggle
            >
                {label}
            </button>
            <ul class="furniture-lines" id=list_id aria-label="Page furniture">
                {shown_lines}
            </ul>
        </div>
    }
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
