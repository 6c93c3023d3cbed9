//! In the real browser (headless Chromium with WebGPU): device selection and training steps.
//! Run with `cargo test --target wasm32-unknown-unknown` (see scripts/test.sh).
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

// The MLP oracle is used natively only; the consistency checks run here too.
mod common;
#[allow(dead_code)]
#[path = "nn_oracle/mod.rs"]
mod nn_oracle;

use ml_playground::data::idx::Images;
use ml_playground::data::mnist::{MnistData, Split};
use ml_playground::engine::mnist::{MnistTrainer, model_file};
use ml_playground::engine::trainer::LinRegTrainer;
use ml_playground::protocol::BackendKind;
use ml_playground::protocol::{TraceFocus, TraceSample};
use ml_playground::settings::{BackendChoice, OptimizerKind, Settings};
use ml_playground::worker::backend::{choose, choose_with};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

fn settings(optimizer: OptimizerKind) -> Settings {
    Settings {
        optimizer,
        ..Settings::default()
    }
}

async fn two_steps_agree_with_the_formulas(trainer: &mut LinRegTrainer) {
    trainer.step();
    trainer.step();
    let r = trainer.readout().await.expect("async readback");
    let t = r.last_step.expect("a step was taken");
    assert_eq!(t.step, 2);
    // The update the panel shows is the update that happened.
    let expected_w = t.w.theta - t.optimizer.lr as f32 * t.w.grad;
    assert!((t.w.theta_new - expected_w).abs() < 1e-5, "{t:?}");
    assert_eq!(r.w, t.w.theta_new);
    assert!(r.train_mse.is_finite() && r.test_mse.is_finite());
}

#[wasm_bindgen_test]
async fn webgpu_device_initializes_and_trains() {
    let (device, info) = choose(BackendChoice::WebGpu).await;
    assert_eq!(
        info.kind,
        BackendKind::WebGpu,
        "expected WebGPU here: {info:?}"
    );
    assert!(!info.name.is_empty());
    let mut trainer = LinRegTrainer::new(&settings(OptimizerKind::Sgd), device, None);
    two_steps_agree_with_the_formulas(&mut trainer).await;
}

/// Linear regression on WebGPU against the tests' own f64 oracle (the same check as the
/// native `linreg_oracle`): every optimizer, L1/L2 off and on, five steps each, every number
/// of each step (ŷ, MSE, loss, ∂L/∂w, ∂L/∂b, θ_new, the optimizer state) within 1e-5
/// relative + 1e-7, and each update taken whenever it is at least one ulp of θ.
#[wasm_bindgen_test]
async fn linear_regression_matches_the_oracle_on_webgpu() {
    let (device, info) = choose(BackendChoice::WebGpu).await;
    assert_eq!(info.kind, BackendKind::WebGpu, "{info:?}");
    for optimizer in OptimizerKind::ALL {
        for (l1, l2) in [(0.0, 0.0), (0.03, 0.1)] {
            let mut s = settings(optimizer);
            (s.batch_size, s.live.lr, s.live.l1, s.live.l2) = (8, 0.05, l1, l2);
            let mut trainer = LinRegTrainer::new(&s, device.clone(), None);
            for step in 1..=5 {
                trainer.step();
                let r = trainer.readout().await.expect("async readback");
                let t = r.last_step.expect("a step was taken");
                assert_eq!(t.step, step);
                common::check_linreg_step(&t);
                assert_eq!((t.w.theta_new, t.b.theta_new), (r.w, r.b));
            }
        }
    }
}

#[wasm_bindgen_test]
async fn cpu_backend_trains_in_the_browser() {
    let (device, info) = choose(BackendChoice::Cpu).await;
    assert_eq!(info.kind, BackendKind::Cpu);
    let mut trainer = LinRegTrainer::new(&settings(OptimizerKind::Sgd), device, None);
    two_steps_agree_with_the_formulas(&mut trainer).await;
}

#[wasm_bindgen_test]
async fn missing_webgpu_falls_back_to_the_cpu() {
    let never = async { unreachable!("not probed without navigator.gpu") };
    let (device, info) = choose_with(BackendChoice::Auto, false, never).await;
    assert_eq!(info.kind, BackendKind::Cpu);
    assert_eq!(info.reason.as_deref(), Some("this browser has no WebGPU"));
    let mut trainer = LinRegTrainer::new(&settings(OptimizerKind::Sgd), device, None);
    two_steps_agree_with_the_formulas(&mut trainer).await;
}

#[wasm_bindgen_test]
async fn a_hanging_adapter_request_times_out_to_the_cpu() {
    let (_, info) = choose_with(BackendChoice::Auto, true, futures::future::pending()).await;
    assert_eq!(info.kind, BackendKind::Cpu);
    assert!(
        info.reason.as_deref().unwrap_or("").contains("timed out"),
        "{info:?}"
    );
}

