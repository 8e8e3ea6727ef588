// Offline, installable, private: the service worker and the manifest of the
// release build in dist/ (issue #6). Each test serves its own copy of the app on
// its own port and uses a fresh persistent Chromium profile, so no service
// worker or cache is shared with another test.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import http from "node:http";
import { appendFile, cp, mkdtemp, readFile, readdir, rename, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { promisify } from "node:util";
import { startServer } from "./serve.mjs";
import {
  DIST,
  ROOT,
  assertParsedInWorker,
  cspViolations,
  fixture,
  launchProfile,
  seriousA11yViolations,
  waitForApp,
  waitForServiceWorker,
} from "./support.mjs";

const run = promisify(execFile);
const RESULT_TIMEOUT = 10_000;

/** VERSION, MODE and PRECACHE of the sw.js that scripts/precache.sh wrote into `dir`. */
export async function precacheOf(dir) {
  const sw = await readFile(path.join(dir, "sw.js"), "utf8");
  const field = (re) => re.exec(sw)?.[1];
  return {
    version: field(/^const VERSION = "([^"]*)";$/m),
    mode: field(/^const MODE = "([^"]*)";$/m),
    list: JSON.parse(field(/^const PRECACHE = (\[.*\]);$/m) ?? "null"),
  };
}

/** Runs the Trunk post_build hook by hand on `dir` (as trunk does on its staging dir). */
async function runPrecache(dir, profile = "release") {
  await run("sh", ["scripts/precache.sh", dir], { cwd: ROOT, env: { ...process.env, TRUNK_PROFILE: profile } });
}

/** A throw-away copy of dist/ that a test may change ("deploy a new version"). */
async function copyOfDist() {
  const dir = await mkdtemp(path.join(os.tmpdir(), "factsheet-site-"));
  await cp(DIST, dir, { recursive: true });
  return dir;
}

async function filesOf(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath ?? e.path, e.name)).split(path.sep).join("/"))
    .sort();
}

/**
 * Breaks down the seed article: with the "Try the sample article" button when
 * the UI has one, else by pasting tests/fixtures/seed-us-hamas-talks.txt into
 * the "Article text" box. Resolves to the number of quotes listed.
 */
async function breakDownSeed(page) {
  const sample = page.getByRole("button", { name: "Try the sample article" });
  if (await sample.count()) {
    await sample.click();
  } else {
    await page.getByRole("textbox", { name: "Article text", exact: true }).fill(await fixture("seed-us-hamas-talks.txt"));
  }
  const quotes = page.getByRole("region", { name: "Quotes", exact: true });
  await quotes
    .getByRole("listitem")
    .filter({ hasText: "Karine Jean-Pierre" })
    .first()
    .waitFor({ timeout: RESULT_TIMEOUT });
  return quotes.getByRole("listitem").count();
}

/** The names of the caches of the page's origin. */
function cacheNames(page) {
  return page.evaluate(() => caches.keys());
}

/** Retries `check` (which throws while not yet true) until it passes or `timeout` ms. */
async function eventually(check, timeout = 15_000) {
  const end = Date.now() + timeout;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > end) throw err;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

async function closeServer(server) {
  server.closeAllConnections?.();
  await new Promise((resolve) => server.close(resolve));
}

