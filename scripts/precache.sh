#!/bin/sh
# Trunk post_build hook (Trunk.toml [[hooks]]): turns the service-worker
# template public/sw.js into the build's sw.js, with the list of files to
# precache and a version hash of their names and contents.
#
#   Run by trunk: works in $TRUNK_STAGING_DIR (index.html is already written).
#   By hand:      sh scripts/precache.sh DIR        (e.g. a copy of dist/)
#
# Also sets the manifest's "id" to the public URL's path (see below).
#
# Precached: every file of the build except sw.js itself and screenshots/
# (the browser's install dialog fetches those; the app does not need them);
# index.html is listed as "./", the URL of the app.
#
# Dev builds (TRUNK_PROFILE=debug, or `trunk serve` injected its autoreload
# script) get MODE "off": a worker that unregisters itself and deletes its
# caches, so a release worker from an earlier `scripts/serve.sh` on the same
# port cannot keep serving an old app. With autoreload, trunk's inline loader
# script also needs 'unsafe-inline' in the page's Content-Security-Policy;
# release builds never get it.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:-${TRUNK_STAGING_DIR:?"run by trunk as a post_build hook, or pass the build directory"}}
cd "$dir"
[ -f index.html ] || { echo "precache: no index.html in $dir" >&2; exit 1; }

mode=offline
if [ "${TRUNK_PROFILE:-release}" != release ]; then mode=off; fi
if grep -q '\.well-known/trunk/ws' index.html; then
  mode=off
  sed -i "s/script-src 'self' 'wasm-unsafe-eval'/script-src 'self' 'wasm-unsafe-eval' 'unsafe-inline'/" index.html
fi

# The manifest's "id" is resolved against the origin, not the manifest's URL:
# make it the app's path (the public URL), so that two apps on one origin
# (user.github.io/a/ and user.github.io/factsheet/) never share an id.
public_path=${TRUNK_PUBLIC_URL:-}
case "$public_path" in
  *://*/*) public_path="/${public_path#*://*/}" ;;
esac
case "$public_path" in
  *[!A-Za-z0-9._/~-]*) echo "precache: public URL '$public_path' not written into the manifest id" >&2 ;;
  /*) sed -i "s|\"id\": \"\./\"|\"id\": \"$public_path\"|" manifest.webmanifest ;;
esac

files=$(find . -type f ! -path ./sw.js ! -path './screenshots/*' ! -name '.*' | sed 's|^\./||' | LC_ALL=C sort)
list=""
for f in $files; do
  case "$f" in
    *[!A-Za-z0-9._/-]*) echo "precache: unexpected file name '$f'" >&2; exit 1 ;;
  esac
  if [ "$f" = index.html ]; then entry='"./"'; else entry="\"$f\""; fi
  list="${list:+$list, }$entry"
done
# Names and contents: a rename, an added or a removed file changes it too.
version=$(for f in $files; do printf '%s  %s\n' "$(sha256sum <"$f" | cut -c1-64)" "$f"; done | sha256sum | cut -c1-16)

sed -e "s|/\*__FACTSHEET_PRECACHE__\*/|$list|" \
  -e "s|__FACTSHEET_VERSION__|$version|" \
  -e "s|__FACTSHEET_MODE__|$mode|" \
  "$root/public/sw.js" >sw.js.tmp
if grep -q '__FACTSHEET_' sw.js.tmp; then
  echo "precache: placeholders left in sw.js" >&2
  exit 1
fi
mv sw.js.tmp sw.js
echo "precache: sw.js version $version, mode $mode, $(echo "$files" | wc -l) files"
