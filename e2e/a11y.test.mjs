// axe-core finds no accessibility violations, in every state, both colour
// schemes, phone and desktop; the page has landmarks and a heading outline.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { a11yViolations, assertNoProblems, loadSample, openApp, startApp, ui } from "./support.mjs";

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

for (const colorScheme of ["light", "dark"]) {
  for (const width of [390, 1280]) {
    test(`no axe violations, ${colorScheme} scheme, ${width} px: empty, sheet, filtered, grouped, highlighted`, { timeout: 90_000 }, async () => {
      const { context, page, problems, warnings } = await openApp(app, {
        viewport: { width, height: width < 500 ? 844 : 900 },
        colorScheme,
        reducedMotion: "reduce",
      });
      try {
        const check = async (state) => assert.deepEqual(await a11yViolations(page), [], `no violations (${state})`);
        await check("empty");
        await loadSample(page);
        await check("seed article");
        const u = ui(page);
        await u.party("Israel").click();
        await u.search.fill("gaza");
        await check("filtered");
        await u.search.fill("zzzz");
        await check("nothing matches");
        await page.getByRole("button", { name: "Clear all" }).click();
        await u.quotes.getByRole("button", { name: "By speaker" }).click();
        await u.quotes.getByRole("button", { name: "Show in text" }).first().click();
        await page.locator(".focus-card").getByRole("button", { name: "Show in fact sheet" }).waitFor();
        await check("grouped, highlighted");
        assertNoProblems(problems, warnings);
      } finally {
        await context.close();
      }
    });
  }
}

test("landmarks, one h1 and a heading per section", { timeout: 60_000 }, async () => {
  const { context, page, problems, warnings } = await openApp(app);
  try {
    await loadSample(page);
    await page.getByRole("banner").waitFor();
    await page.getByRole("main").waitFor();
    await page.getByRole("contentinfo").waitFor();
    await page.getByRole("search").waitFor();
    assert.equal(await page.getByRole("heading", { level: 1 }).count(), 1);
    const h2 = (await page.getByRole("heading", { level: 2 }).allTextContents()).map((t) => t.trim());
    for (const name of ["Parties", "Quotes", "Quoted terms", "Facts", "Commentary", "Figures", "Timeline", "Source text"]) {
      assert.ok(h2.includes(name), `an h2 “${name}” (got ${h2.join(" | ")})`);
    }
    assertNoProblems(problems, warnings);
  } finally {
    await context.close();
  }
});
