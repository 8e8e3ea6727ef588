// The source text and the sheet point at each other: "Show in text" scrolls
// to and highlights an item's span; clicking or selecting in the text shows
// the item in the sheet.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { assertNoProblems, loadSample, openApp, startApp, ui } from "./support.mjs";

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

/** Whether `locator`'s box lies inside the visible part of the source text. */
async function visibleInSource(page, locator) {
  const box = await locator.boundingBox();
  const view = await page.locator(".source-text").boundingBox();
  const vh = page.viewportSize().height;
  return box && view && box.y >= Math.max(view.y, 0) - 1 && box.y + box.height <= Math.min(view.y + view.height, vh) + 1;
}

async function waitUntil(check, what, timeout = 5_000) {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.fail(`timed out waiting until ${what}`);
}

test("“Show in text” scrolls the source text to the item and highlights its span", { timeout: 60_000 }, async () => {
  const { context, page, problems, warnings } = await openApp(app, { reducedMotion: "reduce" });
  try {
    await loadSample(page);
    const u = ui(page);
    // A quote near the end of the article, far below the first screen of text.
    const item = u.quotes.getByRole("listitem").filter({ hasText: "Stopping goods and supplies" });
    const id = await item.getAttribute("id");
    assert.match(id, /^quote-\d+$/);
    const marks = u.source.locator(`[data-items~="${id}"]`);
    assert.equal(await marks.first().evaluate((el) => el.classList.contains("is-focused")), false);

    await item.getByRole("button", { name: "Show in text" }).click();
    await waitUntil(() => marks.first().evaluate((el) => el.classList.contains("is-focused")), "the span is highlighted");
    const text = (await marks.allInnerTexts()).join("");
    assert.match(text, /^“?"?Stopping goods and supplies entering Gaza/);
    await waitUntil(() => visibleInSource(page, marks.first()), "the span is scrolled into view");
    // The item is highlighted in the sheet too, and the card above the text names it.
    assert.equal(await item.evaluate((el) => el.classList.contains("is-focused")), true);
    const card = page.locator(".focus-card");
    await card.getByText("Quote", { exact: true }).waitFor();
    await card.getByText("France, the United Kingdom, and Germany").waitFor();
    // Only this item is highlighted.
    const focused = await u.source.locator(".is-focused").evaluateAll((els) => [...new Set(els.map((e) => e.dataset.items))]);
    assert.ok(focused.every((ids) => ids.split(" ").includes(id)), `only ${id} is highlighted: ${focused}`);

    // A fact, a figure and a date work the same way; so does a click on the item itself.
    const fact = u.facts.getByRole("listitem").filter({ hasText: "Israel made no mention" });
    await fact.locator(".fact-text").click();
    const factId = await fact.getAttribute("id");
    await waitUntil(() => u.source.locator(`[data-items~="${factId}"].is-focused`).count(), "the fact is highlighted");
    await u.figures.getByRole("button", { name: "Show approximately 24 in text" }).click();
    await u.source.locator(".src-spot.is-focused", { hasText: "approximately 24" }).waitFor();
    const sunday = u.timeline.locator(".tl-entry").filter({ hasText: "on Sunday" });
    await sunday.getByRole("button", { name: "Show in text" }).click();
    await u.source.locator(".src-spot.is-focused", { hasText: "Sunday" }).waitFor();

    // The card's × clears the highlight.
    await card.getByRole("button", { name: "Clear the highlight" }).click();
    assert.equal(await u.source.locator(".is-focused").count(), 0);
    assertNoProblems(problems, warnings);
  } finally {
    await context.close();
  }
});

test("clicking a marked passage shows its item; “Show in fact sheet” takes you there", { timeout: 60_000 }, async () => {
  const { context, page, problems, warnings } = await openApp(app, { reducedMotion: "reduce" });
  try {
    await loadSample(page);
    const u = ui(page);
    const passage = u.source.locator(".src-quote", { hasText: "We understand that this is to ensure" }).first();
    const id = (await passage.getAttribute("data-items")).split(" ").find((x) => x.startsWith("quote-"));
    await passage.click();
    const card = page.locator(".focus-card");
    await card.getByText("Hamdah Salhut").waitFor();
    await card.getByText(/^We understand that this is to ensure/).waitFor();
    const item = page.locator(`#${id}`);
    assert.equal(await item.evaluate((el) => el.classList.contains("is-focused")), true);
    assert.match(await item.textContent(), /We understand that this is to ensure/);

    await card.getByRole("button", { name: "Show in fact sheet" }).click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), id, "keyboard focus moves to the item");
    const box = await item.boundingBox();
    assert.ok(box.y >= 0 && box.y < page.viewportSize().height, "the item is on screen");
    assertNoProblems(problems, warnings);
  } finally {
    await context.close();
  }
});

test("selecting text in the source shows the item the selection is in", { timeout: 60_000 }, async () => {
  const { context, page, problems, warnings } = await openApp(app, { reducedMotion: "reduce" });
  try {
    await loadSample(page);
    const u = ui(page);
    // Drag across the first words of a reported statement, as a reader would.
    const passage = u.source.locator(".src-reported", { hasText: "According to Israeli officials" }).first();
    await passage.scrollIntoViewIfNeeded();
    const box = await passage.boundingBox();
    await page.mouse.move(box.x + 3, box.y + 8);
    await page.mouse.down();
    await page.mouse.move(box.x + 90, box.y + 10, { steps: 5 });
    await page.mouse.up();
    const selected = await page.evaluate(() => String(getSelection()));
    assert.ok(selected.length > 3, `some text is selected ("${selected}")`);
    const card = page.locator(".focus-card");
    await card.getByText("Reported", { exact: true }).waitFor();
    await card.getByText("Israeli officials", { exact: true }).waitFor();
    const id = (await passage.getAttribute("data-items")).split(" ").find((x) => x.startsWith("fact-"));
    assert.equal(await page.locator(`#${id}`).evaluate((el) => el.classList.contains("is-focused")), true);
    // On a wide screen the sheet brings the item into view.
    await waitUntil(async () => {
      const b = await page.locator(`#${id}`).boundingBox();
      return b && b.y >= 0 && b.y + b.height <= page.viewportSize().height;
    }, "the fact is on screen");

    // Selecting inside a partial quote picks the quote (the innermost item), not its sentence.
    const partial = u.source.locator(".src-quote", { hasText: "catastrophic" }).first();
    await partial.evaluate((el) => {
      const range = document.createRange();
      range.setStart(el.firstChild, 2);
      range.setEnd(el.firstChild, 8);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      el.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
    });
    await card.getByText("Partial quote", { exact: true }).waitFor();
    assertNoProblems(problems, warnings);
  } finally {
    await context.close();
  }
});
