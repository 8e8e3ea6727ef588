//! The "Voices across the library" region: every party (or speaker) quoted
//! in the articles kept in the notes library, with quotes and words over
//! all of them, the articles they speak in and each article's balance as a
//! small bar; sortable, searchable by name (`sheet::voice_library`).
//!
//! Collapsed until opened: only then are the saved articles summarised
//! (see `voice_source`: the article on screen from the sheet's breakdown,
//! the others by a parser worker, each text once).

use leptos::prelude::*;

use super::common::show_more;
use super::dom;
use super::notes::{use_notes, Notes};
use super::state::{use_sheet, Sheet};
use super::voice::{bar, dots, segments, table_rows, Row};
use super::voice_source::{Shown, Summaries};
use crate::sheet::format::{count_label, thousands};
use crate::sheet::voice::{share_label, summary_line, VoiceKind};
use crate::sheet::voice_library::{library_markdown, Grouping, LibraryArticle, LibraryVoice, LibraryVoices, SortBy};
use crate::sheet::PAGE;

/// The library's colour classes of some parties (or the quiet colour of a
/// voice without a party).
fn colours(lv: &LibraryVoices, kind: VoiceKind, parties: &[String]) -> Vec<String> {
    match kind {
        VoiceKind::Unattributed => vec!["voice-unattributed".into()],
        _ if parties.is_empty() && kind != VoiceKind::Party => vec!["voice-no-party".into()],
        _ if parties.is_empty() => vec!["voice-other".into()],
        _ => parties
            .iter()
            .map(|p| lv.colour(p).map_or_else(|| "voice-other".to_string(), |slot| format!("pc-{}", slot % 8)))
            .collect(),
    }
}

/// An article's balance as a small bar, an image named by its shares.
fn article_bar(lv: &LibraryVoices, article: &LibraryArticle) -> AnyView {
    let balance = &article.voices.balance;
    let parts =
        balance.parties.iter().map(|r| (r.words, colours(lv, r.kind, &article.voices.names(&r.parties)))).collect();
    let label =
        if balance.words == 0 { "No quoted speech".to_string() } else { format!("Balance: {}", summary_line(balance)) };
    bar("voice-bar voice-bar-small", segments(parts), Some(label))
}

/// "Thu 6 Mar 2025 · 9 quotes, 188 quoted words".
fn article_meta(article: &LibraryArticle, quotes: usize, words: usize, quoted: &str) -> String {
    let counts =
        format!("{}, {}", count_label(quotes, "quote", "quotes"), count_label(words, quoted, &format!("{quoted}s")));
    match article.date_label() {
        Some(date) => format!("{date} · {counts}"),
        None => counts,
    }
}

/// What the library view shows, while it is open (`None` while closed).
type Data = Memo<Option<Shown>>;

/// Recomputed when the library, the sheet or a summary changes, and only
/// while open; a new value only when what it is made from is different (a
/// note typed elsewhere does not redraw the table).
fn library_data(sheet: Sheet, notes: Notes, open: RwSignal<bool>) -> Data {
    let summaries = Summaries::new(notes);
    Memo::new_with_compare(
        move |previous: Option<&Option<Shown>>| {
            if !open.get() {
                return None;
            }
            notes.library_changed.track();
            summaries.arrived.track();
            sheet.breakdown.track();
            match previous {
                Some(Some(shown)) if summaries.unchanged(sheet, shown) => Some(shown.clone()),
                _ => Some(summaries.gather(sheet)),
            }
        },
        |a, b| match (a.and_then(Option::as_ref), b.and_then(Option::as_ref)) {
            (Some(a), Some(b)) => !a.same_as(b),
            (a, b) => a.is_some() != b.is_some(),
        },
    )
}

/// The reader's choices in the library view.
#[derive(Clone, Copy)]
struct Controls {
    grouping: RwSignal<Grouping>,
    /// The column and whether most comes first.
    sort: RwSignal<(SortBy, bool)>,
    query: RwSignal<String>,
    /// How many rows to render ("Show 50 more").
    limit: RwSignal<usize>,
}

impl Controls {
    /// The voices listed now, as indices into `lv.voices(grouping)`.
    fn listed(&self, lv: &LibraryVoices) -> Vec<usize> {
        let (by, descending) = self.sort.get();
        self.query.with(|q| lv.listed(self.grouping.get(), q, by, descending))
    }
}

