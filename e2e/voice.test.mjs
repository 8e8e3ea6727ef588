// Voice balance: who gets to speak, in the article (by party and by
// speaker, pressing a party filters the sheet) and across the library
// (sortable, searchable, each article's balance), by keyboard, axe clean,
// on phones and in dark mode; and in the Markdown and JSON exports.
//
// The numbers below are counted by hand from the texts: the seed article
// quotes France, the United Kingdom and Germany jointly (2 + 1 + 28 + 32 + 1
// = 64 words in 5 quotes), Al Jazeera's Hamdah Salhut (37 + 27 = 64 words)
// and Karine Jean-Pierre for the United States (24 + 36 = 60 words): 188
// words, so 34.04 %, 34.04 % and 31.91 %, which round (largest remainder)
// to 34 %, 34 % and 32 %.
import assert from "node:assert/strict";
import { copyFile, mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { after, before, test } from "node:test";
import {
  ARTIFACTS,
  ROOT,
  a11yViolations,
  assertNoProblems,
  downloadedBreakdown,
  loadSample,
  openApp,
  paste,
  startApp,
  ui,
  waitForSheet,
} from "./support.mjs";

/** A second article: the United States (8 words), Hamas (5) and an unattributed quote (5). */
const SECOND = [
  "Ceasefire talks stall in Cairo",
  "2025-03-08 10:00:00",
  '"Nobody knows what comes next."',
  "Talks on a ceasefire in Gaza stalled in Cairo on Friday.",
  '"We are not going to negotiate in public," White House Press Secretary Karine Jean-Pierre said on Friday.',
  '"The occupation is blocking aid," Hamas spokesman Hazem Qassem said.',
].join("\n\n");
const SEED_TITLE = "US confirms direct talks with Hamas over Gaza captives";
const SECOND_TITLE = "Ceasefire talks stall in Cairo";

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

function voiceUi(page) {
  const panel = page.getByRole("region", { name: "Voice balance", exact: true });
  const library = page.getByRole("region", { name: "Voices across the library", exact: true });
  return {
    panel,
    library,
    /** The voice button of `name` in the panel (by party). */
    voice: (name) => panel.getByRole("button", { name, exact: true }),
    /** Opens the library view (a disclosure) and waits for its table. */
    async openLibrary() {
      await library.locator("summary").first().click();
      await library.getByRole("table").waitFor();
      await this.settled();
    },
    /** Waits until every saved article is analysed (by the parser's worker, one at a time). */
    async settled() {
      await library.locator(".voices-progress", { hasText: "Analysing" }).waitFor({ state: "detached", timeout: 15_000 });
    },
  };
}

/** The rows of the table in `region`: the voice's name, then each cell's text. */
function rows(region) {
  return region.locator("table tbody tr").evaluateAll((trs) =>
    trs.map((tr) => {
      const squash = (s) => s.replace(/\s+/g, " ").trim();
      const [head, ...cells] = [...tr.children];
      const name = head.querySelector(".voice-line") ?? head;
      return [squash(name.textContent), ...cells.map((c) => squash(c.textContent))];
    }),
  );
}

test("the seed article's voice balance by party, with a joint statement as one voice", { timeout: 60_000 }, async () => {
  const { context, page, problems, warnings } = await openApp(app);
  try {
    await loadSample(page);
    const v = voiceUi(page);
    await v.panel.getByRole("heading", { name: "Voice balance" }).waitFor();
    assert.match(await v.panel.locator(".count").textContent(), /^188 quoted words$/);
    assert.deepEqual(await rows(v.panel), [
      ["France, the United Kingdom and Germany, joint statement", "34 %", "64", "5", "1"],
      ["Al Jazeera", "34 %", "64", "2", "1"],
      ["United States", "32 %", "60", "2", "1"],
    ]);
    const headers = await v.panel.getByRole("columnheader").allTextContents();
    assert.deepEqual(headers.map((h) => h.trim()), ["Party", "Share", "Words", "Quotes", "Speakers"]);
    // The table is named for screen readers; the bars drawn by the app are
    // SVG, hidden from them (the table has the numbers).
    assert.match(await v.panel.locator("caption").textContent(), /Voice balance by party: share of the 188 quoted words in 9 quotes/);
    const bars = v.panel.locator("svg");
    assert.equal(await bars.count(), 4, "the balance and one bar per voice");
    assert.equal(await bars.first().getAttribute("aria-hidden"), "true");
    // Bar lengths follow the shares: 64, 64 and 60 of 188 words.
    const widths = await v.panel.locator("svg.voice-stack rect.voice-seg").evaluateAll((rs) => rs.map((r) => Number(r.getAttribute("width"))));
    // The joint voice is drawn as three bands (its three parties), one above the other.
    assert.equal(widths.length, 3 + 1 + 1);
    const ys = await v.panel.locator("svg.voice-stack rect.voice-seg").evaluateAll((rs) => rs.map((r) => Number(r.getAttribute("y"))));
    assert.deepEqual(ys.slice(0, 3), [0, 20, 40]);
    assert.ok(Math.abs(widths[3] - (64 / 188) * 1000) <= 5 && Math.abs(widths[4] - (60 / 188) * 1000) <= 5, `${widths}`);
    // Colours as in the sheet's party tags.
    const tagColour = await ui(page).quotes.locator(".party-tag", { hasText: "United States" }).first().evaluate((el) => getComputedStyle(el).getPropertyValue("--dot").trim());
    const barColour = await v.panel.locator("svg.voice-stack rect.voice-seg").last().evaluate((el) => getComputedStyle(el).fill);
    const rgb = await page.evaluate((c) => {
      const probe = document.createElement("div");
      probe.style.color = c;
      document.body.append(probe);
      const out = getComputedStyle(probe).color;
      probe.remove();
      return out;
    }, tagColour);
    assert.equal(barColour, rgb, "the United States bar has its tag's colour");
    assertNoProblems(problems, warnings);
  } finally {
    await context.close();
  }
});

test("by speaker is one click away", { timeout: 60_000 }, async () => {
  const { context, page, problems, warnings } = await openApp(app);
  try {
    await loadSample(page);
    const v = voiceUi(page);
    const bySpeaker = v.panel.getByRole("button", { name: "By speaker" });
    await bySpeaker.click();
    assert.equal(await bySpeaker.getAttribute("aria-pressed"), "true");
    assert.deepEqual(await rows(v.panel), [
      ["France, the United Kingdom, and Germany", "34 %", "64", "5"],
      ["Hamdah Salhut, for Al Jazeera", "34 %", "64", "2"],
      ["Karine Jean-Pierre, White House Press Secretary, for United States", "32 %", "60", "2"],
    ]);
    await v.panel.getByRole("button", { name: "By party" }).click();
    await v.voice("United States").waitFor();
    assertNoProblems(problems, warnings);
  } finally {
    await context.close();
  }
});

test("pressing a voice filters the sheet like the party buttons; a joint voice selects its parties", { timeout: 60_000 }, async () => {
  const { context, page, problems, warnings } = await openApp(app);
  try {
    await loadSample(page);
    const u = ui(page);
    const v = voiceUi(page);
    const quotesCount = () => u.quotes.locator(".count").textContent();
    await v.voice("United States").click();
    assert.equal(await v.voice("United States").getAttribute("aria-pressed"), "true");
    assert.equal(await u.party("United States").getAttribute("aria-pressed"), "true", "the party button follows");
    await page.getByRole("button", { name: "Remove filter: United States" }).waitFor();
    assert.match(await quotesCount(), /^\d+ of 9 quotes$/);
    for (const item of await u.quotes.getByRole("listitem").allTextContents()) {
      assert.match(item, /United States|American|U\.S\./, `a quote by or about the United States: ${item.slice(0, 60)}`);
    }
    // The balance is the whole article's: filtering does not change it.
    assert.equal((await rows(v.panel)).length, 3);
    // Pressing again, or the party button, turns it off.
    await u.party("United States").click();
    assert.equal(await v.voice("United States").getAttribute("aria-pressed"), "false");
    assert.equal(await quotesCount(), "9 quotes");

    const joint = v.voice("France, the United Kingdom and Germany");
    await joint.click();
    assert.equal(await joint.getAttribute("aria-pressed"), "true");
    for (const name of ["France", "United Kingdom", "Germany"]) {
      await page.getByRole("button", { name: `Remove filter: ${name}` }).waitFor();
      assert.equal(await u.party(name).getAttribute("aria-pressed"), "true", name);
    }
    // One of them off: the joint voice is no longer fully selected.
    await u.party("Germany").click();
    assert.equal(await joint.getAttribute("aria-pressed"), "false");
    await joint.click();
    assert.equal(await u.party("Germany").getAttribute("aria-pressed"), "true", "pressing selects the missing party");
    await joint.click();
    assert.equal(await u.parties.getByRole("button", { name: "All parties" }).getAttribute("aria-pressed"), "true");
    assertNoProblems(problems, warnings);
  } finally {
    await context.close();
  }
});

test("keyboard: the voices and the library view work without a mouse, focus stays put", { timeout: 90_000 }, async () => {
  const { context, page, problems, warnings } = await openApp(app);
  try {
    await loadSample(page);
    const v = voiceUi(page);
    const activeText = () => page.evaluate(() => document.activeElement?.textContent.replace(/\s+/g, " ").trim());
    // From "By speaker", Shift+Tab back to "By party", then Tab into the table.
    await v.panel.getByRole("button", { name: "By speaker" }).focus();
    await page.keyboard.press("Shift+Tab");
    assert.equal(await activeText(), "By party");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    assert.equal(await activeText(), "France, the United Kingdom and Germany");
    await page.keyboard.press("Tab");
    assert.equal(await activeText(), "Al Jazeera");
    await page.keyboard.press("Enter");
    assert.equal(await v.voice("Al Jazeera").getAttribute("aria-pressed"), "true");
    assert.equal(await activeText(), "Al Jazeera", "focus stays on the pressed voice");
    await page.keyboard.press("Space");
    assert.equal(await v.voice("Al Jazeera").getAttribute("aria-pressed"), "false");

    // The library view: open it, sort, search, open a voice's articles.
    const summary = v.library.locator("summary").first();
    await summary.focus();
    await page.keyboard.press("Enter");
    await v.library.getByRole("table").waitFor();
    const quotesHeader = v.library.getByRole("columnheader", { name: "Quotes" });
    await quotesHeader.getByRole("button").focus();
    await page.keyboard.press("Enter");
    assert.equal(await quotesHeader.getAttribute("aria-sort"), "descending");
    assert.equal((await rows(v.library))[0][0], "France, the United Kingdom and Germany, joint statement");
    await page.keyboard.press("Enter");
    assert.equal(await quotesHeader.getAttribute("aria-sort"), "ascending");
    assert.equal(await activeText(), "Quotes", "focus stays on the header");
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Shift+Tab");
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("aria-label")), "Search voices by name");
    await page.keyboard.type("jazeera");
    assert.deepEqual((await rows(v.library)).map((r) => r[0]), ["Al Jazeera"]);
    await v.library.locator("details.voices-in summary").first().focus();
    await page.keyboard.press("Enter");
    await v.library.locator("details.voices-in[open]").getByText(SEED_TITLE).waitFor();
    assertNoProblems(problems, warnings);
  } finally {
    await context.close();
  }
});

