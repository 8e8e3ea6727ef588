use leptos::prelude::*;

use super::common::{emphasised, panel_header, party_tag, section_empty, show_in_text, show_more};
use super::corrections::{attribution_line, correct_button, correction_slot};
use super::item_notes::{note_button, note_slot};
use super::state::{use_sheet, Listed, Origin, QuoteOrder, Sheet};
use crate::parser::{Breakdown, QuoteKind};
use crate::sheet::emphasis::{emphasis, Wanted};
use crate::sheet::format::{count_label, shown_of};
use crate::sheet::notes::ItemIndex;
use crate::sheet::quotes::{display_role, group_by_speaker, party_tags};
use crate::sheet::{shown_count, ItemRef, Query, PAGE};

/// The "Quotes" region: every quote (direct or partial) as a list item with
/// its words, speaker, role, party and speech verb; in article order or
/// grouped by speaker. Quoted terms are listed apart ([`TermsPanel`]).
#[component]
pub fn QuotesPanel() -> impl IntoView {
    let sheet = use_sheet();
    let b = sheet.breakdown;
    let limit = RwSignal::new(PAGE);
    let listed = Listed::new(sheet, |v| &v.quotes);
    let count = Signal::derive(move || {
        let total = b.with(|b| b.stats.quotes);
        shown_of(listed.with(Vec::len), total, "quote", "quotes")
    });
    // Grow the list to reach an item asked for from the text.
    let shown = move || {
        let must = sheet.focused.with(|f| match f {
            Some(ItemRef::Quote(q)) => listed.with(|l| l.iter().position(|x| x == q)),
            _ => None,
        });
        shown_count(listed.with(Vec::len), limit.get(), must)
    };

    let body = move || {
        sheet.track_input();
        let order = sheet.order.get();
        let n = shown();
        let items: Vec<usize> = listed.with(|l| l.iter().take(n).copied().collect());
        let total = listed.with(Vec::len);
        b.with(|b| {
            sheet.source.with(|text| {
                sheet.filter.with(|f| {
                    if items.is_empty() {
                        return section_empty(
                            sheet,
                            b.stats.quotes > 0,
                            "No quotes found. Factsheet lists speech set off by quotation marks (“…” or \"…\") and who said it; this text has none it could read.",
                        );
                    }
                    let list = if order == QuoteOrder::Speaker {
                        group_by_speaker(b, &items)
                            .into_iter()
                            .map(|g| {
                                let party = g.tags.into_iter().map(|(i, p)| party_tag(i, p)).collect_view();
                                let n = g.quotes.len();
                                let speaker_class = if g.speaker.is_none() { "speaker unattributed" } else { "speaker" };
                                let quotes = g
                                    .quotes
                                    .iter()
                                    .map(|&q| quote_item(sheet, b, text, f.query(), q, true))
                                    .collect_view();
                                view! {
                                    <div class="speaker-group">
                                        <h3 class="speaker-heading">
                                            <span class="who">
                                                <span class=speaker_class>
                                                    {g.speaker.unwrap_or_else(|| "Unattributed".to_string())}
                                                </span>
                                                {g.role.map(|r| view! { <span class="role">{format!(", {r}")}</span> })}
                                            </span>
                                            {party}
                                            <span class="group-count">{count_label(n, "quote", "quotes")}</span>
                                        </h3>
                                        <ol class="quote-list">{quotes}</ol>
                                    </div>
                                }
                            })
                            .collect_view()
                            .into_any()
                    } else {
                        let quotes = items.iter().map(|&q| quote_item(sheet, b, text, f.query(), q, false)).collect_view();
                        view! { <ol class="quote-list">{quotes}</ol> }.into_any()
                    };
                    view! { {list} {show_more(total, n, limit, "quotes")} }.into_any()
                })
            })
        })
    };

    let order_button = move |order: QuoteOrder, label: &'static str| {
        view! {
            <button
                type="button"
                class="segmented-option"
                aria-pressed=move || if sheet.order.get() == order { "true" } else { "false" }
                on:click=move |_| sheet.order.set(order)
            >
                {label}
            </button>
        }
    };
    let actions = view! {
        <div class="segmented" role="group" aria-label="Order of quotes">
            {order_button(QuoteOrder::Article, "Article order")}
            {order_button(QuoteOrder::Speaker, "By speaker")}
        </div>
    }
    .into_any();

    view! {
        <section class="panel quotes-panel" aria-labelledby="quotes-heading">
            {panel_header("quotes-heading", "Quotes", count, Some(actions))}
            {body}
        </section>
    }
}

