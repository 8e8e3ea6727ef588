//! The "Voice balance" region: who gets to speak in the article, by party
//! or by speaker (`sheet::voice`), as a bar drawn in SVG and a table with
//! the same numbers. Pressing a party filters the sheet like the party
//! buttons. Also the SVG bars the library view (`voice_library`) draws.

use leptos::prelude::*;

use super::common::{panel_header, party_colour};
use super::state::{use_sheet, Sheet};
use crate::parser::Breakdown;
use crate::sheet::format::{count_label, thousands};
use crate::sheet::voice::{
    basis_label, party_names, share_label, speaker_is_party, toggle_voice, voice_balance, PartyVoice, SpeakerVoice,
    VoiceBalance, VoiceKind,
};

/// Height of a bar in SVG units (divisible by the number of bands of most
/// joint voices); widths are in thousandths.
const BAR_HEIGHT: usize = 60;
const BAR_WIDTH: usize = 1000;
/// The gap after a segment, in thousandths.
const GAP: usize = 4;

/// One part of a bar: from and to (thousandths of the width) and its colour
/// classes (a joint voice has one per party, drawn as bands one above the
/// other: together, not side by side).
pub(super) struct Segment {
    pub from: usize,
    pub to: usize,
    pub colours: Vec<String>,
}

/// Segments for `parts` (a weight and colours each), laid end to end over
/// the whole width in proportion to the weights. The track shows through a
/// thin gap after each segment, so neighbours stay apart.
pub(super) fn segments(parts: Vec<(usize, Vec<String>)>) -> Vec<Segment> {
    let total: usize = parts.iter().map(|(w, _)| w).sum::<usize>().max(1);
    let mut at = 0;
    parts
        .into_iter()
        .filter(|(w, _)| *w > 0)
        .map(|(w, colours)| {
            let from = at * BAR_WIDTH / total;
            at += w;
            Segment { from, to: at * BAR_WIDTH / total, colours }
        })
        .collect()
}

/// A bar in SVG: a track and `segments`. With a `label` it is an image of
/// that name; without, decoration hidden from assistive technology (the
/// numbers are in a table next to it).
pub(super) fn bar(class: &'static str, segments: Vec<Segment>, label: Option<String>) -> AnyView {
    let rects = segments
        .into_iter()
        .flat_map(|seg| {
            let bands = seg.colours.len().max(1);
            let width = seg.to.saturating_sub(seg.from);
            let width = if width > 3 * GAP { width - GAP } else { width };
            seg.colours.into_iter().enumerate().map(move |(k, colour)| {
                let y = k * BAR_HEIGHT / bands;
                let height = (k + 1) * BAR_HEIGHT / bands - y;
                view! {
                    <rect
                        class=format!("voice-seg {colour}")
                        x=seg.from
                        y=y
                        width=width
                        height=height
                    ></rect>
                }
            })
        })
        .collect_view();
    let hidden = label.is_none().then_some("true");
    let role = label.is_some().then_some("img");
    view! {
        <svg
            class=class
            viewBox=format!("0 0 {BAR_WIDTH} {BAR_HEIGHT}")
            preserveAspectRatio="none"
            role=role
            aria-label=label
            aria-hidden=hidden
            focusable="false"
        >
            <rect class="voice-track" width=BAR_WIDTH height=BAR_HEIGHT></rect>
            {rects}
        </svg>
    }
    .into_any()
}

/// The colour classes of a voice of an article (its parties' colours as in
/// the sheet's party tags).
fn colours_of(kind: VoiceKind, parties: &[usize]) -> Vec<String> {
    match kind {
        VoiceKind::NoParty => vec!["voice-no-party".into()],
        VoiceKind::Unattributed => vec!["voice-unattributed".into()],
        _ if parties.is_empty() => vec!["voice-other".into()],
        _ => parties.iter().map(|&p| party_colour(p)).collect(),
    }
}

