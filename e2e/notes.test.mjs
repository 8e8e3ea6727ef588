// Notes: written on quotes, facts, parties and the article; kept in
// localStorage across reloads, tabs, edits of the article and storage faults;
// exported and imported.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { after, before, test } from "node:test";
import { ROOT, a11yViolations, assertNoProblems, fixture, loadSample, openApp, startApp, ui, waitForApp, waitForSheet } from "./support.mjs";

const LIBRARY_KEY = "factsheet.library";
const FIRST_QUOTE = "These are ongoing talks and discussions";
const SALHUT_QUOTE = "The Americans have said that their envoy";

let app;
let sample;
before(async () => {
  app = await startApp();
  sample = await fixture("seed-us-hamas-talks.txt");
});
after(async () => {
  await app?.close();
});

/** The notes UI of `page`. */
function notesUi(page) {
  const u = ui(page);
  return {
    ...u,
    notes: page.getByRole("region", { name: "Notes", exact: true }),
    library: page.getByRole("region", { name: "Library", exact: true }),
    note: page.getByRole("textbox", { name: "Note", exact: true }),
    tags: page.getByRole("textbox", { name: "Tags", exact: true }),
    done: page.getByRole("button", { name: "Done", exact: true }),
    articleNote: page.getByRole("textbox", { name: "Article note", exact: true }),
    /** The list item of the quote containing `text`. */
    quote: (text) => u.quotes.getByRole("listitem").filter({ hasText: text }),
    /** The list item of the fact containing `text`. */
    fact: (text) => u.facts.getByRole("listitem").filter({ hasText: text }),
    /** The cell of the party `name`. */
    partyCell: (name) =>
      u.parties.getByRole("listitem").filter({ has: page.getByRole("button", { name: new RegExp(`^${name}\\b`) }) }),
    /** The "Add note" / "Edit note" button inside `item`. */
    noteButton: (item) => item.getByRole("button", { name: /^(Add|Edit) note/ }),
  };
}

/** Opens the note editor on `item`, writes `body` (and `tags`), closes it with Done. */
async function writeNote(page, item, body, tags) {
  const n = notesUi(page);
  await n.noteButton(item).click();
  await n.note.fill(body);
  if (tags !== undefined) await n.tags.fill(tags);
  await n.done.click();
  await n.note.waitFor({ state: "detached" });
}

/** The stored library (parsed out of its `{ schema, library }` envelope), or null. */
async function stored(page) {
  const raw = await page.evaluate((key) => localStorage.getItem(key), LIBRARY_KEY);
  return raw === null ? null : JSON.parse(raw).library;
}

/** The values of the backup keys, once there is one. */
async function backups(page) {
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith("factsheet.backup.")));
  return page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith("factsheet.backup."))
      .map((k) => localStorage.getItem(k)),
  );
}

/** Waits until the stored library's raw JSON contains every one of `texts`. */
async function waitForStored(page, texts, timeout = 10_000) {
  await page.waitForFunction(
    ([key, wanted]) => wanted.every((t) => (localStorage.getItem(key) || "").includes(t)),
    [LIBRARY_KEY, texts],
    { timeout },
  );
}

/** Every note body of the stored library (not deleted), sorted. */
async function storedBodies(page) {
  const lib = await stored(page);
  return (lib?.articles ?? [])
    .flatMap((a) => a.notes ?? [])
    .filter((n) => !n.deleted)
    .map((n) => n.body)
    .sort();
}

async function articleText(page, name) {
  const doc = JSON.parse(await readFile(path.join(ROOT, "tests", "corpus", "dev", name), "utf8"));
  return doc.text;
}

