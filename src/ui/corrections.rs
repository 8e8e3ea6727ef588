//! Correcting a quote's speaker or party: on each quote card, a line that
//! says when the parser inferred them ("Speaker inferred from “he”") or that
//! the reader corrected them, a "Correct" button, and the panel it opens
//! (the article's speakers and parties as buttons, or a name typed in).
//! The corrections are kept with the article by `Notes`; the sheet follows
//! them through `Sheet::breakdown` (see `sheet::corrections`).

use leptos::ev::SubmitEvent;
use leptos::html;
use leptos::prelude::*;

use super::item_notes::yes_no;
use super::notes::{correct_button_id, use_notes, Choice};
use super::state::Sheet;
use crate::notes::{Change, PartyFix};
use crate::parser::Breakdown;
use crate::sheet::corrections::{fix_of, party_choices, speaker_choices};
use crate::sheet::quotes::inferences;

/// Under a quote's words: how the parser found its speaker and party when it
/// inferred them, or "Corrected by you" with the parser's answer and a way
/// back to it.
pub fn attribution_line(sheet: Sheet, b: &Breakdown, text: &str, index: usize) -> Option<AnyView> {
    let q = b.quotes.get(index)?;
    let fix = sheet.fixes.with_untracked(|f| fix_of(f, index).map(|f| f.correction.clone()));
    let Some(correction) = fix else {
        let notes = inferences(b, text, q);
        return (!notes.is_empty())
            .then(|| view! { <p class="item-note is-inferred">{format!("{}.", notes.join(". "))}</p> }.into_any());
    };
    let notes = use_notes();
    let parser = sheet.parsed.with_untracked(|p| {
        let q = p.quotes.get(index)?;
        let parts: Vec<&str> = [q.speaker.as_deref(), q.party.as_deref()].into_iter().flatten().collect();
        Some(if parts.is_empty() { "no speaker".to_string() } else { parts.join(", ") })
    });
    Some(
        view! {
            <p class="item-note is-corrected">
                <strong>"Corrected by you"</strong>
                {parser.map(|p| format!(" (the parser had {p})."))}
                " "
                <button type="button" class="link-button" on:click=move |_| notes.restore_parser_answer(&correction)>
                    "Restore the parser’s answer"
                </button>
            </p>
        }
        .into_any(),
    )
}

/// The "Correct" button of quote `index`: opens (and closes) its correction panel.
pub fn correct_button(index: usize) -> impl IntoView {
    let notes = use_notes();
    let expanded = Signal::derive(move || yes_no(notes.correcting.get() == Some(index)));
    view! {
        <button
            type="button"
            class="note-button correct-button"
            id=correct_button_id(index)
            aria-expanded=expanded
            on:click=move |_| notes.toggle_correcting(index)
        >
            "Correct"
            <span class="visually-hidden">" the speaker or party"</span>
        </button>
    }
}

/// Where quote `index`'s correction panel opens.
pub fn correction_slot(index: usize) -> impl IntoView {
    let notes = use_notes();
    let open = Memo::new(move |_| notes.correcting.get() == Some(index));
    move || open.get().then(|| view! { <CorrectionPanel index/> })
}

