//! What checkpoints cost MNIST training, side by side in one run on Burn's CPU backend: the
//! same trainer alternates rounds without checkpoints and rounds with one every 2 s of
//! training (the worker's cadence), each checkpoint read back and encoded to the bytes the
//! worker stores. Also a stress cadence (every 0.25 s) to show how the cost scales. The cost of
//! a checkpoint is also timed directly: its share of training time is the figure that does
//! not drown in the run-to-run noise of the steps/s.
//!
//!   cargo run --release --example checkpoint_overhead -- [E2|E3|E4] [rounds] [seconds per round]
//!
//! Not included: the IndexedDB write, which the browser does off the training path (the
//! worker hands the bytes over and trains on while it commits).

use std::time::Instant;

use futures::executor::block_on;
use ml_playground::engine::device::cpu;
use ml_playground::engine::mnist::MnistTrainer;
use ml_playground::settings::OptimizerKind;

#[path = "common/experiments.rs"]
mod experiments;

/// What one round measured.
struct Round {
    steps_per_sec: f64,
    checkpoints: u32,
    /// Seconds spent queueing, reading back and encoding checkpoints.
    checkpoint_secs: f64,
    bytes: usize,
}

/// Trains for `seconds`, checkpointing every `every` seconds of it (None: never).
fn round(t: &mut MnistTrainer, seconds: f64, every: Option<f64>) -> Round {
    let start = Instant::now();
    let (mut steps, mut checkpoints, mut checkpoint_secs, mut bytes, mut last) =
        (0u64, 0, 0.0, 0, 0.0);
    let mut snapshot = 0.0;
    while start.elapsed().as_secs_f64() < seconds {
        t.step();
        steps += 1;
        let now = start.elapsed().as_secs_f64();
        // As in the worker: a snapshot every 50 ms (it also drains the per-step metrics).
        if now - snapshot >= 0.05 {
            snapshot = now;
            block_on(t.prepare_readout().finish()).expect("readback");
        }
        if every.is_some_and(|e| now - last >= e) {
            last = now;
            let taken = Instant::now();
            let checkpoint = block_on(t.prepare_checkpoint("bench").finish()).expect("readback");
            bytes = checkpoint.to_bytes().len();
            checkpoint_secs += taken.elapsed().as_secs_f64();
            checkpoints += 1;
        }
    }
    Round {
        steps_per_sec: steps as f64 / start.elapsed().as_secs_f64(),
        checkpoints,
        checkpoint_secs,
        bytes,
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let experiment = args.get(1).map_or("E2", String::as_str);
    let rounds: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(3);
    let seconds: f64 = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(6.0);
    let mut s =
        experiments::settings(experiment).unwrap_or_else(|| experiments::unknown(experiment));
    (s.epochs, s.optimizer) = (1_000, OptimizerKind::Adam);
    let data = experiments::data();
    let mut t = MnistTrainer::new(&s, cpu(), data);
    // Warm-up: past the first epoch end (its evaluation) and the first seconds' speed drop.
    round(&mut t, seconds, None);
    let cadences = [
        ("none", None),
        ("every 2 s", Some(2.0)),
        ("every 0.25 s", Some(0.25)),
    ];
    let mut rounds_of: Vec<Vec<Round>> = cadences.iter().map(|_| Vec::new()).collect();
    for r in 0..rounds {
        // The order rotates, so no cadence always runs first (the steps/s drift in a round).
        for k in 0..cadences.len() {
            let i = (k + r) % cadences.len();
            let (name, every) = cadences[i];
            let m = round(&mut t, seconds, every);
            println!(
                "round {r}: {name:>12}: {:8.1} steps/s ({} checkpoints)",
                m.steps_per_sec, m.checkpoints
            );
            rounds_of[i].push(m);
        }
    }
    let mean = |v: &[Round], f: fn(&Round) -> f64| v.iter().map(f).sum::<f64>() / v.len() as f64;
    let base = mean(&rounds_of[0], |m| m.steps_per_sec);
    println!(
        "\n{experiment} (Adam, batch 64), {rounds} rounds of {seconds} s per cadence, interleaved in rotating order:"
    );
    for (i, (name, every)) in cadences.iter().enumerate() {
        let ms = &rounds_of[i];
        let rate = mean(ms, |m| m.steps_per_sec);
        let taken: u32 = ms.iter().map(|m| m.checkpoints).sum();
        let cost_ms =
            1e3 * ms.iter().map(|m| m.checkpoint_secs).sum::<f64>() / f64::from(taken.max(1));
        let direct = every.map_or(0.0, |e| 100.0 * cost_ms / (1e3 * e));
        println!(
            "  {name:>12}: {rate:8.1} steps/s ({:+.1} % vs none); {cost_ms:.2} ms per checkpoint of {:.2} MB = {direct:.2} % of training time",
            100.0 * (rate - base) / base,
            ms.last().map_or(0, |m| m.bytes) as f64 / 1e6
        );
    }
}
