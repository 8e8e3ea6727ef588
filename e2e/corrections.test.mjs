// Reader corrections: a quote whose speaker or party the parser inferred
// says so; the reader corrects the speaker or the party in two clicks (or by
// keyboard); the sheet, the party filter, a reload, the exports and an edited
// re-paste all follow; the parser's answer can be restored (and that undone).
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import {
  a11yViolations,
  assertNoProblems,
  downloadedBreakdown,
  fixture,
  itemTexts,
  loadSample,
  openApp,
  startApp,
  ui,
  waitForApp,
  waitForSheet,
} from "./support.mjs";

const LIBRARY_KEY = "factsheet.library";
/** Quote 3 of the seed article: its speaker was found in the sentence before. */
const INFERRED = "We understand that this is to ensure the recovery";
/** Quote 4: "Salhut added, …". */
const SALHUT = "The Americans have said that their envoy";

let app;
let sample;
before(async () => {
  app = await startApp();
  sample = await fixture("seed-us-hamas-talks.txt");
});
after(async () => {
  await app?.close();
});

/** The correction UI of `page`. */
function correctionUi(page) {
  const u = ui(page);
  const quote = (text) => u.quotes.getByRole("listitem").filter({ hasText: text });
  return {
    ...u,
    quote,
    correct: (text) => quote(text).getByRole("button", { name: "Correct the speaker or party" }),
    panel: (text) => quote(text).getByRole("group", { name: "Correct the speaker or party" }),
    /** A choice of the panel under the quote: group "Speaker" or "Party", then the name. */
    choice: (text, group, name) =>
      quote(text).getByRole("group", { name: group, exact: true }).getByRole("button", { name, exact: true }),
    notes: page.getByRole("region", { name: "Notes", exact: true }),
  };
}

/** The quotes the sheet lists while the party filter is on `name` alone. */
async function quotesUnder(page, name) {
  const u = ui(page);
  await page.getByRole("button", { name: "All parties", exact: true }).click();
  await u.party(name).click();
  await u.party(name).and(page.locator('[aria-pressed="true"]')).waitFor();
  const texts = await itemTexts(u.quotes);
  await page.getByRole("button", { name: "All parties", exact: true }).click();
  return texts;
}

async function waitForStored(page, texts) {
  await page.waitForFunction(
    ([key, wanted]) => wanted.every((t) => (localStorage.getItem(key) || "").includes(t)),
    [LIBRARY_KEY, texts],
  );
}

test("an inferred speaker says so; a party and a speaker are corrected in two clicks; the filter, a reload and the exports follow", { timeout: 120_000 }, async () => {
  const { context, page, problems, warnings } = await openApp(app, { permissions: ["clipboard-read", "clipboard-write"] });
  try {
    await loadSample(page);
    const c = correctionUi(page);
    // The speaker comes from the sentence before; her party (Al Jazeera) is stated where she is named.
    await c.quote(INFERRED).getByText("Speaker inferred from the previous sentence.", { exact: true }).waitFor();
    assert.equal(await c.quote(SALHUT).locator(".item-note").count(), 0, "named by the quote: nothing to say");
    assert.ok(!(await quotesUnder(page, "Axios")).some((t) => t.includes(INFERRED)));
    assert.ok((await quotesUnder(page, "Al Jazeera")).some((t) => t.includes(INFERRED)));

    // The party: "Correct", then the party. Two clicks.
    await c.correct(INFERRED).click();
    await c.choice(INFERRED, "Party", "Axios").click();
    await c.quote(INFERRED).getByText("Corrected by you").waitFor();
    assert.match(await c.quote(INFERRED).textContent(), /the parser had Hamdah Salhut, Al Jazeera/);
    assert.equal(await c.choice(INFERRED, "Party", "Axios").getAttribute("aria-pressed"), "true");
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Axios", "the choice keeps the focus");
    assert.deepEqual(await a11yViolations(page), [], "no accessibility violations with the panel open");
    await c.panel(INFERRED).getByRole("button", { name: "Done" }).click();
    await c.panel(INFERRED).waitFor({ state: "detached" });

    // The speaker of another quote: two clicks; the party follows the person.
    await c.correct(SALHUT).click();
    await c.choice(SALHUT, "Speaker", "Karine Jean-Pierre").click();
    await c.quote(SALHUT).getByText("Corrected by you").waitFor();
    assert.equal(await c.quote(SALHUT).locator(".speaker").textContent(), "Karine Jean-Pierre");
    assert.equal(await c.quote(SALHUT).locator(".party-tag").textContent(), "United States");

    // The filter follows.
    assert.ok((await quotesUnder(page, "Axios")).some((t) => t.includes(INFERRED)));
    assert.ok(!(await quotesUnder(page, "Al Jazeera")).some((t) => t.includes(INFERRED)));
    assert.ok((await quotesUnder(page, "United States")).some((t) => t.includes(SALHUT)));

    // Kept with the article, listed with the notes, and back after a reload.
    await waitForStored(page, ['"corrections":[{', '"speaker":"Karine Jean-Pierre"', '{"party":"Axios"}']);
    await c.notes.getByRole("heading", { name: "Corrections" }).waitFor();
    await page.reload();
    await waitForApp(page);
    await waitForSheet(page);
    await c.quote(INFERRED).getByText("Corrected by you").waitFor();
    assert.equal(await c.quote(SALHUT).locator(".speaker").textContent(), "Karine Jean-Pierre");
    assert.ok((await quotesUnder(page, "Axios")).some((t) => t.includes(INFERRED)));

    // The exports follow: JSON (quotes corrected, the parser's answers listed) and Markdown.
    const { json } = await downloadedBreakdown(page);
    const breakdown = JSON.parse(json);
    const [inferred, salhut] = [INFERRED, SALHUT].map((t) => breakdown.quotes.findIndex((q) => q.text.includes(t)));
    assert.equal(breakdown.quotes[inferred].party, "Axios");
    assert.equal(breakdown.quotes[salhut].speaker, "Karine Jean-Pierre");
    assert.deepEqual(breakdown.corrections, [
      { quote: inferred, party: "Axios", parser: { speaker: "Hamdah Salhut", party: "Al Jazeera" } },
      { quote: salhut, speaker: "Karine Jean-Pierre", parser: { speaker: "Hamdah Salhut", party: "Al Jazeera" } },
    ]);
    await c.copyMarkdown.click();
    await page.getByText("Copied the fact sheet as Markdown.").waitFor();
    const md = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(md, /\*\*Hamdah Salhut\*\* \(Axios\), \*stated\* — corrected by the reader/);
    assert.match(md, /\*\*Karine Jean-Pierre\*\*, White House Press Secretary \(United States\), \*added\* — corrected by the reader/);

    // Restore the parser's answer, then undo that.
    await c.quote(SALHUT).getByRole("button", { name: "Restore the parser’s answer" }).click();
    await page.getByText("The parser’s answer is back.").waitFor();
    await c.quote(SALHUT).getByText("Corrected by you").waitFor({ state: "detached" });
    assert.equal(await c.quote(SALHUT).locator(".speaker").textContent(), "Hamdah Salhut");
    await page.getByRole("button", { name: "Undo", exact: true }).click();
    await c.quote(SALHUT).getByText("Corrected by you").waitFor();
    assert.equal(await c.quote(SALHUT).locator(".speaker").textContent(), "Karine Jean-Pierre");
    assertNoProblems(problems, warnings);
  } finally {
    await context.close();
  }
});

