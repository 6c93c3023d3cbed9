//! Native training speed of the benchmark's MNIST experiments on Burn's CPU backend (one
//! thread, like the browser's), for profiling the engine without a browser:
//!
//!   cargo run --release --example train_speed -- E2 [steps]
//!   perf record -g target/release/examples/train_speed E4 300
//!
//! The browser benchmark (bench/, `scripts/bench.sh`) is the one the README quotes.

use std::time::Instant;

use ml_playground::engine::device::cpu;
use ml_playground::engine::mnist::MnistTrainer;

#[path = "common/experiments.rs"]
mod experiments;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let experiment = args.get(1).map_or("E2", String::as_str);
    let steps: u64 = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(300);
    let s = experiments::settings(experiment).unwrap_or_else(|| experiments::unknown(experiment));
    let data = experiments::data();
    let mut trainer = MnistTrainer::new(&s, cpu(), data);
    for _ in 0..5 {
        trainer.step(); // warm-up
    }
    let start = Instant::now();
    for _ in 0..steps {
        trainer.step();
    }
    let seconds = start.elapsed().as_secs_f64();
    println!(
        "{experiment}: {steps} steps in {seconds:.2} s = {:.0} samples/s",
        (steps * 64) as f64 / seconds
    );
}
