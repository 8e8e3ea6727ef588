//! The fact sheet's view model: plain Rust over a parsed [`Breakdown`], no
//! browser APIs, so all of it is unit-tested natively (`cargo test`). The
//! components in `ui` only lay out what these functions return.
//!
//! * [`analysis`]: which text the parser works on (the latest wins).
//! * [`filter`]: the party filter and the search, applied to every section
//!   ([`sheet_view`]), and who stands behind a figure or a date.
//! * [`search`]: case- and accent-insensitive matching and search hits.
//! * [`quotes`]: quotes grouped by speaker, the role worth showing.
//! * [`timeline`]: dated statements in date order, grouped by day.
//! * [`emphasis`]: figures, dates, quotes and search hits set off inside an item.
//! * [`segments`]: text cut into highlighted pieces from overlapping spans.
//! * [`source`]: the source view's blocks and marks, the item at an offset.
//! * [`page`]: pasted web pages: furniture runs, lines kept as article text,
//!   opened files and shared text.
//! * [`export`]: the fact sheet as Markdown, the breakdown as JSON.
//! * [`format`]: counts, dates and labels for people.

pub mod analysis;
pub mod emphasis;
pub mod export;
pub mod filter;
pub mod format;
pub mod notes;
pub mod page;
pub mod quotes;
pub mod search;
pub mod segments;
pub mod source;
pub mod timeline;

pub use filter::{sheet_view, Claimant, Context, FigureRow, Filter, SheetView};
pub use search::Query;
pub use timeline::TimelineEntry;

use crate::parser::{Breakdown, Span};

/// Sorts `keys` (pairs of numbers, the second usually an index that breaks
/// ties). Every sort of the view model goes through this one sort: each
/// distinct `sort_by` would put another copy of the algorithm into the wasm.
pub fn sort_keys(keys: &mut [(u64, u64)]) {
    keys.sort_unstable();
}

/// How many items a list shows at first, and how many more each "Show more" adds.
pub const PAGE: usize = 50;

/// How many of `total` items to render: the first `requested` (a multiple of
/// [`PAGE`]), extended so that the item at position `must_show` is included.
pub fn shown_count(total: usize, requested: usize, must_show: Option<usize>) -> usize {
    let wanted = must_show.map_or(requested, |pos| requested.max((pos / PAGE + 1) * PAGE));
    wanted.min(total)
}

/// How long to wait after a keystroke before analysing `len` bytes of text
/// (milliseconds; a paste is analysed at once). Short articles are analysed
/// at once; long ones after a pause in typing, so that the page does not
/// redraw a whole book's sheet on every keystroke.
pub fn analysis_delay(len: usize) -> u32 {
    match len {
        0..=30_000 => 0,
        30_001..=200_000 => 120,
        _ => 300,
    }
}

/// From this length on (UTF-16 units, as the box counts) the article box is
/// folded away after a paste: Chromium takes ~300 ms to lay out 1 MB in a
/// textarea, and as long again when its size changes, which would hold the
/// page. The text stays in the box (folded, not laid out) and in the source view.
pub const FOLD_CHARS: usize = 100_000;

/// An item of the sheet that has a place in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ItemRef {
    /// Index into `Breakdown::quotes` (speech or term).
    Quote(usize),
    /// Index into `Breakdown::facts` (fact, reported or commentary).
    Fact(usize),
    /// Index into `Breakdown::figures`.
    Figure(usize),
    /// Index into `Breakdown::dates`.
    Date(usize),
}

impl ItemRef {
    /// Where the item is in the text (a quote with its quote marks).
    pub fn span(self, b: &Breakdown) -> Option<Span> {
        match self {
            ItemRef::Quote(i) => b.quotes.get(i).map(|q| q.marks),
            ItemRef::Fact(i) => b.facts.get(i).map(|f| f.span),
            ItemRef::Figure(i) => b.figures.get(i).map(|f| f.span),
            ItemRef::Date(i) => b.dates.get(i).map(|d| d.span),
        }
    }

    /// The `id` of the item's element in the sheet: `quote-3`, `fact-12`, …
    pub fn dom_id(self) -> String {
        match self {
            ItemRef::Quote(i) => format!("quote-{i}"),
            ItemRef::Fact(i) => format!("fact-{i}"),
            ItemRef::Figure(i) => format!("figure-{i}"),
            ItemRef::Date(i) => format!("date-{i}"),
        }
    }

    /// Reads back a [`dom_id`](Self::dom_id).
    pub fn from_dom_id(id: &str) -> Option<ItemRef> {
        let (kind, n) = id.split_once('-')?;
        if n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let n: usize = n.parse().ok()?;
        match kind {
            "quote" => Some(ItemRef::Quote(n)),
            "fact" => Some(ItemRef::Fact(n)),
            "figure" => Some(ItemRef::Figure(n)),
            "date" => Some(ItemRef::Date(n)),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_show_a_page_then_grow_to_reach_a_wanted_item() {
        assert_eq!(shown_count(10, PAGE, None), 10);
        assert_eq!(shown_count(500, PAGE, None), 50);
        assert_eq!(shown_count(500, 100, None), 100);
        // Item at position 120 must be on screen: three pages.
        assert_eq!(shown_count(500, PAGE, Some(120)), 150);
        assert_eq!(shown_count(500, PAGE, Some(49)), 50);
        assert_eq!(shown_count(500, PAGE, Some(50)), 100);
        assert_eq!(shown_count(130, PAGE, Some(120)), 130);
        assert_eq!(shown_count(500, 200, Some(3)), 200, "never shrinks what was asked for");
    }

    #[test]
    fn long_texts_wait_for_a_pause_in_typing() {
        assert_eq!(analysis_delay(0), 0);
        assert_eq!(analysis_delay(4_729), 0, "the seed article is analysed at once");
        assert_eq!(analysis_delay(100_000), 120);
        assert_eq!(analysis_delay(1 << 20), 300);
    }

    #[test]
    fn dom_ids_round_trip() {
        for item in [ItemRef::Quote(0), ItemRef::Fact(12), ItemRef::Figure(3), ItemRef::Date(40)] {
            assert_eq!(ItemRef::from_dom_id(&item.dom_id()), Some(item));
        }
        assert_eq!(ItemRef::Fact(12).dom_id(), "fact-12");
        for bad in ["", "quote", "quote-", "quote-x", "quote--1", "party-1", "fact-1-2", "fact-+1"] {
            assert_eq!(ItemRef::from_dom_id(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn item_spans() {
        let b = filter::tests::sample();
        assert_eq!(
            ItemRef::Quote(0).span(&b).map(|s| s.of(filter::tests::TEXT)),
            Some("\"We want 20 hostages back,\"")
        );
        assert_eq!(ItemRef::Figure(1).span(&b).map(|s| s.of(filter::tests::TEXT)), Some("Over 2,000"));
        assert_eq!(ItemRef::Date(0).span(&b).map(|s| s.of(filter::tests::TEXT)), Some("Sunday"));
        assert_eq!(ItemRef::Fact(2).span(&b).map(|s| s.of(filter::tests::TEXT)), Some("This is a grim moment."));
        assert_eq!(ItemRef::Fact(9).span(&b), None);
    }
}
