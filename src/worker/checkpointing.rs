//! Checkpoints of the MNIST and single-neuron runs: read back every 2 s of training, at each
//! epoch end and whenever training stops or steps on request; kept in the session (a device
//! loss continues from it on the CPU) and in IndexedDB (a new worker continues from it after
//! a crash). Reading runs beside training: the values are those of the step it was queued at.

use wasm_bindgen_futures::spawn_local;

use super::checkpoint_store;
use super::session::{Saved, Shared, now_ms};
use crate::protocol::RunCheckpoint;
use crate::settings::Settings;

/// A checkpoint is due after this much training.
const EVERY_MS: f64 = 2_000.0;

/// Checkpoints the run in the background if one is due (`force`: in any case).
pub fn checkpoint(shared: &Shared, force: bool) {
    let (pending, generation) = {
        let mut s = shared.borrow_mut();
        let now = now_ms();
        let Some(t) = s.trainer.as_ref() else { return };
        let epoch = t.epoch();
        let due = force || now - s.checkpointed.0 >= EVERY_MS || epoch != s.checkpointed.1;
        let Some(pending) = t.prepare_checkpoint(&s.owner).filter(|_| due) else {
            return;
        };
        s.checkpointed = (now, epoch);
        (pending, s.generation)
    };
    let shared = shared.clone();
    spawn_local(async move {
        // A failed read is a failed device: the next snapshot's readback moves to the CPU.
        let Ok(checkpoint) = pending.finish().await else {
            return;
        };
        let bytes = checkpoint.to_bytes();
        {
            let mut s = shared.borrow_mut();
            if s.generation != generation {
                return;
            }
            s.checkpoint = Some(Saved::Run(checkpoint));
        }
        if let Err(e) = checkpoint_store::put(&bytes).await {
            let warned = std::mem::replace(&mut shared.borrow_mut().store_warned, true);
            if !warned {
                web_sys::console::warn_1(
                    &format!("Checkpoints stay in the worker only ({e}).").into(),
                );
            }
        }
    });
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
