//! Factsheet: a news article in, a fact sheet out.
//!
//! * [`parser`]: the engine, pure Rust (no browser APIs), used by the CLI and the app.
//! * [`sheet`]: the fact sheet's view model (filtering, search, grouping, timeline,
//!   source highlighting, Markdown/JSON export), pure Rust, unit-tested natively.
//! * [`notes`]: the reader's notes: model, anchoring, storage schema, sync, export (pure Rust
//!   except its wasm32-only `web` backend).
//! * [`wire`]: the breakdown as bytes, from the parser's Web Worker to the UI.
//! * `ui` (wasm32 only): the Leptos app, thin components over `sheet`.

pub mod notes;
pub mod parser;
pub mod sheet;
pub mod wire;

#[cfg(target_arch = "wasm32")]
pub mod ui;
