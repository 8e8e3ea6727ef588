// The page's side of the parser (imported by src/ui/parser.rs): sends texts to
// the parser's Web Worker (public/parser-worker.js) and hands its answers back.
// If the worker cannot start, or fails, the parser's wasm is loaded on the
// page instead and the request waiting for an answer is analysed there, so
// nothing is lost; `onFallback(reason)` says so once.
//
// The caller keeps at most one request in flight (src/sheet/analysis.rs).

/**
 * How long the worker may take to answer `text` before it counts as dead (it
 * may have crashed without a word): generous, a slow phone parses 1 MB in ~3 s.
 */
const patience = (text) => 10_000 + text.length / 100;

/** A URL next to the app's page (also when it is hosted under a sub-path). */
const beside = (file) => new URL(file, document.baseURI).href;

export class ParserLink {
  /**
   * onAnswer(id, bytes): the breakdown of request `id` (src/wire.rs).
   * onError(id, message): request `id` could not be analysed.
   * onFallback(reason): the parser now runs on the page.
   */
  constructor(onAnswer, onError, onFallback) {
    this.onAnswer = onAnswer;
    this.onError = onError;
    this.onFallback = onFallback;
    /** The request sent and not answered yet: { id, text, options }. */
    this.inFlight = null;
    /** Once on the page: a promise of the parser's `analyse`. */
    this.local = null;
    /** Fires when the worker is too slow to answer (see `patience`). */
    this.watchdog = 0;
    try {
      this.worker = new Worker(beside("parser-worker.js"), { type: "module", name: "factsheet-parser" });
      this.worker.addEventListener("message", ({ data }) => this.answered(data));
      this.worker.addEventListener("error", (event) => {
        event.preventDefault();
        this.fail(event.message || "the worker could not start");
      });
      this.worker.addEventListener("messageerror", () => this.fail("an answer of the worker could not be read"));
    } catch (err) {
      this.worker = null;
      // Not from the constructor: the caller must exist before it hears of this.
      queueMicrotask(() => this.fail(String(err?.message ?? err)));
    }
  }

  /**
   * Analyses `text` as request `id`, with `options`: the parse options as
   * bytes (src/wire.rs: the lines the reader keeps as article text).
   */
  send(id, text, options) {
    this.inFlight = { id, text, options };
    if (this.worker) {
      this.worker.postMessage({ id, text, options });
      clearTimeout(this.watchdog);
      this.watchdog = setTimeout(() => this.fail("the worker stopped answering"), patience(text));
    } else if (this.local) {
      this.runLocally();
    }
  }

  answered({ id, bytes, ms, error }) {
    if (error !== undefined) {
      this.fail(error);
      return;
    }
    if (this.inFlight?.id === id) {
      this.inFlight = null;
      clearTimeout(this.watchdog);
    }
    this.deliver(id, bytes, ms);
  }

  deliver(id, bytes, ms) {
    performance.measure("factsheet:parse", { end: performance.now(), duration: ms });
    this.onAnswer(id, bytes);
  }

  /** The worker is unusable: parse on the page from now on. */
  fail(reason) {
    if (this.local) return;
    clearTimeout(this.watchdog);
    this.worker?.terminate();
    this.worker = null;
    this.local = import(beside("factsheet-parser.js")).then(async (parser) => {
      await parser.default({ module_or_path: beside("factsheet-parser_bg.wasm") });
      return parser.analyse;
    });
    this.onFallback(String(reason));
    if (this.inFlight) this.runLocally();
  }

  async runLocally() {
    const request = this.inFlight;
    let analyse;
    try {
      analyse = await this.local;
    } catch (err) {
      if (this.inFlight === request) this.inFlight = null;
      this.onError(request.id, `the parser could not be loaded (${err?.message ?? err})`);
      return;
    }
    if (this.inFlight !== request) return;
    this.inFlight = null;
    try {
      const start = performance.now();
      const bytes = analyse(request.text, request.options);
      this.deliver(request.id, bytes, performance.now() - start);
    } catch (err) {
      this.onError(request.id, String(err?.message ?? err));
    }
  }
}
