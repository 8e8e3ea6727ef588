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
 * A fresh page (1280x900) whose console errors, uncaught exceptions and failed
 * requests are collected in `problems`; warnings go to `warnings`.
 */
export async function newPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
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

/** Runs axe-core on the page; returns the violations of impact serious or critical. */
export async function seriousA11yViolations(page) {
  // Evaluated through the DevTools protocol, so a page CSP cannot block it.
  await page.evaluate(axeCore.source);
  const result = await page.evaluate(() => globalThis.axe.run(document, { resultTypes: ["violations"] }));
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} -> ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}