test("notes on a quote, a fact and a party, and the article note, show inline and come back after a reload", { timeout: 90_000 }, async () => {
  const { context, page, problems, warnings } = await openApp(app);
  try {
    await loadSample(page);
    const n = notesUi(page);
    const quote = n.quote(FIRST_QUOTE);
    await writeNote(page, quote, "Check against the White House transcript.", "to check, follow-up");
    await assert.doesNotReject(n.noteButton(quote).filter({ hasText: "Edit note" }).waitFor());
    await quote.getByText("Check against the White House transcript.").waitFor();
    assert.deepEqual(await quote.locator(".note-tag").allTextContents(), ["#to-check", "#follow-up"]);

    // Escape closes the editor and gives focus back to the item's button.
    const fact = n.fact("Witkoff");
    await n.noteButton(fact).first().click();
    await n.note.fill("Who else was in the room?");
    await page.keyboard.press("Escape");
    await n.note.waitFor({ state: "detached" });
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Edit note");

    await writeNote(page, n.partyCell("Israel"), "Compare with the Israeli statement.");
    await n.articleNote.fill("A good overview of the talks.");

    await n.notes.getByText("4 notes").waitFor(); // three on items, one on the article
    const listed = await n.notes.getByRole("listitem").allTextContents();
    assert.equal(listed.length, 3);
    assert.ok(listed.some((t) => t.includes("Who else was in the room?")));
    assert.ok(listed.some((t) => t.includes("Compare with the Israeli statement.") && t.includes("Israel")));
    assert.deepEqual(await a11yViolations(page), [], "no accessibility violations with notes");

    await waitForStored(page, ["Check against the White House transcript.", "A good overview of the talks."]);
    await page.reload();
    await waitForApp(page);
    await waitForSheet(page);
    assert.equal(await n.article.inputValue(), sample, "the last article is back in the box");
    await n.quote(FIRST_QUOTE).getByText("Check against the White House transcript.").waitFor();
    assert.equal(await n.noteButton(n.quote(FIRST_QUOTE)).textContent(), "Edit note");
    await n.partyCell("Israel").getByText("Compare with the Israeli statement.").waitFor();
    await n.notes.getByText("Who else was in the room?").waitFor();
    assert.equal(await n.articleNote.inputValue(), "A good overview of the talks.");
    assertNoProblems(problems, warnings);
  } finally {
    await context.close();
  }
});

test("a note typed just before the page is left is saved (flushed on page hide, not lost to the debounce)", { timeout: 60_000 }, async () => {
  const { context, page, problems, warnings } = await openApp(app);
  try {
    await loadSample(page);
    const n = notesUi(page);
    await n.noteButton(n.quote(FIRST_QUOTE)).click();
    await n.note.fill("Typed a moment before the reload.");
    await n.articleNote.fill("Article note typed just as quickly.");
    await page.reload();
    await waitForApp(page);
    await waitForSheet(page);
    await n.quote(FIRST_QUOTE).getByText("Typed a moment before the reload.").waitFor();
    assert.equal(await n.articleNote.inputValue(), "Article note typed just as quickly.");
    assertNoProblems(problems, warnings);
  } finally {
    await context.close();
  }
});

test("a deleted note can be brought back with Undo", { timeout: 60_000 }, async () => {
  const { context, page, problems, warnings } = await openApp(app);
  try {
    await loadSample(page);
    const n = notesUi(page);
    await writeNote(page, n.quote(FIRST_QUOTE), "Keep this one.");
    await n.notes.getByRole("button", { name: /^Delete/ }).click();
    await page.getByText("Note deleted.").waitFor();
    await n.quote(FIRST_QUOTE).getByText("Keep this one.").waitFor({ state: "detached" });
    assert.equal(await n.noteButton(n.quote(FIRST_QUOTE)).textContent(), "Add note");
    await page.getByRole("button", { name: "Undo", exact: true }).click();
    await n.quote(FIRST_QUOTE).getByText("Keep this one.").waitFor();
    await waitForStored(page, ["Keep this one."]);
    assert.deepEqual(await storedBodies(page), ["Keep this one."]);
    assertNoProblems(problems, warnings);
  } finally {
    await context.close();
  }
});

