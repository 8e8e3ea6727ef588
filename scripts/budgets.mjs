// Size budgets of the release build, checked by scripts/test.sh (fails the run
// when one is exceeded):
//
//   node scripts/budgets.mjs [dist]
//
//   wasm        the app's _bg.wasm, gzip -9                      <= 400 KB
//   first load  every file a first visit downloads, gzip -9 each <= 450 KB
//
// KB = 1000 bytes. "First load" is the page and what it loads (index.html, CSS,
// boot.js, the wasm-bindgen glue, the wasm, manifest, icons) plus everything the
// service worker precaches on that visit: exactly sw.js and its PRECACHE list
// (e2e/pwa.test.mjs checks that a first visit requests nothing else), each file
// counted once. Hosts send these compressed; `gzip -9` (the same measure as
// scripts/build.sh prints) stands for that, brotli is smaller still.
// Writes target/budgets.json and prints a table.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { execFileSync } from "node:child_process";

const KB = 1000;
const BUDGETS = { wasmGzip: 400 * KB, firstLoadGzip: 450 * KB };

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
const wasm = rows.filter((r) => r.file.endsWith("_bg.wasm"));
if (wasm.length !== 1) {
  console.error(`budgets: expected one _bg.wasm in the precache list, found ${wasm.length}`);
  process.exit(1);
}
const total = rows.reduce((sum, r) => ({ raw: sum.raw + r.raw, gzip: sum.gzip + r.gzip }), { raw: 0, gzip: 0 });

const fmt = (n) => n.toLocaleString("en-US").padStart(9);
console.log(`budgets: ${path.relative(ROOT, dist) || "."}, ${rows.length} files of the first load (raw / gzip bytes)`);
for (const r of rows) console.log(`  ${fmt(r.raw)} ${fmt(r.gzip)}  ${r.file}`);
console.log(`  ${fmt(total.raw)} ${fmt(total.gzip)}  total`);

const checks = [
  { name: "wasm (gzip)", bytes: wasm[0].gzip, budget: BUDGETS.wasmGzip },
  { name: "first load (gzip)", bytes: total.gzip, budget: BUDGETS.firstLoadGzip },
];
let failed = false;
for (const c of checks) {
  const ok = c.bytes <= c.budget;
  failed ||= !ok;
  const pct = ((100 * c.bytes) / c.budget).toFixed(0);
  console.log(`budgets: ${ok ? "ok  " : "OVER"} ${c.name}: ${c.bytes.toLocaleString("en-US")} bytes of ${c.budget.toLocaleString("en-US")} (${pct}%)`);
}

await mkdir(path.join(ROOT, "target"), { recursive: true });
await writeFile(
  path.join(ROOT, "target", "budgets.json"),
  `${JSON.stringify({ dist: path.relative(ROOT, dist), budgets: BUDGETS, wasm: wasm[0], firstLoad: total, files: rows }, null, 2)}\n`,
);
if (failed) {
  console.error("budgets: over budget (see above)");
  process.exit(1);
}
