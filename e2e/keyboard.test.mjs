// Everything is reachable and operable by keyboard, with a visible focus ring.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { assertNoProblems, openApp, startApp, ui, waitForSheet } from "./support.mjs";

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

/** What has keyboard focus: tag, id, accessible-ish name, and whether its focus ring shows. */
function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    const ring = (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== "none";
    return {
      tag: el.tagName.toLowerCase(),
      id: el.id,
      name: (el.getAttribute("aria-label") || el.textContent || "").replace(/\s+/g, " ").trim(),
      pressed: el.getAttribute("aria-pressed"),
      ring,
    };
  });
}

/** Presses Tab until `match(focused)` holds (at most `max` times). */
async function tabTo(page, match, what, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const f = await focused(page);
    if (match(f)) return f;
  }
  assert.fail(`Tab never reached ${what}`);
}

test("a keyboard user can load the sample, filter, search, locate and export", { timeout: 90_000 }, async () => {
  const { context, page, problems, warnings } = await openApp(app, { reducedMotion: "reduce" });
  try {
    // First stop: the skip link, shown when focused.
    await page.keyboard.press("Tab");
    let f = await focused(page);
    assert.equal(f.name, "Skip to the fact sheet");
    assert.ok(f.ring, "visible focus on the skip link");
    assert.ok(await page.getByRole("link", { name: "Skip to the fact sheet" }).isVisible());

    // The article box, then the sample button.
    f = await tabTo(page, (x) => x.id === "article", "the article box");
    f = await tabTo(page, (x) => x.name === "Try the sample article", "the sample button");
    assert.ok(f.ring, "visible focus on the sample button");
    await page.keyboard.press("Enter");
    await waitForSheet(page);

    // A party toggle: Space turns it on and focus stays on it.
    f = await tabTo(page, (x) => x.tag === "button" && x.name.startsWith("Israel"), "the Israel toggle");
    assert.ok(f.ring, "visible focus on a party toggle");
    assert.equal(f.pressed, "false");
    await page.keyboard.press("Space");
    f = await focused(page);
    assert.ok(f.name.startsWith("Israel"), "focus stays on the toggle");
    assert.equal(f.pressed, "true");
    await page.keyboard.press("Enter");
    assert.equal((await focused(page)).pressed, "false");

    // Quote order, by keyboard (the Voice balance has a "By speaker" of its own before it).
    f = await tabTo(page, (x) => x.name === "Article order", "the Article order button");
    f = await tabTo(page, (x) => x.name === "By speaker", "the quotes' By speaker button", 1);
    await page.keyboard.press("Enter");
    assert.equal((await focused(page)).pressed, "true");
    await ui(page).quotes.getByRole("heading", { level: 3, name: /Karine Jean-Pierre/ }).waitFor();

    // "Show in text" on the first quote highlights it in the text.
    f = await tabTo(page, (x) => x.name === "Show in text", "a Show in text button");
    assert.ok(f.ring, "visible focus on Show in text");
    await page.keyboard.press("Enter");
    await ui(page).source.locator(".is-focused").first().waitFor();

    // "/" jumps to the search box; typing filters; Escape clears.
    await page.keyboard.press("/");
    f = await focused(page);
    assert.equal(f.id, "search");
    await page.keyboard.type("salhut");
    // Grouped by speaker: one group left, Hamdah Salhut's.
    await ui(page).quotes.getByRole("listitem").first().waitFor();
    const groups = await ui(page).quotes.getByRole("heading", { level: 3 }).allTextContents();
    assert.equal(groups.length, 1);
    assert.match(groups[0], /^Hamdah Salhut/);
    await page.keyboard.press("Escape");
    assert.equal(await ui(page).search.inputValue(), "");

    // The skip link moves focus to the sheet.
    await page.getByRole("link", { name: "Skip to the fact sheet" }).focus();
    await page.keyboard.press("Enter");
    assert.equal((await focused(page)).id, "sheet");
    assertNoProblems(problems, warnings);
  } finally {
    await context.close();
  }
});

test("every control of the sheet can take focus and shows a focus ring", { timeout: 60_000 }, async () => {
  const { context, page, problems, warnings } = await openApp(app);
  try {
    await ui(page).sample.click();
    await waitForSheet(page);
    await page.keyboard.press("Tab"); // keyboard modality, so :focus-visible applies
    const report = await page.evaluate(() => {
      const out = [];
      // Disclosures open (the library), so their controls are checked too.
      for (const d of document.querySelectorAll("details")) d.open = true;
      for (const el of document.querySelectorAll("button, input, textarea, summary, a[href], [tabindex='0']")) {
        if (el.disabled || el.closest("[hidden]") || el.offsetParent === null) continue;
        el.focus();
        const s = getComputedStyle(el);
        const ring = (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== "none";
        if (document.activeElement !== el || !ring) out.push(`${el.tagName} ${el.className} "${el.textContent.trim().slice(0, 30)}"`);
      }
      return out;
    });
    assert.deepEqual(report, [], "every control takes focus with a visible ring");
    assertNoProblems(problems, warnings);
  } finally {
    await context.close();
  }
});
