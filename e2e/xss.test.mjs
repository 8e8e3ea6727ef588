// Pasted HTML or script is shown as text, never run.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { assertNoProblems, openApp, paste, startApp, ui, waitForSheet } from "./support.mjs";

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

const HOSTILE = [
  "<h1 id=injected-h1>Mayor <script>window.__xss = 'headline'</script> resigns</h1>",
  "",
  "2025-03-06 10:00:00",
  "",
  "<img src=x id=injected-img onerror=\"window.__xss = 'img'\"> The mayor of Springfield spoke on Monday.",
  "",
  "\"<b id=injected-b>Bold</b> <svg onload=\"window.__xss='svg'\"></svg> is not enough,\" Mayor Jane Doe said. " +
    "Officials called it a \"<a href=javascript:window.__xss='a'>link</a>\".",
  "",
  "<iframe src=\"javascript:parent.__xss='iframe'\"></iframe> According to the council, 3 <i>people</i> attended.",
].join("\n");

test("pasted HTML and script are shown as text and never run", { timeout: 60_000 }, async () => {
  const { context, page, problems, warnings } = await openApp(app);
  const dialogs = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    d.dismiss();
  });
  try {
    await paste(page, HOSTILE);
    await waitForSheet(page);
    const u = ui(page);
    // Shown literally: the headline, the quote, the source text.
    await page.getByRole("heading", { level: 2, name: /<h1 id=injected-h1>Mayor <script>/ }).waitFor();
    await u.quotes.getByRole("listitem").filter({ hasText: "<b id=injected-b>Bold</b>" }).waitFor();
    await u.source.getByText("<img src=x id=injected-img", { exact: false }).first().waitFor();
    await u.source.getByText("<iframe src=", { exact: false }).first().waitFor();

    // Searching for markup finds it as text.
    await u.search.fill("<svg");
    await u.quotes.locator("mark", { hasText: "<svg" }).first().waitFor();

    // Nothing was created or run.
    await page.waitForTimeout(300);
    for (const sel of ["#injected-h1", "#injected-img", "#injected-b", "iframe", "svg[onload]", "a[href^=javascript]", "b", "i"]) {
      assert.equal(await page.locator(sel).count(), 0, `no ${sel} element`);
    }
    assert.equal(await page.evaluate(() => window.__xss), undefined, "no script ran");
    const scripts = await page.locator("script").evaluateAll((els) => els.map((e) => ({ src: e.getAttribute("src"), text: e.textContent })));
    for (const s of scripts) {
      assert.ok(s.src && !s.text.includes("__xss"), `only the app's own script files: ${JSON.stringify(s)}`);
    }
    assert.deepEqual(dialogs, []);
    assertNoProblems(problems, warnings);
  } finally {
    await context.close();
  }
});
