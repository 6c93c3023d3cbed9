//! How fast a device trains the current task: a throwaway copy of the run takes real training
//! steps there, each batch of steps followed by the readback the play loop makes, and the
//! steps per second are timed. `backend=auto` compares the two devices' figures.

use super::backend::within;
use super::checkpointing::clock_ms;
use super::task_run::TaskRun;
use super::yield_now::yield_now;
use crate::protocol::Progress;

/// The first step (shaders compiled, buffers allocated) may take this long: a software
/// WebGPU adapter compiles for seconds.
const WARM_UP_MS: f64 = 30_000.0;
/// Time steps for at least this long once warm…
const MIN_MS: f64 = 1_000.0;
/// …or this many steps, whichever comes first…
const MAX_STEPS: u64 = 256;
/// …and never longer than this: a device still computing then is at most as fast as the
/// steps it was given over the time taken.
const LIMIT_MS: f64 = 4_000.0;
/// A CPU step blocks the worker: a batch of steps stops after this long, so the page's
/// messages are answered between batches.
const BATCH_MS: f64 = 200.0;

/// Steps per second on one device.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Timing {
    pub steps_per_sec: f64,
    /// The readback had not come back by the limit: the rate is an upper bound.
    pub at_most: bool,
}

/// One step read back (shaders compiled, buffers allocated), not timed: None if it was done
/// within [`WARM_UP_MS`], else the bound on the rate it gives.
pub async fn warm_up(run: &mut dyn TaskRun) -> Result<Option<Timing>, String> {
    let started = clock_ms();
    let (_, done) = take_steps(run, 1, WARM_UP_MS).await?;
    Ok((!done).then(|| Timing {
        steps_per_sec: 1000.0 / (clock_ms() - started),
        at_most: true,
    }))
}

/// Times a warm `run`: batches of 1, 2, 4, … steps, each read back, for [`MIN_MS`] or
/// [`MAX_STEPS`] steps, within [`LIMIT_MS`].
pub async fn time_steps(run: &mut dyn TaskRun) -> Result<Timing, String> {
    let (start, mut steps, mut batch) = (clock_ms(), 0u64, 1u64);
    loop {
        let left = LIMIT_MS - (clock_ms() - start);
        let (taken, done) = take_steps(run, batch, left).await?;
        steps += taken;
        let elapsed = (clock_ms() - start).max(1e-3);
        let rate = steps as f64 * 1000.0 / elapsed;
        if !done {
            return Ok(Timing {
                steps_per_sec: rate,
                at_most: true,
            });
        }
        if elapsed >= MIN_MS || steps >= MAX_STEPS || run.is_finished() {
            return Ok(Timing {
                steps_per_sec: rate,
                at_most: false,
            });
        }
        batch *= 2;
        yield_now().await;
    }
}

/// `count` steps (fewer if a batch of CPU steps runs past [`BATCH_MS`]) and their snapshot
/// read back: the steps taken, and false if the readback was not back within `limit_ms`.
async fn take_steps(
    run: &mut dyn TaskRun,
    count: u64,
    limit_ms: f64,
) -> Result<(u64, bool), String> {
    let (batch_start, mut taken) = (clock_ms(), 0);
    while taken < count && !run.is_finished() {
        run.step();
        taken += 1;
        if clock_ms() - batch_start > BATCH_MS {
            break;
        }
    }
    let progress = Progress {
        epoch: run.epoch(),
        epochs: 1,
        step: run.steps_taken(),
        total_steps: run.total_steps(),
        samples_per_sec: 0.0,
        eta_ms: None,
        running: true,
        finished: false,
    };
    let pending = run.prepare_snapshot(progress);
    match within(limit_ms.max(1.0) as u32, pending).await {
        None => Ok((taken, false)),
        Some(Ok(_)) => Ok((taken, true)),
        Some(Err(e)) => Err(e.to_string()),
    }
}