test("an edited article keeps the notes whose text is still there; a note whose text vanished is kept as detached", { timeout: 90_000 }, async () => {
  const { context, page, problems, warnings } = await openApp(app);
  try {
    await loadSample(page);
    const n = notesUi(page);
    await writeNote(page, n.quote(FIRST_QUOTE), "Note on the press secretary.");
    await writeNote(page, n.quote(SALHUT_QUOTE), "Note on the Al Jazeera correspondent.");
    await waitForStored(page, ["Note on the press secretary.", "Note on the Al Jazeera correspondent."]);

    // Clear, then paste the same article again: both notes are back.
    await n.clear.click();
    await n.article.fill(sample);
    await waitForSheet(page);
    await n.quote(FIRST_QUOTE).getByText("Note on the press secretary.").waitFor();
    await n.quote(SALHUT_QUOTE).getByText("Note on the Al Jazeera correspondent.").waitFor();

    // An edited version: a paragraph rewritten, the Salhut paragraph removed.
    const paragraphs = sample.split("\n");
    const salhut = paragraphs.findIndex((p) => p.includes(SALHUT_QUOTE));
    assert.ok(salhut > 0, "the sample has the Salhut paragraph");
    const edited = paragraphs
      .filter((_, i) => i !== salhut)
      .join("\n")
      .replace("The United States is engaging in direct talks", "The United States is holding direct talks");
    await n.article.fill(edited);
    await waitForSheet(page);
    await n.quote(FIRST_QUOTE).getByText("Note on the press secretary.").waitFor();
    assert.equal(await n.quote(SALHUT_QUOTE).count(), 0);
    await n.notes.getByRole("heading", { name: "Detached notes" }).waitFor();
    const detached = n.notes.locator(".note-row.is-detached");
    assert.equal(await detached.count(), 1);
    assert.match(await detached.textContent(), /Note on the Al Jazeera correspondent\./);
    // Nothing was dropped from storage, and the library still has one article.
    await page.waitForTimeout(2_500);
    assert.deepEqual(await storedBodies(page), ["Note on the Al Jazeera correspondent.", "Note on the press secretary."]);
    assert.equal((await stored(page)).articles.length, 1, "an edit is the same article, not a new one");
    assertNoProblems(problems, warnings);
  } finally {
    await context.close();
  }
});

test("the library keeps every pasted article; one can be reopened or deleted", { timeout: 90_000 }, async () => {
  const { context, page, problems, warnings } = await openApp(app);
  try {
    await loadSample(page);
    const n = notesUi(page);
    await writeNote(page, n.quote(FIRST_QUOTE), "From the first article.");
    const kerry = await articleText(page, "insidevoa-kerry-russia-ukraine-sanctions-2014.json");
    await n.article.fill(kerry);
    await waitForSheet(page);
    await page.locator(".library-summary").click();
    const items = n.library.getByRole("listitem");
    await n.library.getByText("2 articles").waitFor();
    assert.equal(await items.count(), 2);
    const first = items.filter({ hasText: "US confirms direct talks with Hamas" });
    assert.match(await first.textContent(), /1 note/);

    await first.getByRole("button", { name: /^Open/ }).click();
    await waitForSheet(page);
    assert.equal(await n.article.inputValue(), sample);
    await n.quote(FIRST_QUOTE).getByText("From the first article.").waitFor();

    const other = items.filter({ hasNotText: "US confirms direct talks with Hamas" });
    await other.getByRole("button", { name: /^Delete/ }).click();
    await page.getByText("Article deleted.").waitFor();
    await n.library.getByText("1 article", { exact: true }).waitFor();
    await page.waitForTimeout(2_500);
    assert.equal((await stored(page)).articles.length, 1);
    assertNoProblems(problems, warnings);
  } finally {
    await context.close();
  }
});

test("corrupt stored notes: the app starts, keeps the raw value under a backup key and tells the reader", { timeout: 60_000 }, async () => {
  const { context, page, problems, warnings } = await openApp(app);
  try {
    const corrupt = '{"schema":2,"library":{"articles":[{"id":';
    await page.evaluate(([key, value]) => localStorage.setItem(key, value), [LIBRARY_KEY, corrupt]);
    await page.reload();
    await waitForApp(page);
    await page.getByText("Stored notes could not be read").waitFor();
    assert.deepEqual(await backups(page), [corrupt], "the unreadable value is kept as it was");

    // The app works and saves new notes.
    await loadSample(page);
    const n = notesUi(page);
    await writeNote(page, n.quote(FIRST_QUOTE), "Written after the reset.");
    await waitForStored(page, ["Written after the reset."]);

    // A library from a newer version is not overwritten either.
    const future = JSON.stringify({ schema: 99, library: { articles: [], shelves: [] } });
    await page.evaluate(([key, value]) => localStorage.setItem(key, value), [LIBRARY_KEY, future]);
    await page.reload();
    await waitForApp(page);
    await page.getByText("written by a newer version of Factsheet").waitFor();
    await page.waitForFunction((v) => Object.keys(localStorage).some((k) => localStorage.getItem(k) === v && k.startsWith("factsheet.backup.")), future);
    problems.splice(0, problems.length, ...problems.filter((p) => !/could not be read|newer version/.test(p)));
    assertNoProblems(problems, warnings);
  } finally {
    await context.close();
  }
});