/// One quote: its words (a partial quote inside its sentence), then who
/// said it and how, then the reader's note.
fn quote_item(sheet: Sheet, b: &Breakdown, text: &str, query: &Query, index: usize, grouped: bool) -> AnyView {
    let Some(q) = b.quotes.get(index) else { return ().into_any() };
    let item = ItemRef::Quote(index);
    let partial = q.kind == QuoteKind::Partial;
    let query = (!query.is_empty()).then_some(query);
    let words = if partial {
        let sentence = b.sentences.get(q.sentence).map(|s| s.span).filter(|s| s.contains(q.marks)).unwrap_or(q.marks);
        let segs = emphasis(b, text, sentence, Wanted { quote: Some(q.marks), query, ..Wanted::default() });
        view! {
            <p class="quote-context">
                <span class="kind-label kind-quote">"Partial quote"</span>
                " "
                {emphasised(text, segs)}
            </p>
        }
        .into_any()
    } else {
        let segs = emphasis(b, text, q.span, Wanted { query, ..Wanted::default() });
        view! { <blockquote class="quote-text">{emphasised(text, segs)}</blockquote> }.into_any()
    };
    let unattributed = q.speaker.is_none();
    let who = (!grouped || unattributed).then(|| {
        view! {
            <span class="who">
                <span class=if unattributed { "speaker unattributed" } else { "speaker" }>
                    {q.speaker.clone().unwrap_or_else(|| "Unattributed".to_string())}
                </span>
                {display_role(q).map(|r| view! { <span class="role">{format!(", {r}")}</span> })}
            </span>
        }
    });
    let party = (!grouped).then(|| party_tags(b, q).into_iter().map(|(i, p)| party_tag(i, p)).collect_view());
    let verb = q.verb.clone().map(|v| {
        view! { <span class="tag tag-verb"><span class="visually-hidden">"speech verb: "</span>{v}</span> }
    });
    let at = ItemIndex::new(b).quote(index);
    view! {
        <li
            class=format!("{}{}", if partial { "quote-item is-partial" } else { "quote-item" }, sheet.focus_class(item))
            id=item.dom_id()
            tabindex="-1"
        >
            {words}
            <div class="item-meta">
                {who} {party} {verb} {show_in_text(sheet, item)} {correct_button(index)} {note_button(at)}
            </div>
            {attribution_line(sheet, b, text, index)}
            {correction_slot(index)}
            {note_slot(at)}
        </li>
    }
    .into_any()
}

/// The "Quoted terms" region: words in quotation marks that are not speech
/// (scare quotes, titles, names), each a button showing it in the text.
#[component]
pub fn TermsPanel() -> impl IntoView {
    let sheet = use_sheet();
    let b = sheet.breakdown;
    let listed = Listed::new(sheet, |v| &v.terms);
    let total = move || b.with(|b| b.stats.terms);
    let count = Signal::derive(move || {
        let total = total();
        shown_of(listed.with(Vec::len), total, "term", "terms")
    });
    let body = move || {
        sheet.track_input();
        let items = listed.with(Clone::clone);
        if items.is_empty() {
            return section_empty(sheet, true, "");
        }
        let terms = b.with(|b| {
            items
                .into_iter()
                .filter_map(|i| b.quotes.get(i).map(|q| (i, q.text.trim().to_string())))
                .map(|(i, text)| {
                    let item = ItemRef::Quote(i);
                    view! {
                        <li id=item.dom_id() tabindex="-1" class=sheet.focus_class(item).trim()>
                            <button type="button" class="term" on:click=move |_| sheet.show(item, Origin::Sheet)>
                                {format!("“{text}”")}
                            </button>
                        </li>
                    }
                })
                .collect_view()
        });
        view! { <ul class="term-list">{terms}</ul> }.into_any()
    };
    move || {
        (total() > 0).then(|| {
            view! {
                <section class="panel terms-panel" aria-labelledby="terms-heading">
                    {panel_header("terms-heading", "Quoted terms", count, None)}
                    <p class="panel-note">
                        "Words the article puts in quotation marks without anyone saying them: scare quotes, titles, labels. Not speech. Press one to see it in the text."
                    </p>
                    {body}
                </section>
            }
        })
    }
}
