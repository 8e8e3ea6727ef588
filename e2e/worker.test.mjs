// The parser runs in a Web Worker with its own wasm (issue 12): the latest
// text wins, "Analysing…" shows only when an answer is slow, and a worker that
// cannot start, crashes or falls silent is replaced by the parser on the page,
// with a notice, losing nothing the reader typed.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { RESULT_TIMEOUT, assertNoProblems, fixture, newPage, startApp, ui, waitForApp, waitForSheet } from "./support.mjs";

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

const WORKER = "**/parser-worker.js";
const ON_PAGE = "Analysing on this page";

/**
 * Opens the app with `route` (if any) answering the worker script's request.
 * Service workers are blocked, so every request reaches the routes.
 */
async function open(route) {
  const opened = await newPage(app.browser, { serviceWorkers: "block" });
  if (route) await opened.context.route(WORKER, route);
  await opened.page.goto(app.url);
  await waitForApp(opened.page);
  return opened;
}

/** Records every text the status line ("Analysing…", word counts) shows. */
function recordStatus(page) {
  return page.evaluate(() => {
    globalThis.__status = [];
    const status = document.querySelector(".input-status");
    new MutationObserver(() => globalThis.__status.push(status.textContent)).observe(status, {
      childList: true,
      subtree: true,
      characterData: true,
    });
  });
}

const statusSeen = (page) => page.evaluate(() => globalThis.__status);

/** The worker script as served, changed by `edit` (a function of its source). */
function editedWorker(edit) {
  return async (route) => {
    const response = await route.fetch();
    route.fulfill({ response, body: edit(await response.text()) });
  };
}

/** A stand-in worker script (a module) with `body` as its source. */
function workerScript(body) {
  return (route) => route.fulfill({ status: 200, contentType: "text/javascript", body });
}

test("the parser answers from a Web Worker, and the latest of several texts wins", { timeout: 60_000 }, async () => {
  const { context, page, problems, warnings } = await open();
  try {
    await page.waitForFunction(() => performance.getEntriesByType("resource").some((r) => r.name.endsWith("/parser-worker.js")));
    const u = ui(page);
    // Three pastes in one task: the first goes to the worker, the second is
    // replaced by the third while it works, and the first's answer is dropped.
    await page.evaluate(() => performance.clearMeasures());
    await page.evaluate(() => {
      const box = document.getElementById("article");
      for (const who of ["Ann Lee", "Bo Chan", "Cy Dunn"]) {
        box.value = `"We are ready," ${who} said on Monday.`;
        box.dispatchEvent(new Event("input", { bubbles: true }));
      }
    });
    await waitForSheet(page);
    await u.quotes.getByRole("listitem").filter({ hasText: "Cy Dunn" }).waitFor({ timeout: RESULT_TIMEOUT });
    await page.waitForTimeout(300);
    const renders = await page.evaluate(() => performance.getEntriesByName("factsheet:render").length);
    const parses = await page.evaluate(() => performance.getEntriesByName("factsheet:parse").length);
    assert.equal(parses, 2, "the first and the last text were parsed, the middle one never");
    assert.equal(renders, 1, "only the latest answer was shown");
    assert.equal(await u.quotes.getByRole("listitem").count(), 1);
    assert.ok(page.workers().some((w) => w.url().endsWith("/parser-worker.js")), "the parser's worker runs");
    assert.equal(await page.getByText(ON_PAGE).count(), 0, "no fallback notice");
    assertNoProblems(problems, warnings);
  } finally {
    await context.close();
  }
});

