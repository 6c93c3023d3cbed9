//! `backend=auto`'s verdicts, kept in the page's `localStorage` (workers have none): the
//! worker measures once per adapter, task and model shape; the page hands the verdicts back to
//! every new worker. Storage that is missing, full or refused only means measuring again.

use js_sys::{Function, Reflect};
use wasm_bindgen::JsValue;

use crate::protocol::Measured;

const KEY: &str = "mlpg.backend-verdicts.v1";
/// The newest verdicts kept (one per adapter, task and model shape).
const KEEP: usize = 40;

fn storage() -> Option<JsValue> {
    let window = web_sys::window()?;
    Reflect::get(&window, &"localStorage".into())
        .ok()
        .filter(|s| s.is_object())
}

fn call(storage: &JsValue, method: &str, args: &[&str]) -> Option<JsValue> {
    let f: Function = Reflect::get(storage, &method.into()).ok()?.into();
    let args: js_sys::Array = args.iter().map(|a| JsValue::from_str(a)).collect();
    f.apply(storage, &args).ok()
}

/// The stored verdicts (none if storage is unavailable or holds something else).
pub fn load() -> Vec<Measured> {
    storage()
        .and_then(|s| call(&s, "getItem", &[KEY]))
        .and_then(|v| v.as_string())
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

/// Keeps `measured`, replacing the verdict of the same key.
pub fn store(measured: &Measured) {
    let mut all = load();
    all.retain(|m| m.key != measured.key);
    all.push(Measured {
        remembered: false,
        ..measured.clone()
    });
    let skip = all.len().saturating_sub(KEEP);
    if let (Some(s), Ok(text)) = (storage(), serde_json::to_string(&all[skip..])) {
        call(&s, "setItem", &[KEY, &text]);
    }
}
