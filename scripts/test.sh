#!/usr/bin/env bash
# THE test command of Factsheet (CI runs it through .ci/run):
#
#   scripts/test.sh
#
# setup (pinned tools), then formatting, lints (native and wasm32), the Rust
# tests, the release build of the browser app (with its size), its size
# budgets, a second build for a sub-path, the browser end-to-end tests and
# Lighthouse. Stops at the first failing step.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
source scripts/env.sh

logs="target/test-logs"
mkdir -p "$logs"
ran=()
current=""
t_all=$SECONDS
on_exit() {
  local rc=$?
  if [ "$rc" -ne 0 ]; then
    echo "test.sh: FAILED (exit $rc) at step \"$current\"; passed before it: ${ran[*]:-none}" >&2
  fi
}
trap on_exit EXIT

# step NAME COMMAND...: runs one step, its output also in target/test-logs/NAME.log.
step() {
  current="$1"
  shift
  echo
  echo "==> [$current] $*"
  local t0=$SECONDS
  "$@" 2>&1 | tee "$logs/$current.log"
  ran+=("$current $((SECONDS - t0))s")
}

step fmt cargo fmt --all --check
step clippy cargo clippy --all-targets -- -D warnings
# wasm32 too, tests and benches included (proptest without its default
# features and getrandom's wasm_js backend make the dev-dependencies build there).
step clippy-wasm cargo clippy --all-targets --target wasm32-unknown-unknown -- -D warnings

# Parser accuracy and benches run inside cargo test (tests/*.rs and benches/,
# owned by the parser). Add parser-specific steps here, e.g.:
#   step eval python3 ../shared/eval/score.py --gold ../shared/eval/dev --cmd "target/release/factsheet --json"
step cargo-test cargo test
# Whole web pages pasted (issue 11's targets), scored on the CLI itself, plain
# text and HTML (tests/corpus/pages/README.md; cargo test built the binary).
step pages python3 tests/corpus/pages/score.py --cmd "target/debug/factsheet --json" \
  --html-cmd "target/debug/factsheet --json --html" \
  --min-headline 0.95 --max-furniture-shown 0.02 --min-quotes-kept 1.0 --max-parties-added 0

step build bash scripts/build.sh
# Size budgets of dist/ (UI wasm <= 400 KB, parser wasm <= 250 KB, first load
# <= 700 KB, gzipped; issue 12 asks 650), and no native-only crate (the CLI's HTML parser) in a wasm.
step budgets node scripts/budgets.mjs dist
# The same app built for hosting under a sub-path; e2e/pwa-hosting.test.mjs
# serves it under /factsheet/ (cargo is up to date here: ~10 s).
step build-subpath trunk build --release --offline --public-url /factsheet/ --dist target/dist-subpath
step e2e node --test --test-reporter=spec e2e/
# Lighthouse thresholds (and time to interactive <= 4 s) + Chromium's
# installability check on dist/ (~20 s).
step lighthouse node e2e/lighthouse.mjs dist

# Totals over the Rust and the browser tests (not over the steps above).
passed=0
failed=0
while read -r p f; do
  passed=$((passed + p))
  failed=$((failed + f))
done < <(
  sed -n 's/^test result: [a-zA-Z]*\. \([0-9]*\) passed; \([0-9]*\) failed.*/\1 \2/p' "$logs/cargo-test.log"
  p=$(sed -n 's/^ℹ pass \([0-9]*\)$/\1/p' "$logs/e2e.log" | tail -n1)
  f=$(sed -n 's/^ℹ fail \([0-9]*\)$/\1/p' "$logs/e2e.log" | tail -n1)
  echo "${p:-0} ${f:-0}"
)
echo
echo "test.sh: ran ${#ran[@]} steps in $((SECONDS - t_all))s after setup: ${ran[*]}"
echo "test.sh: $passed passed, $failed failed"
