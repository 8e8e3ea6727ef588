//! Factsheet: a news article in, a fact sheet out.
//!
//! * [`parser`]: the engine, pure Rust (no browser APIs), used by the CLI and the app.
//! * [`notes`]: the reader's notes: model, anchoring, storage schema, sync, export (pure Rust
//!   except its wasm32-only `web` backend).
//! * `ui` (wasm32 only): the Leptos app.

pub mod notes;
pub mod parser;

#[cfg(target_arch = "wasm32")]
pub mod ui;