test("the build hook precaches every built file under a version hash of their contents", { timeout: 60_000 }, async () => {
  const { version, mode, list } = await precacheOf(DIST);
  assert.equal(mode, "offline", "release builds get the offline worker");
  assert.match(version, /^[0-9a-f]{16}$/);
  const built = (await filesOf(DIST)).filter((f) => f !== "sw.js" && !f.startsWith("screenshots/"));
  const expected = built.map((f) => (f === "index.html" ? "./" : f)).sort();
  assert.deepEqual([...list].sort(), expected, "PRECACHE lists exactly the built files");
  for (const re of [
    /^factsheet-web-[0-9a-f]{1,16}_bg\.wasm$/,
    /^factsheet-web-[0-9a-f]{1,16}\.js$/,
    /^factsheet-parser_bg\.wasm$/,
    /^factsheet-parser\.js$/,
    /^parser-worker\.js$/,
    /^main-[0-9a-f]{1,16}\.css$/,
    /^boot\.js$/,
    /^manifest\.webmanifest$/,
  ]) {
    assert.ok(list.some((f) => re.test(f)), `PRECACHE has ${re}`);
  }

  const site = await copyOfDist();
  try {
    await runPrecache(site);
    assert.equal((await precacheOf(site)).version, version, "same files, same version");
    await appendFile(path.join(site, "boot.js"), "\n// changed\n");
    await runPrecache(site);
    const changed = (await precacheOf(site)).version;
    assert.notEqual(changed, version, "changing the contents of one (unhashed) file changes the version");
    await rename(path.join(site, "icons", "icon-192.png"), path.join(site, "icons", "icon-192-renamed.png"));
    await runPrecache(site);
    const renamed = await precacheOf(site);
    assert.notEqual(renamed.version, changed, "renaming a file changes the version");
    assert.ok(renamed.list.includes("icons/icon-192-renamed.png"));
    await runPrecache(site, "debug");
    assert.equal((await precacheOf(site)).mode, "off", "dev builds get the self-removing worker");
  } finally {
    await rm(site, { recursive: true, force: true });
  }
});

test("the manifest's icons and screenshots exist with the sizes it declares", async () => {
  const manifest = JSON.parse(await readFile(path.join(DIST, "manifest.webmanifest"), "utf8"));
  const images = [...manifest.icons, ...manifest.screenshots];
  assert.ok(manifest.icons.some((i) => i.purpose === "maskable" && i.sizes === "512x512"), "a 512 px maskable icon");
  assert.deepEqual(manifest.screenshots.map((s) => s.form_factor).sort(), ["narrow", "wide"]);
  for (const image of images) {
    const png = await readFile(path.join(DIST, image.src));
    assert.equal(png.toString("latin1", 1, 4), "PNG", `${image.src} is a PNG`);
    const size = `${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`;
    assert.equal(size, image.sizes, `${image.src} is ${image.sizes}`);
  }
});

test("after one visit the app works offline: reload, new tab, seed article, notes", { timeout: 120_000 }, async () => {
  const { server, url } = await startServer(DIST, 0);
  const origin = new URL(url).origin;
  const profile = await launchProfile(origin);
  const { context, page, problems, warnings, requests } = profile;
  try {
    // First visit, online: the worker installs, precaches, takes over.
    await page.goto(url);
    await waitForApp(page);
    assert.equal(await waitForServiceWorker(page), url, "the worker's scope is the app's directory");
    await page.getByRole("status").getByText("Ready to work offline").waitFor();
    const { version, list } = await precacheOf(DIST);
    assert.deepEqual(await cacheNames(page), [`factsheet:/:${version}`]);
    // The first visit downloads nothing but sw.js and its precache list: what
    // scripts/budgets.mjs counts as the first load.
    const firstVisit = new Set(requests.map((u) => u.slice(url.length) || "./"));
    const counted = new Set(["sw.js", ...list]);
    assert.deepEqual([...firstVisit].filter((f) => !counted.has(f)), [], "first visit requests are all in the budget");

    // Installable, says Chromium itself.
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
    assert.deepEqual(installabilityErrors, [], "Chromium's installability check passes");
    const { errors, manifest } = await cdp.send("Page.getAppManifest");
    assert.deepEqual(errors, [], "the manifest parses without errors");
    assert.equal(manifest.startUrl, url);
    assert.equal(manifest.scope, url);
    assert.equal(manifest.id, url);
    assert.equal(manifest.display, "kStandalone");
    assert.ok(manifest.icons.some((i) => i.sizes === "192x192"), "192 px icon");
    assert.ok(manifest.icons.some((i) => i.sizes === "512x512"), "512 px icon");
    const raw = JSON.parse(await readFile(path.join(DIST, "manifest.webmanifest"), "utf8"));
    assert.ok(raw.icons.some((i) => i.purpose === "maskable"), "a maskable icon");
    for (const key of ["name", "short_name", "description", "id", "start_url", "scope", "theme_color", "background_color"]) {
      assert.ok(raw[key], `manifest has ${key}`);
    }

    // Notes written online must still be there offline.
    await breakDownSeed(page);
    const noteBox = page.getByRole("textbox", { name: "Article note", exact: true });
    const note = `Checked offline ${Date.now()}`;
    await noteBox.fill(note);
    await noteBox.blur();
    await page.waitForFunction((n) => (localStorage.getItem("factsheet.library") || "").includes(n), note);

    // Offline: the network is really gone (a file that is not precached fails).
    await context.setOffline(true);
    const probe = await page.evaluate(() =>
      fetch("offline-probe.txt", { cache: "no-store" }).then(
        () => "fetched",
        () => "failed",
      ),
    );
    assert.equal(probe, "failed", "offline, a file that is not precached cannot be fetched");

    const reloaded = await page.reload();
    assert.ok(reloaded.fromServiceWorker(), "the page comes from the service worker");
    await waitForApp(page);
    const quotes = await breakDownSeed(page);
    assert.ok(quotes >= 4, `offline, the seed article still gives its quotes (listed ${quotes})`);
    await assertParsedInWorker(page);
    assert.equal(await noteBox.inputValue(), note, "the note survived, offline");

    const tab = await context.newPage();
    const opened = await tab.goto(url);
    assert.ok(opened.fromServiceWorker(), "a new tab opened offline comes from the service worker");
    await waitForApp(tab);
    assert.ok((await breakDownSeed(tab)) >= 4, "a new tab opened offline breaks down the seed article");
    await assertParsedInWorker(tab);
    const tabNote = tab.getByRole("textbox", { name: "Article note", exact: true });
    assert.equal(await tabNote.inputValue(), note, "the note is there in a new tab, offline");
    assert.deepEqual(await seriousA11yViolations(tab), [], "no serious accessibility problems offline");

    // Stronger than emulation: the server is gone, the browser "online" again.
    await closeServer(server);
    await context.setOffline(false);
    const noServer = await tab.reload();
    assert.ok(noServer.fromServiceWorker());
    await waitForApp(tab);
    assert.ok((await breakDownSeed(tab)) >= 4, "with the server stopped the app still works");
    await assertParsedInWorker(tab);

    for (const p of [page, tab]) assert.deepEqual(await cspViolations(p), [], "no CSP violations");
    for (const w of warnings) console.log(`# ${w}`);
    const expected = (p) => p.includes("offline-probe.txt");
    assert.deepEqual(problems.filter((p) => !expected(p)), [], "no errors, failed requests or other origins");
  } finally {
    await profile.close();
    await closeServer(server).catch(() => {});
  }
});

