// End-to-end tests of the browser app (release build in dist/), run by
// scripts/test.sh as `node --test e2e/`.
import assert from "node:assert/strict";
import { copyFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { after, before, test } from "node:test";
import { ARTIFACTS, ROOT, fixture, newPage, seriousA11yViolations, startApp, waitForApp } from "./support.mjs";

/** How long to wait for the parser's results to show up after a paste. */
const RESULT_TIMEOUT = 10_000;

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

/** The landmarks the tests use, found by role and exact accessible name. */
function landmarks(page) {
  const article = page.getByRole("textbox", { name: "Article text", exact: true });
  const quotes = page.getByRole("region", { name: "Quotes", exact: true });
  return { article, quotes, items: quotes.getByRole("listitem") };
}

/** The "N quotes" count shown in the Quotes region. */
async function shownCount(quotes) {
  const label = (await quotes.locator(".count").textContent()).trim();
  const match = /^(\d[\d,]*) quotes?$/.exec(label);
  assert.ok(match, `count label "${label}" should read "N quotes"`);
  return Number(match[1].replaceAll(",", ""));
}

function assertNoProblems(problems, warnings) {
  for (const w of warnings) console.log(`# ${w}`);
  assert.deepEqual(problems, [], "no console errors, page errors or failed requests");
}

test("the page starts with a labelled article box and an empty Quotes region", { timeout: 60_000 }, async () => {
  const { context, page, problems, warnings } = await newPage(app.browser);
  try {
    await page.goto(app.url);
    await waitForApp(page);
    const { article, quotes } = landmarks(page);

    assert.equal(await page.title(), "Factsheet: who said what in a news article");
    await page.getByRole("heading", { level: 1, name: "Factsheet" }).waitFor();
    await quotes.getByRole("heading", { level: 2, name: "Quotes", exact: true }).waitFor();
    assert.equal(await shownCount(quotes), 0);
    await quotes.getByText("No article yet").waitFor();
    assert.deepEqual(await seriousA11yViolations(page), [], "no serious accessibility problems (empty page)");

    // Typing updates the sheet at once: no submit button.
    assert.equal(await page.getByRole("button").count(), 0, "there is no submit button");
    await article.fill("The council met on Tuesday. Nothing was decided.");
    await quotes.getByText("No quotes found").waitFor({ timeout: RESULT_TIMEOUT });
    assert.equal(await shownCount(quotes), 0);

    // After a reload the app starts again, clean.
    await page.reload();
    await waitForApp(page);
    await landmarks(page).quotes.getByText("No article yet").waitFor();
    assert.equal(await landmarks(page).article.inputValue(), "");
    await landmarks(page).article.fill("Another line.");
    await landmarks(page).quotes.getByText("No quotes found").waitFor({ timeout: RESULT_TIMEOUT });

    assertNoProblems(problems, warnings);
  } finally {
    await context.close();
  }
});

test("pasting the seed article lists its quotes with their speakers", { timeout: 90_000 }, async () => {
  const seed = await fixture("seed-us-hamas-talks.txt");
  const { context, page, problems, warnings } = await newPage(app.browser);
  try {
    await page.goto(app.url);
    await waitForApp(page);
    const { article, quotes, items } = landmarks(page);

    await article.fill(seed);
    const byKarine = items.filter({ has: page.locator(".speaker", { hasText: "Karine Jean-Pierre" }) });
    try {
      await byKarine.first().waitFor({ timeout: RESULT_TIMEOUT });
    } finally {
      // The screenshot is taken whatever happened, to show the state reached.
      // Show the article from its headline, without the focus ring.
      await article.evaluate((el) => {
        el.scrollTop = 0;
        el.setSelectionRange(0, 0);
        el.blur();
      });
      const shot = path.join(ARTIFACTS, "seed-article.png");
      await page.screenshot({ path: shot });
      if (process.env.UPDATE_SCREENSHOT === "1") {
        await mkdir(path.join(ROOT, "docs"), { recursive: true });
        await copyFile(shot, path.join(ROOT, "docs", "screenshot.png"));
      }
    }

    // The count matches the list, and every quote names a speaker or says "Unattributed".
    const listed = await items.count();
    assert.ok(listed >= 4, `the seed article has at least 4 quotes (listed ${listed})`);
    assert.equal(await shownCount(quotes), listed);
    assert.equal(await quotes.locator(".speaker").count(), listed);
    assert.ok((await byKarine.count()) >= 2, "Karine Jean-Pierre speaks twice in the seed article");
    assert.deepEqual(await seriousA11yViolations(page), [], "no serious accessibility problems (quotes listed)");

    // Reload: the page comes back empty and works again.
    await page.reload();
    await waitForApp(page);
    await landmarks(page).quotes.getByText("No article yet").waitFor();
    await landmarks(page).article.fill(seed);
    await landmarks(page).items.filter({ hasText: "Karine Jean-Pierre" }).first().waitFor({ timeout: RESULT_TIMEOUT });

    assertNoProblems(problems, warnings);
  } finally {
    await context.close();
  }
});

test("quote text is shown as text, never as HTML", { timeout: 60_000 }, async () => {
  const { context, page, problems, warnings } = await newPage(app.browser);
  try {
    await page.goto(app.url);
    await waitForApp(page);
    const { article, items } = landmarks(page);

    // No double quote marks inside: they would end the quotation early.
    const markup = "<img src=x id=injected> is <b>bold</b> & more";
    await article.fill(`The mayor spoke on Monday.\n\n"${markup} than anyone expected," Mayor Jane Doe said.`);
    await items.filter({ hasText: "<b>bold</b>" }).first().waitFor({ timeout: RESULT_TIMEOUT });
    assert.equal(await page.locator("#injected").count(), 0, "no element was created from the quote");
    assert.equal(await page.locator(".quote-text b").count(), 0);

    assertNoProblems(problems, warnings);
  } finally {
    await context.close();
  }
});
