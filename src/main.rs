//! `factsheet-web`: the browser app. Trunk builds it for wasm32 (see index.html
//! and Trunk.toml); all of the app lives in `factsheet::ui`.

#[cfg(target_arch = "wasm32")]
fn main() {
    factsheet::ui::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "factsheet-web is the browser app: it is built for WebAssembly with Trunk.\n\
         Run `scripts/serve.sh` (or `trunk serve`) and open http://127.0.0.1:8080/.\n\
         For the command-line tool, run `factsheet` instead."
    );
    std::process::exit(1);
}
