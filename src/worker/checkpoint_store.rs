//! The checkpoint outside the worker: one record in IndexedDB, written by the worker and read
//! by its replacement after a crash. The page never touches the bytes (no structured clone of
//! megabytes on the main thread). One record per browser profile keeps storage bounded; each
//! checkpoint names the page that wrote it, so another tab's is never continued.

use js_sys::{Function, Promise, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbObjectStore, IdbRequest, IdbTransactionMode, WorkerGlobalScope};

const DATABASE: &str = "ml-playground";
const STORE: &str = "checkpoints";
const KEY: &str = "latest";

/// Writes `bytes` as the stored checkpoint, unless `still_current()` says by then (once the
/// database is open) that a newer run replaced this one; waits until the write is committed.
pub async fn put(bytes: &[u8], still_current: impl Fn() -> bool) -> Result<(), String> {
    write(|store| {
        still_current()
            .then(|| store.put_with_key(&Uint8Array::from(bytes), &JsValue::from_str(KEY)))
            .transpose()
    })
    .await
}

/// Removes the stored checkpoint (a new run began: the old one must not come back).
pub async fn delete() -> Result<(), String> {
    write(|store| store.delete(&JsValue::from_str(KEY)).map(Some)).await
}

/// One read-write transaction: `request` issues its request (or none), then the commit is
/// awaited. Requests follow the transaction's creation synchronously, so writes keep the
/// order in which they were decided.
async fn write(
    request: impl FnOnce(&IdbObjectStore) -> Result<Option<IdbRequest>, JsValue>,
) -> Result<(), String> {
    let db = open().await?;
    let result = async {
        let tx = db
            .transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)
            .map_err(describe)?;
        let store = tx.object_store(STORE).map_err(describe)?;
        if request(&store).map_err(describe)?.is_none() {
            return Ok(());
        }
        let mut handlers = Vec::new();
        let done = Promise::new(&mut |resolve, reject| {
            let (ok, failed) = (settle(resolve), settle(reject));
            tx.set_oncomplete(Some(ok.as_ref().unchecked_ref()));
            tx.set_onerror(Some(failed.as_ref().unchecked_ref()));
            tx.set_onabort(Some(failed.as_ref().unchecked_ref()));
            handlers.extend([ok, failed]);
        });
        let outcome = JsFuture::from(done).await;
        tx.set_oncomplete(None);
        tx.set_onerror(None);
        tx.set_onabort(None);
        drop(handlers);
        outcome.map(|_| ()).map_err(|_| transaction_error(&tx))
    }
    .await;
    db.close();
    result
}

/// The stored checkpoint's bytes, if there is one.
pub async fn get() -> Result<Option<Vec<u8>>, String> {
    let db = open().await?;
    let result = async {
        let tx = db.transaction_with_str(STORE).map_err(describe)?;
        let store = tx.object_store(STORE).map_err(describe)?;
        let request = store.get(&JsValue::from_str(KEY)).map_err(describe)?;
        let value = wait(&request).await?;
        Ok(value.dyn_into::<Uint8Array>().ok().map(|b| b.to_vec()))
    }
    .await;
    db.close();
    result
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
        Closure::<dyn FnMut()>::new(move || {
            if let Ok(db) = request.result().and_then(|db| db.dyn_into::<IdbDatabase>()) {
                let _ = db.create_object_store(STORE);
            }
        })
    };
    request.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    let opened = wait(&request).await;
    request.set_onupgradeneeded(None);
    drop(upgrade);
    opened?.dyn_into::<IdbDatabase>().map_err(describe)
}

/// The request's result, once it succeeded (its handlers are removed again).
async fn wait(request: &IdbRequest) -> Result<JsValue, String> {
    let mut handlers = Vec::new();
    let done = Promise::new(&mut |resolve, reject| {
        let (ok, failed) = (settle(resolve), settle(reject));
        request.set_onsuccess(Some(ok.as_ref().unchecked_ref()));
        request.set_onerror(Some(failed.as_ref().unchecked_ref()));
        handlers.extend([ok, failed]);
    });
    let outcome = JsFuture::from(done).await;
    request.set_onsuccess(None);
    request.set_onerror(None);
    drop(handlers);
    outcome.map_err(|_| request_error(request))?;
    request.result().map_err(describe)
}

/// An event handler that settles a promise (owned by the caller, dropped after the await).
fn settle(settle: Function) -> Closure<dyn FnMut()> {
    Closure::new(move || {
        let _ = settle.call0(&JsValue::UNDEFINED);
    })
}

fn request_error(_request: &IdbRequest) -> String {
    "IndexedDB: the request failed (storage full, or blocked in this browser)".into()
}

fn transaction_error(_tx: &web_sys::IdbTransaction) -> String {
    "IndexedDB: the write was aborted (storage full, or blocked in this browser)".into()
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