/// A column header that sorts by `by` (a number column first most, then
/// least; the name column A to Z first).
fn sort_header(c: Controls, by: SortBy, numeric: bool) -> impl IntoView {
    let label = move || match (by, c.grouping.get()) {
        (SortBy::Name, Grouping::Parties) => "Party",
        (SortBy::Name, Grouping::Speakers) => "Speaker",
        (SortBy::Quotes, _) => "Quotes",
        (SortBy::Words, _) => "Words",
        (SortBy::Articles, _) => "Articles",
    };
    let state = move || match c.sort.get() {
        (b, true) if b == by => Some("descending"),
        (b, false) if b == by => Some("ascending"),
        _ => None,
    };
    let press = move |_| {
        c.sort.update(|(b, descending)| {
            if *b == by {
                *descending = !*descending;
            } else {
                *b = by;
                *descending = numeric;
            }
        })
    };
    view! {
        <th scope="col" class=if numeric { "num" } else { "" } aria-sort=state>
            <button type="button" class="sort-button" on:click=press>
                {label}
                <span class="sort-mark" aria-hidden="true"></span>
            </button>
        </th>
    }
}

/// The rows of the voices listed (or why there are none).
fn table_body(c: Controls, data: Data) -> impl IntoView {
    move || {
        data.with(|d| {
            let Some(lv) = d.as_ref().map(|s| &s.voices) else { return ().into_any() };
            let listed = c.listed(lv);
            let voices = lv.voices(c.grouping.get());
            if listed.is_empty() {
                let message = match (voices.is_empty(), lv.articles.is_empty()) {
                    (_, true) => {
                        "No articles yet: every article you paste is kept in the Library, and its voices add up here."
                            .to_string()
                    }
                    (true, false) => "None of the saved articles has quoted speech.".to_string(),
                    (false, false) => c.query.with(|q| format!("No name matches “{}”.", q.trim())),
                };
                return view! { <tr><td colspan="5" class="voices-empty">{message}</td></tr> }.into_any();
            }
            let shown = listed.iter().take(c.limit.get());
            table_rows(lv.words, shown.map(|&i| voice_row(lv, &voices[i])).collect())
        })
    }
}

/// "Show 50 more voices" under a long table.
fn more_rows(c: Controls, data: Data) -> impl IntoView {
    move || {
        data.with(|d| {
            let lv = &d.as_ref()?.voices;
            let total = c.listed(lv).len();
            show_more(total, c.limit.get().min(total), c.limit, "voices")
        })
    }
}

/// "Analysing 3 saved articles…", and the articles that could not be.
fn progress_note(shown: &Shown) -> Option<String> {
    let mut parts = Vec::new();
    if shown.pending > 0 {
        parts.push(format!("Analysing {}…", count_label(shown.pending, "saved article", "saved articles")));
    }
    if !shown.failed.is_empty() {
        parts.push(format!("Could not be analysed: {}.", shown.failed.join("; ")));
    }
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// Every saved article with its balance.
fn article_list(data: Data) -> impl IntoView {
    move || {
        data.with(|d| {
            let shown = d.as_ref()?;
            let lv = &shown.voices;
            let progress = progress_note(shown);
            let items = lv
                .articles
                .iter()
                .map(|a| article_item(lv, a, a.voices.balance.quotes, a.voices.balance.words, "quoted word"))
                .collect_view();
            Some(view! {
                <p class="voices-subheading" id="voices-articles">"Articles"</p>
                <ul class="voices-articles" aria-labelledby="voices-articles">{items}</ul>
                {progress.map(|p| view! { <p class="voices-progress">{p}</p> })}
            })
        })
    }
}

/// Downloads the voices listed as Markdown; says how it went in `status`.
fn download_markdown(c: Controls, data: Data, status: RwSignal<String>) {
    let md = data.with_untracked(|d| {
        d.as_ref().map(|s| untrack(|| library_markdown(&s.voices, c.grouping.get(), &c.listed(&s.voices))))
    });
    let name = "factsheet-voices.md";
    let done = md.is_some_and(|md| dom::download(name, "text/markdown", &md));
    status.set(if done { format!("Downloaded {name}.") } else { "The download could not be started.".into() });
}

/// The "Voices across the library" region (see the module docs).
#[component]
pub fn LibraryVoicesPanel() -> impl IntoView {
    let sheet = use_sheet();
    let notes = use_notes();
    let open = RwSignal::new(false);
    let c = Controls {
        grouping: RwSignal::new(Grouping::Parties),
        sort: RwSignal::new((SortBy::Words, true)),
        query: RwSignal::new(String::new()),
        limit: RwSignal::new(PAGE),
    };
    let status = RwSignal::new(String::new());
    let data = library_data(sheet, notes, open);
    let count = move || {
        notes.library_changed.track();
        count_label(notes.with_library(|l| l.articles.len()), "article", "articles")
    };
    let option = move |value: Grouping, label: &'static str| {
        view! {
            <button
                type="button"
                class="segmented-option"
                aria-pressed=move || if c.grouping.get() == value { "true" } else { "false" }
                on:click=move |_| c.grouping.set(value)
            >
                {label}
            </button>
        }
    };

    view! {
        <section class="panel voices-panel" aria-label="Voices across the library">
            <details
                class="voices-details"
                on:toggle=move |ev| open.set(event_target::<web_sys::Element>(&ev).has_attribute("open"))
            >
                <summary class="voices-summary">
                    <span class="panel-title">"Voices across the library"</span>
                    <span class="count">{count}</span>
                </summary>
                <p class="panel-note">
                    "Who speaks in the articles kept in this browser: each party’s (or speaker’s) quotes and quoted words over all of them, "
                    "and each article’s balance."
                </p>
                <div class="voices-tools">
                    <div class="segmented" role="group" aria-label="Count voices by">
                        {option(Grouping::Parties, "By party")}
                        {option(Grouping::Speakers, "By speaker")}
                    </div>
                    <input
                        class="voices-search"
                        type="search"
                        autocomplete="off"
                        spellcheck="false"
                        aria-label="Search voices by name"
                        placeholder="Search by name"
                        prop:value=move || c.query.get()
                        on:input=move |ev| c.query.set(event_target_value(&ev))
                    />
                    <button
                        type="button"
                        class="button button-small icon-download"
                        on:click=move |_| download_markdown(c, data, status)
                    >
                        "Voices as Markdown"
                    </button>
                </div>
                <div class="table-wrap">
                    <table class="voice-table voices-table">
                        <caption class="visually-hidden">"Voices across the library"</caption>
                        <thead>
                            <tr>
                                {sort_header(c, SortBy::Name, false)}
                                <th scope="col" class="num">"Share"</th>
                                {sort_header(c, SortBy::Words, true)}
                                {sort_header(c, SortBy::Quotes, true)}
                                {sort_header(c, SortBy::Articles, true)}
                            </tr>
                        </thead>
                        <tbody>{table_body(c, data)}</tbody>
                    </table>
                </div>
                {more_rows(c, data)}
                {article_list(data)}
                <p class="voices-status" role="status" aria-live="polite">{move || status.get()}</p>
            </details>
        </section>
    }
}