test("storage full: a visible error, the note stays on the page, nothing stored is overwritten, and it is saved once there is room", { timeout: 120_000 }, async () => {
  const { context, page, problems, warnings } = await openApp(app);
  try {
    await loadSample(page);
    const n = notesUi(page);
    await writeNote(page, n.quote(FIRST_QUOTE), "Saved before the disk filled up.");
    await waitForStored(page, ["Saved before the disk filled up."]);

    // Fill localStorage to its quota with other data.
    const filled = await page.evaluate(() => {
      let count = 0;
      for (let size = 1 << 20; size >= 16; size >>= 1) {
        const chunk = "x".repeat(size);
        for (;;) {
          try {
            localStorage.setItem(`filler.${count}`, chunk);
            count += 1;
          } catch {
            break;
          }
        }
      }
      return count;
    });
    assert.ok(filled > 0);

    await writeNote(page, n.quote(SALHUT_QUOTE), "Written while there is no room left. ".repeat(20));
    const banner = page.locator("#storage-status");
    await banner.getByText("Storage is full").waitFor({ timeout: 15_000 });
    await n.quote(SALHUT_QUOTE).getByText(/Written while there is no room left\./).waitFor();
    assert.deepEqual(await storedBodies(page), ["Saved before the disk filled up."], "the stored library is intact");

    // Room again: the retry saves the note and the message goes.
    await page.evaluate(() => {
      for (const key of Object.keys(localStorage)) if (key.startsWith("filler.")) localStorage.removeItem(key);
    });
    await waitForStored(page, ["Written while there is no room left."], 90_000);
    await banner.getByText("Storage is full").waitFor({ state: "detached", timeout: 10_000 });
    assertNoProblems(problems, warnings);
  } finally {
    await context.close();
  }
});

test("two tabs: a note written in one appears in the other, and neither tab's notes are lost", { timeout: 90_000 }, async () => {
  const { context, page: one, problems, warnings } = await openApp(app);
  try {
    await loadSample(one);
    const two = await context.newPage();
    await two.goto(app.url);
    await waitForApp(two);
    await waitForSheet(two);
    const a = notesUi(one);
    const b = notesUi(two);
    assert.equal(await b.article.inputValue(), sample, "the second tab opens the same article");

    await writeNote(one, a.quote(FIRST_QUOTE), "Written in tab one.");
    await b.quote(FIRST_QUOTE).getByText("Written in tab one.").waitFor({ timeout: 10_000 });

    await writeNote(two, b.quote(SALHUT_QUOTE), "Written in tab two.");
    await a.quote(SALHUT_QUOTE).getByText("Written in tab two.").waitFor({ timeout: 10_000 });
    await a.quote(FIRST_QUOTE).getByText("Written in tab one.").waitFor();
    await waitForStored(one, ["Written in tab one.", "Written in tab two."]);
    assert.deepEqual(await storedBodies(one), ["Written in tab one.", "Written in tab two."]);
    assertNoProblems(problems, warnings);
  } finally {
    await context.close();
  }
});

test("a tab opened right after a paste in another opens the pasted article (it is stored at once, not after the write debounce)", { timeout: 60_000 }, async () => {
  const { context, page: one, problems, warnings } = await openApp(app);
  try {
    // The second tab is open before the paste and reloads right after it:
    // a tab reads the last opened article once, as it starts.
    const two = await context.newPage();
    await two.goto(app.url);
    await waitForApp(two);
    await loadSample(one);
    const kept = await stored(one);
    assert.ok(kept?.articles?.some((a) => a.text === sample), "the pasted article is in localStorage as soon as its sheet is shown");
    await two.reload();
    await waitForApp(two);
    await waitForSheet(two);
    assert.equal(await notesUi(two).article.inputValue(), sample, "the second tab opens the pasted article");
    assertNoProblems(problems, warnings);
  } finally {
    await context.close();
  }
});

