use leptos::prelude::*;

use super::common::{panel_header, party_colour};
use super::item_notes::{note_button, note_slot};
use super::state::{use_sheet, Listed, Sheet};
use crate::parser::Breakdown;
use crate::sheet::format::{count_label, party_kind_label, shown_of};
use crate::sheet::notes::ItemIndex;

/// How many parties show before "Show all".
const FIRST_PARTIES: usize = 9;

/// The "Parties" region: one toggle button per party (kind, mentions, the
/// people who speak for it). Several can be on; "All parties" resets. The
/// filter narrows every section at once.
#[component]
pub fn PartiesPanel() -> impl IntoView {
    let sheet = use_sheet();
    let b = sheet.breakdown;
    let all = RwSignal::new(false);
    let listed = Listed::new(sheet, |v| &v.parties);
    let total = move || b.with(|b| b.parties.len());
    let count = Signal::derive(move || {
        let all = total();
        shown_of(listed.with(Vec::len), all, "party", "parties")
    });

    // Toggling a party must not rebuild the cards (keyboard focus stays on
    // the button), so the selection is read untracked here; each card
    // follows it through its own aria-pressed.
    let body = move || {
        sheet.breakdown.track();
        let limit = if all.get() { usize::MAX } else { FIRST_PARTIES };
        let selected = sheet.parties.get_untracked();
        listed.with(|list| {
            if total() == 0 {
                return view! {
                    <div class="section-empty">
                        <p>
                            "No parties found: the text names no country, group, organisation or company "
                            "Factsheet knows, and no one speaks for one."
                        </p>
                    </div>
                }
                .into_any();
            }
            if list.is_empty() {
                return view! { <div class="section-empty"><p>"No party matches the search."</p></div> }.into_any();
            }
            let cards = b.with(|b| {
                list.iter()
                    .enumerate()
                    .filter(|&(pos, &i)| pos < limit || b.parties.get(i).is_some_and(|p| selected.contains(&p.name)))
                    .map(|(_, &i)| party_card(sheet, b, i))
                    .collect_view()
            });
            let hidden = list.len().saturating_sub(limit);
            let more = (hidden > 0).then(|| {
                view! {
                    <button type="button" class="button button-more" on:click=move |_| all.set(true)>
                        {format!("Show {} more {}", hidden, if hidden == 1 { "party" } else { "parties" })}
                    </button>
                }
            });
            view! { <ul class="party-grid">{cards}</ul> {more} }.into_any()
        })
    };

    let reset = view! {
        <button
            type="button"
            class="chip-button"
            aria-pressed=move || if sheet.parties.with(Vec::is_empty) { "true" } else { "false" }
            on:click=move |_| sheet.parties.set(Vec::new())
        >
            "All parties"
        </button>
    }
    .into_any();

    view! {
        <section class="panel parties-panel" aria-labelledby="parties-heading">
            {panel_header("parties-heading", "Parties", count, Some(reset))}
            <p class="panel-note">
                "Countries, groups and organisations the article names. Pick one or more to narrow the whole sheet to them."
            </p>
            {body}
        </section>
    }
}

/// One party as a toggle button; its accessible name starts with the
/// party's canonical name. Below it, the reader's note on the party.
fn party_card(sheet: Sheet, b: &Breakdown, i: usize) -> AnyView {
    let Some(p) = b.parties.get(i) else { return ().into_any() };
    let name = p.name.clone();
    let people: Vec<String> = p
        .people
        .iter()
        .filter_map(|&x| b.people.get(x))
        .map(|person| match &person.role {
            Some(role) if !role.eq_ignore_ascii_case(&p.name) => format!("{} ({role})", person.name),
            _ => person.name.clone(),
        })
        .collect();
    let on = {
        let name = name.clone();
        move || sheet.parties.with(|s| s.contains(&name))
    };
    let on2 = on.clone();
    let toggle = name.clone();
    let at = ItemIndex::new(b).party(i);
    view! {
        <li class="party-cell" id=format!("party-{i}") tabindex="-1">
            <button
                type="button"
                class=format!("party-card {}", party_colour(i))
                class:is-on=on
                aria-pressed=move || if on2() { "true" } else { "false" }
                on:click=move |_| sheet.toggle_party(&toggle)
            >
                <span class="party-top">
                    <span class="dot" aria-hidden="true"></span>
                    <span class="party-name">{name}</span>
                    <span class="check" aria-hidden="true"></span>
                </span>
                <span class="party-meta">
                    <span class="visually-hidden">", "</span>
                    {party_kind_label(p.kind)}
                    <span aria-hidden="true">" · "</span>
                    <span class="visually-hidden">", "</span>
                    {count_label(p.mentions, "mention", "mentions")}
                </span>
                {(!people.is_empty()).then(|| view! {
                    <span class="party-people">
                        <span class="visually-hidden">", speaks through "</span>
                        {people.join(", ")}
                    </span>
                })}
            </button>
            <div class="party-notes">{note_button(at)} {note_slot(at)}</div>
        </li>
    }
    .into_any()
}
