//! The browser side of notes storage (wasm32 only): the localStorage
//! [`Backend`], and the two event hooks the UI installs: flush on page hide,
//! and tab sync through the `storage` event.
//!
//! gloo-storage's typed `get`/`set` JSON-encode values and its `raw()` throws
//! when storage is missing, so [`LocalStorageBackend`] first checks
//! `window.localStorage` (and that a write works), then uses gloo's raw
//! `web_sys::Storage` with plain strings, reading error names through
//! gloo-utils' `JsError`.

use std::rc::Rc;

use gloo::events::EventListener;
use gloo::storage::{LocalStorage, Storage as _};
use gloo::utils::errors::JsError;
use wasm_bindgen::{JsCast, JsValue};

use super::model::Millis;
use super::store::{Backend, StorageFault, Store, LIBRARY_KEY};

/// Written and removed once at start to test that storage accepts writes.
const PROBE_KEY: &str = "factsheet.probe";

/// `window.localStorage` as a [`Backend`]; every call fails with
/// [`StorageFault::Unavailable`] when there is no usable storage.
pub struct LocalStorageBackend {
    storage: Option<web_sys::Storage>,
}

impl LocalStorageBackend {
    /// Finds localStorage and probes it with a tiny write. A full storage
    /// (quota) still counts as available: reads work and writes are retried.
    pub fn new() -> Self {
        let present = web_sys::window().and_then(|w| w.local_storage().ok().flatten()).is_some();
        let storage = present.then(LocalStorage::raw).filter(|storage| match storage.set_item(PROBE_KEY, "1") {
            Ok(()) => {
                let _ = storage.remove_item(PROBE_KEY);
                true
            }
            Err(error) => fault(error) == StorageFault::QuotaExceeded,
        });
        LocalStorageBackend { storage }
    }

    pub fn is_available(&self) -> bool {
        self.storage.is_some()
    }

    fn storage(&self) -> Result<&web_sys::Storage, StorageFault> {
        self.storage.as_ref().ok_or(StorageFault::Unavailable)
    }
}

impl Default for LocalStorageBackend {
    fn default() -> Self {
        Self::new()
    }
}

impl Backend for LocalStorageBackend {
    fn get(&self, key: &str) -> Result<Option<String>, StorageFault> {
        self.storage()?.get_item(key).map_err(fault)
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageFault> {
        self.storage()?.set_item(key, value).map_err(fault)
    }

    fn remove(&mut self, key: &str) -> Result<(), StorageFault> {
        self.storage()?.remove_item(key).map_err(fault)
    }
}

/// Maps a thrown DOMException to a fault by its name.
fn fault(error: JsValue) -> StorageFault {
    let (name, text) = match JsError::try_from(error) {
        Ok(error) => (error.name.clone(), error.to_string()),
        Err(other) => {
            let name = js_sys::Reflect::get(&other.js_value, &JsValue::from_str("name"))
                .ok()
                .and_then(|n| n.as_string())
                .unwrap_or_default();
            (name, other.to_string())
        }
    };
    match name.as_str() {
        // Firefox used its own name before adopting the standard one.
        "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => StorageFault::QuotaExceeded,
        "SecurityError" => StorageFault::Unavailable,
        _ => StorageFault::Other(text),
    }
}

/// Milliseconds since the epoch (`Date.now()`).
pub fn now_ms() -> Millis {
    js_sys::Date::now().max(0.0) as Millis
}

/// A random id for this tab (48 bits, hex): tells tabs' writes and notes apart.
pub fn new_tab_id() -> String {
    format!("{:012x}", (js_sys::Math::random() * 281_474_976_710_656.0) as u64)
}

/// Opens the notes store on localStorage for this tab.
pub fn open_store() -> Store<LocalStorageBackend> {
    Store::open(LocalStorageBackend::new(), new_tab_id(), now_ms())
}

/// The listeners of [`install_flush_on_hide`]; dropping it removes them.
pub struct HideListeners {
    _pagehide: EventListener,
    _visibility: EventListener,
}

impl HideListeners {
    /// Keeps the listeners for the life of the page.
    pub fn forget(self) {
        self._pagehide.forget();
        self._visibility.forget();
    }
}

/// Calls `flush` when the page is being hidden: on `pagehide` (tab closed,
/// navigated away, put in the back-forward cache) and on `visibilitychange`
/// to hidden (tab switched, app backgrounded on mobile, where `pagehide` may
/// never come). `flush` should write synchronously (localStorage does).
pub fn install_flush_on_hide(flush: impl Fn() + 'static) -> Option<HideListeners> {
    let window = web_sys::window()?;
    let document = window.document()?;
    let flush = Rc::new(flush);
    let on_pagehide = Rc::clone(&flush);
    let pagehide = EventListener::new(&window, "pagehide", move |_| on_pagehide());
    let hidden_document = document.clone();
    let visibility = EventListener::new(&document, "visibilitychange", move |_| {
        if hidden_document.hidden() {
            flush();
        }
    });
    Some(HideListeners { _pagehide: pagehide, _visibility: visibility })
}

/// Calls `on_change` with the new stored library (`None`: removed or storage
/// cleared) whenever another tab of this site changes it: the `storage` event,
/// which never fires in the tab that wrote. Pass the value to
/// [`Store::on_external_change`]. Dropping the listener removes it.
pub fn on_storage_event(on_change: impl Fn(Option<String>) + 'static) -> Option<EventListener> {
    let window = web_sys::window()?;
    let local = window.local_storage().ok().flatten();
    Some(EventListener::new(&window, "storage", move |event| {
        let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else {
            return;
        };
        if let (Some(area), Some(local)) = (event.storage_area(), local.as_ref()) {
            let (area, local): (&JsValue, &JsValue) = (area.as_ref(), local.as_ref());
            if area != local {
                return; // sessionStorage
            }
        }
        match event.key() {
            Some(key) if key == LIBRARY_KEY => on_change(event.new_value()),
            None => on_change(None),
            Some(_) => {}
        }
    }))
}
