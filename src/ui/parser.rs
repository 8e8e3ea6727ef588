//! The parser, seen from the page: its own wasm in a Web Worker (started by
//! `parser_link.js`, a wasm-bindgen snippet), or on the page when no worker
//! can run. The UI's wasm does not contain the parser; answers come back as
//! bytes for [`crate::wire::decode`].

use leptos::wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/ui/parser_link.js")]
extern "C" {
    type ParserLink;

    #[wasm_bindgen(constructor)]
    fn new(on_answer: &OnAnswer, on_error: &OnError, on_fallback: &OnFallback) -> ParserLink;

    #[wasm_bindgen(method)]
    fn send(this: &ParserLink, id: u32, text: &str, options: Vec<u8>);

    #[wasm_bindgen(method, js_name = send)]
    fn send_js(this: &ParserLink, id: u32, text: &JsValue, options: Vec<u8>);
}

type OnAnswer = Closure<dyn FnMut(u32, Vec<u8>)>;
type OnError = Closure<dyn FnMut(u32, String)>;
type OnFallback = Closure<dyn FnMut(String)>;

/// A running parser and the callbacks it answers through.
pub struct Parser {
    link: ParserLink,
    _callbacks: (OnAnswer, OnError, OnFallback),
}

impl Parser {
    /// Starts the worker. Each request gets `on_answer` (its breakdown, as
    /// bytes) or `on_error`; `on_fallback` is told once if the parser has to
    /// run on the page instead (the request in flight is then redone there).
    pub fn start(
        on_answer: impl FnMut(u32, Vec<u8>) + 'static,
        on_error: impl FnMut(u32, String) + 'static,
        on_fallback: impl FnMut(String) + 'static,
    ) -> Parser {
        let callbacks = (OnAnswer::new(on_answer), OnError::new(on_error), OnFallback::new(on_fallback));
        let link = ParserLink::new(&callbacks.0, &callbacks.1, &callbacks.2);
        Parser { link, _callbacks: callbacks }
    }

    /// Analyses `text` as request `id`, with the parse options of
    /// [`crate::wire::encode_options`] (copied out of this wasm's memory).
    pub fn send(&self, id: u32, text: &str, options: Vec<u8>) {
        self.link.send(id, text, options);
    }

    /// [`send`](Self::send) with the text as the JS string it came from (the
    /// box's value), which spares converting 1 MB back from Rust.
    pub fn send_js(&self, id: u32, text: &JsValue, options: Vec<u8>) {
        self.link.send_js(id, text, options);
    }
}
