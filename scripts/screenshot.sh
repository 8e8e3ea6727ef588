#!/usr/bin/env bash
# Refreshes docs/screenshot.png: release build, then the e2e test that pastes the
# seed article saves its screenshot there too (UPDATE_SCREENSHOT=1).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
source scripts/env.sh
status=0
UPDATE_SCREENSHOT=1 node --test --test-name-pattern "seed article" e2e/ || status=$?
ls -l docs/screenshot.png
exit "$status"