#[wasm_bindgen_test]
async fn a_failing_adapter_request_falls_back_with_its_reason() {
    let failing = async { Err("AdapterUnavailable".to_string()) };
    let (_, info) = choose_with(BackendChoice::WebGpu, true, failing).await;
    assert_eq!(info.kind, BackendKind::Cpu);
    assert_eq!(
        info.reason.as_deref(),
        Some("no WebGPU adapter available"),
        "{info:?}"
    );
    assert!(
        info.detail
            .as_deref()
            .unwrap_or("")
            .contains("AdapterUnavailable"),
        "{info:?}"
    );
}

/// A stand-in for MNIST: class k is a bright horizontal band at rows 2k..2k+4.
fn banded(count: usize) -> Split {
    let labels: Vec<u8> = (0..count).map(|i| (i % 10) as u8).collect();
    let mut pixels = vec![0u8; count * 784];
    for (i, &l) in labels.iter().enumerate() {
        let rows = 2 * l as usize + 4..2 * l as usize + 8;
        for r in rows {
            pixels[i * 784 + r * 28..i * 784 + r * 28 + 28].fill(200 + (i % 50) as u8);
        }
    }
    let images = Images {
        count,
        rows: 28,
        cols: 28,
        pixels,
    };
    Split { images, labels }
}

/// Train an epoch, evaluate, predict, save and load, all with async readback.
async fn mnist_round_trip(device: burn::tensor::Device) {
    let data = Rc::new(MnistData {
        train: banded(640),
        test: banded(200),
    });
    let mut settings = Settings::mnist_default();
    (settings.mnist.subset, settings.epochs, settings.live.lr) = (640, 1, 0.01);
    let mut t = MnistTrainer::new(&settings, device.clone(), data.clone());
    while !t.is_finished() {
        t.step();
    }
    let r = t.prepare_readout().finish().await.expect("async readback");
    let train = r.train.expect("training metrics");
    assert!(train.loss.is_finite() && train.accuracy > 0.3, "{train:?}");
    let e = &r.evaluations[0];
    assert!(e.accuracy > 0.9, "banded digits are easy: {}", e.accuracy);
    let probs = t.predict(data.test.image(3)).unwrap().await.unwrap();
    assert_eq!(probs.len(), 10);
    assert!((probs.iter().sum::<f32>() - 1.0).abs() < 1e-4);
    // One sample followed through the model: every stated relation holds on this device.
    let trace = t
        .trace(TraceSample::Test { index: 3 }, TraceFocus::default())
        .expect("a valid sample")
        .await
        .expect("async readback of the trace");
    assert_eq!((trace.label, trace.layers.len()), (3, 2));
    nn_oracle::check_consistent(&trace);
    // The checkpoint, read back asynchronously on this device, continues on the CPU with the
    // same numbers (what a device loss or a crash relies on).
    let saved = t
        .prepare_checkpoint("test")
        .finish()
        .await
        .expect("checkpoint");
    let cpu = ml_playground::engine::device::cpu();
    let resumed = MnistTrainer::resume(&settings, cpu, data.clone(), &saved).expect("resumed");
    let again = resumed.prepare_checkpoint("test").finish().await.unwrap();
    assert_eq!(
        again, saved,
        "the CPU holds exactly the parameters and Adam state read back"
    );
    let on_cpu = resumed.predict(data.test.image(3)).unwrap().await.unwrap();
    for (a, b) in probs.iter().zip(&on_cpu) {
        assert!((a - b).abs() < 1e-4, "{probs:?} vs {on_cpu:?} on the CPU");
    }
    let file = t.save().await.expect("saved");
    let loaded = model_file::load(&file, &device).expect("loaded");
    let mut u = MnistTrainer::new(&settings, device, data.clone());
    u.adopt(loaded);
    let again = u.predict(data.test.image(3)).unwrap().await.unwrap();
    for (a, b) in probs.iter().zip(&again) {
        assert!((a - b).abs() < 1e-5, "{probs:?} vs {again:?}");
    }
}

#[wasm_bindgen_test]
async fn mnist_trains_evaluates_and_saves_on_webgpu() {
    let (device, info) = choose(BackendChoice::WebGpu).await;
    assert_eq!(info.kind, BackendKind::WebGpu, "{info:?}");
    mnist_round_trip(device).await;
}

#[wasm_bindgen_test]
async fn mnist_trains_evaluates_and_saves_on_the_cpu() {
    let (device, _) = choose(BackendChoice::Cpu).await;
    mnist_round_trip(device).await;
}
