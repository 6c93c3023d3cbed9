//! MNIST in the browser, on WebGPU and on the CPU: an epoch, evaluation, prediction, one
//! sample followed through the MLP and through the CNN against the f64 oracles, the
//! checkpoint, save and load.

use std::rc::Rc;

use ml_playground::data::idx::Images;
use ml_playground::data::mnist::{MnistData, Split};
use ml_playground::engine::mnist::{Classifier, MnistTrainer, model_file};
use ml_playground::protocol::{BackendKind, TraceFocus, TraceSample};
use ml_playground::settings::{BackendChoice, Preset, Settings};
use ml_playground::worker::backend::choose;
use wasm_bindgen_test::{console_log, wasm_bindgen_test};

use crate::nn_oracle;

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

/// A tensor's values, read back asynchronously (the only way on WebGPU).
async fn values<const D: usize>(t: burn::tensor::Tensor<D>) -> Vec<f32> {
    let data = t.into_data_async().await.expect("async readback");
    data.try_to_vec::<f32>().expect("f32 values")
}

/// The MLP's dense layers (W as `[inputs][outputs]`, b), read back asynchronously.
async fn dense_params(model: &Classifier) -> Vec<(Vec<Vec<f64>>, Vec<f64>)> {
    let Classifier::Mlp(mlp) = model else {
        panic!("the round trip trains an MLP")
    };
    let mut params = Vec::new();
    for layer in &mlp.layers {
        let w = values(layer.weight.val()).await;
        let b = values(layer.bias.as_ref().expect("a bias").val()).await;
        params.push(nn_oracle::dense_rows(layer.weight.dims(), &w, &b));
    }
    params
}

/// The CNN's parameters, read back asynchronously.
async fn cnn_params(model: &Classifier) -> nn_oracle::cnn::CnnParams {
    let Classifier::Cnn(cnn) = model else {
        panic!("a CNN")
    };
    let bias = |c: &burn::nn::conv::Conv2d| c.bias.as_ref().expect("a bias").val();
    nn_oracle::cnn::CnnParams::from_values(
        &values(cnn.conv1.weight.val()).await,
        &values(bias(&cnn.conv1)).await,
        &values(cnn.conv2.weight.val()).await,
        &values(bias(&cnn.conv2)).await,
        cnn.dense.weight.dims(),
        &values(cnn.dense.weight.val()).await,
        &values(cnn.dense.bias.as_ref().expect("a bias").val()).await,
    )
}

/// The banded digits with every pixel a little different (no two pooled values tie).
fn textured(count: usize) -> Split {
    let mut split = banded(count);
    for (p, v) in split.images.pixels.iter_mut().enumerate() {
        *v = v.saturating_add(((p * 7919) % 37) as u8);
    }
    split
}

/// The CNN's followed sample after three Adam steps with the penalty on, against the
/// independent f64 CNN oracle (both convolutions, max-pooling, the head, ∂L/∂K₁, ∂L/∂x).
async fn cnn_sample_matches_the_oracle(device: burn::tensor::Device, name: &str) {
    crate::common::errors::reset();
    let data = Rc::new(MnistData {
        train: textured(64),
        test: textured(20),
    });
    let mut settings = Settings::mnist_default();
    Preset::SmallCnn.apply(&mut settings);
    (settings.mnist.subset, settings.batch_size) = (64, 16);
    (settings.live.l1, settings.live.l2) = (1e-5, 1e-4);
    let mut t = MnistTrainer::new(&settings, device, data);
    for _ in 0..3 {
        t.step();
    }
    let trace = t
        .trace(TraceSample::Test { index: 3 }, TraceFocus::default())
        .expect("a valid sample")
        .await
        .expect("async readback of the trace");
    nn_oracle::check_cnn_trace(&trace, &cnn_params(t.model()).await);
    console_log!(
        "{}",
        crate::common::errors::table(&format!("the CNN sample, {name}"))
    );
}

#[wasm_bindgen_test]
async fn the_cnn_sample_matches_the_oracle_on_webgpu() {
    let (device, info) = choose(BackendChoice::WebGpu).await;
    assert_eq!(info.kind, BackendKind::WebGpu, "{info:?}");
    cnn_sample_matches_the_oracle(device, "WebGPU").await;
}

#[wasm_bindgen_test]
async fn the_cnn_sample_matches_the_oracle_on_the_cpu() {
    let (device, _) = choose(BackendChoice::Cpu).await;
    cnn_sample_matches_the_oracle(device, "CPU (wasm)").await;
}

/// Train an epoch, evaluate, predict, save and load, all with async readback.
async fn mnist_round_trip(device: burn::tensor::Device, name: &str) {
    crate::common::errors::reset();
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
    // Every number of it against the f64 oracle, the weights read back asynchronously.
    nn_oracle::check_mlp_trace(&trace, &dense_params(t.model()).await);
    let title = format!("the MLP sample, {name}");
    console_log!("{}", crate::common::errors::table(&title));
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
    mnist_round_trip(device, "WebGPU").await;
}

#[wasm_bindgen_test]
async fn mnist_trains_evaluates_and_saves_on_the_cpu() {
    let (device, _) = choose(BackendChoice::Cpu).await;
    mnist_round_trip(device, "CPU (wasm)").await;
}
