//! From the article box to the sheet: every edit is sent to the parser (in its
//! Web Worker, see [`parser`](super::parser)) with the lines of the text the
//! reader keeps as article text ([`kept_lines`](super::kept_lines)), and so is
//! every change of those lines; the latest input wins ([`Queue`]); the answer
//! sets the analysed text, its kept lines and its breakdown together. Typing
//! never waits for the parser, and "Analysing…" shows only when an answer
//! takes longer than [`SLOW_MS`].

use std::time::Duration;

use leptos::html::Textarea;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsValue;

use super::dom;
use super::kept_lines;
use super::notes::Notes;
use super::parser::Parser;
use super::state::Sheet;
use crate::parser::{Breakdown, Options};
use crate::sheet::analysis::{Input, Outcome, Queue, Request};
use crate::sheet::{analysis_delay, FOLD_CHARS};

/// Performance marks around one analysis (read by the e2e benchmark):
/// input event, DOM updated, laid out; the parse itself is measured by the
/// parser link ("factsheet:parse"), reading its answer here ("factsheet:decode").
const MARK_INPUT: &str = "factsheet:input";
const MARK_DOM: &str = "factsheet:dom";
const MARK_RENDERED: &str = "factsheet:rendered";
const MEASURE: &str = "factsheet:render";
const MEASURE_LAYOUT: &str = "factsheet:layout";

/// After this long without an answer the page says "Analysing…".
pub const SLOW_MS: u64 = 100;

/// Answers from this many bytes on are read in one task and shown in the
/// next, so that neither holds the page for long.
const SPLIT_BYTES: usize = 64 * 1024;

/// An input event changing the box by more than this many chars at once
/// counts as a paste (the text is kept as an article at once).
const PASTE_CHARS: u32 = 80;

/// Sends the article box's text to the parser and shows its answers.
#[derive(Clone, Copy)]
pub struct Analyser {
    pub textarea: NodeRef<Textarea>,
    /// The box is folded away: it holds a text too long to lay out quickly
    /// (see [`FOLD_CHARS`]).
    pub folded: RwSignal<bool>,
    sheet: Sheet,
    notes: Notes,
    /// The box's length (UTF-16 units) at the last input event.
    length: StoredValue<u32>,
    /// The pause before analysing a long text that is being typed.
    typing: StoredValue<Option<TimeoutHandle>>,
    /// Turns "Analysing…" on when an answer is slow to come.
    slow: StoredValue<Option<TimeoutHandle>>,
    queue: StoredValue<Queue>,
    /// The lines the reader keeps as article text in the box's text, as
    /// last sent to the parser (the sheet's `kept` follows with its answer).
    kept: StoredValue<Vec<String>>,
    parser: StoredValue<Option<Parser>, LocalStorage>,
    /// The parser runs on the page (its worker failed).
    on_page: StoredValue<bool>,
}

/// What the page says once the parser runs on it.
const ON_PAGE: &str =
    "Analysing on this page: background analysis is not available here, so long texts may make the page pause.";

impl Analyser {
    /// Starts the parser (its worker loads while the page is idle).
    pub fn start(sheet: Sheet, notes: Notes) -> Analyser {
        let this = Analyser {
            textarea: NodeRef::new(),
            folded: RwSignal::new(false),
            sheet,
            notes,
            length: StoredValue::new(0),
            typing: StoredValue::new(None),
            slow: StoredValue::new(None),
            queue: StoredValue::new(Queue::new()),
            kept: StoredValue::new(Vec::new()),
            parser: StoredValue::new_local(None),
            on_page: StoredValue::new(false),
        };
        let parser = Parser::start(
            move |id, bytes| this.answered(id, Ok(bytes)),
            move |id, error| this.answered(id, Err(error)),
            move |reason| {
                leptos::logging::warn!("Factsheet: the parser's worker failed ({reason}); parsing on the page");
                this.on_page.set_value(true);
                this.sheet.analysis_notice.set(Some(ON_PAGE.into()));
            },
        );
        this.parser.set_value(Some(parser));
        this
    }