/// The small coloured marks before a voice's name (one per party).
pub(super) fn dots(colours: &[String]) -> AnyView {
    let dots = colours.iter().map(|c| view! { <span class=format!("dot {c}")></span> }).collect_view();
    view! { <span class="voice-dots" aria-hidden="true">{dots}</span> }.into_any()
}

/// How the balance is broken down.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum By {
    Party,
    Speaker,
}

/// The "Voice balance" region (see the module docs).
#[component]
pub fn VoicePanel() -> impl IntoView {
    let sheet = use_sheet();
    let by = RwSignal::new(By::Party);
    let balance = Memo::new(move |_| sheet.breakdown.with(|b| voice_balance(b)));
    let count = Signal::derive(move || balance.with(|v| count_label(v.words, "quoted word", "quoted words")));

    // Filtering must not rebuild the table (focus stays on the button
    // pressed): each button follows the selection through its aria-pressed.
    let body = move || {
        sheet.breakdown.track();
        let by = by.get();
        sheet.breakdown.with(|b| {
            balance.with(|v| {
                if v.quotes == 0 {
                    return view! {
                        <div class="section-empty">
                            <p>"No quoted speech in this text, so no voice to weigh. Quoted terms (scare quotes, titles) do not count."</p>
                        </div>
                    }
                    .into_any();
                }
                let parts = v.parties.iter().map(|r| (r.words, colours_of(r.kind, &r.parties))).collect();
                let table = match by {
                    By::Party => party_table(sheet, b, v),
                    By::Speaker => speaker_table(v),
                };
                view! { {bar("voice-stack", segments(parts), None)} {table} }.into_any()
            })
        })
    };

    let option = move |value: By, label: &'static str| {
        view! {
            <button
                type="button"
                class="segmented-option"
                aria-pressed=move || if by.get() == value { "true" } else { "false" }
                on:click=move |_| by.set(value)
            >
                {label}
            </button>
        }
    };
    let actions = view! {
        <div class="segmented" role="group" aria-label="Voice balance view">
            {option(By::Party, "By party")}
            {option(By::Speaker, "By speaker")}
        </div>
    }
    .into_any();

    view! {
        <section class="panel voice-panel" aria-labelledby="voice-heading">
            {panel_header("voice-heading", "Voice balance", count, Some(actions))}
            <p class="panel-note">
                "Who gets to speak: each side’s share of the words quoted as speech (direct and partial quotes, not quoted terms). "
                "A joint statement counts once, for its parties together. Press a party to narrow the sheet to it."
            </p>
            {body}
        </section>
    }
}

