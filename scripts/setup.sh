#!/usr/bin/env bash
# Installs everything Factsheet needs to build and test, pinned, idempotent:
# a second run installs nothing and takes seconds.
#
#   * Rust target wasm32-unknown-unknown (+ clippy, rustfmt)
#   * trunk 0.21.x                          (cargo install --locked)
#   * wasm-bindgen-cli == wasm-bindgen in Cargo.lock (cargo install, NOT --locked:
#     its lock file wants a webpki-roots the reachable index does not have)
#   * Debian chromium + chromium-driver     (apt, only if missing)
#   * e2e/node_modules from e2e/package-lock.json (npm ci): playwright-core,
#     binaryen 132 (wasm-opt), axe-core, lighthouse
#   * the crates of Cargo.lock              (cargo fetch, so builds can run --offline)
#
# Never installs Debian's binaryen. Nothing is downloaded from GitHub: trunk
# finds wasm-bindgen and wasm-opt on PATH (scripts/env.sh) and is run --offline.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

TRUNK_VERSION="0.21.14"
say() { printf 'setup: %s\n' "$*"; }
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
start=$SECONDS

# The wasm-bindgen CLI must be exactly the crate version in Cargo.lock (and Trunk.toml).
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"
if [ -z "$WASM_BINDGEN_VERSION" ]; then
  say "no wasm-bindgen in Cargo.lock"; exit 1
fi
if ! grep -qx "wasm_bindgen = \"$WASM_BINDGEN_VERSION\"" Trunk.toml; then
  say "Trunk.toml [tools] wasm_bindgen must be \"$WASM_BINDGEN_VERSION\" (the version in Cargo.lock)"; exit 1
fi

# --- Rust toolchain pieces ---------------------------------------------------
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding Rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi
for component in clippy rustfmt; do
  if ! rustup component list --installed | grep -q "^$component"; then
    say "adding rustup component $component"
    rustup component add "$component"
  fi
done

# --- trunk -------------------------------------------------------------------
if ! trunk --version 2>/dev/null | grep -q '^trunk 0\.21\.'; then
  say "installing trunk $TRUNK_VERSION (takes 12-20 min on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# --- wasm-bindgen-cli --------------------------------------------------------
if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $WASM_BINDGEN_VERSION"; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (takes 4-7 min on 2 cores)"
  cargo install wasm-bindgen-cli --version "=$WASM_BINDGEN_VERSION"
fi

# --- Chromium for the browser tests ------------------------------------------
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  say "installing Debian chromium and chromium-driver"
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium chromium-driver
fi

# --- npm tooling (playwright-core, binaryen's wasm-opt, axe-core, lighthouse) -
lock_hash="$(sha256sum e2e/package-lock.json | cut -d' ' -f1)"
stamp="e2e/node_modules/.factsheet-installed"
if [ ! -x e2e/node_modules/.bin/wasm-opt ] || [ "$(cat "$stamp" 2>/dev/null)" != "$lock_hash" ]; then
  say "installing e2e/node_modules (npm ci)"
  npm ci --prefix e2e --no-audit --no-fund
  echo "$lock_hash" >"$stamp"
fi

# --- crates, so that builds can run --offline ---------------------------------
cargo fetch --quiet

# --- check what a build will find ----------------------------------------------
wasm_opt_version="$(wasm-opt --version)"
case "$wasm_opt_version" in
  *"version 132"*) ;;
  *) say "wasm-opt on PATH is '$wasm_opt_version', want binaryen 132 from e2e/node_modules"; exit 1 ;;
esac
say "ready in $((SECONDS - start))s: $(trunk --version), $(wasm-bindgen --version), $wasm_opt_version," \
  "$(chromium --version 2>/dev/null | tail -n1), node $(node --version)"
