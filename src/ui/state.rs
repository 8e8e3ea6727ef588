//! The app's state: one analysed text, the breakdown derived from it, a few
//! signals for what the reader asked (parties, search, quote order, the item
//! in focus) and everything else derived. Shared through context as [`Sheet`].

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

use crate::parser::Breakdown;
use crate::sheet::source::SourceModel;
use crate::sheet::{sheet_view, Filter, ItemRef, SheetView};

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

/// Everything the panels read, `Copy`, provided as context by the app.
#[derive(Clone, Copy)]
pub struct Sheet {
    /// The text that was analysed last (the textarea may be ahead of it).
    pub source: RwSignal<String>,
    /// The parser's breakdown of `source`, set with it when the parser (in
    /// its worker) answers: every panel derives from these two.
    pub breakdown: RwSignal<Breakdown>,
    /// Lines of `source` the reader keeps as article text (not page
    /// furniture): those `breakdown` was parsed with.
    pub kept: RwSignal<Vec<String>>,
    /// True while an edit waits for its sheet.
    pub pending: RwSignal<bool>,
    /// True once that wait is long enough to say "Analysing…".
    pub slow: RwSignal<bool>,
    /// Whether the panels below the quotes are on the page, and the source
    /// text: after a large answer they come one task and two tasks after the
    /// top of the sheet, so that no single task builds the whole sheet (both
    /// true otherwise).
    pub rest_shown: RwSignal<bool>,
    pub source_shown: RwSignal<bool>,
    /// What the reader should know about the analysis itself (it runs on the
    /// page, or a text could not be analysed).
    pub analysis_notice: RwSignal<Option<String>>,
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
}

impl Sheet {
    pub fn new() -> Sheet {
        let source = RwSignal::new(String::new());
        let breakdown = RwSignal::new(Breakdown::default());
        let kept = RwSignal::new(Vec::<String>::new());
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
            slow: RwSignal::new(false),
            rest_shown: RwSignal::new(true),
            source_shown: RwSignal::new(true),
            analysis_notice: RwSignal::new(None),
            parties,
            query,
            order: RwSignal::new(QuoteOrder::Article),
            focus,
            filter,
            view,
            model,
            focused,
            has_text,
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
