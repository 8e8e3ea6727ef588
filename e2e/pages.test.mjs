// Whole web pages: a rich paste (the clipboard's text/html) gives the clean
// article's quotes, page furniture is collapsed in the source text and a line
// can be brought back (and hidden again, and the choice outlives a reload), a
// dropped or opened file is read, the share target opens with the shared
// text (online and offline), and pasted HTML never runs or renders.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { after, before, test } from "node:test";
import {
  ARTIFACTS,
  ROOT,
  a11yViolations,
  assertNoProblems,
  cspViolations,
  downloadedBreakdown,
  fixture,
  itemTexts,
  launchProfile,
  openApp,
  paste,
  startApp,
  ui,
  waitForApp,
  waitForServiceWorker,
  waitForSheet,
} from "./support.mjs";

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

/** A page of tests/corpus/pages/ and the clean article it wraps. */
async function corpusPage(id) {
  const page = JSON.parse(await readFile(path.join(ROOT, "tests", "corpus", "pages", `${id}.json`), "utf8"));
  const article = JSON.parse(await readFile(path.join(ROOT, "tests", "corpus", `${page.article}.json`), "utf8"));
  return { ...page, clean: article.text };
}

/** Pastes as a browser does when the clipboard holds both flavours. */
async function richPaste(page, html, text) {
  await page.evaluate(
    ({ html, text }) => {
      const data = new DataTransfer();
      data.setData("text/html", html);
      data.setData("text/plain", text);
      const area = document.getElementById("article");
      area.focus();
      area.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    },
    { html, text },
  );
}

/** The CLI's JSON for an HTML page (`factsheet --json --html`). */
async function cliJsonOfHtml(html) {
  const { spawnSync } = await import("node:child_process");
  const run = spawnSync("cargo", ["run", "--quiet", "--bin", "factsheet", "--", "--json", "--html"], {
    cwd: ROOT,
    input: html,
    encoding: "utf8",
    maxBuffer: 64 << 20,
  });
  if (run.status !== 0) throw new Error(`factsheet --json --html failed: ${run.stderr}`);
  return run.stdout;
}

/** The quotes of the sheet, without the buttons' text. */
async function quoteTexts(page) {
  return page.locator("#sheet .quote-text").allTextContents();
}

test("a rich paste of a web page gives the clean article's quotes", { timeout: 90_000 }, async () => {
  const corpus = await corpusPage("wire--ap-kenya-floods-cholera");
  const { context, page, problems, warnings } = await openApp(app);
  try {
    await paste(page, corpus.clean);
    await waitForSheet(page);
    const clean = await quoteTexts(page);
    assert.ok(clean.length >= 3, `the clean article has quotes (${clean.length})`);

    await ui(page).clear.click();
    await richPaste(page, corpus.html, corpus.text);
    await waitForSheet(page);
    assert.deepEqual(await quoteTexts(page), clean, "the same quotes as the clean article");
    assert.equal((await page.locator("#headline").textContent()).trim(), corpus.headline);
    const box = await ui(page).article.inputValue();
    assert.ok(!box.includes("<"), "the box holds the page's text, not its markup");
    assert.ok(!box.includes("Photography"), "the page's menu is left out");
    const notice = page.locator(".input-notice");
    await notice.getByText(/Pasted from a web page: \d+ parts of the page left out/).waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, "pages-rich-paste.png") });
    // The browser's parse and the CLI's give the same text, so the same sheet.
    const { json } = await downloadedBreakdown(page);
    assert.equal(json, await cliJsonOfHtml(corpus.html), "Download JSON = factsheet --json --html");

    // The plain text instead: the whole page as the clipboard had it, same quotes.
    await notice.getByRole("button", { name: "Paste as plain text instead" }).click();
    await page.waitForFunction((t) => document.getElementById("article").value === t, corpus.text);
    await waitForSheet(page);
    assert.deepEqual(await quoteTexts(page), clean, "the plain text gives the same quotes");
    assertNoProblems(problems, warnings);
  } finally {
    await context.close();
  }
});

