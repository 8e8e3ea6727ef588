// Lighthouse (npm lighthouse 12.2.3, Debian's Chromium) on the release build in
// dist/, plus Chromium's own installability check; fails when a score is below
// its threshold, or when time to interactive is over MAX_TTI_MS. Run by
// scripts/test.sh:
//
//   node e2e/lighthouse.mjs [dist]
//
// dist/ is served by e2e/serve.mjs behind a gzip layer, as static hosts serve
// it (GitHub Pages, Netlify, Cloudflare Pages, nginx with gzip on...); default
// Lighthouse settings: mobile, simulated slow 4G and 4x CPU slowdown.
// Writes target/lighthouse/{report.report.html,report.report.json,scores.json}
// and prints the scores. When the first run misses a threshold, two more are
// made and the median run counts. LIGHTHOUSE_NO_GZIP=1 serves without
// compression (for comparison).
import { execFile } from "node:child_process";
import http from "node:http";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import { startServer } from "./serve.mjs";
import { CHROMIUM, launchProfile, waitForApp, waitForServiceWorker } from "./support.mjs";

const THRESHOLDS = { performance: 95, accessibility: 100, "best-practices": 100, seo: 90 };
/** Time to interactive (Lighthouse's "interactive" audit, simulated), at most. */
const MAX_TTI_MS = 4_000;

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const dist = path.resolve(ROOT, process.argv[2] ?? "dist");
const out = path.join(ROOT, "target", "lighthouse");
const gzip = process.env.LIGHTHOUSE_NO_GZIP !== "1";
const run = promisify(execFile);

