//! The browser app: Leptos, client-side rendered, built by Trunk (wasm32 only).
//!
//! State flows one way (see [`state`]): the analysed text lives in one signal,
//! the parser's `Breakdown` is a `Memo` derived from it, the party filter,
//! search, quote order and focused item are a few more signals, and every
//! panel reads memos derived from those. The view-model logic lives in
//! `crate::sheet` (plain Rust, unit-tested natively); the components here
//! only lay it out, one file per panel, and never render text as HTML.
//!
//! Typing never waits for the parser: an input event only schedules the
//! analysis (at once for an article, after a pause for very long texts), and
//! the latest text wins. Long lists render a page at a time.

mod article_input;
mod common;
mod dom;
mod empty;
mod facts;
mod figures;
mod header;
mod notes;
mod notes_dom;
mod notes_panel;
mod parties;
mod quotes;
mod sheet_header;
mod source_view;
mod state;
mod timeline;
mod toolbar;
mod voice;
mod voice_library;

use std::time::Duration;

use leptos::html::Textarea;
use leptos::prelude::*;

use crate::sheet::{analysis_delay, fingerprint, SPLIT_ANALYSIS};

use article_input::ArticleInput;
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
use voice::VoicePanel;
use voice_library::LibraryVoicesPanel;

/// Starts the app: replaces the static shell of index.html (painted before
/// the wasm loaded) with [`App`] (called by `src/main.rs`).
pub fn mount() {
    console_error_panic_hook::set_once();
    if let Some(shell) = dom::by_id("shell") {
        shell.remove();
    }
    leptos::mount::mount_to_body(App);
}

/// Performance marks around one analysis (read by the e2e benchmark):
/// input event, DOM updated, laid out; the parse is measured on its own
/// ("factsheet:parse", see `state`).
const MARK_INPUT: &str = "factsheet:input";
const MARK_DOM: &str = "factsheet:dom";
const MARK_RENDERED: &str = "factsheet:rendered";
const MEASURE: &str = "factsheet:render";
const MEASURE_LAYOUT: &str = "factsheet:layout";

/// Runs the parser off the input event: `schedule` after each edit, the
/// latest text wins; `load` for the buttons.
#[derive(Clone, Copy)]
pub struct Analyser {
    textarea: NodeRef<Textarea>,
    timer: StoredValue<Option<TimeoutHandle>>,
    sheet: Sheet,
    notes: Notes,
    /// The box's length (UTF-16 units) at the last input event.
    length: StoredValue<u32>,
}

/// An input event changing the box by more than this many chars at once
/// counts as a paste (the text is kept as an article at once).
const PASTE_CHARS: u32 = 80;

impl Analyser {
    /// After an input event in the box: notes whether it was a paste (or
    /// drop, or another big change), then schedules the analysis.
    pub fn input(&self, ev: &web_sys::Event) {
        let len = self.textarea.get_untracked().map_or(0, |t| t.text_length());
        let before = self.length.get_value();
        self.length.set_value(len);
        let kind = js_sys::Reflect::get(ev, &"inputType".into()).ok().and_then(|t| t.as_string());
        let paste = kind.is_none_or(|k| k.starts_with("insertFrom")) || len.abs_diff(before) > PASTE_CHARS;
        self.notes.edited(paste);
        self.schedule();
    }

    /// After an edit: analyse once the delay for this length has passed
    /// (no other edit came in meanwhile).
    pub fn schedule(&self) {
        dom::mark(MARK_INPUT);
        let len = self.textarea.get_untracked().map_or(0, |t| t.text_length() as usize);
        let delay = analysis_delay(len);
        if delay > 0 {
            self.sheet.pending.set(true);
        }
        self.cancel();
        let this = *self;
        let handle = set_timeout_with_handle(move || this.run(), Duration::from_millis(delay.into())).ok();
        self.timer.set_value(handle);
    }

    /// Puts `text` in the box and analyses it at once.
    pub fn load(&self, text: &str) {
        dom::mark(MARK_INPUT);
        self.cancel();
        if let Some(t) = self.textarea.get_untracked() {
            t.set_value(text);
            self.length.set_value(t.text_length());
        }
        self.notes.edited(true);
        self.run();
    }

    fn cancel(&self) {
        if let Some(h) = self.timer.get_value() {
            h.clear();
        }
        self.timer.set_value(None);
        self.sheet.prepared.set_value(None);
    }

    /// Analyses what the box holds now. A long text is parsed in this task
    /// and shown in the next one, so neither holds the page for long.
    fn run(&self) {
        self.timer.set_value(None);
        let text = self.textarea.get_untracked().map(|t| t.value()).unwrap_or_default();
        let sheet = self.sheet;
        let changed = sheet.source.with_untracked(|s| *s != text);
        if changed && text.len() >= SPLIT_ANALYSIS {
            let breakdown = state::timed_parse(&text);
            sheet.prepared.set_value(Some(state::Prepared {
                len: text.len(),
                fingerprint: fingerprint(&text),
                breakdown,
            }));
            let this = *self;
            let handle = set_timeout_with_handle(move || this.show(text), Duration::ZERO).ok();
            self.timer.set_value(handle);
        } else {
            self.show(text);
        }
    }

    /// Sets the analysed text: the sheet follows.
    fn show(&self, text: String) {
        self.timer.set_value(None);
        let sheet = self.sheet;
        sheet.focus.set(None);
        if sheet.source.with_untracked(|s| *s != text) {
            sheet.source.set(text);
        }
        sheet.pending.set(false);
        self.notes.shown();
        // Effects run in microtasks right after this task; the timeout runs
        // after them, then layout is forced: the mark is "on screen".
        set_timeout(
            || {
                dom::mark(MARK_DOM);
                dom::force_layout();
                dom::mark(MARK_RENDERED);
                dom::measure(MEASURE, MARK_INPUT, MARK_RENDERED);
                dom::measure(MEASURE_LAYOUT, MARK_DOM, MARK_RENDERED);
            },
            Duration::ZERO,
        );
    }
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
    let analyser =
        Analyser { textarea: NodeRef::new(), timer: StoredValue::new(None), sheet, notes, length: StoredValue::new(0) };
    provide_context(analyser);
    notes.set_loader(move |text| analyser.load(text));
    let has_text = sheet.has_text;
    // The article open before the reload, back in the box once it is on screen.
    Effect::new(move |_| {
        if let Some(text) = notes.take_restore() {
            analyser.load(&text);
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
                <ArticleInput textarea=analyser.textarea/>
                <LibraryPanel/>
                <LibraryVoicesPanel/>
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
                                <VoicePanel/>
                                <QuotesPanel/>
                                <TermsPanel/>
                                <FactsPanel/>
                                <CommentaryPanel/>
                                <FiguresPanel/>
                                <TimelinePanel/>
                                <NotesPanel/>
                            }
                                .into_any()
                        } else {
                            view! { <Onboarding/> }.into_any()
                        }
                    }}
                </div>
                {move || has_text.get().then(|| view! { <SourceView/> })}
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
