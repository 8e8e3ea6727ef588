//! The browser app: Leptos, client-side rendered, built by Trunk (wasm32 only).
//!
//! State flows one way: the article text lives in one signal, the parser's
//! [`Breakdown`] is a [`Memo`] derived from it, and every panel of the fact
//! sheet reads that memo. There is no submit step: the sheet follows every
//! keystroke and paste. Components are thin; they only lay out what the parser
//! found and never render text as HTML.

mod article_input;
mod format;
mod header;
mod quotes;

use leptos::prelude::*;

use crate::parser::{parse, Breakdown};

pub use article_input::ArticleInput;
pub use header::SiteHeader;
pub use quotes::QuotesPanel;

/// Starts the app: mounts [`App`] into `<body>` (called by `src/main.rs`).
pub fn mount() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}

/// The whole page: header, the article box and the fact sheet beside it.
#[component]
pub fn App() -> impl IntoView {
    let (text, set_text) = signal(String::new());
    let breakdown: Memo<Breakdown> = Memo::new(move |_| text.with(|t| parse(t)));
    let has_text = Memo::new(move |_| text.with(|t| !t.trim().is_empty()));

    view! {
        <div class="app">
            <SiteHeader/>
            <main class="workspace">
                <ArticleInput text=text set_text=set_text/>
                <div class="sheet">
                    <QuotesPanel breakdown=breakdown has_text=has_text/>
                </div>
            </main>
            <footer class="site-footer">
                <p>
                    "Runs entirely in your browser: the text you paste is never uploaded."
                </p>
            </footer>
        </div>
    }
}
