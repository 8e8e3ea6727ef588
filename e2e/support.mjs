// Shared setup for the e2e specs (node --test + playwright-core + Debian's chromium).
import { existsSync } from "node:fs";
import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import axeCore from "axe-core";
import { chromium } from "playwright-core";
import { startServer } from "./serve.mjs";

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
  page.on("requestfailed", (req) =>
    problems.push(`request failed: ${req.url()} (${req.failure()?.errorText})`),
  );
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