/** A front server that gzips what `inner` answers (when the browser accepts it). */
async function startGzipServer(inner) {
  const cache = new Map();
  const server = http.createServer((req, res) => {
    const forward = http.request(new URL(req.url, inner), { method: req.method, headers: req.headers }, (answer) => {
      const chunks = [];
      answer.on("data", (c) => chunks.push(c));
      answer.on("end", () => {
        const headers = { ...answer.headers, vary: "accept-encoding" };
        let body = Buffer.concat(chunks);
        if (answer.statusCode === 200 && /\bgzip\b/.test(req.headers["accept-encoding"] ?? "")) {
          const key = `${req.url} ${body.length}`;
          if (!cache.has(key)) cache.set(key, gzipSync(body, { level: 9 }));
          body = cache.get(key);
          headers["content-encoding"] = "gzip";
        }
        headers["content-length"] = body.length;
        res.writeHead(answer.statusCode, headers).end(req.method === "HEAD" ? undefined : body);
      });
    });
    forward.on("error", () => res.writeHead(502).end());
    req.pipe(forward);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, url: `http://127.0.0.1:${server.address().port}/` };
}

/** Chromium's installability check (CDP), in a normal (persistent) profile. */
async function installability(url) {
  const profile = await launchProfile(new URL(url).origin);
  try {
    await profile.page.goto(url);
    await waitForApp(profile.page);
    await waitForServiceWorker(profile.page);
    const cdp = await profile.context.newCDPSession(profile.page);
    const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
    return installabilityErrors.map((e) => e.errorId);
  } finally {
    await profile.close();
  }
}

const inner = await startServer(dist, 0);
const front = gzip ? await startGzipServer(inner.url) : null;
const url = front ? front.url : inner.url;
/** One Lighthouse run; its report goes to target/lighthouse/report.report.{json,html}. */
async function lighthouse() {
  const cli = path.join(ROOT, "e2e", "node_modules", "lighthouse", "cli", "index.js");
  await run(
    process.execPath,
    [
      cli,
      url,
      // --no-sandbox: Chromium refuses to start as root without it.
      "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
      "--output=json",
      "--output=html",
      `--output-path=${path.join(out, "report")}`,
      "--quiet",
    ],
    { env: { ...process.env, CHROME_PATH: CHROMIUM }, maxBuffer: 1 << 26 },
  );
  const json = await readFile(path.join(out, "report.report.json"), "utf8");
  const html = await readFile(path.join(out, "report.report.html"), "utf8");
  const report = JSON.parse(json);
  const scores = Object.fromEntries(
    Object.entries(report.categories).map(([id, c]) => [id, c.score === null ? null : Math.round(c.score * 100)]),
  );
  return { report, scores, json, html };
}

const tti = (report) => report.audits.interactive?.numericValue ?? Infinity;
const passes = ({ scores, report }) =>
  Object.entries(THRESHOLDS).every(([id, min]) => (scores[id] ?? -1) >= min) && tti(report) <= MAX_TTI_MS;

try {
  await mkdir(out, { recursive: true });
  const t0 = Date.now();
  // Performance scores wobble on a busy machine: when the first run misses a
  // threshold, two more runs are made and the median one (by performance)
  // counts, as Lighthouse CI does.
  const runs = [await lighthouse()];
  if (!passes(runs[0])) {
    console.log(`lighthouse: run 1 below threshold (${JSON.stringify(runs[0].scores)}); two more runs, the median counts`);
    runs.push(await lighthouse(), await lighthouse());
  }
  const ranked = [...runs].sort((a, b) => (a.scores.performance ?? 0) - (b.scores.performance ?? 0));
  const { report, scores, json, html } = ranked[Math.floor(ranked.length / 2)];
  await writeFile(path.join(out, "report.report.json"), json);
  await writeFile(path.join(out, "report.report.html"), html);
  const metrics = Object.fromEntries(
    ["first-contentful-paint", "largest-contentful-paint", "interactive", "total-blocking-time", "cumulative-layout-shift", "speed-index"].map(
      (id) => [id, report.audits[id]?.displayValue],
    ),
  );
  const failedAudits = Object.values(report.audits)
    .filter((a) => a.score !== null && a.score < 1 && !["informative", "notApplicable", "manual"].includes(a.scoreDisplayMode))
    .map((a) => `${a.id} (${a.score})${a.displayValue ? `: ${a.displayValue}` : ""}`);
  const installErrors = await installability(url);

  const result = {
    lighthouse: report.lighthouseVersion,
    chromium: report.environment?.hostUserAgent,
    url,
    served: gzip ? "gzip" : "uncompressed",
    settings: `${report.configSettings.formFactor}, ${report.configSettings.throttlingMethod} throttling`,
    scores,
    thresholds: { ...THRESHOLDS, interactive_ms: MAX_TTI_MS },
    interactive_ms: Math.round(tti(report)),
    metrics,
    failedAudits,
    installabilityErrors: installErrors,
    runs: runs.map((r) => r.scores.performance),
    seconds: Math.round((Date.now() - t0) / 1000),
  };
  await writeFile(path.join(out, "scores.json"), `${JSON.stringify(result, null, 2)}\n`);

  console.log(`lighthouse ${result.lighthouse} (${result.settings}, served ${result.served}):`);
  let ok = true;
  for (const [id, min] of Object.entries(THRESHOLDS)) {
    const pass = (scores[id] ?? -1) >= min;
    ok &&= pass;
    console.log(`  ${pass ? "ok  " : "FAIL"} ${id.padEnd(15)} ${String(scores[id]).padStart(3)}  (min ${min})`);
  }
  const interactive = tti(report) <= MAX_TTI_MS;
  ok &&= interactive;
  console.log(`  ${interactive ? "ok  " : "FAIL"} time to interactive ${Math.round(tti(report))} ms  (max ${MAX_TTI_MS})`);
  console.log(`  metrics: ${Object.entries(metrics).map(([k, v]) => `${k} ${v}`).join(", ")}`);
  for (const a of failedAudits) console.log(`  audit below 1: ${a}`);
  const installable = installErrors.length === 0;
  ok &&= installable;
  console.log(`  ${installable ? "ok  " : "FAIL"} installable (CDP Page.getInstallabilityErrors): ${installable ? "[]" : installErrors.join(", ")}`);
  console.log(`  report: ${path.relative(ROOT, path.join(out, "report.report.html"))}, scores: ${path.relative(ROOT, path.join(out, "scores.json"))}`);
  if (!ok) {
    console.error("lighthouse: below threshold (see above)");
    process.exitCode = 1;
  }
} finally {
  if (front) await new Promise((resolve) => front.server.close(resolve));
  await new Promise((resolve) => inner.server.close(resolve));
}
