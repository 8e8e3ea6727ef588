// Factsheet's parser in a Web Worker (a module worker, started by
// src/ui/parser_link.js), so that analysing a long text never holds up the
// page. It runs the parser's own wasm (factsheet-parser.js and its _bg.wasm,
// built by Trunk from src/parser_worker.rs, next to this file).
//
// Message in:  { id, text, options }  options: the parse options as bytes
//                                     (src/wire.rs: the lines kept as article text)
// Message out: { id, bytes, ms }  bytes: the breakdown (src/wire.rs), its
//                                 buffer transferred; ms: time spent parsing
//              { id, error }      the parser failed to load or to run (or the
//                                 options came from another build); this
//                                 worker then closes, and the page analyses
//                                 on its own thread from then on.
import init, { analyse } from "./factsheet-parser.js";

const ready = init({ module_or_path: new URL("factsheet-parser_bg.wasm", import.meta.url) });

addEventListener("message", async ({ data: { id, text, options } }) => {
  try {
    await ready;
    const start = performance.now();
    const bytes = analyse(text, options);
    postMessage({ id, bytes, ms: performance.now() - start }, [bytes.buffer]);
  } catch (err) {
    postMessage({ id, error: String(err?.message ?? err) });
    close();
  }
});
