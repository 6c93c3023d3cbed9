//! The checkpoint outside the worker: one record in IndexedDB, written by the worker and read
//! by its replacement after a crash. The page never touches the bytes (no structured clone of
//! megabytes on the main thread). One record per browser profile keeps storage bounded; each
//! checkpoint names the page that wrote it, so another tab's is never continued.

use js_sys::{Function, Promise, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbRequest, IdbTransactionMode, WorkerGlobalScope};

const DATABASE: &str = "ml-playground";
const STORE: &str = "checkpoints";
const KEY: &str = "latest";

/// Writes `bytes` as the stored checkpoint and waits until the write is committed.
pub async fn put(bytes: &[u8]) -> Result<(), String> {
    let db = open().await?;
    let tx = db
        .transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)
        .map_err(describe)?;
    let store = tx.object_store(STORE).map_err(describe)?;
    let value = Uint8Array::from(bytes);
    store
        .put_with_key(&value, &JsValue::from_str(KEY))
        .map_err(describe)?;
    let done = Promise::new(&mut |resolve, reject| {
        tx.set_oncomplete(Some(once(resolve).unchecked_ref()));
        tx.set_onerror(Some(once(reject.clone()).unchecked_ref()));
        tx.set_onabort(Some(once(reject).unchecked_ref()));
    });
    JsFuture::from(done).await.map_err(describe)?;
    db.close();
    Ok(())
}

/// The stored checkpoint's bytes, if there is one.
pub async fn get() -> Result<Option<Vec<u8>>, String> {
    let db = open().await?;
    let tx = db.transaction_with_str(STORE).map_err(describe)?;
    let store = tx.object_store(STORE).map_err(describe)?;
    let request = store.get(&JsValue::from_str(KEY)).map_err(describe)?;
    let value = wait(&request).await?;
    db.close();
    Ok(value
        .dyn_into::<Uint8Array>()
        .ok()
        .map(|bytes| bytes.to_vec()))
}

async fn open() -> Result<IdbDatabase, String> {
    let factory = js_sys::global()
        .dyn_into::<WorkerGlobalScope>()
        .map_err(|_| "not in a worker".to_string())?
        .indexed_db()
        .map_err(describe)?
        .ok_or("IndexedDB is not available")?;
    let request = factory.open_with_u32(DATABASE, 1).map_err(describe)?;
    let upgrade = {
        let request = request.clone();
        Closure::once_into_js(move || {
            if let Ok(db) = request.result().and_then(|db| db.dyn_into::<IdbDatabase>()) {
                let _ = db.create_object_store(STORE);
            }
        })
    };
    request.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
    wait(&request)
        .await?
        .dyn_into::<IdbDatabase>()
        .map_err(describe)
}

/// The request's result, once it succeeded.
async fn wait(request: &IdbRequest) -> Result<JsValue, String> {
    let done = Promise::new(&mut |resolve, reject| {
        request.set_onsuccess(Some(once(resolve).unchecked_ref()));
        request.set_onerror(Some(once(reject).unchecked_ref()));
    });
    JsFuture::from(done).await.map_err(describe)?;
    request.result().map_err(describe)
}

/// A one-shot event handler that settles a promise.
fn once(settle: Function) -> JsValue {
    Closure::once_into_js(move || {
        let _ = settle.call0(&JsValue::UNDEFINED);
    })
}

fn describe(error: JsValue) -> String {
    let text = error
        .as_string()
        .or_else(|| {
            js_sys::Reflect::get(&error, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
        })
        .unwrap_or_else(|| "unknown error".into());
    format!("IndexedDB: {text}")
}
