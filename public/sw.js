// Factsheet's service worker: the app works offline after one visit.
//
// This file is a TEMPLATE. scripts/precache.sh (Trunk post_build hook, see
// Trunk.toml) copies it into the build with the placeholders below filled in:
//   VERSION   hash of the names and contents of every precached file, so this
//             file's bytes change exactly when any asset changes (that is what
//             makes the browser install a new version);
//   PRECACHE  the built files, relative to this script ("./" is index.html);
//   MODE      "offline" for release builds, "off" for dev builds (debug
//             profile or `trunk serve` with autoreload): then this worker only
//             removes itself and its caches, so development never sees a
//             cached app.
//
// Strategy (release): precache everything on install; cache-first for exactly
// those files (same-origin GET only, everything else goes to the network
// untouched); the app page (navigations to the scope) is served from the cache
// too, so one version of the app is always used as a whole. A new version
// installs in the background and waits; the page (public/boot.js) offers
// "Update available: Reload", which sends SKIP_WAITING. It also takes over by
// itself once every tab of the old version is closed, so no one is stuck on an
// old version. Old caches of this scope are deleted on activate.
"use strict";

const VERSION = "__FACTSHEET_VERSION__";
const PRECACHE = [/*__FACTSHEET_PRECACHE__*/];
const MODE = "__FACTSHEET_MODE__";

const BASE = new URL("./", self.location.href);
// One cache per version, named after the scope, so that apps on other paths of
// the same origin (e.g. user.github.io/other-app/) keep their caches.
const PREFIX = `factsheet:${BASE.pathname}:`;
const CACHE = PREFIX + VERSION;
const URLS = new Set(PRECACHE.map((path) => new URL(path, BASE).href));
// Trunk's content-hashed files (name-<16 hex>.js, _bg.wasm, .css) never change
// under the same name: the HTTP cache may serve them. Everything else is
// revalidated with the server when precaching.
const HASHED = /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/;

if (VERSION.startsWith("__") || MODE.startsWith("__")) {
  // The template itself was deployed (the build hook did not run): install
  // fails, so the page keeps working from the network.
  throw new Error("sw.js is an unprocessed template; build with trunk (scripts/precache.sh)");
}

self.addEventListener("install", (event) => {
  if (MODE !== "offline") {
    self.skipWaiting();
    return;
  }
  event.waitUntil(precache());
});

async function precache() {
  const cache = await caches.open(CACHE);
  try {
    await Promise.all(
      [...URLS].map(async (url) => {
        const response = await fetch(url, { cache: HASHED.test(url) ? "default" : "no-cache" });
        if (!response.ok) throw new Error(`precaching ${url}: HTTP ${response.status}`);
        // A redirected response cannot answer a navigation: store a clean copy.
        const clean = response.redirected
          ? new Response(await response.blob(), { status: response.status, headers: response.headers })
          : response;
        await cache.put(url, clean);
      }),
    );
  } catch (err) {
    // Never keep half a version; the browser retries the install later.
    await caches.delete(CACHE);
    throw err;
  }
}

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith(PREFIX) && key !== CACHE) await caches.delete(key);
      }
      if (MODE === "offline") {
        // Control the page that installed us, so it works offline right away.
        await self.clients.claim();
        return;
      }
      // Dev build: remove this worker and reload the pages an older (release)
      // worker was serving from its cache, so they come from the server.
      await caches.delete(CACHE);
      await self.registration.unregister();
      for (const client of await self.clients.matchAll({ type: "window" })) {
        client.navigate(client.url);
      }
    })(),
  );
});

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "SKIP_WAITING") self.skipWaiting();
});

if (MODE === "offline") {
  self.addEventListener("fetch", (event) => {
    const request = event.request;
    if (request.method !== "GET") return;
    const url = new URL(request.url);
    if (url.origin !== BASE.origin) return;
    if (request.mode === "navigate") {
      // The app page, with or without index.html and any ?query or #hash.
      if (url.pathname === BASE.pathname || url.pathname === `${BASE.pathname}index.html`) {
        event.respondWith(cacheFirst(BASE.href, request));
      }
      return;
    }
    if (URLS.has(url.href)) event.respondWith(cacheFirst(url.href, request));
  });
}

/** The precached response for `key`, else (evicted, or not precached yet) the network. */
async function cacheFirst(key, request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(key);
  return hit || fetch(request);
}
