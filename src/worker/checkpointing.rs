//! Checkpoints of the MNIST and single-neuron runs: read back every 2 s of training, at each
//! epoch end and whenever training stops or steps on request; kept in the session (a device
//! loss continues from it on the CPU) and in IndexedDB (a new worker continues from it after
//! a crash). Reading runs beside training: the values are those of the step it was queued at.

use wasm_bindgen::JsValue;
use wasm_bindgen_futures::spawn_local;

use super::checkpoint_store;
use super::session::{Saved, Shared, now_ms};
use crate::protocol::RunCheckpoint;
use crate::settings::Settings;

/// A checkpoint is due after this much training.
const EVERY_MS: f64 = 2_000.0;

/// The interval in force: [`EVERY_MS`], unless a benchmark set `self.__mlpgCheckpointEveryMs`
/// in the worker before it started (`tests/e2e/bench-checkpoint.mjs` compares the two).
fn every_ms() -> f64 {
    thread_local! {
        static EVERY: f64 = js_sys::Reflect::get(
            &js_sys::global(),
            &JsValue::from_str("__mlpgCheckpointEveryMs"),
        )
        .ok()
        .and_then(|v| v.as_f64())
        .filter(|ms| *ms > 0.0)
        .unwrap_or(EVERY_MS);
    }
    EVERY.with(|ms| *ms)
}

/// A monotonic clock with sub-millisecond resolution (`performance.now()`), for the cost log.
pub fn clock_ms() -> f64 {
    js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("performance"))
        .ok()
        .filter(|p| p.is_object())
        .map(web_sys::Performance::from)
        .map_or_else(now_ms, |p| p.now())
}

/// Checkpoints the run in the background if one is due (`force`: in any case) and the run
/// has stepped since the last one.
pub fn checkpoint(shared: &Shared, force: bool) {
    let (pending, generation) = {
        let mut s = shared.borrow_mut();
        let now = now_ms();
        let Some(t) = s.trainer.as_ref() else { return };
        let (epoch, step) = (t.epoch(), t.steps_taken());
        let (at, at_epoch, at_step) = s.checkpointed;
        let due = force || now - at >= every_ms() || epoch != at_epoch;
        let Some(pending) = t
            .prepare_checkpoint(&s.owner)
            .filter(|_| due && at_step != Some(step))
        else {
            return;
        };
        s.checkpointed = (now, epoch, Some(step));
        (pending, s.generation)
    };
    let shared = shared.clone();
    spawn_local(async move {
        let started = clock_ms();
        // A failed read is a failed device: the next snapshot's readback moves to the CPU.
        let Ok(checkpoint) = pending.finish().await else {
            return;
        };
        let (read, step) = (clock_ms(), checkpoint.step);
        let bytes = checkpoint.to_bytes();
        let encoded = clock_ms();
        {
            let mut s = shared.borrow_mut();
            if s.generation != generation {
                return;
            }
            s.checkpoint = Some(Saved::Run(checkpoint));
        }
        let current = || shared.borrow().generation == generation;
        if let Err(e) = checkpoint_store::put(&bytes, current).await {
            warn_once(&shared, &e);
        }
        // What a checkpoint costs, for the benchmark (console.debug: hidden by default).
        web_sys::console::debug_1(&JsValue::from_str(&format!(
            "checkpoint: step {}, {} bytes, read {:.2} ms, encode {:.2} ms, store {:.2} ms",
            step,
            bytes.len(),
            read - started,
            encoded - read,
            clock_ms() - encoded,
        )));
    });
}

/// A new run began (Reset, a fresh start, a loaded model): the previous run's checkpoint is
/// dropped here and in IndexedDB, so a crash cannot bring it back.
pub fn forget(shared: &Shared) {
    shared.borrow_mut().checkpoint = None;
    let shared = shared.clone();
    spawn_local(async move {
        if let Err(e) = checkpoint_store::delete().await {
            warn_once(&shared, &e);
        }
    });
}

fn warn_once(shared: &Shared, e: &str) {
    let warned = std::mem::replace(&mut shared.borrow_mut().store_warned, true);
    if !warned {
        web_sys::console::warn_1(&format!("Checkpoints stay in the worker only ({e}).").into());
    }
}

/// The checkpoint the crashed worker stored, if this page wrote it and it continues a run
/// of `settings`; else why it cannot be used.
pub async fn stored(owner: &str, settings: &Settings) -> Result<RunCheckpoint, String> {
    let bytes = checkpoint_store::get()
        .await?
        .ok_or("no checkpoint was saved yet")?;
    let checkpoint = RunCheckpoint::from_bytes(&bytes)?;
    if checkpoint.owner != owner {
        return Err("the saved checkpoint belongs to another tab".into());
    }
    if !checkpoint.fits(settings) {
        return Err("the saved checkpoint is of other settings".into());
    }
    Ok(checkpoint)
}