/// A voice's row: name (with the articles it speaks in, behind a
/// disclosure), share and bar, words, quotes and the number of articles.
fn voice_row(lv: &LibraryVoices, v: &LibraryVoice) -> Row {
    let kind = if v.kind == VoiceKind::Speaker && v.parties.is_empty() { VoiceKind::NoParty } else { v.kind };
    let colours = colours(lv, kind, &v.parties);
    let quiet = matches!(v.kind, VoiceKind::NoParty | VoiceKind::Unattributed);
    let note = match (&v.kind, &v.party) {
        (VoiceKind::Joint, _) => Some((", ", "joint statement".to_string())),
        (VoiceKind::Speaker, Some(party)) if !party.eq_ignore_ascii_case(&v.name) => Some((", for ", party.clone())),
        _ => None,
    };
    let appearances = v
        .articles
        .iter()
        .filter_map(|ap| lv.articles.get(ap.article).map(|a| article_item(lv, a, ap.quotes, ap.words, "word")))
        .collect_view();
    let articles = v.articles.len();
    Row {
        who: view! {
            {dots(&colours)}
            <span class=if quiet { "voice-label is-quiet" } else { "voice-label" }>{v.name.clone()}</span>
            {note.map(|(sep, n)| view! { <span class="voice-kind"><span class="visually-hidden">{sep}</span>{n}</span> })}
        }
        .into_any(),
        colours,
        share: share_label(v.share, v.words),
        words: v.words,
        quotes: v.quotes,
        extra: Some(("Articles", thousands(articles))),
        more: Some(
            view! {
                <details class="voices-in">
                    <summary>{format!("In {}", count_label(articles, "article", "articles"))}</summary>
                    <ul class="voices-articles">{appearances}</ul>
                </details>
            }
            .into_any(),
        ),
    }
}

/// An article in a list: headline, date, counts and its balance as a bar.
fn article_item(lv: &LibraryVoices, a: &LibraryArticle, quotes: usize, words: usize, noun: &str) -> impl IntoView {
    view! {
        <li class="voices-article">
            <p class="voices-article-title">{a.title.clone()}</p>
            <p class="voices-article-meta">{article_meta(a, quotes, words, noun)}</p>
            {article_bar(lv, a)}
        </li>
    }
}
