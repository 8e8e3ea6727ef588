// The article box: the sample article, Clear, and the sheet with no submit step.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { assertNoProblems, downloadedBreakdown, fixture, loadSample, openApp, startApp, ui, waitForSheet } from "./support.mjs";

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

test("“Try the sample article” loads the seed article and its whole sheet", { timeout: 60_000 }, async () => {
  const seed = await fixture("seed-us-hamas-talks.txt");
  const { context, page, problems, warnings } = await openApp(app);
  try {
    await loadSample(page);
    const u = ui(page);
    assert.equal(await u.article.inputValue(), seed, "the box holds the bundled seed article, unchanged");

    // Header: headline, readable timestamp, abstract, counts.
    const head = page.getByRole("region", { name: "US confirms direct talks with Hamas over Gaza captives" });
    await head.getByRole("heading", { level: 2, name: "US confirms direct talks with Hamas over Gaza captives" }).waitFor();
    assert.equal(await head.locator("time").getAttribute("datetime"), "2025-03-06T03:24:00");
    assert.equal(await head.locator("time").innerText(), "Thursday 6 March 2025, 03:24");
    await head.getByText("The U.S. is in direct talks with Hamas regarding captives in Gaza").waitFor();
    // The counts are the breakdown's.
    const { stats } = JSON.parse((await downloadedBreakdown(page)).json);
    const counts = await head.getByRole("definition").allInnerTexts();
    const labels = await head.getByRole("term").allInnerTexts();
    assert.deepEqual(labels, ["Paragraphs", "Sentences", "Quotes", "Facts", "Parties", "Words"]);
    assert.deepEqual(counts, [stats.paragraphs, stats.sentences, stats.quotes, stats.facts, stats.parties, stats.words].map(String));
    assert.ok(stats.words > 700 && stats.quotes >= 5 && stats.parties >= 5, "the seed article is a real article");

    // Every section is there, and every quote is listed.
    for (const region of [u.parties, u.quotes, u.terms, u.facts, u.commentary, u.figures, u.timeline, u.source]) {
      await region.waitFor();
    }
    assert.equal(await u.quotes.getByRole("listitem").count(), stats.quotes);
    assertNoProblems(problems, warnings);
  } finally {
    await context.close();
  }
});

test("Clear empties the box, the sheet and the filters, and puts the cursor back in the box", { timeout: 60_000 }, async () => {
  const { context, page, problems, warnings } = await openApp(app);
  try {
    await loadSample(page);
    const u = ui(page);
    await u.party("Israel").click();
    await u.search.fill("ceasefire");
    await u.clear.click();
    assert.equal(await u.article.inputValue(), "");
    await page.getByRole("heading", { name: "Paste an article to get its fact sheet" }).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), "article");
    // A new article starts unfiltered.
    await loadSample(page);
    assert.equal(await u.search.inputValue(), "");
    assert.equal(await u.party("Israel").getAttribute("aria-pressed"), "false");
    assert.match(await u.quotes.locator(".count").textContent(), /^\d+ quotes$/, "the count is not “N of M”");
    assert.equal(await u.parties.getByRole("button", { pressed: true }).count(), 1, "only “All parties” is on");
    assertNoProblems(problems, warnings);
  } finally {
    await context.close();
  }
});

test("text with no quotes or parties says so clearly", { timeout: 60_000 }, async () => {
  const { context, page, problems, warnings } = await openApp(app);
  try {
    const u = ui(page);
    await u.article.fill("The weather was mild today. It rained a little in the afternoon and then it stopped.");
    await waitForSheet(page);
    await page.getByText("No quotes or parties found", { exact: true }).waitFor();
    await u.quotes.getByText(/^No quotes found\./).waitFor();
    await u.parties.getByText(/^No parties found/).waitFor();
    assert.equal(await u.quotes.getByRole("listitem").count(), 0);
    assertNoProblems(problems, warnings);
  } finally {
    await context.close();
  }
});