    /// After an input event in the box: notes whether it was a paste (or
    /// drop, or another big change), then schedules the analysis: a paste at
    /// once, typing in a long text after a pause.
    pub fn input(&self, ev: &web_sys::Event) {
        dom::mark(MARK_INPUT);
        let len = self.textarea.get_untracked().map_or(0, |t| t.text_length());
        let before = self.length.get_value();
        self.length.set_value(len);
        let kind = js_sys::Reflect::get(ev, &"inputType".into()).ok().and_then(|t| t.as_string());
        let paste = kind.is_none_or(|k| k.starts_with("insertFrom")) || len.abs_diff(before) > PASTE_CHARS;
        self.notes.edited(paste);
        if paste && len as usize >= FOLD_CHARS {
            self.folded.set(true);
        }
        self.stop_typing_pause();
        self.waiting();
        let delay = if paste { 0 } else { analysis_delay(len as usize) };
        if delay == 0 {
            self.submit();
        } else {
            let this = *self;
            let handle = set_timeout_with_handle(move || this.submit(), Duration::from_millis(delay.into())).ok();
            self.typing.set_value(handle);
        }
    }

    /// Puts `text` in the box and analyses it at once.
    pub fn load(&self, text: &str) {
        dom::mark(MARK_INPUT);
        self.stop_typing_pause();
        if let Some(t) = self.textarea.get_untracked() {
            t.set_value(text);
            self.length.set_value(t.text_length());
            self.folded.set(t.text_length() as usize >= FOLD_CHARS);
        }
        self.notes.edited(true);
        self.waiting();
        self.submit();
    }

    fn stop_typing_pause(&self) {
        if let Some(h) = self.typing.try_update_value(Option::take).flatten() {
            h.clear();
        }
    }

    /// The lines kept as article text in the text the parser works on now.
    pub fn kept(&self) -> Vec<String> {
        self.kept.get_value()
    }

    /// The reader keeps `lines` as article text (brought back from the page
    /// furniture, or hidden again): the text is analysed again with them.
    pub fn keep(&self, lines: Vec<String>) {
        self.kept.set_value(lines);
        self.stop_typing_pause();
        self.waiting();
        self.submit();
    }

    /// Sends what the box holds now, with its kept lines (unless the sheet
    /// already shows them).
    fn submit(&self) {
        self.typing.set_value(None);
        // The box's value as a JS string, and as a Rust one for the queue and the sheet.
        let value = self.textarea.get_untracked().and_then(|t| js_sys::Reflect::get(&t, &"value".into()).ok());
        let text = value.as_ref().and_then(JsValue::as_string).unwrap_or_default();
        // The lines kept in this text: remembered for it, or carried over from before the edit.
        let kept = self.kept.with_value(|current| kept_lines::kept_for(&text, current));
        self.kept.set_value(kept.clone());
        let idle = !self.queue.with_value(Queue::is_busy);
        let shown = self.sheet.source.with_untracked(|s| *s == text) && self.sheet.kept.with_untracked(|k| *k == kept);
        if idle && shown {
            self.caught_up();
            mark_rendered();
            return;
        }
        if let Some(request) = self.queue.try_update_value(|q| q.submit(Input::new(text, kept))).flatten() {
            self.send(&request, value.as_ref());
        }
    }

    /// Sends `request` to the parser; `js_text` is its text as the JS string
    /// it came from (the box's value), which spares converting 1 MB back.
    fn send(&self, request: &Request, js_text: Option<&JsValue>) {
        let options = Options { article_lines: request.input.kept.clone() };
        let options = match crate::wire::encode_options(&options) {
            Ok(bytes) => bytes,
            Err(error) => return self.answered(request.id, Err(error.to_string())),
        };
        self.parser.with_value(|p| match (p, js_text) {
            (Some(p), Some(js)) => p.send_js(request.id, js, options),
            (Some(p), None) => p.send(request.id, &request.input.text, options),
            (None, _) => {}
        });
    }

    /// An edit waits for its sheet: the sheet is busy now, and says
    /// "Analysing…" if the answer takes longer than [`SLOW_MS`].
    fn waiting(&self) {
        self.sheet.pending.set(true);
        if self.slow.with_value(Option::is_none) {
            let this = *self;
            let handle = set_timeout_with_handle(
                move || {
                    this.slow.set_value(None);
                    this.sheet.slow.set(true);
                },
                Duration::from_millis(SLOW_MS),
            )
            .ok();
            self.slow.set_value(handle);
        }
    }

