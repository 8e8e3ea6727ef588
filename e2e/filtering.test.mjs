// The party filter: toggle buttons with aria-pressed, several at once, "All
// parties" resets, and every section narrows at once.
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

/** How many items each section lists. */
async function sizes(u) {
  const rows = async (r) => ((await r.count()) ? r.getByRole("row").count() : 0);
  return {
    quotes: await u.quotes.getByRole("listitem").count(),
    facts: await u.facts.getByRole("listitem").count(),
    commentary: await u.commentary.getByRole("listitem").count(),
    figures: Math.max(0, (await rows(u.figures)) - 1),
    timeline: await u.timeline.locator(".tl-entry").count(),
  };
}

test("each party is a toggle button named by its canonical name, with kind, mentions and spokespeople", { timeout: 60_000 }, async () => {
  const { context, page, problems, warnings } = await openApp(app);
  try {
    await loadSample(page);
    const u = ui(page);
    const us = u.party("United States");
    assert.equal(await us.getAttribute("aria-pressed"), "false");
    const name = await us.evaluate((el) => el.textContent.replace(/\s+/g, " ").trim());
    assert.match(name, /^United States\b/);
    assert.match(name, /Country/);
    assert.match(name, /\d+ mentions/);
    assert.match(name, /Karine Jean-Pierre/, "the people who speak for it");
    await u.party("Hamas").waitFor();
    await u.party("Al Jazeera").waitFor();
    assert.match(await u.party("Al Jazeera").innerText(), /Media/);
    assertNoProblems(problems, warnings);
  } finally {
    await context.close();
  }
});

test("a party narrows every section to what concerns it; several can be on; All parties resets", { timeout: 90_000 }, async () => {
  const { context, page, problems, warnings } = await openApp(app);
  try {
    await loadSample(page);
    const u = ui(page);
    const before = await sizes(u);

    // Israel: quotes by or about Israel, facts involving it.
    await u.party("Israel").click();
    assert.equal(await u.party("Israel").getAttribute("aria-pressed"), "true");
    assert.equal(await u.parties.getByRole("button", { name: "All parties" }).getAttribute("aria-pressed"), "false");
    const israel = await sizes(u);
    for (const key of Object.keys(before)) assert.ok(israel[key] <= before[key], `${key} narrowed`);
    assert.ok(israel.quotes < before.quotes && israel.facts < before.facts, "quotes and facts narrowed");
    const quotes = (await itemTexts(u.quotes)).join("\n");
    assert.match(quotes, /We call on the Israeli government/, "a quote about Israel stays");
    assert.doesNotMatch(quotes, /Karine Jean-Pierre/, "quotes neither by nor about Israel go");
    for (const fact of await itemTexts(u.facts)) {
      assert.match(fact, /Israel/, `every fact listed involves Israel: ${fact.slice(0, 80)}`);
    }
    assert.doesNotMatch((await itemTexts(u.facts)).join("\n"), /nominated Adam Boehler/);
    await u.commentary.getByText("Nothing here matches the filter.").waitFor();
    assert.match(await u.quotes.locator(".count").textContent(), /^\d+ of \d+ quotes$/);
    // The toolbar says what is filtered.
    await page.getByRole("button", { name: "Remove filter: Israel" }).waitFor();

    // Hamas as well: the union grows again.
    await u.party("Hamas").click();
    assert.equal(await u.party("Israel").getAttribute("aria-pressed"), "true");
    assert.equal(await u.party("Hamas").getAttribute("aria-pressed"), "true");
    const both = await sizes(u);
    assert.ok(both.facts > israel.facts, "facts involving Israel or Hamas");
    assert.match((await itemTexts(u.facts)).join("\n"), /nominated Adam Boehler/);

    // A party turned off again.
    await u.party("Hamas").click();
    assert.deepEqual(await sizes(u), israel);

    // All parties: back to everything.
    await u.parties.getByRole("button", { name: "All parties" }).click();
    assert.equal(await u.party("Israel").getAttribute("aria-pressed"), "false");
    assert.equal(await u.parties.getByRole("button", { name: "All parties" }).getAttribute("aria-pressed"), "true");
    assert.deepEqual(await sizes(u), before);
    assertNoProblems(problems, warnings);
  } finally {
    await context.close();
  }
});

test("the source text marks only what the filter shows", { timeout: 60_000 }, async () => {
  const { context, page, problems, warnings } = await openApp(app);
  try {
    await loadSample(page);
    const u = ui(page);
    const marked = () => u.source.locator("[data-items]").evaluateAll((els) => new Set(els.flatMap((e) => e.dataset.items.split(" "))).size);
    const all = await marked();
    await u.party("Al Jazeera").click();
    const few = await marked();
    assert.ok(few > 0 && few < all, `marks narrowed from ${all} to ${few}`);
    assertNoProblems(problems, warnings);
  } finally {
    await context.close();
  }
});
