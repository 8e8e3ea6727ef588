#!/usr/bin/env bash
# Release build of the browser app into dist/ (Trunk, cargo profile "wasm",
# wasm-opt -Oz): the UI's wasm and the parser's. Expects scripts/setup.sh to
# have run (test.sh and serve.sh do).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

# Trunk's post_build hooks print the size of each wasm and its change since
# the previous build (scripts/wasm-sizes.sh); scripts/budgets.mjs checks them.
trunk build --release --offline
