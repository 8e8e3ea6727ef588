// Starts the Factsheet WebAssembly app, then its offline support.
//
// Trunk would inject an inline <script type="module"> for this; Trunk.toml's
// `pattern_script` makes it emit <script src="/boot.js" data-factsheet-js=...
// data-factsheet-wasm=...> instead, so the page needs no inline script and can
// run under a strict Content-Security-Policy (script-src 'self' 'wasm-unsafe-eval').
const tag = document.querySelector("script[data-factsheet-wasm]");

try {
  const { default: init } = await import(tag.dataset.factsheetJs);
  // Let the static page (#shell in index.html) be painted once before the app
  // replaces it: the first paint never waits for the wasm, also when the wasm
  // comes from a fast cache. (Capped: a hidden tab gets no animation frames.)
  if (document.visibilityState === "visible") {
    await new Promise((painted) => {
      // The second frame's callback runs once the first frame is on screen.
      requestAnimationFrame(() => requestAnimationFrame(() => painted()));
      setTimeout(painted, 500);
    });
  }
  await init({ module_or_path: tag.dataset.factsheetWasm });
} catch (err) {
  const box = document.createElement("p");
  box.className = "boot-error";
  box.setAttribute("role", "alert");
  box.textContent = "Factsheet could not start in this browser. Please reload the page or try an up-to-date browser.";
  document.body.prepend(box);
  // Still register the service worker below: a newer version may fix this.
  setTimeout(() => {
    throw err;
  });
}

// --- Offline support ----------------------------------------------------------
// sw.js (generated at build time from public/sw.js) precaches the app. Like
// Squoosh: the first install says "Ready to work offline"; when a new version
// has installed and waits, "Update available" offers Reload, which activates
// it (SKIP_WAITING) and reloads once it controls the page.
if ("serviceWorker" in navigator) {
  if (document.readyState === "complete") startOffline();
  else addEventListener("load", startOffline, { once: true });
}

function startOffline() {
  const sw = navigator.serviceWorker;
  // Next to this script, so the scope is the app's directory (also when hosted
  // under a sub-path).
  const url = new URL("sw.js", import.meta.url);
  let hadController = Boolean(sw.controller);
  let reloading = false;
  // The live region exists (empty) before anything is put in it, so screen
  // readers announce the notices.
  const region = document.createElement("div");
  region.className = "pwa-notices";
  region.setAttribute("role", "status");
  document.body.append(region);

  sw.addEventListener("controllerchange", () => {
    if (reloading) {
      location.reload();
      return;
    } else if (!hadController) {
      // First install: the worker has precached everything and took over.
      notify("Ready to work offline", [], 8000);
    } else {
      // Another tab activated a new version.
      notify("Factsheet was updated", [["Reload", () => location.reload()], ["Not now", null]]);
    }
    hadController = true;
  });

  sw.register(url).then(
    (registration) => {
      // Some environments (e.g. automation that blocks workers) resolve
      // without a registration: nothing to watch then.
      if (!registration) return;
      const offerUpdate = (worker) => {
        // Only an update if a version already controls this page.
        if (!sw.controller) return;
        notify("Update available", [
          [
            "Reload",
            () => {
              reloading = true;
              worker.postMessage({ type: "SKIP_WAITING" });
              // If that worker is gone meanwhile (a newer one replaced it), no
              // controllerchange comes: reload anyway, the prompt comes back.
              setTimeout(() => location.reload(), 5000);
            },
          ],
          ["Not now", null],
        ]);
      };
      if (registration.waiting) offerUpdate(registration.waiting);
      registration.addEventListener("updatefound", () => {
        const worker = registration.installing;
        worker?.addEventListener("statechange", () => {
          if (worker.state === "installed") offerUpdate(worker);
        });
      });
      // Long-lived tabs look for a new version when they come back to the
      // foreground, at most once an hour (navigations check by themselves).
      let checked = Date.now();
      document.addEventListener("visibilitychange", () => {
        if (document.visibilityState === "visible" && Date.now() - checked > 3_600_000) {
          checked = Date.now();
          registration.update().catch(() => {});
        }
      });
    },
    (err) => console.warn("Factsheet: offline support is not available:", err),
  );
}

/**
 * Shows a notice at the bottom of the page, in the polite live region
 * (role=status) made by startOffline. `actions` are [label, onClick or null
 * (just close)]; `timeout` (ms) closes it by itself.
 */
function notify(text, actions = [], timeout = 0) {
  const region = document.querySelector(".pwa-notices");
  if (!region) return;
  const card = document.createElement("div");
  card.className = "pwa-notice";
  const message = document.createElement("p");
  message.textContent = text;
  card.append(message);
  for (const [label, onClick] of actions) {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = label;
    button.addEventListener("click", () => {
      card.remove();
      onClick?.();
    });
    card.append(button);
  }
  region.replaceChildren(card);
  if (timeout) setTimeout(() => card.remove(), timeout);
}
