// Starts the Factsheet WebAssembly app.
//
// Trunk would inject an inline <script type="module"> for this; Trunk.toml's
// `pattern_script` makes it emit <script src="/boot.js" data-factsheet-js=...
// data-factsheet-wasm=...> instead, so the page needs no inline script and can
// run under a strict Content-Security-Policy (script-src 'self' 'wasm-unsafe-eval').
const tag = document.querySelector("script[data-factsheet-wasm]");

try {
  const { default: init } = await import(tag.dataset.factsheetJs);
  await init({ module_or_path: tag.dataset.factsheetWasm });
} catch (err) {
  const box = document.createElement("p");
  box.className = "boot-error";
  box.setAttribute("role", "alert");
  box.textContent = "Factsheet could not start in this browser. Please reload the page or try an up-to-date browser.";
  document.body.prepend(box);
  throw err;
}
