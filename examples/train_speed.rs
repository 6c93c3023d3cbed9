//! Native training speed of the benchmark's MNIST experiments, for profiling the engine
//! without a browser: on Burn's CPU backend (one thread, like the browser's) or, built with
//! `--features native-wgpu`, on Burn's wgpu runtime (Vulkan/Metal/DX12: a real GPU, not the
//! browser's WebGPU):
//!
//!   cargo run --release --example train_speed -- E2 [steps] [cpu|wgpu] [batch]
//!   perf record -g target/release/examples/train_speed E4 300
//!
//! The browser benchmark (bench/, `scripts/bench.sh`) is the one the README quotes;
//! `scripts/bench-native-gpu.sh` runs this one on a GPU machine.

use std::time::Instant;

use burn::tensor::Device;
use ml_playground::engine::device::cpu;
use ml_playground::engine::mnist::MnistTrainer;

#[path = "common/experiments.rs"]
mod experiments;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let experiment = args.get(1).map_or("E2", String::as_str);
    let steps: u64 = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(300);
    let backend = args.get(3).map_or("cpu", String::as_str);
    let mut s =
        experiments::settings(experiment).unwrap_or_else(|| experiments::unknown(experiment));
    if let Some(batch) = args.get(4).and_then(|b| b.parse().ok()) {
        s.batch_size = batch;
    }
    let (device, adapter) = device(backend);
    let data = experiments::data();
    let mut trainer = MnistTrainer::new(&s, device.clone(), data);
    let warm = Instant::now();
    for _ in 0..5 {
        trainer.step(); // warm-up: kernels compiled, memory pools grown
    }
    sync(&device);
    let warm_up = warm.elapsed().as_secs_f64();
    let start = Instant::now();
    for _ in 0..steps {
        trainer.step();
    }
    sync(&device);
    let seconds = start.elapsed().as_secs_f64();
    let samples = (steps * s.batch_size as u64) as f64;
    println!(
        "{experiment} {backend} [{adapter}] batch {}: {steps} steps in {seconds:.2} s = {:.0} samples/s (warm-up {warm_up:.2} s)",
        s.batch_size,
        samples / seconds
    );
}

/// Waits for the device's queued work (the steps never read back).
fn sync(device: &Device) {
    if let Err(e) = device.sync() {
        eprintln!("the device failed: {e:?}");
        std::process::exit(1);
    }
}

/// The device named on the command line and a description of its adapter.
fn device(backend: &str) -> (Device, String) {
    match backend {
        "cpu" => (cpu(), "flex, 1 thread".into()),
        #[cfg(feature = "native-wgpu")]
        "wgpu" => match Device::wgpu_options().init_with_setup() {
            Ok((device, setup)) => {
                let info = setup.adapter.get_info();
                let adapter = format!(
                    "{} {:?} {:?} {}",
                    info.name, info.device_type, info.backend, info.driver_info
                );
                (device, adapter)
            }
            Err(e) => {
                eprintln!("no wgpu device: {e}");
                std::process::exit(1);
            }
        },
        _ => {
            eprintln!(
                "unknown backend “{backend}”: use cpu, or wgpu (built with --features native-wgpu)"
            );
            std::process::exit(2);
        }
    }
}
