// The search box narrows every section by text and marks what it found.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { assertNoProblems, itemTexts, loadSample, openApp, startApp, ui } from "./support.mjs";

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

test("searching narrows quotes, facts, figures and timeline to items with every word", { timeout: 60_000 }, async () => {
  const { context, page, problems, warnings } = await openApp(app);
  try {
    await loadSample(page);
    const u = ui(page);
    const quotesBefore = await u.quotes.getByRole("listitem").count();
    const factsBefore = await u.facts.getByRole("listitem").count();

    await u.search.fill("ceasefire");
    const facts = await itemTexts(u.facts);
    assert.ok(facts.length > 0 && facts.length < factsBefore, "some facts, not all");
    for (const f of facts) assert.match(f, /ceasefire/i);
    const quotes = await itemTexts(u.quotes);
    assert.ok(quotes.length < quotesBefore);
    for (const q of quotes) assert.match(q, /ceasefire/i);
    // Hits are marked inside the items.
    const hits = await u.facts.locator("mark").allTextContents();
    assert.ok(hits.length >= facts.length);
    for (const h of hits) assert.equal(h.toLowerCase(), "ceasefire");
    // Figures about nothing of the kind are gone; the toolbar says how much is shown.
    await u.figures.getByText("Nothing here matches the filter.").waitFor();
    await page.getByText(/^Showing \d+ of \d+ items$/).waitFor();

    // Case, accents and typographic quotes do not matter; all words must match.
    await u.search.fill("GAZA Captives");
    for (const f of await itemTexts(u.facts)) {
      assert.match(f, /gaza/i);
      assert.match(f, /captives/i);
    }
    // Speakers are searchable too.
    await u.search.fill("salhut");
    assert.ok((await u.quotes.getByRole("listitem").count()) >= 2);
    for (const q of await itemTexts(u.quotes)) assert.match(q, /Salhut/);

    // Nothing matches: every section says so, the parties list too.
    await u.search.fill("zzzxq");
    await u.quotes.getByText("Nothing here matches the filter.").waitFor();
    await u.parties.getByText("No party matches the search.").waitFor();

    // Escape clears the search.
    await u.search.press("Escape");
    assert.equal(await u.search.inputValue(), "");
    assert.equal(await u.quotes.getByRole("listitem").count(), quotesBefore);
    assert.equal(await u.facts.getByRole("listitem").count(), factsBefore);
    assertNoProblems(problems, warnings);
  } finally {
    await context.close();
  }
});

test("search and party filter combine, and “Clear all” resets both", { timeout: 60_000 }, async () => {
  const { context, page, problems, warnings } = await openApp(app);
  try {
    await loadSample(page);
    const u = ui(page);
    const factsBefore = await u.facts.getByRole("listitem").count();
    await u.party("Israel").click();
    await u.search.fill("ceasefire");
    for (const f of await itemTexts(u.facts)) {
      assert.match(f, /ceasefire/i);
      assert.match(f, /Israel/);
    }
    await page.getByRole("button", { name: "Clear all" }).click();
    assert.equal(await u.search.inputValue(), "");
    assert.equal(await u.party("Israel").getAttribute("aria-pressed"), "false");
    assert.equal(await u.facts.getByRole("listitem").count(), factsBefore);
    assertNoProblems(problems, warnings);
  } finally {
    await context.close();
  }
});
