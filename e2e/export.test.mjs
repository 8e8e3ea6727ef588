// Export: the fact sheet as Markdown on the clipboard, the breakdown as a
// JSON download in the CLI's schema.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { assertNoProblems, cliJson, downloadedBreakdown, fixture, loadSample, openApp, startApp, ui } from "./support.mjs";

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

function inOrder(text, parts) {
  let at = 0;
  for (const part of parts) {
    const i = text.indexOf(part, at);
    assert.ok(i >= 0, `“${part}” after position ${at} in:\n${text}`);
    at = i + part.length;
  }
}

test("“Copy Markdown” puts a well-structured fact sheet on the clipboard", { timeout: 60_000 }, async () => {
  const { context, page, problems, warnings } = await openApp(app, { permissions: ["clipboard-read", "clipboard-write"] });
  try {
    await loadSample(page);
    const u = ui(page);
    await u.copyMarkdown.click();
    await page.getByRole("status").filter({ hasText: "Copied the fact sheet as Markdown." }).waitFor();
    const md = await page.evaluate(() => navigator.clipboard.readText());
    inOrder(md, [
      "# US confirms direct talks with Hamas over Gaza captives\n",
      "*Published Thursday 6 March 2025, 03:24*",
      "> The U.S. is in direct talks with Hamas",
      " words · ",
      "## Parties",
      "- **United States**: country, ",
      "## Quotes",
      "1. “These are ongoing talks and discussions",
      "— **Karine Jean-Pierre**, White House Press Secretary (United States), *adding*",
      "Partial quote: “political tool,”",
      "## Quoted terms",
      "- “terrorist organization”",
      "## Facts",
      "*Reported:* According to Israeli officials",
      "(source: Israeli officials;",
      "## Commentary",
      "*The writer’s own analysis, not fact.*",
      "## Figures",
      "| Value | Qualifier | What it counts | Source |",
      "| approximately 24 | approximately | living captives | Israeli officials |",
      "## Timeline",
      "- **Sun 2 Mar 2025**:",
    ]);
    assert.doesNotMatch(md, /Filtered/);

    // With a filter on, the Markdown is the filtered sheet and says so.
    await u.party("Israel").click();
    await u.copyMarkdown.click();
    await page.getByRole("status").filter({ hasText: "Copied the filtered fact sheet as Markdown." }).waitFor();
    const filtered = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(filtered, /\*Filtered: parties Israel\.\*/);
    assert.doesNotMatch(filtered, /\*\*Karine Jean-Pierre\*\*/, "her quotes are not about Israel");
    assertNoProblems(problems, warnings);
  } finally {
    await context.close();
  }
});

test("when the browser refuses the clipboard, the Markdown is shown to copy by hand", { timeout: 60_000 }, async () => {
  const { context, page, problems, warnings } = await openApp(app);
  try {
    await page.evaluate(() => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException("denied", "NotAllowedError"));
    });
    await loadSample(page);
    await ui(page).copyMarkdown.click();
    await page.getByRole("status").filter({ hasText: "did not allow copying" }).waitFor();
    const box = page.getByRole("textbox", { name: "The fact sheet as Markdown" });
    assert.match(await box.inputValue(), /^# US confirms direct talks/);
    assertNoProblems(problems, warnings);
  } finally {
    await context.close();
  }
});

test("“Download JSON” saves exactly what the CLI prints for the same text", { timeout: 120_000 }, async () => {
  const seed = await fixture("seed-us-hamas-talks.txt");
  const { context, page, problems, warnings } = await openApp(app);
  try {
    await loadSample(page);
    const { name, json } = await downloadedBreakdown(page);
    assert.equal(name, "us-confirms-direct-talks-with-hamas-over-gaza-captives.json");
    await page.getByRole("status").filter({ hasText: `Downloaded ${name}.` }).waitFor();
    const breakdown = JSON.parse(json);
    assert.equal(breakdown.version, 2);
    assert.equal(breakdown.meta.headline.text, "US confirms direct talks with Hamas over Gaza captives");
    assert.equal(json, await cliJson(seed), "byte for byte the CLI's `factsheet --json`");
    // The quotes listed are the JSON's.
    const listed = await ui(page).quotes.getByRole("listitem").count();
    assert.equal(listed, breakdown.quotes.filter((q) => q.kind !== "term").length);
    assertNoProblems(problems, warnings);
  } finally {
    await context.close();
  }
});