test("“Analysing…” shows when an answer takes over 100 ms, and not for a quick one", { timeout: 60_000 }, async () => {
  const seed = await fixture("seed-us-hamas-talks.txt");
  // Quick: the real worker and the seed article (a few ms).
  const quick = await open();
  try {
    // Once, so that the worker has started (its wasm loads with the page).
    await ui(quick.page).article.fill("Warming up.");
    await waitForSheet(quick.page);
    await quick.page.evaluate(() => performance.clearMeasures());
    await recordStatus(quick.page);
    await ui(quick.page).article.fill(seed);
    await waitForSheet(quick.page);
    await quick.page.waitForTimeout(200);
    const took = await quick.page.evaluate(() => performance.getEntriesByName("factsheet:render").at(-1)?.duration);
    const seen = await statusSeen(quick.page);
    if (took < 90) assert.ok(!seen.includes("Analysing…"), `a ${Math.round(took)} ms answer showed "Analysing…": ${seen}`);
    else console.log(`# the seed article took ${Math.round(took)} ms (a loaded machine): "Analysing…" may show`);
    assertNoProblems(quick.problems, quick.warnings);
  } finally {
    await quick.context.close();
  }
  // Slow: every answer of the worker held back 600 ms.
  const slow = await open(
    editedWorker((src) => src.replace("postMessage({ id, bytes", "await new Promise((r) => setTimeout(r, 600));\n    postMessage({ id, bytes")),
  );
  try {
    await recordStatus(slow.page);
    const u = ui(slow.page);
    await u.article.fill(seed);
    await slow.page.getByRole("status").filter({ hasText: "Analysing…" }).waitFor({ timeout: 2_000 });
    assert.equal(await slow.page.locator("#sheet").getAttribute("aria-busy"), "true");
    await waitForSheet(slow.page);
    await u.quotes.getByRole("listitem").filter({ hasText: "Karine Jean-Pierre" }).first().waitFor();
    assert.equal(await slow.page.getByRole("status").filter({ hasText: "Analysing…" }).count(), 0, "gone once shown");
    assert.ok((await statusSeen(slow.page)).includes("Analysing…"));
    assertNoProblems(slow.problems, slow.warnings);
  } finally {
    await slow.context.close();
  }
});

/** Pastes the seed article and checks the sheet and the fallback notice, then typing on. */
async function parsesOnThePage(page) {
  const u = ui(page);
  await u.article.fill(await fixture("seed-us-hamas-talks.txt"));
  await waitForSheet(page, 20_000);
  await u.quotes.getByRole("listitem").filter({ hasText: "Karine Jean-Pierre" }).first().waitFor({ timeout: 20_000 });
  await page.getByRole("status").filter({ hasText: ON_PAGE }).waitFor();
  // Typing on: kept in the box, and the sheet follows.
  await u.article.press("Control+End");
  await page.keyboard.type('\n\n"Still here," said Ann Lee.');
  await u.quotes.getByRole("listitem").filter({ hasText: "Ann Lee" }).waitFor({ timeout: RESULT_TIMEOUT });
  assert.ok((await u.article.inputValue()).endsWith('"Still here," said Ann Lee.'));
}

/** The problems of a page whose worker was made to fail, less the expected ones. */
const unexpected = (problems) =>
  problems.filter((p) => !/parser-worker\.js|Failed to load|the parser crashed|net::ERR_FAILED/.test(p));

test("a worker that cannot start: the page parses itself and says so", { timeout: 60_000 }, async () => {
  const { context, page, problems } = await open((route) => route.abort());
  try {
    await parsesOnThePage(page);
    assert.deepEqual(unexpected(problems), []);
  } finally {
    await context.close();
  }
});

test("a worker that crashes on a text: that text and the next are parsed on the page", { timeout: 60_000 }, async () => {
  // Starts like the real one (loads the parser), then throws on the first text.
  const crashing = workerScript(`
    addEventListener("message", () => { throw new Error("the parser crashed"); });
    import init from "./factsheet-parser.js";
    await init({ module_or_path: new URL("factsheet-parser_bg.wasm", import.meta.url) });
  `);
  const { context, page, problems } = await open(crashing);
  try {
    await parsesOnThePage(page);
    assert.deepEqual(unexpected(problems), []);
  } finally {
    await context.close();
  }
});

