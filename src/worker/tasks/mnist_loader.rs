//! Downloads the four MNIST files with progress (bytes, then images), then decompresses and
//! validates them in Rust. Any problem is a message naming the file and what to do.

use std::rc::Rc;

use js_sys::Uint8Array;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{ReadableStreamDefaultReader, Response, WorkerGlobalScope};

use crate::data::mnist::{self, FILES, MnistData};
use crate::protocol::mnist::{DataProgress, DataStage};
use crate::worker::session::now_ms;

/// At least this long between two progress reports.
const REPORT_EVERY_MS: f64 = 100.0;
/// A download that receives nothing for this long fails with a message (a stalled server or
/// connection never ends on its own).
const STALL_MS: u32 = 30_000;

/// Loads MNIST from `data_url` (the absolute URL of `data/mnist/`). On failure, returns the
/// last progress (marked failed) and a message saying what went wrong and what to do.
pub async fn load(
    data_url: &str,
    report: impl Fn(DataProgress),
) -> Result<Rc<MnistData>, (DataProgress, String)> {
    let total_bytes: u64 = FILES.iter().map(|f| f.gz_bytes).sum();
    let total_images = FILES[0].items + FILES[2].items;
    let progress = |stage, file: &str, loaded_bytes, images| DataProgress {
        stage,
        file: file.to_string(),
        loaded_bytes,
        total_bytes,
        images,
        total_images,
    };
    let mut files: Vec<Vec<u8>> = Vec::new();
    let mut done = 0;
    let mut last_report = f64::NEG_INFINITY;
    for file in FILES {
        let bytes = download(data_url, file.name, |received| {
            if now_ms() - last_report >= REPORT_EVERY_MS {
                last_report = now_ms();
                report(progress(
                    DataStage::Downloading,
                    file.name,
                    done + received,
                    0,
                ));
            }
        })
        .await
        .map_err(|e| (progress(DataStage::Failed, file.name, done, 0), e))?;
        done += bytes.len() as u64;
        files.push(bytes);
    }
    report(progress(DataStage::Decompressing, "all files", done, 0));
    // Let the report go out before the (blocking, ~1 s) decompression.
    gloo::timers::future::TimeoutFuture::new(0).await;
    let data = mnist::from_gz([&files[0], &files[1], &files[2], &files[3]]).map_err(|e| {
        let p = progress(DataStage::Failed, &e.file, done, 0);
        (p, format!("MNIST could not be loaded: {e}"))
    })?;
    let images = (data.train.len() + data.test.len()) as u64;
    report(progress(DataStage::Ready, "", done, images));
    Ok(Rc::new(data))
}

/// One MNIST file's bytes; a failure says what to do.
async fn download(
    data_url: &str,
    name: &str,
    on_progress: impl FnMut(u64),
) -> Result<Vec<u8>, String> {
    fetch_bytes(data_url, name, on_progress)
        .await
        .map_err(|what| {
            format!(
                "MNIST could not be loaded: {what}. The playground's data files must be \
             served next to it (in data/mnist/); check your connection and reload, or rebuild \
             dist/ if you host it yourself."
            )
        })
}

/// One file's bytes, streamed so `on_progress` sees the bytes received so far; a failure is
/// "<file>: <what went wrong>".
pub(super) async fn fetch_bytes(
    data_url: &str,
    name: &str,
    mut on_progress: impl FnMut(u64),
) -> Result<Vec<u8>, String> {
    let url = format!("{data_url}{name}");
    let failed = |what: String| format!("{name}: {what}");
    let stall_ms = stall_ms();
    let stalled = || {
        failed(format!(
            "nothing arrived for {} s",
            f64::from(stall_ms) / 1000.0
        ))
    };
    let scope: WorkerGlobalScope = js_sys::global().unchecked_into();
    let response: Response = within(stall_ms, JsFuture::from(scope.fetch_with_str(&url)))
        .await
        .ok_or_else(stalled)?
        .map_err(|e| failed(format!("the download failed ({})", describe(&e))))?
        .unchecked_into();
    if !response.ok() {
        return Err(failed(format!(
            "the server answered HTTP {} {}",
            response.status(),
            response.status_text()
        )));
    }
    let Some(body) = response.body() else {
        return Err(failed("the response has no body".into()));
    };
    let reader: ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    let mut bytes = Vec::new();
    loop {
        let Some(chunk) = within(stall_ms, JsFuture::from(reader.read())).await else {
            let _ = reader.cancel();
            return Err(stalled());
        };
        let chunk =
            chunk.map_err(|e| failed(format!("the download broke off ({})", describe(&e))))?;
        let done = js_sys::Reflect::get(&chunk, &"done".into()).map(|d| d.is_truthy());
        if done.unwrap_or(true) {
            break;
        }
        if let Ok(value) = js_sys::Reflect::get(&chunk, &"value".into()) {
            bytes.extend(value.unchecked_into::<Uint8Array>().to_vec());
            on_progress(bytes.len() as u64);
        }
    }
    Ok(bytes)
}

/// `future`'s output, or `None` when it takes longer than `ms`.
async fn within<T>(ms: u32, future: impl Future<Output = T>) -> Option<T> {
    let timeout = gloo::timers::future::TimeoutFuture::new(ms);
    futures::pin_mut!(future);
    match futures::future::select(future, timeout).await {
        futures::future::Either::Left((value, _)) => Some(value),
        futures::future::Either::Right(_) => None,
    }
}

/// [`STALL_MS`], unless a test set `self.__mlpgDownloadStallMs` in the worker before it
/// started (tests/e2e/mnist_faults.test.mjs, so that a stalled download fails quickly).
fn stall_ms() -> u32 {
    js_sys::Reflect::get(
        &js_sys::global(),
        &JsValue::from_str("__mlpgDownloadStallMs"),
    )
    .ok()
    .and_then(|v| v.as_f64())
    .filter(|ms| *ms >= 1.0)
    .map_or(STALL_MS, |ms| ms as u32)
}

fn describe(e: &JsValue) -> String {
    e.as_string()
        .or_else(|| js_sys::Reflect::get(e, &"message".into()).ok()?.as_string())
        .unwrap_or_else(|| format!("{e:?}"))
}
