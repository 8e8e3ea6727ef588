use leptos::prelude::*;

use super::common::{emphasised, panel_header, section_empty, show_in_text, show_more};
use super::state::{use_sheet, Listed};
use crate::sheet::emphasis::{emphasis, Wanted};
use crate::sheet::filter::context_span;
use crate::sheet::format::shown_of;
use crate::sheet::timeline::{group_by_date, resolution_note};
use crate::sheet::{shown_count, ItemRef, PAGE};

/// The "Timeline" region: dated statements in date order, grouped by day;
/// relative dates ("on Sunday") resolved against the article's timestamp.
#[component]
pub fn TimelinePanel() -> impl IntoView {
    let sheet = use_sheet();
    let b = sheet.breakdown;
    let limit = RwSignal::new(PAGE);
    let listed = Listed::new(sheet, |v| &v.timeline);
    let total = move || b.with(|b| b.dates.len());
    let count = Signal::derive(move || {
        let all = total();
        shown_of(listed.with(Vec::len), all, "date", "dates")
    });
    let shown = move || {
        let must = sheet.focused.with(|f| match f {
            Some(ItemRef::Date(x)) => listed.with(|l| l.iter().position(|e| e.date == *x)),
            _ => None,
        });
        shown_count(listed.with(Vec::len), limit.get(), must)
    };

    let body = move || {
        sheet.track_input();
        let n = shown();
        listed.with(|all| {
            if all.is_empty() {
                return section_empty(sheet, total() > 0, "No dates in this text.");
            }
            let entries = &all[..n.min(all.len())];
            let days = b.with(|b| {
                sheet.source.with(|text| {
                    sheet.filter.with(|filter| {
                        let query = (!filter.query().is_empty()).then_some(filter.query());
                        group_by_date(b, entries)
                            .into_iter()
                            .map(|g| {
                                let label = g.label();
                                let class = if g.iso.is_none() { "tl-day is-unresolved" } else { "tl-day" };
                                let items = g
                                    .entries
                                    .iter()
                                    .filter_map(|&pos| entries.get(pos))
                                    .filter_map(|e| {
                                        let d = b.dates.get(e.date)?;
                                        let item = ItemRef::Date(e.date);
                                        let span =
                                            context_span(b, e.context, d.sentence).filter(|s| s.contains(d.span)).unwrap_or(d.span);
                                        let segs = emphasis(b, text, span, Wanted { dates: true, query, ..Wanted::default() });
                                        let who = e.claimant.is_named().then(|| e.claimant.label().to_string());
                                        Some(view! {
                                            <li class=format!("tl-entry{}", sheet.focus_class(item)) id=item.dom_id() tabindex="-1">
                                                <p class="tl-text">{emphasised(text, segs)}</p>
                                                <div class="item-meta">
                                                    {who.map(|w| view! {
                                                        <span class="source"><span class="source-label">"Source: "</span>{w}</span>
                                                    })}
                                                    {resolution_note(b, d).map(|n| view! { <span class="tl-note">{n}</span> })}
                                                    {show_in_text(sheet, item)}
                                                </div>
                                            </li>
                                        })
                                    })
                                    .collect_view();
                                let date = match g.iso {
                                    Some(iso) => view! { <time datetime=iso>{label}</time> }.into_any(),
                                    None => view! { <span>{label}</span> }.into_any(),
                                };
                                view! {
                                    <li class=class>
                                        <h3 class="tl-date">{date}</h3>
                                        <ul class="tl-entries">{items}</ul>
                                    </li>
                                }
                            })
                            .collect_view()
                    })
                })
            });
            view! { <ol class="timeline">{days}</ol> {show_more(all.len(), n, limit, "dates")} }.into_any()
        })
    };

    view! {
        <section class="panel timeline-panel" aria-labelledby="timeline-heading">
            {panel_header("timeline-heading", "Timeline", count, None)}
            <p class="panel-note">
                "Dated statements, earliest first. Days like “Sunday” or “yesterday” are counted from the article’s own date."
            </p>
            {body}
        </section>
    }
}