test("the Content-Security-Policy blocks inline scripts and other origins", { timeout: 60_000 }, async () => {
  const { server, url } = await startServer(DIST, 0);
  // Another origin (another port) that counts what reaches it: nothing may.
  const hits = [];
  const other = http.createServer((req, res) => {
    hits.push(req.url);
    res.writeHead(204).end();
  });
  await new Promise((resolve) => other.listen(0, "127.0.0.1", resolve));
  const elsewhere = `http://127.0.0.1:${other.address().port}`;
  const profile = await launchProfile(new URL(url).origin);
  const { page } = profile;
  try {
    await page.goto(url);
    await waitForApp(page);
    assert.deepEqual(await cspViolations(page), [], "the app itself needs no exception");
    const outcome = await page.evaluate(async (elsewhere) => {
      const script = document.createElement("script");
      script.textContent = "globalThis.__inlineRan = true";
      document.head.append(script);
      const img = new Image();
      const imgLoaded = new Promise((resolve) => {
        img.onload = () => resolve(true);
        img.onerror = () => resolve(false);
      });
      img.src = `${elsewhere}/pixel.png`;
      const fetched = await fetch(`${elsewhere}/collect`, { mode: "no-cors" }).then(
        () => true,
        () => false,
      );
      navigator.sendBeacon(`${elsewhere}/beacon`, "x");
      return { inline: globalThis.__inlineRan === true, fetched, img: await imgLoaded };
    }, elsewhere);
    assert.deepEqual(outcome, { inline: false, fetched: false, img: false });
    await page.waitForTimeout(300);
    const violations = (await cspViolations(page)).sort();
    assert.deepEqual(violations, [
      `connect-src blocked ${elsewhere}/beacon`,
      `connect-src blocked ${elsewhere}/collect`,
      `img-src blocked ${elsewhere}/pixel.png`,
      "script-src-elem blocked inline",
    ]);
    assert.deepEqual(hits, [], "nothing reached the other origin");
  } finally {
    await profile.close();
    await closeServer(server);
    await closeServer(other);
  }
});

