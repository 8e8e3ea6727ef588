#!/usr/bin/env bash
# Release build of the browser app into dist/ (Trunk, wasm-opt -Oz), then the
# size report. Expects scripts/setup.sh to have run (test.sh and serve.sh do).
# Optional budget: WASM_GZ_BUDGET=<bytes> fails the build when the gzipped
# wasm is larger.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

trunk build --release --offline

wasm="$(ls dist/*_bg.wasm)"
js="$(ls dist/*.js | grep -v -e '/boot\.js$' -e '/sw\.js$')"
wasm_raw=$(wc -c <"$wasm")
wasm_gz=$(gzip -9 -c "$wasm" | wc -c)
js_raw=$(wc -c <"$js")
js_gz=$(gzip -9 -c "$js" | wc -c)
echo "wasm size: $wasm_raw bytes raw, $wasm_gz bytes gzip -9 ($(basename "$wasm"))"
echo "js glue size: $js_raw bytes raw, $js_gz bytes gzip -9 ($(basename "$js"))"
if [ -n "${WASM_GZ_BUDGET:-}" ] && [ "$wasm_gz" -gt "$WASM_GZ_BUDGET" ]; then
  echo "build: gzipped wasm ($wasm_gz bytes) is over WASM_GZ_BUDGET ($WASM_GZ_BUDGET bytes)" >&2
  exit 1
fi
