use std::time::Duration;

use leptos::prelude::*;

use super::dom;
use super::state::{use_sheet, Sheet};
use crate::sheet::export::{corrected_json, file_name, filter_description, markdown};
use crate::sheet::filter::is_quantity;
use crate::sheet::format::{count_label, thousands};

/// Search box, export buttons and what the sheet is narrowed to. Sticks to
/// the top of the screen while the sheet scrolls.
#[component]
pub fn Toolbar() -> impl IntoView {
    let sheet = use_sheet();
    let status = RwSignal::new(String::new());
    let status_timer = StoredValue::new(None::<TimeoutHandle>);
    let fallback = RwSignal::new(None::<String>);
    let say = move |message: &str| {
        status.set(message.to_string());
        if let Some(h) = status_timer.get_value() {
            h.clear();
        }
        let h = set_timeout_with_handle(move || status.set(String::new()), Duration::from_secs(6)).ok();
        status_timer.set_value(h);
    };

    let copy = move |_| {
        let md = sheet_markdown(sheet);
        let filtered = sheet.filter.with_untracked(|f| f.is_active());
        let kept = md.clone();
        dom::copy_text(&md, move |ok| {
            if ok {
                fallback.set(None);
                say(if filtered {
                    "Copied the filtered fact sheet as Markdown."
                } else {
                    "Copied the fact sheet as Markdown."
                });
            } else {
                fallback.set(Some(kept));
                say("The browser did not allow copying. Select the Markdown below and copy it.");
            }
        });
    };
    let download = move |_| {
        let (name, body) = sheet.breakdown.with_untracked(|b| {
            let body = sheet.parsed.with_untracked(|p| sheet.fixes.with_untracked(|f| corrected_json(b, p, f)));
            (file_name(b, "json"), body)
        });
        if dom::download(&name, "application/json", &body) {
            say(&format!("Downloaded {name}."));
        } else {
            say("The download could not be started.");
        }
    };

    view! {
        <div class="toolbar">
            <div class="toolbar-row">
                <div class="search" role="search">
                    <label for="search" class="visually-hidden">"Search the fact sheet"</label>
                    <input
                        id="search"
                        type="search"
                        autocomplete="off"
                        spellcheck="false"
                        placeholder="Search quotes, facts, people…"
                        prop:value=move || sheet.query.get()
                        on:input=move |ev| sheet.query.set(event_target_value(&ev))
                        on:keydown=move |ev| {
                            if ev.key() == "Escape" && !sheet.query.get_untracked().is_empty() {
                                ev.prevent_default();
                                sheet.query.set(String::new());
                            }
                        }
                    />
                    <kbd class="search-key" aria-hidden="true">"/"</kbd>
                </div>
                <div class="export" role="group" aria-label="Export">
                    <button type="button" class="button icon-copy" on:click=copy>
                        "Copy Markdown"
                    </button>
                    <button type="button" class="button icon-download" on:click=download>
                        "Download JSON"
                    </button>
                </div>
            </div>
            {move || filter_summary(sheet)}
            <p class="toolbar-status" role="status" aria-live="polite">{move || status.get()}</p>
            {move || {
                fallback.get().map(|md| {
                    view! {
                        <div class="copy-fallback">
                            <label for="markdown-out">"The fact sheet as Markdown"</label>
                            <textarea id="markdown-out" readonly=true rows="8" prop:value=md></textarea>
                            <button type="button" class="link-button" on:click=move |_| fallback.set(None)>"Close"</button>
                        </div>
                    }
                })
            }}
        </div>
    }
}

/// The sheet as it is on show, as Markdown (with the filter noted).
fn sheet_markdown(sheet: Sheet) -> String {
    sheet.breakdown.with_untracked(|b| {
        sheet.source.with_untracked(|t| {
            sheet.view.with_untracked(|v| {
                let note = sheet.filter.with_untracked(|f| sheet.query.with_untracked(|q| filter_description(b, f, q)));
                let corrected: Vec<usize> = sheet.fixes.with_untracked(|f| f.iter().map(|f| f.quote).collect());
                markdown(b, t, v, note.as_deref(), &corrected)
            })
        })
    })
}

/// While filtered: how much is shown, the active filters (each removable)
/// and "Clear all".
fn filter_summary(sheet: Sheet) -> Option<AnyView> {
    sheet.track_input();
    if !sheet.filter.with(|f| f.is_active()) {
        return None;
    }
    let shown = sheet.view.with(|v| v.item_count());
    let total = sheet.breakdown.with(|b| {
        let s = &b.stats;
        s.quotes
            + s.terms
            + s.facts
            + s.commentary
            + b.figures.iter().filter(|f| is_quantity(f.kind)).count()
            + b.dates.len()
    });
    let mut chips: Vec<(String, String, Option<String>)> = sheet
        .parties
        .get()
        .into_iter()
        .map(|name| (name.clone(), format!("Remove filter: {name}"), Some(name)))
        .collect();
    let q = sheet.query.get();
    if !q.trim().is_empty() {
        let label = format!("“{}”", q.trim());
        chips.push((label.clone(), format!("Remove the search {label}"), None));
    }
    let chips = chips
        .into_iter()
        .map(|(label, aria, party)| {
            view! {
                <li>
                    <button
                        type="button"
                        class="filter-chip"
                        aria-label=aria
                        on:click=move |_| match &party {
                            Some(name) => sheet.toggle_party(name),
                            None => sheet.query.set(String::new()),
                        }
                    >
                        {label}
                        <span aria-hidden="true" class="chip-x">"×"</span>
                    </button>
                </li>
            }
        })
        .collect_view();
    Some(
        view! {
            <div class="filter-summary">
                <span class="filter-count">
                    {format!("Showing {} of {}", thousands(shown), count_label(total, "item", "items"))}
                </span>
                <ul class="filter-chips" aria-label="Active filters">{chips}</ul>
                <button type="button" class="link-button" on:click=move |_| sheet.clear_filters()>"Clear all"</button>
            </div>
        }
        .into_any(),
    )
}
