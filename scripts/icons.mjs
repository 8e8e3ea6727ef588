// Rasterises the app icons from their SVG sources with headless Chromium
// (playwright-core from e2e/node_modules, Debian's /usr/bin/chromium), so no
// image tool has to be installed. The PNGs are committed; run this again after
// changing a source:
//
//   node scripts/icons.mjs
//
//   public/favicon.svg        -> public/icons/icon-192.png, icon-512.png  (purpose "any")
//   scripts/icons/maskable.svg -> public/icons/maskable-512.png           (purpose "maskable")
//                              -> public/icons/apple-touch-icon.png (180, iOS rounds it itself)
import { createRequire } from "node:module";
import { readFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const require = createRequire(path.join(ROOT, "e2e", "package.json"));
const { chromium } = require("playwright-core");

const OUT = path.join(ROOT, "public", "icons");
const JOBS = [
  { src: "public/favicon.svg", out: "icon-192.png", size: 192 },
  { src: "public/favicon.svg", out: "icon-512.png", size: 512 },
  { src: "scripts/icons/maskable.svg", out: "maskable-512.png", size: 512 },
  { src: "scripts/icons/maskable.svg", out: "apple-touch-icon.png", size: 180 },
];

await mkdir(OUT, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu"],
});
try {
  for (const { src, out, size } of JOBS) {
    const svg = await readFile(path.join(ROOT, src));
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const dataUrl = `data:image/svg+xml;base64,${svg.toString("base64")}`;
    await page.setContent(
      `<!doctype html><style>html,body{margin:0;background:transparent}img{display:block}</style>` +
        `<img src="${dataUrl}" width="${size}" height="${size}" alt="">`,
    );
    await page.locator("img").evaluate((img) => img.decode());
    // Transparent outside the shape (the rounded corners of the "any" icon).
    await page.screenshot({ path: path.join(OUT, out), omitBackground: true });
    await page.close();
    console.log(`icons: ${path.join("public/icons", out)} (${size}x${size}) from ${src}`);
  }
} finally {
  await browser.close();
}
