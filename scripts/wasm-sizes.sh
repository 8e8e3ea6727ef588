#!/bin/sh
# Trunk post_build hook (Trunk.toml [[hooks]]): prints the size of each wasm
# of the build (raw and gzip -9) and how it changed since the previous build
# of the same profile, so growth is seen when it happens.
#
#   Run by trunk: reads $TRUNK_STAGING_DIR.
#   By hand:      sh scripts/wasm-sizes.sh DIR [PROFILE]
#
# The figures of each build are kept in target/wasm-sizes-<profile>.tsv
# (name, raw bytes, gzip bytes); a wasm is named without Trunk's hash.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:-${TRUNK_STAGING_DIR:?"run by trunk as a post_build hook, or pass the build directory"}}
profile=${2:-${TRUNK_PROFILE:-release}}
record="$root/target/wasm-sizes-$profile.tsv"
mkdir -p "$root/target"

change() { # now before -> "+1,234" / "-56" / "±0"
  d=$(($1 - $2))
  if [ "$d" -gt 0 ]; then printf '+%s' "$d"; elif [ "$d" -lt 0 ]; then printf '%s' "$d"; else printf '±0'; fi
}

current=""
for wasm in "$dir"/*_bg.wasm; do
  [ -f "$wasm" ] || continue
  # factsheet-web-0123abcd_bg.wasm -> factsheet-web; factsheet-parser_bg.wasm -> factsheet-parser
  name=$(basename "$wasm" _bg.wasm | sed 's/-[0-9a-f]\{1,16\}$//')
  raw=$(wc -c <"$wasm" | tr -d ' ')
  gz=$(gzip -9 -c "$wasm" | wc -c | tr -d ' ')
  line="wasm $name: $raw bytes raw, $gz bytes gzip -9"
  before=$(awk -F'\t' -v n="$name" '$1 == n { print $2 "\t" $3 }' "$record" 2>/dev/null || true)
  if [ -n "$before" ]; then
    raw0=$(printf '%s' "$before" | cut -f1)
    gz0=$(printf '%s' "$before" | cut -f2)
    line="$line (since the last $profile build: $(change "$raw" "$raw0") raw, $(change "$gz" "$gz0") gzip)"
  else
    line="$line (no earlier $profile build to compare with)"
  fi
  echo "$line"
  current="$current$name	$raw	$gz
"
done
printf '%s' "$current" >"$record"
