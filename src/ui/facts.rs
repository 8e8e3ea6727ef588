use leptos::prelude::*;

use super::common::{emphasised, panel_header, party_tag, section_empty, show_in_text, show_more};
use super::item_notes::{note_button, note_slot};
use super::state::{use_sheet, Listed, Sheet};
use crate::parser::{Breakdown, FactKind};
use crate::sheet::emphasis::{emphasis, Wanted};
use crate::sheet::format::shown_of;
use crate::sheet::notes::ItemIndex;
use crate::sheet::{shown_count, ItemRef, Query, SheetView, PAGE};

/// The "Facts" region: statements of fact and reported (indirect) speech,
/// with their source, the parties involved and figures and dates set off.
#[component]
pub fn FactsPanel() -> impl IntoView {
    let note = view! {
        <p class="panel-note">
            <span class="legend legend-figure">"Figures"</span>
            " and "
            <span class="legend legend-date">"dates"</span>
            " are highlighted. "
            <span class="kind-label kind-reported">"Reported"</span>
            " marks indirect speech: what a source said, in the writer’s words."
        </p>
    }
    .into_any();
    fact_section(Section {
        heading: "facts-heading",
        title: "Facts",
        class: "panel facts-panel",
        one: "fact",
        many: "facts",
        pick: |v| &v.facts,
        total: |b| b.stats.facts,
        none: "No statements of fact found in this text.",
        note,
    })
}

/// The "Commentary" region: the writer's own analysis, kept apart from fact.
#[component]
pub fn CommentaryPanel() -> impl IntoView {
    let note = view! {
        <p class="panel-note commentary-note">
            <strong>"The writer’s analysis, not fact."</strong>
            " Sentences that interpret or judge, attributed to no one."
        </p>
    }
    .into_any();
    fact_section(Section {
        heading: "commentary-heading",
        title: "Commentary",
        class: "panel commentary-panel",
        one: "sentence",
        many: "sentences",
        pick: |v| &v.commentary,
        total: |b| b.stats.commentary,
        none: "No commentary: every sentence reports a fact or someone’s words.",
        note,
    })
}

struct Section {
    heading: &'static str,
    title: &'static str,
    class: &'static str,
    one: &'static str,
    many: &'static str,
    pick: fn(&SheetView) -> &Vec<usize>,
    total: fn(&Breakdown) -> usize,
    none: &'static str,
    note: AnyView,
}

/// A section of facts, listed a page at a time.
fn fact_section(s: Section) -> AnyView {
    let sheet = use_sheet();
    let b = sheet.breakdown;
    let Section { heading, title, class, one, many, pick, total, none, note } = s;
    let limit = RwSignal::new(PAGE);
    let listed = Listed::new(sheet, pick);
    let count = Signal::derive(move || {
        let all = b.with(|b| total(b));
        shown_of(listed.with(Vec::len), all, one, many)
    });
    let shown = move || {
        let must = sheet.focused.with(|f| match f {
            Some(ItemRef::Fact(x)) => listed.with(|l| l.iter().position(|y| y == x)),
            _ => None,
        });
        shown_count(listed.with(Vec::len), limit.get(), must)
    };
    let body = move || {
        sheet.track_input();
        let n = shown();
        b.with(|b| {
            sheet.source.with(|text| {
                sheet.filter.with(|f| {
                    listed.with(|l| {
                        if l.is_empty() {
                            return section_empty(sheet, total(b) > 0, none);
                        }
                        let items = l.iter().take(n).map(|&i| fact_item(sheet, b, text, f.query(), i)).collect_view();
                        view! { <ol class="fact-list">{items}</ol> {show_more(l.len(), n, limit, many)} }.into_any()
                    })
                })
            })
        })
    };
    view! {
        <section class=class aria-labelledby=heading>
            {panel_header(heading, title, count, None)}
            {note}
            {body}
        </section>
    }
    .into_any()
}

/// One fact: its text (figures, dates and search hits set off), then its
/// kind, source and parties, then the reader's note.
fn fact_item(sheet: Sheet, b: &Breakdown, text: &str, query: &Query, index: usize) -> AnyView {
    let Some(f) = b.facts.get(index) else { return ().into_any() };
    let item = ItemRef::Fact(index);
    let query = (!query.is_empty()).then_some(query);
    let segs = emphasis(b, text, f.span, Wanted { figures: true, dates: true, query, ..Wanted::default() });
    let reported = f.kind == FactKind::Reported;
    let kind = match f.kind {
        FactKind::Fact => "fact-item",
        FactKind::Reported => "fact-item is-reported",
        FactKind::Commentary => "fact-item is-commentary",
    };
    let class = format!("{kind}{}", sheet.focus_class(item));
    let source = f.source.as_ref().map(|s| {
        view! { <span class="source"><span class="source-label">"Source: "</span>{s.name.clone()}</span> }
    });
    let parties: Vec<AnyView> =
        f.parties.iter().filter_map(|&p| b.parties.get(p).map(|x| party_tag(Some(p), x.name.clone()))).collect();
    let parties = (!parties.is_empty()).then(|| {
        view! { <span class="tags"><span class="visually-hidden">"Parties: "</span>{parties}</span> }
    });
    let at = ItemIndex::new(b).fact(index);
    view! {
        <li class=class id=item.dom_id() tabindex="-1">
            <p class="fact-text">{emphasised(text, segs)}</p>
            <div class="item-meta">
                {reported.then(|| view! { <span class="kind-label kind-reported">"Reported"</span> })}
                {source}
                {parties}
                {show_in_text(sheet, item)}
                {note_button(at)}
            </div>
            {note_slot(at)}
        </li>
    }
    .into_any()
}
