//! The app's state: one analysed text, the breakdown derived from it, a few
//! signals for what the reader asked (parties, search, quote order, the item
//! in focus) and everything else derived. Shared through context as [`Sheet`].

use leptos::prelude::*;

use crate::parser::{parse, Breakdown};
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
}

impl Sheet {
    pub fn new() -> Sheet {
        let source = RwSignal::new(String::new());
        let breakdown = Memo::new(move |_| source.with(|t| parse(t)));
        let parties = RwSignal::new(Vec::<String>::new());
        let query = RwSignal::new(String::new());
        let filter = Memo::new(move |_| breakdown.with(|b| parties.with(|p| query.with(|q| Filter::new(b, p, q)))));
        let view = Memo::new(move |_| breakdown.with(|b| source.with(|t| filter.with(|f| sheet_view(b, t, f)))));
        let model = Memo::new(move |_| breakdown.with(|b| source.with(|t| view.with(|v| SourceModel::new(b, t, v)))));
        let focus = RwSignal::new(None::<Focus>);
        let focused = Memo::new(move |_| focus.with(|f| f.map(|f| f.item)));
        let has_text = Memo::new(move |_| source.with(|t| !t.trim().is_empty()));
        Sheet {
            source,
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

/// The [`Sheet`] of the app.
pub fn use_sheet() -> Sheet {
    use_context::<Sheet>().expect("Sheet is provided by App")
}
