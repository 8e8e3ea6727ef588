// Shared setup for the e2e specs (node --test + playwright-core + Debian's chromium).
import { existsSync } from "node:fs";
import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import axeCore from "axe-core";
import { chromium } from "playwright-core";
import { startServer } from "./serve.mjs";
// For the offline / PWA helpers at the end.
import http from "node:http";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const DIST = path.join(ROOT, "dist");
export const ARTIFACTS = path.join(ROOT, "e2e", "artifacts");

/** Chromium from apt; playwright-core downloads no browser. Override with $CHROMIUM. */
export const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Reads a file of tests/fixtures/. */
export function fixture(name) {
  return readFile(path.join(ROOT, "tests", "fixtures", name), "utf8");
}

/**
 * Serves dist/ on a free port (or uses $FACTSHEET_URL, e.g. scripts/serve.sh's
 * server) and launches Chromium. Call `close()` when done.
 */
export async function startApp() {
  let url = process.env.FACTSHEET_URL;
  let server;
  if (!url) {
    if (!existsSync(path.join(DIST, "index.html"))) {
      throw new Error("dist/index.html is missing: build first (scripts/build.sh or scripts/test.sh)");
    }
    ({ server, url } = await startServer(DIST, 0));
  }
  await mkdir(ARTIFACTS, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  return {
    url,
    browser,
    async close() {
      await browser.close();
      if (server) await new Promise((resolve) => server.close(resolve));
    },
  };
}

/**
 * Whether a failed request was only cut short by the page being left or
 * reloaded meanwhile (Chromium's net::ERR_ABORTED), e.g. the parser's worker
 * loading its wasm, which starts with the app, when a test reloads at once.
 */
function leftBehind(req) {
  return req.failure()?.errorText === "net::ERR_ABORTED";
}

/**
 * A fresh page (1280x900 unless `options` say otherwise: any Playwright
 * context option, e.g. viewport, colorScheme, reducedMotion) whose console
 * errors, uncaught exceptions and failed requests are collected in
 * `problems`; warnings go to `warnings`.
 */
export async function newPage(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  const problems = [];
  const warnings = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") problems.push(`console.error: ${msg.text()}`);
    if (msg.type() === "warning") warnings.push(`console.warn: ${msg.text()}`);
  });
  page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
  page.on("requestfailed", (req) => {
    if (!leftBehind(req)) problems.push(`request failed: ${req.url()} (${req.failure()?.errorText})`);
  });
  page.on("response", (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  return { context, page, problems, warnings };
}

/** Waits until the app has rendered (the wasm is loaded and mounted). */
export async function waitForApp(page) {
  await page.getByRole("textbox", { name: "Article text", exact: true }).waitFor({ timeout: 15_000 });
}

/** Runs axe-core on the page; returns every violation, as readable lines. */
export async function a11yViolations(page) {
  // Evaluated through the DevTools protocol, so a page CSP cannot block it.
  if (!(await page.evaluate(() => Boolean(globalThis.axe)))) await page.evaluate(axeCore.source);
  const result = await page.evaluate(() => globalThis.axe.run(document, { resultTypes: ["violations"] }));
  return result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} -> ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
}

/** Runs axe-core on the page; returns the violations of impact serious or critical. */
export async function seriousA11yViolations(page) {
  const all = await a11yViolations(page);
  return all.filter((line) => /\((serious|critical)\)/.test(line));
}

/** How long to wait for the sheet after a paste (generous: CI machines are shared). */
export const RESULT_TIMEOUT = 10_000;

/** Opens the app in a fresh page and waits until it runs. */
export async function openApp(app, options = {}) {
  const opened = await newPage(app.browser, options);
  await opened.page.goto(app.url);
  await waitForApp(opened.page);
  return opened;
}

/** The parts of the page the specs use, found by role and accessible name. */
export function ui(page) {
  const region = (name) => page.getByRole("region", { name, exact: true });
  return {
    article: page.getByRole("textbox", { name: "Article text", exact: true }),
    sample: page.getByRole("button", { name: "Try the sample article", exact: true }),
    clear: page.getByRole("button", { name: "Clear", exact: true }),
    search: page.getByRole("searchbox", { name: "Search the fact sheet", exact: true }),
    copyMarkdown: page.getByRole("button", { name: "Copy Markdown", exact: true }),
    downloadJson: page.getByRole("button", { name: "Download JSON", exact: true }),
    parties: region("Parties"),
    quotes: region("Quotes"),
    terms: region("Quoted terms"),
    facts: region("Facts"),
    commentary: region("Commentary"),
    figures: region("Figures"),
    timeline: region("Timeline"),
    source: region("Source text"),
    /** The toggle button of a party, by canonical name (its accessible name starts with it). */
    party(name) {
      const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      return region("Parties").getByRole("button", { name: new RegExp(`^${escaped}\\b`) });
    },
  };
}

/** Loads the seed article with the sample button and waits for its sheet. */
export async function loadSample(page) {
  await ui(page).sample.click();
  await waitForSheet(page);
}

/** Pastes `text` into the article box (one input event, as a paste gives). */
export async function paste(page, text) {
  await ui(page).article.fill(text);
}

/** Waits until the sheet shows an analysed article (quotes region present, not busy). */
export async function waitForSheet(page, timeout = RESULT_TIMEOUT) {
  await page.locator('#sheet[aria-busy="false"]').getByRole("region", { name: "Quotes", exact: true }).waitFor({ timeout });
}

/**
 * The items (list items) of a region, as their text. textContent, not
 * innerText: panels below the first screen use content-visibility: auto,
 * and innerText is empty until they are rendered.
 */