test("page furniture is collapsed in the source text and a line can be kept, hidden again, after a reload too", { timeout: 90_000 }, async () => {
  const text = await fixture("pages/broadcaster-ferry-strike.txt");
  const { context, page, problems, warnings } = await openApp(app);
  try {
    await paste(page, text);
    await waitForSheet(page);
    const u = ui(page);
    assert.equal((await page.locator("#headline").textContent()).trim(), "Ferry strike halts island crossings for a second day");
    await page.locator(".sheet-head .byline", { hasText: "Alys Pryce" }).waitFor();
    const menu = u.source.getByRole("button", { name: "22 lines of page furniture hidden" });
    await menu.waitFor();
    assert.ok(!(await itemTexts(u.parties)).some((p) => p.startsWith("NBS")), "menus and the site name are no party");

    // Related topics: "Strikes" is hidden; open its run and keep the line.
    const offset = Buffer.byteLength(text.slice(0, text.indexOf("Related topics")));
    const related = u.source.locator(`button[aria-controls="furniture-${offset}"]`);
    assert.equal(await related.textContent(), "3 lines of page furniture hidden");
    await related.click();
    assert.equal(await related.getAttribute("aria-expanded"), "true");
    await page.locator(".source-panel").screenshot({ path: path.join(ARTIFACTS, "pages-furniture-open.png") });
    assert.deepEqual(await a11yViolations(page), [], "axe: no violations with a run open");
    await u.source.getByRole("button", { name: "Keep as article text: Strikes" }).click();
    const hideAgain = u.source.getByRole("button", { name: "Hide again as page furniture: Strikes" });
    await hideAgain.waitFor();
    await page.waitForFunction(() => document.activeElement?.textContent === "Hide again", null, { timeout: 5_000 });
    assert.equal(await u.source.locator("p.src-block", { hasText: "Strikes" }).count(), 1, "the line is article text");

    // The choice is kept with the article for the session.
    await page.reload();
    await waitForApp(page);
    await waitForSheet(page);
    await u.source.getByRole("button", { name: "Hide again as page furniture: Strikes" }).click();
    await u.source.getByRole("button", { name: "Keep as article text: Strikes" }).waitFor();
    assert.equal(await u.source.locator("p.src-block", { hasText: /^Strikes/ }).count(), 0, "hidden again");
    assertNoProblems(problems, warnings);
  } finally {
    await context.close();
  }
});

test("a dropped .html file and opened .txt and .md files are read into the box", { timeout: 90_000 }, async () => {
  const corpus = await corpusPage("broadsheet--orig-england-junior-doctors-strike");
  const { context, page, problems, warnings } = await openApp(app);
  try {
    await page.evaluate((html) => {
      const data = new DataTransfer();
      data.items.add(new File([html], "doctors-strike.html", { type: "text/html" }));
      const area = document.getElementById("article");
      area.dispatchEvent(new DragEvent("dragover", { dataTransfer: data, bubbles: true, cancelable: true }));
      area.dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
    }, corpus.html);
    await waitForSheet(page);
    assert.equal((await page.locator("#headline").textContent()).trim(), corpus.headline);
    await page.locator(".input-notice", { hasText: "Opened “doctors-strike.html” as a web page" }).waitFor();
    assert.ok(!(await ui(page).article.inputValue()).includes("<"), "the page's text, not its markup");

    const chooser = page.waitForEvent("filechooser");
    await page.getByRole("button", { name: "Open file…" }).click();
    await (await chooser).setFiles({
      name: "ferry.txt",
      mimeType: "text/plain",
      buffer: Buffer.from(await fixture("pages/broadcaster-ferry-strike.txt")),
    });
    await page.locator(".input-notice", { hasText: "Opened “ferry.txt”." }).waitFor();
    await page.locator("#headline", { hasText: "Ferry strike halts island crossings" }).waitFor();

    const markdown = page.waitForEvent("filechooser");
    await page.getByRole("button", { name: "Open file…" }).click();
    await (await markdown).setFiles({
      name: "note.md",
      mimeType: "text/markdown",
      buffer: Buffer.from("# Ferry strike halts crossings\n\n\"We have offered a **fair** settlement,\" said [Gareth Lloyd](https://x.example).\n"),
    });
    await page.locator("#headline", { hasText: "Ferry strike halts crossings" }).waitFor();
    assert.equal(
      await ui(page).article.inputValue(),
      "Ferry strike halts crossings\n\n\"We have offered a fair settlement,\" said Gareth Lloyd.",
    );

    const refused = page.waitForEvent("filechooser");
    await page.getByRole("button", { name: "Open file…" }).click();
    await (await refused).setFiles({ name: "photo.png", mimeType: "image/png", buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47]) });
    await page.locator(".input-notice", { hasText: "“photo.png” is not a text file" }).waitFor();
    assert.equal((await page.locator("#headline").textContent()).trim(), "Ferry strike halts crossings", "the text stays");
    assertNoProblems(problems, warnings);
  } finally {
    await context.close();
  }
});

test("the share target opens with the shared text, online and offline", { timeout: 120_000 }, async () => {
  const origin = new URL(app.url).origin;
  const profile = await launchProfile(origin);
  try {
    const { page, context } = profile;
    const shared = new URL(app.url);
    shared.searchParams.set("title", "Ferry strike halts island crossings for a second day");
    shared.searchParams.set(
      "text",
      "Ferry crossings to three islands were cancelled for a second day on Wednesday. " +
        "\"We have offered a fair settlement,\" said Gareth Lloyd, the operator's director.",
    );
    await page.goto(shared.href);
    await waitForApp(page);
    await waitForSheet(page);
    const box = await ui(page).article.inputValue();
    assert.ok(box.startsWith("Ferry strike halts island crossings for a second day\n\nFerry crossings"), box);
    assert.equal((await page.locator("#headline").textContent()).trim(), "Ferry strike halts island crossings for a second day");
    assert.equal(new URL(page.url()).search, "", "the shared text is taken out of the address");

    // A shared link alone: Factsheet says it reads nothing from the web.
    await waitForServiceWorker(page);
    await context.setOffline(true);
    const link = new URL(app.url);
    link.searchParams.set("url", "https://news.example/story");
    const offline = await context.newPage();
    await offline.goto(link.href);
    await waitForApp(offline);
    await offline.locator(".input-notice", { hasText: "received a link (https://news.example/story)" }).waitFor();
    await offline.goto(shared.href);
    await waitForApp(offline);
    await waitForSheet(offline);
    assert.equal((await offline.locator("#headline").textContent()).trim(), "Ferry strike halts island crossings for a second day");
    assert.deepEqual(await cspViolations(offline), []);
    await context.setOffline(false);
    assertNoProblems(profile.problems, profile.warnings);
  } finally {
    await profile.close();
  }
});

