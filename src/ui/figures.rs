use leptos::prelude::*;

use super::common::{panel_header, section_empty, show_more};
use super::state::{use_sheet, Listed, Origin};
use crate::sheet::filter::is_quantity;
use crate::sheet::format::shown_of;
use crate::sheet::{shown_count, ItemRef, PAGE};

/// The "Figures" region: a table of the numbers the article gives (value,
/// qualifier, what it counts, who puts it forward).
#[component]
pub fn FiguresPanel() -> impl IntoView {
    let sheet = use_sheet();
    let b = sheet.breakdown;
    let limit = RwSignal::new(PAGE);
    let listed = Listed::new(sheet, |v| &v.figures);
    let total = move || b.with(|b| b.figures.iter().filter(|f| is_quantity(f.kind)).count());
    let count = Signal::derive(move || {
        let all = total();
        shown_of(listed.with(Vec::len), all, "figure", "figures")
    });
    let shown = move || {
        let must = sheet.focused.with(|f| match f {
            Some(ItemRef::Figure(x)) => listed.with(|l| l.iter().position(|r| r.figure == *x)),
            _ => None,
        });
        shown_count(listed.with(Vec::len), limit.get(), must)
    };

    let body = move || {
        sheet.track_input();
        let n = shown();
        listed.with(|rows| {
            if rows.is_empty() {
                return section_empty(sheet, total() > 0, "No figures in this text.");
            }
            let body = b.with(|b| {
                rows.iter()
                    .take(n)
                    .filter_map(|row| {
                        let fig = b.figures.get(row.figure)?;
                        let item = ItemRef::Figure(row.figure);
                        let dash = || "–".to_string();
                        let label = format!("Show {} in text", fig.value);
                        Some(view! {
                            <tr id=item.dom_id() tabindex="-1" class=sheet.focus_class(item).trim()>
                                <th scope="row" class="fig-value" data-label="Value">
                                    <button type="button" class="value-button" aria-label=label
                                        on:click=move |_| sheet.show(item, Origin::Sheet)>
                                        {fig.value.clone()}
                                    </button>
                                </th>
                                <td data-label="Qualifier" class:is-blank=fig.qualifier.is_none()>
                                    {fig.qualifier.clone().unwrap_or_else(dash)}
                                </td>
                                <td data-label="What it counts" class:is-blank=fig.what.is_none()>
                                    {fig.what.clone().unwrap_or_else(dash)}
                                </td>
                                <td data-label="Source" class=if row.claimant.is_named() { "fig-source" } else { "fig-source is-unnamed" }>
                                    {row.claimant.label().to_string()}
                                </td>
                            </tr>
                        })
                    })
                    .collect_view()
            });
            view! {
                <div class="table-wrap">
                    <table class="figures-table">
                        <thead>
                            <tr>
                                <th scope="col">"Value"</th>
                                <th scope="col">"Qualifier"</th>
                                <th scope="col">"What it counts"</th>
                                <th scope="col">"Source"</th>
                            </tr>
                        </thead>
                        <tbody>{body}</tbody>
                    </table>
                </div>
                {show_more(rows.len(), n, limit, "figures")}
            }
            .into_any()
        })
    };

    view! {
        <section class="panel figures-panel" aria-labelledby="figures-heading">
            {panel_header("figures-heading", "Figures", count, None)}
            <p class="panel-note">
                "Numbers the article gives and who puts them forward (years and days are in the timeline). Press a value to see it in the text."
            </p>
            {body}
        </section>
    }
}
