// A 1 MB paste never blocks the page for more than a second, lists render a
// page at a time, and the article box keeps taking input.
import assert from "node:assert/strict";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, test } from "node:test";
import { ARTIFACTS, ROOT, RESULT_TIMEOUT, assertNoProblems, openApp, startApp, ui, waitForSheet } from "./support.mjs";

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

/** About 1 MB of real articles (the development corpus, repeated). */
async function megabyte() {
  const dir = path.join(ROOT, "tests", "corpus", "dev");
  const texts = [];
  for (const f of (await readdir(dir)).filter((f) => f.endsWith(".json")).sort()) {
    const { text } = JSON.parse(await readFile(path.join(dir, f), "utf8"));
    if (text) texts.push(text);
  }
  let out = "";
  while (out.length < 1 << 20) out += texts.join("\n\n") + "\n\n";
  return out;
}

/** Starts a heartbeat in the page: the longest gap between animation frames, and long tasks. */
function startHeartbeat(page) {
  return page.evaluate(() => {
    const beat = { last: performance.now(), maxGap: 0, longest: 0, frames: 0 };
    globalThis.__beat = beat;
    const tick = (now) => {
      beat.maxGap = Math.max(beat.maxGap, now - beat.last);
      beat.last = now;
      beat.frames++;
      if (!beat.stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) beat.longest = Math.max(beat.longest, e.duration);
    }).observe({ type: "longtask" });
  });
}

const readHeartbeat = (page) => page.evaluate(() => ({ ...globalThis.__beat, stop: undefined }));

test("a 1 MB paste keeps the page responsive and renders long lists a page at a time", { timeout: 180_000 }, async () => {
  const text = await megabyte();
  const { context, page, problems, warnings } = await openApp(app);
  try {
    const u = ui(page);
    await startHeartbeat(page);
    const t0 = Date.now();
    // One input event with the whole text, as a paste gives.
    await page.evaluate((t) => {
      const box = document.getElementById("article");
      box.value = t;
      box.dispatchEvent(new Event("input", { bubbles: true }));
    }, text);
    // The analysis is deferred: the page says it is working.
    await page.getByRole("status").filter({ hasText: "Analysing…" }).waitFor({ timeout: 2_000 });
    await waitForSheet(page, 30_000);
    const ready = Date.now() - t0;
    await page.waitForTimeout(500);
    const beat = await readHeartbeat(page);
    const measure = await page.evaluate(() => performance.getEntriesByName("factsheet:render").at(-1)?.duration);

    // Long lists render a page at a time.
    const quotes = await u.quotes.getByRole("listitem").count();
    assert.equal(quotes, 50, "the first 50 quotes");
    const more = u.quotes.getByRole("button", { name: /^Show 50 more quotes/ });
    await more.waitFor();
    assert.ok((await u.facts.getByRole("listitem").count()) <= 50);
    assert.ok((await u.source.locator(".src-block").count()) <= 40, "the source text a few paragraphs at a time");
    const tMore = Date.now();
    await more.click();
    await u.quotes.getByRole("listitem").nth(99).waitFor();
    const moreMs = Date.now() - tMore;

    // The box still takes input, and the sheet follows it.
    const tType = Date.now();
    await u.article.press("End");
    await page.keyboard.press("Control+End");
    await page.keyboard.type(' "Still here," said Ann Lee.');
    const typed = Date.now() - tType;
    assert.ok((await u.article.inputValue()).endsWith(' "Still here," said Ann Lee.'));
    await page.locator('#sheet[aria-busy="false"]').waitFor({ timeout: RESULT_TIMEOUT });
    await page.waitForTimeout(300);
    const after = await readHeartbeat(page);

    const report = {
      bytes: text.length,
      ready_ms: ready,
      app_measure_ms: measure && Math.round(measure),
      max_frame_gap_ms: Math.round(beat.maxGap),
      longest_task_ms: Math.round(beat.longest),
      show_more_ms: moreMs,
      typing_27_chars_ms: typed,
      max_frame_gap_after_typing_ms: Math.round(after.maxGap),
      longest_task_after_typing_ms: Math.round(after.longest),
    };
    console.log(`# big paste: ${JSON.stringify(report)}`);
    await writeFile(path.join(ARTIFACTS, "big-paste.json"), JSON.stringify(report, null, 2) + "\n");

    assert.ok(beat.frames > 5, "frames kept coming");
    assert.ok(beat.maxGap < 1000, `the page never froze for 1 s (longest gap between frames: ${Math.round(beat.maxGap)} ms)`);
    assert.ok(beat.longest < 1000, `no task ran for 1 s (longest: ${Math.round(beat.longest)} ms)`);
    assert.ok(after.maxGap < 1000, `typing into 1 MB never froze the page for 1 s (${Math.round(after.maxGap)} ms)`);
    assertNoProblems(problems, warnings);
  } finally {
    await page.evaluate(() => {
      if (globalThis.__beat) globalThis.__beat.stop = true;
    }).catch(() => {});
    await context.close();
  }
});
