//! Factsheet: a news article in, a fact sheet out.
//!
//! * [`parser`]: the engine, pure Rust (no browser APIs), used by the CLI and the app.
//! * `ui` (wasm32 only): the Leptos app.

pub mod parser;

#[cfg(target_arch = "wasm32")]
pub mod ui;
