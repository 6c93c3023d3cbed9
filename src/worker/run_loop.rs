//! The play loop: steps in short bursts, sends throttled snapshots, and yields to the event
//! loop between bursts so Pause and hyper-parameter changes arrive while training runs.

use gloo::timers::future::TimeoutFuture;

use super::checkpointing::checkpoint;
use super::session::{Shared, now_ms, snapshot_events};
use super::yield_now::yield_now;
use crate::protocol::Event;

/// At most this long stepping before yielding (keeps the worker responsive).
const BURST_MS: f64 = 12.0;
/// At most this many steps per burst (bounds queued GPU work between readbacks).
const BURST_STEPS: usize = 64;
/// How often a held loop looks whether it may step again.
const HOLD_POLL_MS: u32 = 20;
/// At least this long between two snapshots while running.
const SNAPSHOT_EVERY_MS: f64 = 50.0;

/// Starts the loop, unless the run is finished, or the single neuron (which only steps on
/// request) or the loop already runs; a run not prepared yet starts once it is.
pub fn start(shared: &Shared, send: impl Fn(Event) + 'static) {
    let mut s = shared.borrow_mut();
    if s.trainer.is_none() {
        // The run is still being prepared (a new worker loading MNIST's data or a corpus, a
        // table not yet sent): Play is kept and training starts once it is ready.
        s.play_when_ready = true;
        return;
    }
    let finished = s
        .trainer
        .as_ref()
        .is_none_or(|t| t.is_finished() || t.steps_on_request());
    s.running = !finished;
    if s.running && !s.loop_active {
        s.loop_active = true;
        drop(s);
        wasm_bindgen_futures::spawn_local(run(shared.clone(), send));
    }
}

/// Runs until paused, reset or finished. `send` posts an event to the UI.
pub async fn run(shared: Shared, send: impl Fn(Event)) {
    let mut last_snapshot = f64::NEG_INFINITY;
    loop {
        let held = {
            let s = shared.borrow();
            s.running && s.hold > 0
        };
        if held {
            // The devices are being timed (`backend=auto`): a few seconds at most.
            TimeoutFuture::new(HOLD_POLL_MS).await;
            continue;
        }
        let (finished, speed) = {
            let mut s = shared.borrow_mut();
            let speed = s.settings.live.speed;
            let batch = s.settings.effective_batch() as u64;
            if !s.running {
                break;
            }
            let Some(t) = s.trainer.as_mut() else { break };
            let start = now_ms();
            let max_steps = if speed == 0 { BURST_STEPS } else { 1 };
            for _ in 0..max_steps {
                t.step();
                if t.is_finished() || now_ms() - start > BURST_MS {
                    break;
                }
            }
            let (finished, samples) = (t.is_finished(), t.steps_taken() * batch);
            s.running &= !finished;
            s.rate.mark(now_ms(), samples);
            (finished, speed)
        };
        if finished || now_ms() - last_snapshot >= SNAPSHOT_EVERY_MS {
            last_snapshot = now_ms();
            snapshot_events(&shared).await.into_iter().for_each(&send);
            checkpoint(&shared, finished);
        }
        if finished {
            break;
        }
        // A macrotask yield, so incoming messages are handled: at full speed straight to the
        // next task; otherwise a timer paces the steps.
        if speed == 0 {
            yield_now().await;
        } else {
            TimeoutFuture::new(1000 / speed.max(1)).await;
        }
    }
    shared.borrow_mut().loop_active = false;
    // The final state (after a pause, or the end).
    snapshot_events(&shared).await.into_iter().for_each(&send);
    checkpoint(&shared, true);
}