test("export all as JSON, import into a fresh profile: the same notes; importing again adds no duplicates; notes as Markdown", { timeout: 90_000 }, async () => {
  const first = await openApp(app);
  const second = await openApp(app);
  try {
    const { page } = first;
    await loadSample(page);
    const n = notesUi(page);
    await writeNote(page, n.quote(FIRST_QUOTE), "Exported note, with “curly quotes” & <b>markup</b>.", "export, check");
    await writeNote(page, n.partyCell("Hamas"), "Second exported note.");
    await n.articleNote.fill("Exported article note.");
    await waitForStored(page, ["Exported article note."]);

    const [markdown] = await Promise.all([page.waitForEvent("download"), n.notes.getByRole("button", { name: "Notes as Markdown" }).click()]);
    const md = await readFile(await markdown.path(), "utf8");
    assert.match(markdown.suggestedFilename(), /\.md$/);
    for (const part of ["US confirms direct talks with Hamas", "Exported article note.", "Second exported note.", "#export", FIRST_QUOTE]) {
      assert.ok(md.includes(part), `Markdown has “${part}”:\n${md}`);
    }

    await page.locator(".library-summary").click();
    const [download] = await Promise.all([page.waitForEvent("download"), n.library.getByRole("button", { name: "Export all (JSON)" }).click()]);
    const file = await download.path();
    const exported = JSON.parse(await readFile(file, "utf8"));

    const p2 = second.page;
    const m = notesUi(p2);
    await p2.locator(".library-summary").click();
    const [chooser] = await Promise.all([p2.waitForEvent("filechooser"), m.library.getByRole("button", { name: /^Import/ }).click()]);
    await chooser.setFiles(file);
    await m.library.getByText("1 article", { exact: true }).waitFor();
    await m.library.getByRole("listitem").getByRole("button", { name: /^Open/ }).click();
    await waitForSheet(p2);
    await m.quote(FIRST_QUOTE).getByText("Exported note, with “curly quotes” & <b>markup</b>.").waitFor();
    assert.equal(await m.articleNote.inputValue(), "Exported article note.");
    assert.equal(await p2.locator(".note-body b").count(), 0, "markup in a note is text");

    // Importing the same file again changes nothing.
    const [again] = await Promise.all([p2.waitForEvent("filechooser"), m.library.getByRole("button", { name: /^Import/ }).click()]);
    await again.setFiles(file);
    await p2.waitForTimeout(1_000);
    assert.equal(await m.library.getByRole("listitem").count(), 1);
    await m.notes.getByText("3 notes").waitFor(); // two on items, one on the article

    // The second profile's export has the same articles and notes.
    await waitForStored(p2, ["Exported article note."]);
    const [download2] = await Promise.all([p2.waitForEvent("download"), m.library.getByRole("button", { name: "Export all (JSON)" }).click()]);
    const reexported = JSON.parse(await readFile(await download2.path(), "utf8"));
    const strip = (doc) => doc.library.articles.map(({ last_opened, ...rest }) => rest);
    assert.deepEqual(strip(reexported), strip(exported));
    assertNoProblems(first.problems, first.warnings);
    assertNoProblems(second.problems, second.warnings);
  } finally {
    await first.context.close();
    await second.context.close();
  }
});

test("storage unavailable: the app works and says notes will not be kept", { timeout: 60_000 }, async () => {
  const { context, page, problems, warnings } = await openApp(app);
  try {
    await page.addInitScript(() => {
      Object.defineProperty(window, "localStorage", {
        get() {
          throw new DOMException("The operation is insecure.", "SecurityError");
        },
      });
    });
    await page.reload();
    await waitForApp(page);
    await page.getByText("Notes cannot be saved in this browser").waitFor();
    await loadSample(page);
    const n = notesUi(page);
    await writeNote(page, n.quote(FIRST_QUOTE), "Only in this tab.");
    await n.quote(FIRST_QUOTE).getByText("Only in this tab.").waitFor();
    await n.notes.getByText("Only in this tab.").waitFor();
    assertNoProblems(problems, warnings);
  } finally {
    await context.close();
  }
});