export async function itemTexts(region) {
  return region.getByRole("listitem").allTextContents();
}

/** Fails with the collected problems of `newPage`, printing warnings. */
export function assertNoProblems(problems, warnings = []) {
  for (const w of warnings) console.log(`# ${w}`);
  if (problems.length) throw new Error(`console errors, page errors or failed requests:\n${problems.join("\n")}`);
}

/**
 * The breakdown behind the sheet, through the app's own "Download JSON"
 * (the CLI's schema), parsed.
 */
export async function downloadedBreakdown(page) {
  const [download] = await Promise.all([page.waitForEvent("download"), ui(page).downloadJson.click()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), json: await readFile(file, "utf8") };
}

/** The CLI's JSON for `text` (`cargo run --bin factsheet -- --json`, built if needed). */
export async function cliJson(text) {
  const { spawnSync } = await import("node:child_process");
  const run = spawnSync("cargo", ["run", "--quiet", "--bin", "factsheet", "--", "--json"], {
    cwd: ROOT,
    input: text,
    encoding: "utf8",
    maxBuffer: 64 << 20,
  });
  if (run.status !== 0) throw new Error(`factsheet --json failed: ${run.stderr}`);
  return run.stdout;
}

// --- Offline / PWA helpers (e2e/pwa*.test.mjs) ---------------------------------

/**
 * Chromium with a fresh, throw-away *persistent* profile: service workers,
 * caches and Chromium's installability check behave as in a normal window
 * (an incognito-like `browser.newContext()` reports "in-incognito" to
 * Page.getInstallabilityErrors). Every request of the pages and of the service
 * worker to another origin than `origin` is recorded in `problems`, and so are
 * console errors, page errors, failed requests, HTTP errors and CSP violations
 * (see `cspViolations`). Call `close()` when done.
 */
export async function launchProfile(origin, { viewport = { width: 1280, height: 900 } } = {}) {
  const dir = await mkdtemp(path.join(os.tmpdir(), "factsheet-profile-"));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    viewport,
  });
  const problems = [];
  const warnings = [];
  const requests = [];
  const onRequest = (req) => {
    requests.push(req.url());
    const url = new URL(req.url());
    if ((url.protocol === "http:" || url.protocol === "https:" || url.protocol.startsWith("ws")) && url.origin !== origin) {
      problems.push(`request to another origin: ${req.url()}`);
    }
  };
  context.on("request", onRequest);
  // Records CSP violations in the page (init scripts run through the DevTools
  // protocol, so the page's own CSP does not block this one).
  await context.addInitScript(() => {
    globalThis.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      globalThis.__cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"}`),
    );
  });
  const watch = (page) => {
    page.on("console", (msg) => {
      const where = msg.location()?.url ? ` (${msg.location().url})` : "";
      if (msg.type() === "error") problems.push(`console.error: ${msg.text()}${where}`);
      if (msg.type() === "warning") warnings.push(`console.warn: ${msg.text()}${where}`);
    });
    page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
    page.on("requestfailed", (req) => {
      if (!leftBehind(req)) problems.push(`request failed: ${req.url()} (${req.failure()?.errorText})`);
    });
    page.on("response", (res) => {
      if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
    });
    return page;
  };
  context.on("page", watch);
  for (const page of context.pages()) watch(page);
  return {
    context,
    page: context.pages()[0] ?? (await context.newPage()),
    problems,
    warnings,
    requests,
    async close() {
      await context.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The CSP violations the page has seen (recorded by launchProfile's init script). */
export function cspViolations(page) {
  return page.evaluate(() => globalThis.__cspViolations ?? ["(no CSP recorder)"]);
}

/**
 * Waits until a service worker controls `page` (the first visit installs it,
 * precaches the app and claims the page); resolves to its scope.
 */
export async function waitForServiceWorker(page, timeout = 20_000) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller?.state === "activated", null, { timeout });
  return page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
}

/**
 * Serves `root` under the path `prefix` (e.g. "/factsheet/") like a static
 * host serving a project sub-path: /factsheet/... maps to root/..., anything
 * else is 404 and is recorded in `outside` (the tests expect none).
 */
export async function startPrefixedServer(root, prefix) {
  const inner = await startServer(root, 0);
  const outside = [];
  const server = http.createServer((req, res) => {
    const pathname = new URL(req.url, "http://localhost").pathname;
    if (!pathname.startsWith(prefix)) {
      outside.push(req.url);
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("outside the app's path\n");
      return;
    }
    const forward = http.request(
      new URL(req.url.slice(prefix.length - 1), inner.url),
      { method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on("error", () => res.writeHead(502).end());
    req.pipe(forward);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    url: `${origin}${prefix}`,
    outside,
    async close() {
      await new Promise((resolve) => server.close(resolve));
      await new Promise((resolve) => inner.server.close(resolve));
    },
  };
}

/**
 * Fails unless the parser's Web Worker runs in `page` and the page never
 * fell back to parsing on its own thread (it says so when it does).
 */
export async function assertParsedInWorker(page) {
  if (!page.workers().some((w) => w.url().endsWith("/parser-worker.js"))) {
    throw new Error(`no parser worker in the page (workers: ${page.workers().map((w) => w.url()).join(", ") || "none"})`);
  }
  if (await page.getByText("Analysing on this page").count()) throw new Error("the page fell back to parsing on its own thread");
  if (!(await page.evaluate(() => performance.getEntriesByName("factsheet:parse").length))) {
    throw new Error("no answer of the parser was measured");
  }
}
