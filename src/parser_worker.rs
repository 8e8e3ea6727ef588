//! `factsheet-parser`: the parser on its own, for the browser app. Trunk builds
//! it for wasm32 (index.html, `data-type="worker"`); `public/parser-worker.js`
//! runs it in a Web Worker, and the page loads the same module itself when no
//! worker can run. Its one export, `analyse`, answers a text (and the parse
//! options from [`factsheet::wire::encode_options`]) with its breakdown as
//! bytes for [`factsheet::wire::decode`].

#[cfg(target_arch = "wasm32")]
mod exports {
    use wasm_bindgen::prelude::*;

    /// The breakdown of `text` with `options` (the lines kept as article
    /// text, as [`factsheet::wire::encode_options`] wrote them), encoded by
    /// [`factsheet::wire::encode`]. Options of another build are refused.
    #[wasm_bindgen]
    pub fn analyse(text: &str, options: &[u8]) -> Result<Vec<u8>, JsError> {
        let options = factsheet::wire::decode_options(options)?;
        Ok(factsheet::wire::encode(&factsheet::parser::parse_with(text, &options))?)
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "factsheet-parser is the parser of the browser app, built for WebAssembly by Trunk.\n\
         For the command-line tool, run `factsheet` instead."
    );
    std::process::exit(1);
}
