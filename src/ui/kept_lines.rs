//! The lines a reader keeps as article text (brought back from the page
//! furniture), remembered per article for the browser session
//! (`sessionStorage`, key `factsheet.kept-lines`): a reload brings the same
//! sheet back, another tab starts afresh. Where storage is unavailable the
//! choice lasts as long as the page.

use crate::sheet::page::{still_in, text_key, KeptLines};

const KEY: &str = "factsheet.kept-lines";

fn storage() -> Option<web_sys::Storage> {
    leptos::prelude::window().session_storage().ok().flatten()
}

fn load() -> KeptLines {
    storage().and_then(|s| s.get_item(KEY).ok().flatten()).map(|j| KeptLines::from_stored(&j)).unwrap_or_default()
}

/// The lines kept for `text`: those remembered for it, else those of
/// `current` (the choice for the text before an edit) still in it. Cheap
/// when nothing is kept (the common case): a long text is then not hashed.
pub fn kept_for(text: &str, current: &[String]) -> Vec<String> {
    let stored = load();
    if let Some(lines) = (!stored.is_empty()).then(|| stored.get(&text_key(text))).flatten() {
        return lines.to_vec();
    }
    let carried = still_in(text, current);
    if !carried.is_empty() {
        remember(text, &carried);
    }
    carried
}

/// Remembers `lines` as the choice for `text`.
pub fn remember(text: &str, lines: &[String]) {
    let Some(s) = storage() else { return };
    let mut all = load();
    all.set(&text_key(text), lines);
    let _ = s.set_item(KEY, &all.to_stored());
}
