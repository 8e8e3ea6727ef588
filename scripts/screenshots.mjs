// Takes the manifest's screenshots (the richer install dialog of Chromium shows
// them) of the release build in dist/ with the seed article broken down:
//
//   scripts/build.sh && node scripts/screenshots.mjs
//
//   public/screenshots/wide.png    1280x800, form_factor "wide"   (desktop)
//   public/screenshots/narrow.png   390x844, form_factor "narrow" (phone, 2x)
//
// Refresh them (and commit) whenever the UI changes visibly. They are not
// precached (scripts/precache.sh skips screenshots/), so they cost no first load.
import { createRequire } from "node:module";
import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const require = createRequire(path.join(ROOT, "e2e", "package.json"));
const { chromium } = require("playwright-core");
const { startServer } = await import(new URL("../e2e/serve.mjs", import.meta.url));

const SHOTS = [
  { file: "wide.png", viewport: { width: 1280, height: 800 }, scale: 1 },
  // CSS 390x844 at device scale 1 keeps the file small; the dialog scales it.
  // Scrolled to the quotes: the article box fills a phone's first screen.
  { file: "narrow.png", viewport: { width: 390, height: 844 }, scale: 1, atQuotes: true },
];
const out = path.join(ROOT, "public", "screenshots");
await mkdir(out, { recursive: true });
const seed = await readFile(path.join(ROOT, "tests", "fixtures", "seed-us-hamas-talks.txt"), "utf8");
const { server, url } = await startServer(path.join(ROOT, "dist"), 0);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu"],
});
try {
  for (const shot of SHOTS) {
    // No service worker: no "Ready to work offline" notice in the picture.
    const context = await browser.newContext({
      viewport: shot.viewport,
      deviceScaleFactor: shot.scale,
      colorScheme: "light",
      serviceWorkers: "block",
    });
    const page = await context.newPage();
    await page.goto(url);
    const sample = page.getByRole("button", { name: "Try the sample article" });
    const article = page.getByRole("textbox", { name: "Article text", exact: true });
    await article.waitFor({ timeout: 15_000 });
    if (await sample.count()) await sample.click();
    else await article.fill(seed);
    await page
      .getByRole("region", { name: "Quotes", exact: true })
      .getByRole("listitem")
      .first()
      .waitFor({ timeout: 10_000 });
    await article.evaluate((el) => {
      el.scrollTop = 0;
      el.setSelectionRange(0, 0);
      el.blur();
    });
    if (shot.atQuotes) {
      await page
        .getByRole("region", { name: "Quotes", exact: true })
        .evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 16));
    }
    // Panels below the first screen use content-visibility: auto; let the
    // browser lay out and paint what the scroll brought into view.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    await page.waitForTimeout(200);
    await page.screenshot({ path: path.join(out, shot.file) });
    console.log(`screenshots: public/screenshots/${shot.file} (${shot.viewport.width}x${shot.viewport.height})`);
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