test("a worker that falls silent is given up after its time, and nothing is lost", { timeout: 60_000 }, async () => {
  const silent = workerScript(`addEventListener("message", () => {});`);
  const { context, page, problems } = await open(silent);
  try {
    const t0 = Date.now();
    await parsesOnThePage(page);
    const waited = Date.now() - t0;
    assert.ok(waited >= 9_000, `waited ${waited} ms for the silent worker before giving it up`);
    assert.deepEqual(unexpected(problems), []);
  } finally {
    await context.close();
  }
});

/**
 * In the ferry page (tests/fixtures/pages/), opens the run of page furniture
 * holding "Related topics", "Strikes" and "Ferries" and returns it.
 */
async function openRelatedTopics(page, text) {
  const source = ui(page).source;
  const offset = Buffer.byteLength(text.slice(0, text.indexOf("Related topics")));
  await source.locator(`button[aria-controls="furniture-${offset}"]`).click();
  return source;
}

/** Whether `line` is shown as article text (a paragraph of the source text). */
const isArticleText = async (source, line) => (await source.locator("p.src-block", { hasText: new RegExp(`^${line}`) }).count()) === 1;

test("lines kept as article text go to the worker with the text, and the latest choice wins", { timeout: 60_000 }, async () => {
  const text = await fixture("pages/broadcaster-ferry-strike.txt");
  // Every answer of the worker held back 600 ms, so choices pile up meanwhile.
  const { context, page, problems, warnings } = await open(
    editedWorker((src) => src.replace("postMessage({ id, bytes", "await new Promise((r) => setTimeout(r, 600));\n    postMessage({ id, bytes")),
  );
  try {
    const u = ui(page);
    await u.article.fill(text);
    await waitForSheet(page);
    const source = await openRelatedTopics(page, text);
    await page.evaluate(() => performance.clearMeasures());
    // Two lines kept one after the other, the second while the first is with the parser.
    await source.getByRole("button", { name: "Keep as article text: Strikes" }).click();
    await source.getByRole("button", { name: "Keep as article text: Ferries" }).click();
    await source.getByRole("button", { name: "Hide again as page furniture: Ferries" }).waitFor({ timeout: RESULT_TIMEOUT });
    await waitForSheet(page);
    await page.waitForTimeout(800);
    assert.ok(await isArticleText(source, "Strikes"), "the first line kept stays kept");
    assert.ok(await isArticleText(source, "Ferries"), "the second line kept");
    const parses = await page.evaluate(() => performance.getEntriesByName("factsheet:parse").length);
    assert.equal(parses, 2, "the text with Strikes kept, then with both (the answer to the first dropped)");
    assert.equal(await page.evaluate(() => performance.getEntriesByName("factsheet:render").length), 1, "only the latest shown");
    await page.waitForFunction(() => document.activeElement?.textContent === "Hide again", null, { timeout: 5_000 });
    assert.equal(await page.getByText(ON_PAGE).count(), 0, "the worker did it, not the page");

    // Hidden again: the worker parses the text without it.
    await source.getByRole("button", { name: "Hide again as page furniture: Strikes" }).click();
    await source.getByRole("button", { name: "Keep as article text: Strikes" }).waitFor({ timeout: RESULT_TIMEOUT });
    assert.ok(!(await isArticleText(source, "Strikes")));
    assert.ok(await isArticleText(source, "Ferries"));
    assertNoProblems(problems, warnings);
  } finally {
    await context.close();
  }
});

test("lines kept as article text work when the parser runs on the page", { timeout: 60_000 }, async () => {
  const text = await fixture("pages/broadcaster-ferry-strike.txt");
  const { context, page, problems } = await open((route) => route.abort());
  try {
    await ui(page).article.fill(text);
    await waitForSheet(page, 20_000);
    await page.getByRole("status").filter({ hasText: ON_PAGE }).waitFor();
    const source = await openRelatedTopics(page, text);
    await source.getByRole("button", { name: "Keep as article text: Strikes" }).click();
    await source.getByRole("button", { name: "Hide again as page furniture: Strikes" }).waitFor({ timeout: RESULT_TIMEOUT });
    assert.ok(await isArticleText(source, "Strikes"));
    assert.deepEqual(unexpected(problems), []);
  } finally {
    await context.close();
  }
});
