//! The settings in the page URL's hash: read at start, written back on every change.

use wasm_bindgen::JsValue;

use crate::settings::{EmbedOptions, Notice, Settings, from_hash, to_hash};

fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Settings from the current URL (defaults for anything missing or invalid), with notices
/// about the settings and the embedding options.
pub fn read() -> (Settings, Vec<Notice>) {
    let hash = current_hash();
    let (settings, mut notices) = from_hash(&hash);
    notices.extend(EmbedOptions::from_hash(&hash).1);
    (settings, notices)
}

/// The embedding options (`embed`, `hide`, `autoplay`, `origin`) of the current URL.
pub fn embed_options() -> EmbedOptions {
    EmbedOptions::from_hash(&current_hash()).0
}

/// Replaces the hash (no new history entry, no `hashchange` event).
pub fn write(settings: &Settings) {
    let Some(window) = web_sys::window() else {
        return;
    };
    // The embedding options stay as the link gave them.
    let hash = to_hash(settings) + &embed_options().hash_suffix();
    if window.location().hash().ok().as_deref() == Some(hash.as_str()) {
        return;
    }
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&hash));
    }
}

/// This page with the current settings but without the embedding options (for "open the full
/// playground" from an embed).
pub fn full_page_link() -> String {
    let Some(window) = web_sys::window() else {
        return String::new();
    };
    let l = window.location();
    let (settings, _) = from_hash(&current_hash());
    format!(
        "{}{}{}",
        l.pathname().unwrap_or_default(),
        l.search().unwrap_or_default(),
        to_hash(&settings)
    )
}