test("pasted HTML is read as text: nothing runs, loads or renders", { timeout: 60_000 }, async () => {
  const origin = new URL(app.url).origin;
  const profile = await launchProfile(origin);
  const dialogs = [];
  try {
    const { page } = profile;
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      d.dismiss();
    });
    await page.goto(app.url);
    await waitForApp(page);
    const html = [
      "<h1 id=pwn-h1 onclick=\"window.__xss='h1'\">Mayor resigns</h1>",
      "<script>window.__xss = 'script'</script><style>body { display: none }</style>",
      "<p style=\"background:url(https://evil.example/bg.png)\"><img id=pwn-img src=\"https://evil.example/x.png\" onerror=\"window.__xss='img'\">",
      "\"I am leaving,\" Mayor Jane Doe said on Monday, calling the vote &lt;b&gt;unfair&lt;/b&gt;.</p>",
      "<iframe src=\"javascript:parent.__xss='iframe'\"></iframe><svg onload=\"window.__xss='svg'\"></svg>",
      "<p><a href=\"javascript:window.__xss='a'\">Council</a> members met on Tuesday.</p>",
      "<template><img src=x onerror=\"window.__xss='template'\"></template>",
    ].join("");
    await richPaste(page, html, "Mayor resigns");
    await waitForSheet(page);
    const box = await ui(page).article.inputValue();
    assert.equal(
      box,
      "Mayor resigns\n\n\"I am leaving,\" Mayor Jane Doe said on Monday, calling the vote <b>unfair</b>.\n\nCouncil members met on Tuesday.",
    );
    await ui(page).quotes.getByRole("listitem").filter({ hasText: "I am leaving" }).waitFor();
    await ui(page).source.getByText("<b>unfair</b>", { exact: false }).waitFor();
    await page.waitForTimeout(300);
    for (const sel of ["#pwn-h1", "#pwn-img", "iframe", "svg[onload]", "a[href^=javascript]", "b", "template"]) {
      assert.equal(await page.locator(sel).count(), 0, `no ${sel} element`);
    }
    assert.equal(await page.evaluate(() => window.__xss), undefined, "no script ran");
    assert.deepEqual(dialogs, []);
    assert.deepEqual(await cspViolations(page), [], "nothing was even tried (no CSP violation)");
    assert.ok(!profile.requests.some((r) => r.includes("evil.example")), "nothing was loaded");
    assertNoProblems(profile.problems, profile.warnings);
  } finally {
    await profile.close();
  }
});

test("two pages pasted as a reader would, looked at", { timeout: 90_000 }, async () => {
  const { context, page, problems, warnings } = await openApp(app, { viewport: { width: 1280, height: 1000 } });
  try {
    const u = ui(page);
    await paste(page, await fixture("pages/newsletter-harbour-tunnel.txt"));
    await waitForSheet(page);
    assert.equal((await page.locator("#headline").textContent()).trim(), "Why the harbour tunnel costs keep rising");
    assert.deepEqual(await quoteTexts(page), [
      "The risk sat with the public from day one,",
      "The contracts were written that way.",
    ]);
    await ui(page).quotes.getByRole("listitem").filter({ hasText: "far softer than any survey showed" }).waitFor();
    assert.equal(await ui(page).facts.getByRole("listitem").filter({ hasText: "Thanks for reading" }).count(), 0);
    await page.screenshot({ path: path.join(ARTIFACTS, "pages-newsletter.png"), fullPage: true });

    const corpus = await corpusPage("tabloid--orig-senate-hearing-ukraine-air-defense");
    await u.clear.click();
    await paste(page, corpus.text);
    await waitForSheet(page);
    assert.equal((await page.locator("#headline").textContent()).trim(), corpus.headline);
    const parties = await itemTexts(u.parties);
    assert.ok(!parties.some((p) => /Morning Siren|Showbiz|Puzzles/.test(p)), `no party from the page: ${parties}`);
    await page.screenshot({ path: path.join(ARTIFACTS, "pages-tabloid.png"), fullPage: true });
    assertNoProblems(problems, warnings);
  } finally {
    await context.close();
  }
});
