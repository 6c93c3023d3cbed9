//! Native training speed of the benchmark's MNIST experiments on Burn's CPU backend (one
//! thread, like the browser's), for profiling the engine without a browser:
//!
//!   cargo run --release --example train_speed -- E2 [steps]
//!   perf record -g target/release/examples/train_speed E4 300
//!
//! The browser benchmark (bench/, `scripts/bench.sh`) is the one the README quotes.

use std::rc::Rc;
use std::time::Instant;

use ml_playground::data::mnist::{self, FILES, MnistData};
use ml_playground::engine::device::cpu;
use ml_playground::engine::mnist::MnistTrainer;
use ml_playground::settings::{ModelKind, Preprocess, Settings};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let experiment = args.get(1).map_or("E2", String::as_str);
    let steps: u64 = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(300);
    let mut s = Settings::mnist_default();
    (s.epochs, s.batch_size, s.lr, s.lr_decay, s.seed) = (1, 64, 0.001, 1.0, 1);
    match experiment {
        "E2" => (s.hidden, s.preprocess) = (vec![128], Preprocess::Unit),
        "E3" => (s.hidden, s.preprocess) = (vec![256, 128, 64], Preprocess::Symmetric),
        "E4" => (s.model, s.filters, s.preprocess) = (ModelKind::Cnn, [8, 16], Preprocess::Unit),
        other => {
            eprintln!("unknown experiment “{other}”: use E2, E3 or E4");
            std::process::exit(2);
        }
    }
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/www/data/mnist/");
    let files = FILES.map(|f| std::fs::read(format!("{dir}{}", f.name)).expect("MNIST files"));
    let data: Rc<MnistData> =
        Rc::new(mnist::from_gz([&files[0], &files[1], &files[2], &files[3]]).expect("MNIST"));
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
