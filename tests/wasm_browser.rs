//! In the real browser (headless Chromium with WebGPU): device selection and training steps.
//! Run with `cargo test --target wasm32-unknown-unknown` (see scripts/test.sh).
#![cfg(target_arch = "wasm32")]

// The oracles of the native tests, run here on WebGPU and on the CPU.
mod common;
#[path = "gpt/follow_check.rs"]
mod follow_check;
#[path = "wasm_browser/gpt.rs"]
mod gpt;
#[path = "wasm_browser/gpt_follow.rs"]
mod gpt_follow;
// The GPT's oracle (`tests/gpt/`), under the names its files use.
#[path = "gpt/adamw_oracle.rs"]
mod adamw_oracle;
#[allow(dead_code)]
#[path = "gpt/burn_params.rs"]
mod burn_params;
#[path = "wasm_browser/mnist.rs"]
mod mnist;
#[allow(dead_code)]
#[path = "nn_oracle/mod.rs"]
mod nn_oracle;
#[path = "gpt/oracle.rs"]
mod oracle;
#[path = "wasm_browser/table.rs"]
mod table;
#[path = "gpt/tape.rs"]
mod tape;

use ml_playground::engine::neuron_run::NeuronRun;
use ml_playground::engine::trainer::LinRegTrainer;
use ml_playground::protocol::BackendKind;
use ml_playground::settings::{BackendChoice, NeuronSettings, OptimizerKind, Settings};
use ml_playground::worker::backend::{choose, choose_with};
use wasm_bindgen_test::{console_log, wasm_bindgen_test, wasm_bindgen_test_configure};

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
    common::errors::reset();
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
    console_log!("{}", common::errors::table("linear regression, WebGPU"));
}

/// The single neuron on WebGPU against the oracle (`common::check_neuron_step`: relative
/// tolerances with no floor), the textbook sample and ones where σ saturates, every optimizer,
/// four steps each.
#[wasm_bindgen_test]
async fn the_neuron_matches_the_oracle_on_webgpu_even_saturated() {
    let (device, info) = choose(BackendChoice::WebGpu).await;
    assert_eq!(info.kind, BackendKind::WebGpu, "{info:?}");
    common::errors::reset();
    let mut samples = common::saturated_neurons();
    samples.push(NeuronSettings::default());
    for optimizer in OptimizerKind::ALL {
        for neuron in &samples {
            let mut s = Settings {
                optimizer,
                momentum: 0.8,
                neuron: neuron.clone(),
                ..Settings::neuron_default()
            };
            s.live.lr = 0.5;
            let mut run = NeuronRun::new(&s, device.clone());
            for _ in 0..4 {
                run.step();
                let snap = run
                    .prepare_readout()
                    .finish()
                    .await
                    .expect("async readback");
                common::check_neuron_step(&snap.last.expect("a step was taken"));
            }
        }
    }
    console_log!("{}", common::errors::table("the neuron, WebGPU"));
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