test("across the library: voices add up over every saved article, follow new and deleted articles, and download as Markdown", { timeout: 120_000 }, async () => {
  const { context, page, problems, warnings } = await openApp(app);
  try {
    await loadSample(page);
    const v = voiceUi(page);
    await v.openLibrary();
    assert.match(await v.library.locator(".count").first().textContent(), /^1 article$/);
    assert.deepEqual((await rows(v.library)).map((r) => r[0]), [
      "Al Jazeera",
      "France, the United Kingdom and Germany, joint statement",
      "United States",
    ]);

    // A second article, pasted while the view is open: it follows.
    await paste(page, SECOND);
    await waitForSheet(page);
    await v.library.locator(".count").first().filter({ hasText: /^2 articles$/ }).waitFor();
    await v.library.getByRole("rowheader", { name: /^Hamas/ }).waitFor();
    // The seed article, no longer on screen, comes from the parser's worker.
    await v.settled();
    // 68, 64, 64, 5 and 5 of 206 words: 33.0, 31.1, 31.1, 2.4 and 2.4 %; the
    // point missing goes to the first of the largest fractions (Hamas).
    assert.deepEqual(await rows(v.library), [
      ["United States", "33 %", "68", "3", "2"],
      ["Al Jazeera", "31 %", "64", "2", "1"],
      ["France, the United Kingdom and Germany, joint statement", "31 %", "64", "5", "1"],
      ["Hamas", "3 %", "5", "1", "1"],
      ["Unattributed", "2 %", "5", "1", "1"],
    ]);
    // The articles a voice speaks in, with headline, date and counts.
    const us = v.library.getByRole("row").filter({ has: page.getByRole("rowheader", { name: /^United States/ }) });
    await us.locator("summary", { hasText: "In 2 articles" }).click();
    const inArticles = await us.locator(".voices-article").allTextContents();
    assert.equal(inArticles.length, 2);
    assert.match(inArticles[0], new RegExp(`${SECOND_TITLE}.*Sat 8 Mar 2025 · 1 quote, 8 words`));
    assert.match(inArticles[1], new RegExp(`${SEED_TITLE}.*Thu 6 Mar 2025 · 2 quotes, 60 words`));
    // Each article's balance as a small bar, named by its shares.
    const balances = v.library.getByRole("list", { name: "Articles" }).getByRole("img");
    assert.deepEqual(await balances.evaluateAll((imgs) => imgs.map((i) => i.getAttribute("aria-label"))), [
      "Balance: United States 44 %, Hamas 28 %, Unattributed 28 %",
      "Balance: France, the United Kingdom and Germany 34 %, Al Jazeera 34 %, United States 32 %",
    ]);

    // Sorting by name, then by quotes.
    await v.library.getByRole("button", { name: "Party", exact: true }).click();
    assert.deepEqual((await rows(v.library)).map((r) => r[0].split(", joint")[0]), [
      "Al Jazeera",
      "France, the United Kingdom and Germany",
      "Hamas",
      "Unattributed",
      "United States",
    ]);
    assert.equal(await v.library.getByRole("columnheader", { name: "Party" }).getAttribute("aria-sort"), "ascending");
    await v.library.getByRole("button", { name: "Quotes", exact: true }).click();
    assert.deepEqual((await rows(v.library)).map((r) => r[3]), ["5", "3", "2", "1", "1"]);

    // By speaker, with a search by name.
    await v.library.getByRole("button", { name: "By speaker" }).click();
    await v.library.getByRole("searchbox", { name: "Search voices by name" }).fill("karine");
    assert.deepEqual(await rows(v.library), [["Karine Jean-Pierre, for United States", "33 %", "68", "3", "2"]]);
    await v.library.getByRole("searchbox", { name: "Search voices by name" }).fill("nobody at all");
    await v.library.getByText("No name matches “nobody at all”.").waitFor();
    await v.library.getByRole("searchbox", { name: "Search voices by name" }).fill("");

    // The Markdown download: the table as shown.
    const [download] = await Promise.all([page.waitForEvent("download"), v.library.getByRole("button", { name: "Voices as Markdown" }).click()]);
    assert.equal(download.suggestedFilename(), "factsheet-voices.md");
    const md = await readFile(await download.path(), "utf8");
    assert.match(md, /^# Voices across the library\n\n\*12 quotes in 2 articles: share of the 206 quoted words\.\*\n/);
    assert.match(md, /\| Speaker \| Share \| Words \| Quotes \| Articles \|/);
    assert.match(md, new RegExp(`\\| Karine Jean-Pierre \\(United States\\) \\| 33 % \\| 68 \\| 3 \\| ${SECOND_TITLE}; ${SEED_TITLE} \\|`));
    assert.match(md, new RegExp(`- \\*\\*${SECOND_TITLE}\\*\\* \\(Sat 8 Mar 2025\\): United States 44 %, Hamas 28 %, Unattributed 28 %`));

    // Deleting an article in the Library: the voices follow.
    await page.getByRole("region", { name: "Library", exact: true }).locator("summary").click();
    await page.getByRole("button", { name: new RegExp(`^Delete\\b.*${SEED_TITLE}`) }).click();
    await v.library.locator(".count").first().filter({ hasText: /^1 article$/ }).waitFor();
    await v.library.getByRole("button", { name: "By party" }).click();
    await v.library.getByRole("rowheader", { name: /^Al Jazeera/ }).waitFor({ state: "detached" });
    assert.deepEqual((await rows(v.library)).map((r) => r.slice(0, 3)), [
      ["United States", "44 %", "8"],
      ["Hamas", "28 %", "5"],
      ["Unattributed", "28 %", "5"],
    ]);
    assertNoProblems(problems, warnings);
  } finally {
    await context.close();
  }
});

test("a reader's correction moves the quote's words to its new voice, in the article and across the library", { timeout: 120_000 }, async () => {
  const { context, page, problems, warnings } = await openApp(app);
  try {
    await loadSample(page);
    const v = voiceUi(page);
    // Hamdah Salhut's first quote (37 words, Al Jazeera) given to Axios by the reader.
    const inferred = ui(page).quotes.getByRole("listitem").filter({ hasText: "We understand that this is to ensure the recovery" });
    await inferred.getByRole("button", { name: "Correct the speaker or party" }).click();
    await inferred.getByRole("group", { name: "Party", exact: true }).getByRole("button", { name: "Axios", exact: true }).click();
    await inferred.getByText("Corrected by you").waitFor();
    // 64, 60, 37 and 27 of 188 words: 34.0, 31.9, 19.7 and 14.4 %.
    await v.panel.getByRole("rowheader", { name: /^Axios/ }).waitFor();
    assert.deepEqual(await rows(v.panel), [
      ["France, the United Kingdom and Germany, joint statement", "34 %", "64", "5", "1"],
      ["United States", "32 %", "60", "2", "1"],
      ["Axios", "20 %", "37", "1", "1"],
      ["Al Jazeera", "14 %", "27", "1", "1"],
    ]);
    // The exports count the corrected sheet too.
    const { json } = await downloadedBreakdown(page);
    const voice = JSON.parse(json).voice.parties.map((r) => [r.name, r.words]);
    assert.deepEqual(voice.slice(2), [["Axios", 37], ["Al Jazeera", 27]]);

    // Across the library: the article on screen as corrected...
    await v.openLibrary();
    const byName = async () => (await rows(v.library)).map((r) => [r[0].split(", joint")[0], r[2], r[3]]);
    assert.deepEqual((await byName()).slice(2), [["Axios", "37", "1"], ["Al Jazeera", "27", "1"]]);
    // ...and once another article is on screen, the saved one from the
    // library's own parser, its stored correction applied.
    await paste(page, SECOND);
    await waitForSheet(page);
    await v.library.locator(".count").first().filter({ hasText: /^2 articles$/ }).waitFor();
    await v.library.getByRole("rowheader", { name: /^Hamas/ }).waitFor();
    await v.settled();
    assert.deepEqual(await byName(), [
      ["United States", "68", "3"],
      ["France, the United Kingdom and Germany", "64", "5"],
      ["Axios", "37", "1"],
      ["Al Jazeera", "27", "1"],
      ["Hamas", "5", "1"],
      ["Unattributed", "5", "1"],
    ]);
    assertNoProblems(problems, warnings);
  } finally {
    await context.close();
  }
});

test("a long library table renders 50 voices at a time", { timeout: 60_000 }, async () => {
  const { context, page, problems, warnings } = await openApp(app);
  try {
    // 55 people, none for a party, five words each.
    const first = ["Anna", "Ben", "Clara", "David", "Emma", "Felix", "Greta", "Hugo", "Ines", "Jonas", "Karla"];
    const names = ["Adler", "Berg", "Conrad", "Dietz", "Ernst"].flatMap((last) => first.map((f) => `${f} ${last}`));
    await paste(page, ["Town hall debate", ...names.map((n) => `"We need a new bridge," said ${n}.`)].join("\n\n"));
    await waitForSheet(page);
    const v = voiceUi(page);
    await v.openLibrary();
    await v.library.getByRole("button", { name: "By speaker" }).click();
    await v.library.getByRole("rowheader", { name: /^Anna Adler/ }).waitFor();
    assert.equal((await rows(v.library)).length, 50);
    await v.library.getByRole("button", { name: "Show 5 more voices (5 left)" }).click();
    assert.equal((await rows(v.library)).length, 55);
    // 55 equal voices: 1.82 % each; 45 of them get the point the whole parts miss.
    const shares = (await rows(v.library)).map((r) => r[1]);
    assert.equal(shares.filter((x) => x === "2 %").length, 45);
    assert.equal(shares.filter((x) => x === "1 %").length, 10);
    assertNoProblems(problems, warnings);
  } finally {
    await context.close();
  }
});

test("exports: the Markdown has the voice tables, the JSON a voice object", { timeout: 60_000 }, async () => {
  const { context, page, problems, warnings } = await openApp(app, { permissions: ["clipboard-read", "clipboard-write"] });
  try {
    await loadSample(page);
    const u = ui(page);
    await u.copyMarkdown.click();
    await page.getByRole("status").filter({ hasText: "Copied the fact sheet as Markdown." }).waitFor();
    const md = await page.evaluate(() => navigator.clipboard.readText());
    const section = md.slice(md.indexOf("## Voice balance"), md.indexOf("## Quotes"));
    assert.ok(md.indexOf("## Parties") < md.indexOf("## Voice balance"), "after the parties");
    assert.match(section, /\*Share of the 188 quoted words in 9 quotes\.\*/);
    assert.match(section, /\| Party \| Share \| Words \| Quotes \| Speakers \|\n\|---\|---:\|---:\|---:\|---:\|\n/);
    assert.match(section, /\| France, the United Kingdom and Germany \(joint\) \| 34 % \| 64 \| 5 \| 1 \|\n/);
    assert.match(section, /\| United States \| 32 % \| 60 \| 2 \| 1 \|\n/);
    assert.match(section, /\| Karine Jean-Pierre \| United States \| 32 % \| 60 \| 2 \|\n/);

    const [download] = await Promise.all([page.waitForEvent("download"), u.downloadJson.click()]);
    const doc = JSON.parse(await readFile(await download.path(), "utf8"));
    assert.equal(doc.version, 2);
    assert.deepEqual(
      doc.voice.parties.map((r) => [r.kind, r.name, r.share, r.words, r.quotes, r.speakers]),
      [
        ["joint", "France, the United Kingdom and Germany", 34, 64, 5, 1],
        ["party", "Al Jazeera", 34, 64, 2, 1],
        ["party", "United States", 32, 60, 2, 1],
      ],
    );
    assert.deepEqual(doc.voice.parties[0].parties.map((i) => doc.parties[i].name), ["France", "United Kingdom", "Germany"]);
    assert.equal(doc.voice.speakers[2].name, "Karine Jean-Pierre");
    assertNoProblems(problems, warnings);
  } finally {
    await context.close();
  }
});

test("an article without speech says so", { timeout: 60_000 }, async () => {
  const { context, page, problems, warnings } = await openApp(app);
  try {
    await paste(page, 'Markets rose in Tokyo on Monday. The so-called "Ring of Fire" was quiet. Trading was light.');
    await waitForSheet(page);
    await ui(page).terms.getByText("“Ring of Fire”").waitFor();
    const v = voiceUi(page);
    await v.panel.getByText("No quoted speech in this text").waitFor();
    assert.equal(await v.panel.locator("table").count(), 0);
    assertNoProblems(problems, warnings);
  } finally {
    await context.close();
  }
});

for (const colorScheme of ["light", "dark"]) {
  for (const width of [390, 1280]) {
    test(`axe: no violations in the voice balance and the library view, ${colorScheme}, ${width} px; nothing sticks out`, { timeout: 90_000 }, async () => {
      const { context, page, problems, warnings } = await openApp(app, {
        viewport: { width, height: width < 500 ? 844 : 900 },
        colorScheme,
        reducedMotion: "reduce",
      });
      try {
        const check = async (state) => assert.deepEqual(await a11yViolations(page), [], `no violations (${state})`);
        await loadSample(page);
        const v = voiceUi(page);
        await v.voice("Al Jazeera").click();
        await check("by party, a voice pressed");
        await v.panel.getByRole("button", { name: "By speaker" }).click();
        await v.openLibrary();
        await v.library.locator("details.voices-in summary").first().click();
        await check("by speaker, library open");
        await v.library.getByRole("button", { name: "By speaker" }).click();
        await v.library.getByRole("searchbox", { name: "Search voices by name" }).fill("zzz");
        await check("library, nothing matches");
        const overflow = await page.evaluate(() => {
          const vw = document.documentElement.clientWidth;
          return [...document.querySelectorAll(".voice-panel *, .voices-panel *")]
            .filter((el) => el.getBoundingClientRect().right > vw + 0.5 && !el.closest(".visually-hidden"))
            .map((el) => el.className.baseVal ?? el.className);
        });
        assert.deepEqual(overflow, [], "nothing sticks out sideways");
        assertNoProblems(problems, warnings);
      } finally {
        await context.close();
      }
    });
  }
}

test("at 360 px the voice tables fit the screen", { timeout: 60_000 }, async () => {
  const { context, page, problems, warnings } = await openApp(app, { viewport: { width: 360, height: 800 } });
  try {
    await loadSample(page);
    const v = voiceUi(page);
    await v.openLibrary();
    for (const region of [v.panel, v.library]) {
      const [scroll, client] = await region.locator(".table-wrap").evaluate((el) => [el.scrollWidth, el.clientWidth]);
      assert.ok(scroll <= client, `no sideways scrolling (${scroll} > ${client})`);
    }
    // Each voice's name gets the width of the screen, not a sliver of it.
    const nameWidth = await v.voice("France, the United Kingdom and Germany").evaluate((el) => el.getBoundingClientRect().width);
    assert.ok(nameWidth > 200, `the name is readable (${nameWidth} px wide)`);
    assertNoProblems(problems, warnings);
  } finally {
    await context.close();
  }
});

test("screenshots of the voice balance of the seed article and of the library", { timeout: 90_000 }, async () => {
  const shots = [
    { file: "screenshot-voice.png", target: "panel", options: { viewport: { width: 1280, height: 900 }, colorScheme: "light" } },
    {
      file: "screenshot-voices-library.png",
      target: "library",
      options: { viewport: { width: 390, height: 844 }, colorScheme: "dark", deviceScaleFactor: 2 },
    },
  ];
  for (const shot of shots) {
    // bypassCSP: the screenshot hides the transient "Ready to work offline" notice with a style tag.
    const { context, page, problems, warnings } = await openApp(app, { ...shot.options, bypassCSP: true });
    try {
      await loadSample(page);
      await paste(page, SECOND);
      await waitForSheet(page);
      await ui(page).sample.click();
      await waitForSheet(page);
      const v = voiceUi(page);
      await v.panel.waitFor();
      await page.addStyleTag({ content: ".pwa-notices { display: none !important; }" });
      let target = v.panel;
      if (shot.target === "library") {
        await v.openLibrary();
        await v.library.getByRole("row").filter({ hasText: "United States" }).locator("summary").click();
        target = v.library;
      }
      await target.scrollIntoViewIfNeeded();
      await page.mouse.move(1, 1);
      await page.evaluate(() => document.activeElement?.blur());
      await page.waitForTimeout(200);
      const out = path.join(ARTIFACTS, shot.file);
      await target.screenshot({ path: out });
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