test("a new version waits for 'Update available → Reload', then replaces the old one", { timeout: 120_000 }, async () => {
  const site = await copyOfDist();
  const { server, url } = await startServer(site, 0);
  const profile = await launchProfile(new URL(url).origin);
  const { context, page, problems } = profile;
  const status = (p) => p.getByRole("status");
  const deploy = async (label) => {
    // A new release: another page title, then the build hook as trunk runs it.
    const index = path.join(site, "index.html");
    const html = await readFile(index, "utf8");
    await writeFile(index, html.replace(/<title>([^<(]*?)(?: \(v\d\))?<\/title>/, `<title>$1 (${label})</title>`));
    await runPrecache(site);
    return (await precacheOf(site)).version;
  };
  const checkForUpdate = (p) => p.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  try {
    await page.goto(url);
    await waitForApp(page);
    await waitForServiceWorker(page);
    const title1 = await page.title();
    const v1 = (await precacheOf(site)).version;

    const v2 = await deploy("v2");
    assert.notEqual(v2, v1);
    await checkForUpdate(page);
    await status(page).getByText("Update available").waitFor();
    assert.equal(await page.title(), title1, "the old version stays until the reader says so");
    await page.reload();
    await waitForApp(page);
    assert.equal(await page.title(), title1, "a plain reload keeps the version that controls the page");
    await status(page).getByText("Update available").waitFor();
    assert.deepEqual(await seriousA11yViolations(page), [], "no serious accessibility problems with the prompt shown");

    await Promise.all([
      page.waitForEvent("framenavigated"),
      status(page).getByRole("button", { name: "Reload" }).click(),
    ]);
    await waitForApp(page);
    assert.equal(await page.title(), `${title1} (v2)`, "Reload switched to the new version");
    assert.deepEqual(await cacheNames(page), [`factsheet:/:${v2}`], "the old version's cache is deleted");
    assert.equal(await status(page).getByText("Update available").count(), 0);

    // "Not now": never stuck on an old version: it takes over once the old
    // version's last tab is closed.
    const v3 = await deploy("v3");
    await checkForUpdate(page);
    await status(page).getByText("Update available").waitFor();
    await status(page).getByRole("button", { name: "Not now" }).click();
    assert.equal(await status(page).getByText("Update available").count(), 0, "dismissed");
    await page.close();
    // A tab opened while the old version is still active would itself
    // become its client and hold the new version back: a try that still sees
    // the old version closes its tab before the next one.
    let next;
    await eventually(async () => {
      next = await context.newPage();
      await next.goto(url);
      const title = await next.title();
      if (title !== `${title1} (v3)`) await next.close();
      assert.equal(title, `${title1} (v3)`);
    }, 30_000);
    await waitForApp(next);
    assert.deepEqual(await cacheNames(next), [`factsheet:/:${v3}`]);
    assert.deepEqual(await cspViolations(next), []);
    assert.deepEqual(problems, []);
  } finally {
    await profile.close();
    await closeServer(server);
    await rm(site, { recursive: true, force: true });
  }
});

test("a dev build's worker removes the offline cache instead of serving it", { timeout: 60_000 }, async () => {
  // E.g. `scripts/serve.sh` (release) and later `trunk serve` (debug) on the
  // same port: the debug build must not be hidden behind the release cache.
  const site = await copyOfDist();
  const { server, url } = await startServer(site, 0);
  const profile = await launchProfile(new URL(url).origin);
  const { page } = profile;
  try {
    await page.goto(url);
    await waitForApp(page);
    await waitForServiceWorker(page);
    assert.equal((await cacheNames(page)).length, 1);

    await runPrecache(site, "debug");
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    // The dev worker unregisters itself, deletes the cache and reloads the page.
    await eventually(async () => {
      const state = await page.evaluate(async () => ({
        registrations: (await navigator.serviceWorker.getRegistrations()).length,
        caches: await caches.keys(),
        controlled: Boolean(navigator.serviceWorker.controller),
      }));
      assert.deepEqual(state, { registrations: 0, caches: [], controlled: false });
    });
    await waitForApp(page);
  } finally {
    await profile.close();
    await closeServer(server);
    await rm(site, { recursive: true, force: true });
  }
});