test("by keyboard only: open the panel, pick a party, type a speaker, close with Escape", { timeout: 90_000 }, async () => {
  const { context, page, problems, warnings } = await openApp(app);
  try {
    await loadSample(page);
    const c = correctionUi(page);
    const focused = () => page.evaluate(() => document.activeElement?.textContent?.trim());
    await c.correct(SALHUT).focus();
    await page.keyboard.press("Enter");
    await c.panel(SALHUT).waitFor();
    assert.equal(await focused(), "Hamdah Salhut", "focus on the current speaker");

    // Tab to the party "Israel" and press Space.
    for (let i = 0; i < 30 && (await focused()) !== "Israel"; i += 1) await page.keyboard.press("Tab");
    assert.equal(await focused(), "Israel");
    await page.keyboard.press("Space");
    await c.quote(SALHUT).getByText("Corrected by you").waitFor();
    assert.equal(await focused(), "Israel", "the focus stays on the choice");
    assert.equal(await c.quote(SALHUT).locator(".party-tag").textContent(), "Israel");

    // Type a speaker the article does not name, and press Enter.
    await c.panel(SALHUT).getByRole("textbox", { name: "Another speaker" }).focus();
    await page.keyboard.type("Jane Roe");
    await page.keyboard.press("Enter");
    await c.quote(SALHUT).locator(".speaker", { hasText: "Jane Roe" }).waitFor();
    assert.equal(await c.quote(SALHUT).locator(".party-tag").textContent(), "Israel", "the party stays");

    await page.keyboard.press("Escape");
    await c.panel(SALHUT).waitFor({ state: "detached" });
    assert.equal(await page.evaluate(() => document.activeElement?.id), await c.correct(SALHUT).getAttribute("id"));
    assertNoProblems(problems, warnings);
  } finally {
    await context.close();
  }
});

test("a correction follows its quote into an edited re-paste, and is kept as detached when the quote is gone", { timeout: 90_000 }, async () => {
  const { context, page, problems, warnings } = await openApp(app);
  try {
    await loadSample(page);
    const c = correctionUi(page);
    await c.correct(SALHUT).click();
    await c.choice(SALHUT, "Party", "Hamas").click();
    await c.quote(SALHUT).getByText("Corrected by you").waitFor();
    await waitForStored(page, ['{"party":"Hamas"}']);

    // An edited version: a line on top, a sentence reworded elsewhere.
    const edited = `Updated at noon.\n\n${sample.replace("The United States is engaging in direct talks", "The United States is holding direct talks")}`;
    await c.clear.click();
    await c.article.fill(edited);
    await waitForSheet(page);
    await c.quote(SALHUT).getByText("Corrected by you").waitFor();
    assert.equal(await c.quote(SALHUT).locator(".party-tag").textContent(), "Hamas");

    // A version without the quote: the correction is kept, listed as detached.
    const without = edited
      .split("\n")
      .filter((p) => !p.includes(SALHUT))
      .join("\n");
    await c.article.fill(without);
    await waitForSheet(page);
    assert.equal(await c.quote(SALHUT).count(), 0);
    const row = c.notes.getByRole("listitem").filter({ hasText: "Party: Hamas" });
    await row.getByText("Detached").waitFor();
    await page.waitForTimeout(2_500);
    const stored = JSON.parse(await page.evaluate((key) => localStorage.getItem(key), LIBRARY_KEY));
    assert.equal(stored.schema, 3);
    assert.equal(stored.library.articles.length, 1, "an edit is the same article");
    assert.equal(stored.library.articles[0].corrections.filter((x) => !x.deleted).length, 1, "nothing dropped");
    assertNoProblems(problems, warnings);
  } finally {
    await context.close();
  }
});
