# Environment for building and testing Factsheet. Source it (bash):
#   source scripts/env.sh
# scripts/setup.sh installs what it points at; test.sh, serve.sh, build.sh and
# screenshot.sh source it.

FACTSHEET_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export FACTSHEET_ROOT

# npm's binaryen (wasm-opt 132) first, ahead of any Debian binaryen (108, whose
# output crashes at start-up); then cargo-installed trunk and wasm-bindgen.
case ":$PATH:" in
  *":${CARGO_HOME:-$HOME/.cargo}/bin:"*) ;;
  *) PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH" ;;
esac
PATH="$FACTSHEET_ROOT/e2e/node_modules/.bin:$PATH"
export PATH

# No update check against the crate registry on every trunk run.
export TRUNK_SKIP_VERSION_CHECK=true
# The browser the e2e tests drive (Debian's chromium; playwright-core downloads none).
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