/// The correction panel of quote `index`: its speaker and its party, each
/// picked among the article's (one click) or typed. Every choice applies at
/// once; Escape or "Done" closes the panel.
#[component]
fn CorrectionPanel(index: usize) -> impl IntoView {
    let notes = use_notes();
    let sheet = super::state::use_sheet();
    let (speakers, parties, speaker_now, parties_now) = sheet.breakdown.with_untracked(|b| {
        let q = b.quotes.get(index);
        let now: Vec<String> = q
            .map(|q| q.parties.iter().filter_map(|&p| b.parties.get(p)).map(|p| p.name.clone()).collect())
            .unwrap_or_default();
        (speaker_choices(b, index), party_choices(b), q.and_then(|q| q.speaker.clone()), now)
    });
    let no_party = parties_now.is_empty();
    let speaker_group = NodeRef::<html::Div>::new();
    let party_group = NodeRef::<html::Div>::new();
    // The focus: on the choice just made when the sheet was drawn again, else
    // on the current speaker.
    let refocus = notes.take_correct_refocus();
    let focus_group = if refocus == Some(Choice::Party) { party_group } else { speaker_group };
    focus_group.on_load(|group| {
        let pressed = group.query_selector("[aria-pressed=\"true\"]").ok().flatten();
        if let Some(button) = pressed.or_else(|| group.query_selector("button").ok().flatten()) {
            super::dom::focus_quietly(&button);
        }
    });
    let speaker_buttons = speakers
        .into_iter()
        .map(|name| {
            let on = speaker_now.as_deref().is_some_and(|s| s.eq_ignore_ascii_case(&name));
            choice_button(name.clone(), on, move || {
                notes.correct(index, Change::Speaker(name.clone()), Choice::Speaker)
            })
        })
        .collect_view();
    let party_buttons = parties
        .into_iter()
        .map(|name| {
            let on = parties_now.contains(&name);
            let party = PartyFix::Party(name.clone());
            choice_button(name, on, move || notes.correct(index, Change::Party(party.clone()), Choice::Party))
        })
        .collect_view();
    let no_party = choice_button("No party".to_string(), no_party, move || {
        notes.correct(index, Change::Party(PartyFix::Nobody), Choice::Party)
    });
    view! {
        <div
            class="correction-panel"
            role="group"
            aria-label="Correct the speaker or party"
            on:keydown=move |ev| {
                if ev.key() == "Escape" {
                    ev.prevent_default();
                    notes.close_correcting();
                }
            }
        >
            {choice_group(format!("correct-speaker-{index}"), "Speaker", speaker_group, speaker_buttons)}
            {typed_choice(format!("typed-speaker-{index}"), "Another speaker", "Another name", "Set speaker", move |name| {
                notes.correct(index, Change::Speaker(name), Choice::Speaker)
            })}
            {choice_group(format!("correct-party-{index}"), "Party", party_group, (party_buttons, no_party))}
            {typed_choice(format!("typed-party-{index}"), "Another party", "Another party", "Set party", move |name| {
                notes.correct(index, Change::Party(PartyFix::Party(name)), Choice::Party)
            })}
            <div class="note-actions">
                <p class="note-help">"Your choice applies at once and is kept with the article. Esc closes."</p>
                <button type="button" class="button button-small" on:click=move |_| notes.close_correcting()>
                    "Done"
                </button>
            </div>
        </div>
    }
}

/// A labelled group of choices ("Speaker", "Party").
fn choice_group(id: String, label: &'static str, node: NodeRef<html::Div>, choices: impl IntoView) -> impl IntoView {
    view! {
        <p class="correction-heading" id=id.clone()>{label}</p>
        <div class="choices" role="group" aria-labelledby=id node_ref=node>
            {choices}
        </div>
    }
}

/// A name typed in, set with Enter or its button.
fn typed_choice(
    id: String,
    label: &'static str,
    placeholder: &'static str,
    submit: &'static str,
    set: impl Fn(String) + 'static,
) -> impl IntoView {
    let input = NodeRef::<html::Input>::new();
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if let Some(name) = input.get_untracked().map(|i| i.value()) {
            set(name);
        }
    };
    view! {
        <form class="correction-typed" on:submit=on_submit>
            <label class="visually-hidden" for=id.clone()>{label}</label>
            <input id=id class="note-input" type="text" autocomplete="off" placeholder=placeholder node_ref=input/>
            <button type="submit" class="button button-small">{submit}</button>
        </form>
    }
}

/// One choice of the correction panel: a toggle button, pressed for the
/// quote's current speaker or party.
fn choice_button(label: String, on: bool, pick: impl Fn() + 'static) -> impl IntoView {
    view! {
        <button type="button" class="chip-button choice" aria-pressed=yes_no(on) on:click=move |_| pick()>
            {label}
        </button>
    }
}
