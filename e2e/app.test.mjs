// The app starts, explains itself and follows the article box: the smoke test.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { RESULT_TIMEOUT, assertNoProblems, openApp, paste, startApp, ui, waitForApp, waitForSheet } from "./support.mjs";

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

test("the page starts with a labelled article box and an empty state that explains what to do", { timeout: 60_000 }, async () => {
  const { context, page, problems, warnings } = await openApp(app);
  try {
    assert.equal(await page.title(), "Factsheet: who said what in a news article");
    await page.getByRole("heading", { level: 1, name: "Factsheet" }).waitFor();
    await page.getByRole("main").waitFor();
    await page.getByRole("heading", { level: 2, name: "Paste an article to get its fact sheet" }).waitFor();
    const onboarding = page.getByRole("region", { name: "Paste an article to get its fact sheet" });
    for (const part of ["Parties", "Quotes", "Facts, reported speech and commentary", "Figures and a timeline"]) {
      await onboarding.getByText(part, { exact: true }).waitFor();
    }
    // No sheet yet, and nothing to clear.
    assert.equal(await ui(page).quotes.count(), 0);
    assert.equal(await ui(page).clear.isDisabled(), true);
    assert.equal(await page.getByRole("button", { name: /submit|analy[sz]e/i }).count(), 0, "there is no submit step");
    assertNoProblems(problems, warnings);
  } finally {
    await context.close();
  }
});

test("the page painted before the wasm loads is the app's own empty state, and the app replaces it", { timeout: 60_000 }, async () => {
  const { context, page, problems, warnings } = await openApp(app);
  try {
    const squash = (t) => t.replace(/\s+/g, " ").trim();
    const [shell, live] = await page.evaluate(async () => {
      const html = await (await fetch("index.html")).text();
      const doc = new DOMParser().parseFromString(html, "text/html");
      const pick = (root) => [".tagline", ".hint", ".onboarding"].map((s) => root.querySelector(s)?.textContent ?? null);
      return [pick(doc.getElementById("shell")), pick(document)];
    });
    assert.deepEqual(shell.map(squash), live.map(squash));
    assert.equal(await page.locator("#shell").count(), 0, "the shell is gone once the app runs");
    assertNoProblems(problems, warnings);
  } finally {
    await context.close();
  }
});

test("the sheet follows the text as it is typed, and after a reload the article and its sheet are back", { timeout: 60_000 }, async () => {
  const { context, page, problems, warnings } = await openApp(app);
  try {
    const { article } = ui(page);
    await article.click();
    await page.keyboard.type('"We will rebuild," said Ann Lee, the mayor.', { delay: 5 });
    await waitForSheet(page);
    await ui(page).quotes.getByRole("listitem").filter({ hasText: "We will rebuild" }).waitFor({ timeout: RESULT_TIMEOUT });
    await ui(page).quotes.locator(".speaker", { hasText: "Ann Lee" }).first().waitFor();
    // One more sentence, typed: the counts follow.
    await page.keyboard.type(' "And fast," she added.', { delay: 5 });
    await ui(page).quotes.getByRole("listitem").filter({ hasText: "And fast" }).waitFor({ timeout: RESULT_TIMEOUT });
    assert.equal(await ui(page).quotes.getByRole("listitem").count(), 2);

    // The article is kept (with its notes): a reload brings it and its sheet back.
    const typed = await ui(page).article.inputValue();
    await page.reload();
    await waitForApp(page);
    await waitForSheet(page);
    assert.equal(await ui(page).article.inputValue(), typed);
    assert.equal(await ui(page).quotes.getByRole("listitem").count(), 2);

    await ui(page).clear.click();
    await page.getByRole("heading", { name: "Paste an article to get its fact sheet" }).waitFor();
    await paste(page, "The council met on Tuesday.");
    await waitForSheet(page);
    assertNoProblems(problems, warnings);
  } finally {
    await context.close();
  }
});
