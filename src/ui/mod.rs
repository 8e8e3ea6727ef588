//! The browser app: Leptos, client-side rendered, built by Trunk (wasm32 only).
//!
//! State flows one way (see [`state`]): the analysed text, the lines of it
//! the reader keeps as article text and the parser's `Breakdown` of them are
//! set together; the party filter, search, quote order and focused item are
//! a few more signals, and every panel reads memos derived from those. The view-model logic lives in
//! `crate::sheet` (plain Rust, unit-tested natively); the components here
//! only lay it out, one file per panel, and never render text as HTML.
//!
//! The parser runs in a Web Worker with its own wasm ([`parser`]): this wasm
//! does not contain it. Typing never waits for it: an input event sends the
//! text and its kept lines (at once for a paste or an article, after a pause
//! when typing in a very long text; again when the reader keeps or hides a
//! line), the latest wins and the answer sets the analysed text and its
//! breakdown ([`analyser`]). Long lists render a page at a time.

mod analyser;
mod article_input;
mod common;
mod dom;
mod empty;
mod facts;
mod figures;
mod header;
mod kept_lines;
mod notes;
mod notes_dom;
mod notes_panel;
mod page_input;
mod parser;
mod parties;
mod quotes;
mod sheet_header;
mod source_view;
mod state;
mod timeline;
mod toolbar;

use leptos::prelude::*;

use crate::sheet::page::Shared;
use analyser::Analyser;

use article_input::{ArticleInput, InputNotice};
use empty::{NothingFound, Onboarding};
use facts::{CommentaryPanel, FactsPanel};
use figures::FiguresPanel;
use header::SiteHeader;
use notes::Notes;
use notes_panel::{LibraryPanel, NotesPanel, NotesToasts, StorageStatus};
use parties::PartiesPanel;
use quotes::{QuotesPanel, TermsPanel};
use sheet_header::SheetHeader;
use source_view::SourceView;
use state::Sheet;
use timeline::TimelinePanel;
use toolbar::Toolbar;

/// Starts the app: replaces the static shell of index.html (painted before
/// the wasm loaded) with [`App`] (called by `src/main.rs`).
pub fn mount() {
    console_error_panic_hook::set_once();
    if let Some(shell) = dom::by_id("shell") {
        shell.remove();
    }
    leptos::mount::mount_to_body(App);
}

/// What the page says when the share sheet sent only a link.
fn link_message(url: &str) -> String {
    format!(
        "Factsheet received a link ({url}) but reads nothing from the web: \
         open the page, select all, copy, and paste it here."
    )
}

/// The whole page: header, the article box, the fact sheet beside it and the
/// marked-up source text.
#[component]
pub fn App() -> impl IntoView {
    let sheet = Sheet::new();
    provide_context(sheet);
    state::follow_focus(sheet);
    let notes = Notes::start(sheet);
    provide_context(notes);
    let analyser = Analyser::start(sheet, notes);
    provide_context(analyser);
    notes.set_loader(move |text| analyser.load(text));
    let has_text = sheet.has_text;
    // Text shared from another app (the manifest's share target), else the
    // article open before the reload, in the box once it is on screen.
    let input_notice = RwSignal::new(None::<InputNotice>);
    Effect::new(move |_| match page_input::take_shared() {
        Some(Shared::Text(text)) => analyser.load(&text),
        Some(Shared::Link(url)) => input_notice.set(Some(InputNotice::Said(link_message(&url)))),
        None => {
            if let Some(text) = notes.take_restore() {
                analyser.load(&text);
            }
        }
    });

    // "/" jumps to the search box, as on most sites with one.
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() != "/" || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let typing = document().active_element().is_some_and(|el| {
            let tag = el.tag_name().to_ascii_lowercase();
            tag == "input" || tag == "textarea" || el.has_attribute("contenteditable")
        });
        if !typing {
            if let Some(search) = dom::by_id("search") {
                ev.prevent_default();
                dom::focus_quietly(&search);
                dom::scroll_to_nearest(&search);
            }
        }
    });
    on_cleanup(move || keys.remove());

    view! {
        <a class="skip-link" href="#sheet">"Skip to the fact sheet"</a>
        <div class="app">
            <SiteHeader/>
            <StorageStatus/>
            <main class="workspace" class:has-text=move || has_text.get()>
                <ArticleInput textarea=analyser.textarea notice=input_notice/>
                <LibraryPanel/>
                // A click on an item (not on one of its buttons) shows it in the text too.
                <div
                    class="sheet"
                    id="sheet"
                    tabindex="-1"
                    aria-busy=move || if sheet.pending.get() { "true" } else { "false" }
                    on:click=move |ev| {
                        if let Some(item) = dom::clicked_item(&ev) {
                            sheet.show(item, state::Origin::Sheet);
                        }
                    }
                >
                    {move || {
                        if has_text.get() {
                            view! {
                                <SheetHeader/>
                                <Toolbar/>
                                <NothingFound/>
                                <PartiesPanel/>
                                <QuotesPanel/>
                                // After a large answer, one task later (see `Sheet::rest_shown`).
                                {move || {
                                    sheet
                                        .rest_shown
                                        .get()
                                        .then(|| {
                                            view! {
                                                <TermsPanel/>
                                                <FactsPanel/>
                                                <CommentaryPanel/>
                                                <FiguresPanel/>
                                                <TimelinePanel/>
                                                <NotesPanel/>
                                            }
                                        })
                                }}
                            }
                                .into_any()
                        } else {
                            view! { <Onboarding/> }.into_any()
                        }
                    }}
                </div>
                {move || (has_text.get() && sheet.source_shown.get()).then(|| view! { <SourceView/> })}
            </main>
            <NotesToasts/>
            <footer class="site-footer">
                <p>"Runs entirely in your browser: the text you paste is never uploaded."</p>
                <p>
                    "Speakers, parties and sources are found automatically. Check what matters against the text: "
                    "“Show in text” takes you there."
                </p>
            </footer>
        </div>
    }
}
