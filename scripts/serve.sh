#!/usr/bin/env bash
# Builds the release app and serves it at http://127.0.0.1:8080/ (PORT=... to change).
# For live rebuilds while editing, use `source scripts/env.sh && trunk serve --offline`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
source scripts/env.sh
exec node e2e/serve.mjs dist "${PORT:-8080}"
