//! The app's state: one analysed text, the breakdown derived from it, a few
//! signals for what the reader asked (parties, search, quote order, the item
//! in focus) and everything else derived. Shared through context as [`Sheet`].

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

use crate::parser::{parse_with, Breakdown, Options};
use crate::sheet::source::SourceModel;
use crate::sheet::{fingerprint, sheet_view, Filter, ItemRef, SheetView};

/// Where a request to show an item came from, so the other side scrolls.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// "Show in text" in the sheet: the source view scrolls to the item.
    Sheet,
    /// A click or selection in the source view: the sheet shows the item.
    Text,
}

/// The item the reader is looking at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Focus {
    pub item: ItemRef,
    pub origin: Origin,
    /// Bumped on every request, so asking twice scrolls twice.
    pub seq: u32,
}

/// How the Quotes section is laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuoteOrder {
    Article,
    Speaker,
}

/// A breakdown parsed in an earlier task, waiting for its text to be set
/// (long texts only: see `Analyser`).
pub struct Prepared {
    pub len: usize,
    pub fingerprint: u64,
    /// The lines kept as article text it was parsed with.
    pub kept: Vec<String>,
    pub breakdown: Breakdown,
}

/// Everything the panels read, `Copy`, provided as context by the app.
#[derive(Clone, Copy)]
pub struct Sheet {
    /// The text that was analysed last (the textarea may be ahead of it).
    pub source: RwSignal<String>,
    /// Lines of `source` the reader keeps as article text (not page furniture).
    pub kept: RwSignal<Vec<String>>,
    /// The parser's breakdown of `source`.
    pub breakdown: Memo<Breakdown>,
    /// True while an edit waits to be analysed.
    pub pending: RwSignal<bool>,
    /// Canonical names of the parties the sheet is narrowed to.
    pub parties: RwSignal<Vec<String>>,
    /// What is typed in the search box.
    pub query: RwSignal<String>,
    pub order: RwSignal<QuoteOrder>,
    pub focus: RwSignal<Option<Focus>>,
    /// The filter resolved against the breakdown.
    pub filter: Memo<Filter>,
    /// What every section shows.
    pub view: Memo<SheetView>,
    /// The source view's blocks and marks.
    pub model: Memo<SourceModel>,
    /// `focus`'s item (changes only when the item does).
    pub focused: Memo<Option<ItemRef>>,
    pub has_text: Memo<bool>,
    /// See [`Prepared`]; taken by `breakdown` when its text comes.
    pub prepared: StoredValue<Option<Prepared>>,
}

impl Sheet {
    pub fn new() -> Sheet {
        let source = RwSignal::new(String::new());
        let kept = RwSignal::new(Vec::<String>::new());
        let prepared = StoredValue::new(None::<Prepared>);
        // A new text (set only when it differs) always gives a new breakdown:
        // no equality check (it would compare two whole breakdowns).
        let breakdown = Memo::new_with_compare(
            move |_| {
                kept.with(|k| {
                    source.with(|t| {
                        let ready = prepared
                            .try_update_value(Option::take)
                            .flatten()
                            .filter(|p| p.len == t.len() && p.fingerprint == fingerprint(t) && p.kept == *k);
                        match ready {
                            Some(p) => p.breakdown,
                            None => timed_parse(t, k),
                        }
                    })
                })
            },
            always_changed,
        );
        let parties = RwSignal::new(Vec::<String>::new());
        let query = RwSignal::new(String::new());
        let filter = Memo::new(move |_| breakdown.with(|b| parties.with(|p| query.with(|q| Filter::new(b, p, q)))));
        let view = Memo::new(move |_| breakdown.with(|b| source.with(|t| filter.with(|f| sheet_view(b, t, f)))));
        // Recomputed only when its inputs change, and then it changes too.
        let model = Memo::new_with_compare(
            move |_| breakdown.with(|b| source.with(|t| view.with(|v| SourceModel::new(b, t, v)))),
            always_changed,
        );
        let focus = RwSignal::new(None::<Focus>);
        let focused = Memo::new(move |_| focus.with(|f| f.map(|f| f.item)));
        let has_text = Memo::new(move |_| source.with(|t| !t.trim().is_empty()));
        Sheet {
            source,
            kept,
            breakdown,
            pending: RwSignal::new(false),
            parties,
            query,
            order: RwSignal::new(QuoteOrder::Article),
            focus,
            filter,
            view,
            model,
            focused,
            has_text,
            prepared,
        }
    }