/// A row of a voice table: who (a cell's content), its colours and numbers.
pub(super) struct Row {
    pub who: AnyView,
    pub colours: Vec<String>,
    pub share: String,
    pub words: usize,
    pub quotes: usize,
    /// The last column, with its name: speakers (by party) or articles (the library).
    pub extra: Option<(&'static str, String)>,
    /// More about the voice, under its bar (the library's list of articles).
    pub more: Option<AnyView>,
}

/// The body rows of a voice table: name and a bar of its share of `total`
/// words, then share, words, quotes and the extra column.
pub(super) fn table_rows(total: usize, rows: Vec<Row>) -> AnyView {
    rows.into_iter()
        .map(|r| {
            let fill = segments(vec![(r.words, r.colours), (total.saturating_sub(r.words), Vec::new())]);
            view! {
                <tr>
                    <th scope="row" class="voice-who">
                        <span class="voice-line">{r.who}</span>
                        {bar("voice-bar", fill, None)}
                        {r.more}
                    </th>
                    <td class="num voice-share" data-label="Share">{r.share}</td>
                    <td class="num" data-label="Words">{thousands(r.words)}</td>
                    <td class="num" data-label="Quotes">{thousands(r.quotes)}</td>
                    {r.extra.map(|(label, s)| view! { <td class="num" data-label=label>{s}</td> })}
                </tr>
            }
        })
        .collect_view()
        .into_any()
}

/// A table of an article's voices.
fn table(caption: String, first: &'static str, total: usize, rows: Vec<Row>) -> AnyView {
    let by_party = rows.first().is_some_and(|r| r.extra.is_some());
    view! {
        <div class="table-wrap">
            <table class="voice-table">
                <caption class="visually-hidden">{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{first}</th>
                        <th scope="col" class="num">"Share"</th>
                        <th scope="col" class="num">"Words"</th>
                        <th scope="col" class="num">"Quotes"</th>
                        {by_party.then(|| view! { <th scope="col" class="num">"Speakers"</th> })}
                    </tr>
                </thead>
                <tbody>{table_rows(total, rows)}</tbody>
            </table>
        </div>
    }
    .into_any()
}

/// The by-party table: share, words, quotes and speakers of each voice.
fn party_table(sheet: Sheet, b: &Breakdown, v: &VoiceBalance) -> AnyView {
    let rows = v.parties.iter().map(|r| party_row(sheet, b, r)).collect();
    table(format!("Voice balance by party: share of the {}", basis_label(v)), "Party", v.words, rows)
}

fn party_row(sheet: Sheet, b: &Breakdown, r: &PartyVoice) -> Row {
    let colours = colours_of(r.kind, &r.parties);
    let names = party_names(b, &r.parties);
    let name = if names.is_empty() {
        let class = if r.kind == VoiceKind::Party { "voice-label" } else { "voice-label is-quiet" };
        view! { <span class=class>{dots(&colours)}{r.name.clone()}</span> }.into_any()
    } else {
        let pressed = {
            let names = names.clone();
            move || sheet.parties.with(|s| names.iter().all(|n| s.contains(n)))
        };
        view! {
            <button
                type="button"
                class="voice-name"
                aria-pressed=move || if pressed() { "true" } else { "false" }
                on:click=move |_| sheet.parties.update(|s| toggle_voice(s, &names))
            >
                {dots(&colours)}
                {r.name.clone()}
            </button>
        }
        .into_any()
    };
    let joint = (r.kind == VoiceKind::Joint).then(|| {
        view! { <span class="voice-kind"><span class="visually-hidden">", "</span>"joint statement"</span> }
    });
    Row {
        who: view! { {name} {joint} }.into_any(),
        colours,
        share: share_label(r.share, r.words),
        words: r.words,
        quotes: r.quotes,
        extra: Some((
            "Speakers",
            if r.kind == VoiceKind::Unattributed { "–".to_string() } else { thousands(r.speakers) },
        )),
        more: None,
    }
}

/// The by-speaker table: share, words and quotes of each speaker.
fn speaker_table(v: &VoiceBalance) -> AnyView {
    let rows = v.speakers.iter().map(speaker_row).collect();
    table(format!("Voice balance by speaker: share of the {}", basis_label(v)), "Speaker", v.words, rows)
}

fn speaker_row(s: &SpeakerVoice) -> Row {
    let kind = match (&s.name, &s.party) {
        (None, _) => VoiceKind::Unattributed,
        (Some(_), None) => VoiceKind::NoParty,
        (Some(_), Some(_)) => VoiceKind::Party,
    };
    let colours = colours_of(kind, &s.parties);
    let (class, name) = match &s.name {
        Some(name) => ("voice-speaker", name.clone()),
        None => ("voice-speaker is-quiet", "Unattributed".to_string()),
    };
    let role = s.role.clone().map(|r| view! { <span class="role">{format!(", {r}")}</span> });
    let name = view! { <span class=class>{name}{role}</span> };
    let party = s.party.clone().filter(|_| !speaker_is_party(s)).map(|p| {
        view! {
            <span class="voice-party">
                <span class="visually-hidden">", for "</span>
                {dots(&colours)}
                {p}
            </span>
        }
    });
    Row {
        who: view! { {name} {party} }.into_any(),
        colours,
        share: share_label(s.share, s.words),
        words: s.words,
        quotes: s.quotes,
        extra: None,
        more: None,
    }
}
