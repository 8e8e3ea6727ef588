// Factsheet's CLI against wink-nlp, in the same run on the same text:
//
//   cargo build --release --bin factsheet
//   npm ci --prefix benches/wink          (once; not part of scripts/setup.sh)
//   node benches/wink/compare.mjs         (RUNS=n for more or fewer runs; default 9)
//
// The text: the committed articles (tests/corpus/*/*.json, in name order)
// joined by blank lines and repeated up to 1 MiB, as e2e/big-paste and the
// parse bench do. Timed, in turn, in every run:
//   * wink-nlp's `readDoc` on the text (the model is loaded before, untimed):
//     the parse alone, in this process;
//   * `target/release/factsheet --json` with the text on stdin: the whole
//     process (start, read, parse, JSON out), wall clock;
//   * `factsheet --jsonl` over the same articles, one per line (repeated to
//     1 MiB of text), on all cores and with --jobs 1.
// Prints the medians and ratios, and writes target/wink-comparison.json.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import model from "wink-eng-lite-web-model";
import winkNLP from "wink-nlp";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const CLI = path.join(ROOT, "target", "release", "factsheet");
const RUNS = Number(process.env.RUNS ?? 9);
const MIB = 1 << 20;

if (!existsSync(CLI)) {
  console.error(`compare: ${path.relative(ROOT, CLI)} is missing: run \`cargo build --release --bin factsheet\` first`);
  process.exit(1);
}

/**
 * The committed articles, in file-name order (not tests/corpus/pages/: whole
 * web pages wrapping those same articles).
 */
function articles() {
  const corpus = path.join(ROOT, "tests", "corpus");
  const out = [];
  for (const set of readdirSync(corpus).sort().filter((s) => s !== "pages")) {
    for (const file of readdirSync(path.join(corpus, set)).filter((f) => f.endsWith(".json")).sort()) {
      const { id, text } = JSON.parse(readFileSync(path.join(corpus, set, file), "utf8"));
      if (text) out.push({ id: id ?? file, text });
    }
  }
  return out;
}

const items = articles();
let text = "";
while (Buffer.byteLength(text) < MIB) text += items.map((a) => a.text).join("\n\n") + "\n\n";
let jsonl = "";
let jsonlBytes = 0;
for (let i = 0; jsonlBytes < MIB; i++) {
  const a = items[i % items.length];
  jsonl += JSON.stringify({ id: `${a.id}#${i}`, text: a.text }) + "\n";
  jsonlBytes += Buffer.byteLength(a.text);
}
const lines = jsonl.split("\n").length - 1;

const nlp = winkNLP(model);
nlp.readDoc(items[0].text); // warm up (model tables, JIT)

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Wall time (ms) of the CLI with `args` and `input` on stdin; fails on a bad exit. */
function cli(args, input) {
  const start = process.hrtime.bigint();
  const run = spawnSync(CLI, args, { input, maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (run.status !== 0) throw new Error(`factsheet ${args.join(" ")} exited ${run.status}: ${run.stderr}`);
  return ms;
}

const load = [os.loadavg()[0]];
const times = { wink: [], json: [], jsonl: [], jsonl1: [] };
for (let r = 0; r < RUNS; r++) {
  const start = process.hrtime.bigint();
  const doc = nlp.readDoc(text);
  times.wink.push(Number(process.hrtime.bigint() - start) / 1e6);
  if (r === 0) console.log(`# wink-nlp read ${doc.tokens().length()} tokens, ${doc.sentences().length()} sentences`);
  times.json.push(cli(["--json"], text));
  times.jsonl.push(cli(["--jsonl"], jsonl));
  times.jsonl1.push(cli(["--jsonl", "--jobs", "1"], jsonl));
}
load.push(os.loadavg()[0]);

const m = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
const mbps = (ms, bytes) => (bytes / MIB / (ms / 1000)).toFixed(1);
const result = {
  when: new Date().toISOString(),
  machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${os.platform()} ${os.release()}, node ${process.version}`,
  load_average: load.map((l) => +l.toFixed(2)),
  runs: RUNS,
  text_bytes: Buffer.byteLength(text),
  jsonl: { lines, text_bytes: jsonlBytes },
  median_ms: Object.fromEntries(Object.entries(m).map(([k, v]) => [k, +v.toFixed(1)])),
  all_ms: Object.fromEntries(Object.entries(times).map(([k, v]) => [k, v.map((x) => +x.toFixed(1))])),
  ratios: {
    wink_over_cli_json: +(m.wink / m.json).toFixed(2),
    wink_over_cli_jsonl: +(m.wink / m.jsonl).toFixed(2),
    jsonl_all_cores_speedup: +(m.jsonl1 / m.jsonl).toFixed(2),
  },
};
console.log(`machine: ${result.machine}; load average ${load.join(" → ")}; ${RUNS} runs, medians`);
console.log(`  wink-nlp readDoc (parse only)     ${m.wink.toFixed(1).padStart(8)} ms  ${mbps(m.wink, result.text_bytes)} MiB/s`);
console.log(`  factsheet --json (whole process)  ${m.json.toFixed(1).padStart(8)} ms  ${mbps(m.json, result.text_bytes)} MiB/s  → ${result.ratios.wink_over_cli_json}× wink`);
console.log(`  factsheet --jsonl (${os.cpus().length} cores)        ${m.jsonl.toFixed(1).padStart(8)} ms  ${mbps(m.jsonl, jsonlBytes)} MiB/s  → ${result.ratios.wink_over_cli_jsonl}× wink`);
console.log(`  factsheet --jsonl --jobs 1        ${m.jsonl1.toFixed(1).padStart(8)} ms  ${mbps(m.jsonl1, jsonlBytes)} MiB/s  (all cores: ${result.ratios.jsonl_all_cores_speedup}× one)`);
await mkdir(path.join(ROOT, "target"), { recursive: true });
await writeFile(path.join(ROOT, "target", "wink-comparison.json"), `${JSON.stringify(result, null, 2)}\n`);