    /// Subscribes the running effect to the analysed text, its breakdown and
    /// the filter, in that order. Call it FIRST in any view closure that also
    /// reads memos derived from them (`view`, a panel's list, `model`):
    /// reactive_graph does not re-notify the effect that pulled a memo's
    /// recompute, so when a derived memo comes out unchanged the effect would
    /// miss a change of its direct source checked later. Checking the
    /// upstream sources first avoids that.
    pub fn track_input(&self) {
        self.kept.track();
        self.breakdown.track();
        self.source.track();
        self.filter.track();
    }

    /// `" is-focused"` if `item` is the one in focus (for the class of a
    /// freshly rendered element; later changes are applied by
    /// [`follow_focus`]).
    pub fn focus_class(&self, item: ItemRef) -> &'static str {
        if self.focused.get_untracked() == Some(item) {
            " is-focused"
        } else {
            ""
        }
    }

    /// Shows `item` on the other side (see [`Origin`]).
    pub fn show(&self, item: ItemRef, origin: Origin) {
        let seq = self.focus.with_untracked(|f| f.map_or(0, |f| f.seq.wrapping_add(1)));
        self.focus.set(Some(Focus { item, origin, seq }));
    }

    /// Turns the filter for the party named `name` on or off.
    pub fn toggle_party(&self, name: &str) {
        self.parties.update(|list| match list.iter().position(|n| n == name) {
            Some(i) => {
                list.remove(i);
            }
            None => list.push(name.to_string()),
        });
    }

    pub fn clear_filters(&self) {
        self.parties.set(Vec::new());
        self.query.set(String::new());
    }
}

/// A memo comparison for values that change whenever they are recomputed.
fn always_changed<T>(_: Option<&T>, _: Option<&T>) -> bool {
    true
}

/// The parser, with performance marks around it ("factsheet:parse");
/// `kept` are the lines the reader keeps as article text.
pub fn timed_parse(text: &str, kept: &[String]) -> Breakdown {
    super::dom::mark("factsheet:parse-start");
    let b = parse_with(text, &Options { article_lines: kept.to_vec() });
    super::dom::mark("factsheet:parse-end");
    super::dom::measure("factsheet:parse", "factsheet:parse-start", "factsheet:parse-end");
    b
}

/// Keeps the `is-focused` class on the elements of the item in focus (its
/// entry in the sheet, its spans in the source text): one effect instead of
/// a reactive class on every item. Elements rendered later get the class
/// from [`Sheet::focus_class`].
pub fn follow_focus(sheet: Sheet) {
    Effect::new(move |_| {
        let item = sheet.focused.get();
        let doc = document();
        if let Ok(old) = doc.query_selector_all(".is-focused") {
            for i in 0..old.length() {
                if let Some(el) = old.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
                    let _ = el.class_list().remove_1("is-focused");
                }
            }
        }
        let Some(item) = item else { return };
        let id = item.dom_id();
        let selector = format!("#{id}, [data-items~=\"{id}\"]");
        if let Ok(now) = doc.query_selector_all(&selector) {
            for i in 0..now.length() {
                if let Some(el) = now.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
                    let _ = el.class_list().add_1("is-focused");
                }
            }
        }
    });
}

/// One list of the current [`SheetView`] (a section's items), read through
/// the view's memo: no memo of its own, which keeps the wasm smaller.
pub struct Listed<T: 'static> {
    view: Memo<SheetView>,
    pick: fn(&SheetView) -> &Vec<T>,
}

impl<T: 'static> Clone for Listed<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: 'static> Copy for Listed<T> {}

impl<T: 'static> Listed<T> {
    pub fn new(sheet: Sheet, pick: fn(&SheetView) -> &Vec<T>) -> Self {
        Listed { view: sheet.view, pick }
    }

    /// Reads the list (tracked).
    pub fn with<U>(&self, f: impl FnOnce(&Vec<T>) -> U) -> U {
        self.view.with(|v| f((self.pick)(v)))
    }
}

/// The [`Sheet`] of the app.
pub fn use_sheet() -> Sheet {
    use_context::<Sheet>().expect("Sheet is provided by App")
}
