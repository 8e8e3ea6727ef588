//! The "Voices across the library" region: every party (or speaker) quoted
//! in the articles kept in the notes library, with quotes and words over
//! all of them, the articles they speak in and each article's balance as a
//! small bar; sortable, searchable by name (`sheet::voice_library`).
//!
//! Collapsed until opened: only then are the saved articles summarised
//! (each text once, see `VoiceCache`). The article on screen is summarised
//! from the sheet's own breakdown, so what the sheet shows is what counts.

use std::sync::Arc;

use leptos::prelude::*;

use super::common::show_more;
use super::dom;
use super::notes::{use_notes, Notes};
use super::state::{use_sheet, Sheet};
use super::voice::{bar, dots, segments, table_rows, Row};
use crate::sheet::format::{count_label, thousands};
use crate::sheet::voice::{share_label, summary_line, VoiceKind};
use crate::sheet::voice_library::{
    library_markdown, summarize_texts, ArticleVoices, Grouping, LibraryArticle, LibraryVoice, LibraryVoices, SortBy,
    VoiceCache,
};
use crate::sheet::{fingerprint, PAGE};

/// What the library view shows depends on: the saved articles (id, last
/// revision, length, in list order), the article on screen and its text.
type Signature = (Vec<(String, u64, usize)>, Option<String>, u64);

fn signature(sheet: Sheet, notes: Notes) -> Signature {
    let articles = notes.with_library(|lib| {
        lib.list().iter().filter_map(|a| lib.article(&a.id)).map(|a| (a.id.clone(), a.revised, a.text.len())).collect()
    });
    (articles, notes.current(), sheet.source.with_untracked(|t| fingerprint(t)))
}

/// The saved articles (most recently opened first) with their voices.
fn gather(sheet: Sheet, notes: Notes, cache: StoredValue<VoiceCache>) -> LibraryVoices {
    let current = notes.current();
    let articles = notes.with_library(|lib| {
        let records: Vec<_> = lib.list().iter().filter_map(|a| lib.article(&a.id)).collect();
        let on_screen = records
            .iter()
            .position(|r| current.as_deref() == Some(r.id.as_str()) && sheet.source.with_untracked(|t| *t == r.text));
        let texts: Vec<&str> =
            records.iter().enumerate().filter(|&(i, _)| Some(i) != on_screen).map(|(_, r)| r.text.as_str()).collect();
        let mut summaries = cache.try_update_value(|c| c.summaries(&texts, summarize_texts)).unwrap_or_default();
        if let Some(i) = on_screen {
            summaries.insert(i, Arc::new(sheet.breakdown.with_untracked(ArticleVoices::of)));
        }
        records
            .iter()
            .zip(summaries)
            .map(|(r, voices)| LibraryArticle {
                id: r.id.clone(),
                title: r.title.clone(),
                published: r.published.clone(),
                voices,
            })
            .collect()
    });
    LibraryVoices::new(articles)
}

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

/// What the library view shows: the saved articles' voices with what they
/// depend on, while the view is open (`None` while closed).
type Data = Memo<Option<(Signature, Arc<LibraryVoices>)>>;

/// Recomputed when the library or the sheet changes, and only while open;
/// a new value only when what it depends on is different (a note typed
/// elsewhere does not redraw the table).
fn library_data(sheet: Sheet, notes: Notes, open: RwSignal<bool>) -> Data {
    let cache = StoredValue::new(VoiceCache::default());
    Memo::new_with_compare(
        move |previous: Option<&Option<(Signature, Arc<LibraryVoices>)>>| {
            if !open.get() {
                return None;
            }
            notes.library_changed.track();
            sheet.breakdown.track();
            let now = signature(sheet, notes);
            match previous {
                Some(Some((before, voices))) if *before == now => Some((now, voices.clone())),
                _ => Some((now, Arc::new(gather(sheet, notes, cache)))),
            }
        },
        |a, b| a.map(|a| a.as_ref().map(|x| &x.0)) != b.map(|b| b.as_ref().map(|x| &x.0)),
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
            let Some((_, lv)) = d else { return ().into_any() };
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
            let (_, lv) = d.as_ref()?;
            let total = c.listed(lv).len();
            show_more(total, c.limit.get().min(total), c.limit, "voices")
        })
    }
}

/// Every saved article with its balance.
fn article_list(data: Data) -> impl IntoView {
    move || {
        data.with(|d| {
            let (_, lv) = d.as_ref()?;
            let items = lv
                .articles
                .iter()
                .map(|a| article_item(lv, a, a.voices.balance.quotes, a.voices.balance.words, "quoted word"))
                .collect_view();
            Some(view! {
                <p class="voices-subheading" id="voices-articles">"Articles"</p>
                <ul class="voices-articles" aria-labelledby="voices-articles">{items}</ul>
            })
        })
    }
}

/// Downloads the voices listed as Markdown; says how it went in `status`.
fn download_markdown(c: Controls, data: Data, status: RwSignal<String>) {
    let md = data.with_untracked(|d| {
        d.as_ref().map(|(_, lv)| untrack(|| library_markdown(lv, c.grouping.get(), &c.listed(lv))))
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