    /// Puts a long pasted text in the box without the browser's editing
    /// (its paste of 1 MB runs for seconds), then handles it as a paste. The
    /// text stays a JS string until the analysis reads the box.
    pub fn paste_long(&self, text: &js_sys::JsString) {
        let Some(t) = self.textarea.get_untracked() else { return };
        // Hidden first (the `folded` signal below keeps it so): nothing of
        // the edit then waits for a layout of the whole text.
        let _ = t.class_list().add_1("is-folded");
        let start = t.selection_start().ok().flatten().unwrap_or(0);
        let end = t.selection_end().ok().flatten().unwrap_or(start);
        dom::replace_range(&t, text, start, end);
        dom::mark(MARK_INPUT);
        self.length.set_value(t.text_length());
        self.notes.edited(true);
        self.folded.set(true);
        self.stop_typing_pause();
        self.waiting();
        self.submit();
    }

    /// The sheet shows the box's text (unless a pause in typing is running
    /// or a newer text is with the parser).
    fn caught_up(&self) {
        if self.typing.with_value(Option::is_some) || self.queue.with_value(Queue::is_busy) {
            return;
        }
        if let Some(h) = self.slow.try_update_value(Option::take).flatten() {
            h.clear();
        }
        self.sheet.pending.set(false);
        self.sheet.slow.set(false);
    }

    /// The parser's answer to request `id`: bytes of a breakdown, or why not.
    fn answered(&self, id: u32, answer: Result<Vec<u8>, String>) {
        let outcome = self.queue.try_update_value(|q| q.answered(id)).unwrap_or(Outcome::Ignore);
        match outcome {
            Outcome::Ignore => {}
            Outcome::Send(request) => self.send(&request, None),
            Outcome::Show(input) => {
                dom::mark("factsheet:decode-start");
                let split = answer.as_ref().is_ok_and(|bytes| bytes.len() >= SPLIT_BYTES);
                let read = answer.and_then(|bytes| crate::wire::decode(&bytes).map_err(|e| e.to_string()));
                dom::mark("factsheet:decode-end");
                dom::measure("factsheet:decode", "factsheet:decode-start", "factsheet:decode-end");
                match read {
                    Ok(breakdown) if split => {
                        let this = *self;
                        set_timeout(
                            move || {
                                // Unless a newer text went to the parser meanwhile.
                                if !this.queue.with_value(Queue::is_busy) {
                                    this.show(input, breakdown, true);
                                }
                            },
                            Duration::ZERO,
                        );
                    }
                    Ok(breakdown) => self.show(input, breakdown, false),
                    Err(error) => {
                        leptos::logging::warn!("Factsheet: the text could not be analysed: {error}");
                        self.sheet.analysis_notice.set(Some(format!("This text could not be analysed: {error}.")));
                        self.caught_up();
                    }
                }
            }
        }
    }

    /// Sets the analysed text, its kept lines and its breakdown: the sheet
    /// follows. After a large answer (`split`) the sheet comes in four tasks,
    /// so that none holds the page for long: its top (header, parties,
    /// quotes), the other panels, the source text, then the notes take in
    /// the new text.
    fn show(&self, input: Input, breakdown: Breakdown, split: bool) {
        let sheet = self.sheet;
        sheet.focus.set(None);
        if split {
            sheet.rest_shown.set(false);
            sheet.source_shown.set(false);
        }
        sheet.source.set(input.text);
        if sheet.kept.with_untracked(|k| *k != input.kept) {
            sheet.kept.set(input.kept);
        }
        sheet.breakdown.set(breakdown);
        if sheet.analysis_notice.with_untracked(Option::is_some) {
            // A failure shown earlier is over; the notice of parsing on the page stays.
            sheet.analysis_notice.set(self.on_page.get_value().then(|| ON_PAGE.into()));
        }
        if !split {
            self.caught_up();
            self.notes.shown();
            mark_rendered();
            return;
        }
        let this = *self;
        let steps: [Box<dyn FnOnce()>; 3] = [
            Box::new(move || sheet.rest_shown.set(true)),
            Box::new(move || {
                sheet.source_shown.set(true);
                this.caught_up();
            }),
            Box::new(move || {
                this.notes.shown();
                mark_rendered();
            }),
        ];
        in_turn(steps.into_iter().collect());
    }
}

/// Runs `steps` one task after another.
fn in_turn(mut steps: std::collections::VecDeque<Box<dyn FnOnce()>>) {
    if let Some(step) = steps.pop_front() {
        set_timeout(
            move || {
                step();
                in_turn(steps);
            },
            Duration::ZERO,
        );
    }
}

/// Marks the sheet as on screen: effects run in microtasks right after this
/// task; the timeout runs after them, then layout is forced.
fn mark_rendered() {
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
