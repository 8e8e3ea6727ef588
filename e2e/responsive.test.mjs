// From 360 px phones to wide desktops: nothing overflows sideways, the sheet
// sits beside the source text on wide screens and below the article box on
// phones. Also takes the README screenshots (UPDATE_SCREENSHOT=1 copies them
// to docs/): the seed article at 1280 px and 390 px, and dark mode.
import assert from "node:assert/strict";
import { copyFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { after, before, test } from "node:test";
import { ARTIFACTS, ROOT, assertNoProblems, loadSample, openApp, startApp, ui } from "./support.mjs";

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

async function noSidewaysOverflow(page, width) {
  const wide = await page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    return [...document.querySelectorAll("body *")]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && (r.right > vw + 0.5 || r.left < -0.5) && !el.closest(".visually-hidden, .skip-link");
      })
      .slice(0, 5)
      .map((el) => `${el.tagName}.${el.className} ${Math.round(el.getBoundingClientRect().right)}`);
  });
  assert.deepEqual(wide, [], `nothing sticks out at ${width} px`);
  assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= width, `no horizontal scroll at ${width} px`);
}

for (const width of [360, 390, 768, 1024, 1280, 1920]) {
  test(`at ${width} px nothing overflows sideways`, { timeout: 60_000 }, async () => {
    const { context, page, problems, warnings } = await openApp(app, { viewport: { width, height: 900 } });
    try {
      await noSidewaysOverflow(page, width);
      await loadSample(page);
      await ui(page).quotes.getByRole("button", { name: "By speaker" }).click();
      await noSidewaysOverflow(page, width);
      await ui(page).party("Israel").click();
      await noSidewaysOverflow(page, width);
      assertNoProblems(problems, warnings);
    } finally {
      await context.close();
    }
  });
}

test("the sheet is beside the source text on wide screens, below the article box on phones", { timeout: 60_000 }, async () => {
  for (const [width, wide] of [[1280, true], [390, false]]) {
    const { context, page } = await openApp(app, { viewport: { width, height: 900 } });
    try {
      await loadSample(page);
      const u = ui(page);
      const input = await u.article.boundingBox();
      const sheet = await page.locator("#sheet").boundingBox();
      const source = await u.source.boundingBox();
      if (wide) {
        assert.ok(sheet.x > input.x + input.width && sheet.x > source.x + source.width, "sheet to the right");
        assert.ok(source.y > input.y && source.y < 900, "source text under the box, on the first screen");
      } else {
        assert.ok(Math.abs(sheet.x - input.x) < 40 && sheet.y > input.y, "sheet below the box");
        assert.ok(source.y > sheet.y, "source text last");
      }
    } finally {
      await context.close();
    }
  }
});

test("screenshots of the seed article at 1280 px and 390 px (light and dark), and with notes", { timeout: 120_000 }, async () => {
  const shots = [
    { file: "screenshot.png", viewport: { width: 1280, height: 900 }, colorScheme: "light" },
    { file: "screenshot-390.png", viewport: { width: 390, height: 844 }, colorScheme: "light", deviceScaleFactor: 2 },
    { file: "screenshot-dark.png", viewport: { width: 1280, height: 900 }, colorScheme: "dark" },
    { file: "screenshot-notes.png", viewport: { width: 1280, height: 900 }, colorScheme: "light", notes: true },
  ];
  for (const shot of shots) {
    const { context, page, problems, warnings } = await openApp(app, {
      viewport: shot.viewport,
      colorScheme: shot.colorScheme,
      deviceScaleFactor: shot.deviceScaleFactor ?? 1,
      reducedMotion: "reduce",
      // So the screenshot can hide the transient "Ready to work offline" notice.
      bypassCSP: true,
    });
    try {
      await loadSample(page);
      if (shot.notes) {
        // A note with tags on the first quote, the editor open on the second, the library open.
        const quotes = ui(page).quotes.getByRole("listitem");
        await quotes.nth(0).getByRole("button", { name: "Add note" }).click();
        await page.getByRole("textbox", { name: "Note", exact: true }).fill("Compare with the full briefing transcript: was this the only answer on the talks?");
        await page.getByRole("textbox", { name: "Tags", exact: true }).fill("to check, White House");
        await page.getByRole("button", { name: "Done", exact: true }).click();
        await quotes.nth(3).getByRole("button", { name: "Add note" }).click();
        await page.getByRole("textbox", { name: "Note", exact: true }).fill("Envoy authorised to talk to anyone: source?");
        await page.locator(".library-summary").click();
        await ui(page).quotes.evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + scrollY - 72));
      } else if (shot.viewport.width >= 1024) {
        // The reader's view: a quote picked in the text, shown in both places.
        await ui(page).quotes.getByRole("listitem").first().getByRole("button", { name: "Show in text" }).click();
        await page.locator(".focus-card").getByRole("button", { name: "Show in fact sheet" }).waitFor();
        // Back to the top of the page, the quote centred in the visible part of the text.
        await page.evaluate(() => {
          window.scrollTo(0, 0);
          const box = document.querySelector(".source-text");
          const mark = box.querySelector(".is-focused");
          const r = box.getBoundingClientRect();
          const m = mark.getBoundingClientRect();
          box.scrollTop += m.top - r.top - (Math.min(r.bottom, innerHeight) - r.top - m.height) / 2;
        });
      } else {
        // On a phone: the sheet's head right under the article box.
        await page.locator(".sheet-head").evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + scrollY - 12));
      }
      if (!shot.notes) await page.evaluate(() => document.activeElement?.blur());
      await page.mouse.move(1, 1);
      await page.addStyleTag({ content: ".pwa-notices { display: none !important; }" });
      await page.waitForTimeout(200);
      const out = path.join(ARTIFACTS, shot.file);
      await page.screenshot({ path: out });
      if (process.env.UPDATE_SCREENSHOT === "1") {
        await mkdir(path.join(ROOT, "docs"), { recursive: true });
        await copyFile(out, path.join(ROOT, "docs", shot.file));
      }
      assertNoProblems(problems, warnings);
    } finally {
      await context.close();
    }
  }
});
