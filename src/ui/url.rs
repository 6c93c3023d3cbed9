//! The settings in the page URL's hash: read at start, written back on every change.

use wasm_bindgen::JsValue;

use crate::settings::{Notice, Settings, from_hash, to_hash};

/// Settings from the current URL (defaults for anything missing or invalid, with notices).
pub fn read() -> (Settings, Vec<Notice>) {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    from_hash(&hash)
}

/// Replaces the hash (no new history entry, no `hashchange` event).
pub fn write(settings: &Settings) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let hash = to_hash(settings);
    if window.location().hash().ok().as_deref() == Some(hash.as_str()) {
        return;
    }
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&hash));
    }
}
