//! The step-by-step panel's numbers (a [`SampleTrace`]) against oracles on the CPU backend:
//! an independent f64 forward/backward/update of the MLP (micrograd-style, written from the
//! formulas), and, for the CNN, Burn autodiff through the ordinary training path.

mod common;
mod nn_oracle;

use std::rc::Rc;

use burn::nn::loss::CrossEntropyLoss;
use burn::prelude::*;
use futures::executor::block_on;
use ml_playground::data::mnist::{self, FILES, MnistData};
use ml_playground::engine::device::cpu;
use ml_playground::engine::mnist::{Classifier, MnistTrainer};
use ml_playground::protocol::{SampleTrace, TraceFocus, TraceSample};
use ml_playground::settings::{Activation, OptimizerKind, Preset, Settings};
use nn_oracle::{assert_close, check_consistent, check_mlp_trace, check_update, dense_rows};

fn data() -> Rc<MnistData> {
    let dir = "www/data/mnist/"; // relative: cargo runs tests from the package root
    let files = FILES.map(|f| std::fs::read(format!("{dir}{}", f.name)).unwrap());
    Rc::new(mnist::from_gz([&files[0], &files[1], &files[2], &files[3]]).unwrap())
}

/// A run of `preset` on 512 images, `steps` steps taken.
fn trained(
    data: &Rc<MnistData>,
    preset: Preset,
    edit: impl Fn(&mut Settings),
    steps: u64,
) -> MnistTrainer {
    let mut s = Settings::mnist_default();
    preset.apply(&mut s);
    (s.mnist.subset, s.epochs) = (512, 2);
    edit(&mut s);
    let mut t = MnistTrainer::new(&s, cpu(), data.clone());
    for _ in 0..steps {
        t.step();
    }
    t
}

fn trace(t: &MnistTrainer, sample: TraceSample, focus: TraceFocus) -> SampleTrace {
    block_on(t.trace(sample, focus).unwrap()).unwrap()
}

/// The dense layers' (W as `[inputs][outputs]`, b) read from the model.
fn dense_params(model: &Classifier) -> Vec<(Vec<Vec<f64>>, Vec<f64>)> {
    let layers = match model {
        Classifier::Mlp(m) => m.layers.iter().collect::<Vec<_>>(),
        Classifier::Cnn(c) => vec![&c.dense],
    };
    layers
        .iter()
        .map(|l| {
            let w = values(l.weight.val());
            let b = values(l.bias.as_ref().unwrap().val());
            dense_rows(l.weight.dims(), &w, &b)
        })
        .collect()
}

fn check_mlp(t: &MnistTrainer, sample: TraceSample, focus: TraceFocus) -> SampleTrace {
    let tr = trace(t, sample, focus);
    check_mlp_trace(&tr, &dense_params(t.model()));
    tr
}

#[test]
fn mlp_presets_match_the_f64_oracle_with_every_optimizer() {
    let data = data();
    let cases: [(Preset, OptimizerKind, Activation, f64, f64); 4] = [
        (
            Preset::Seed001,
            OptimizerKind::Sgd,
            Activation::Relu,
            0.0,
            0.0,
        ),
        (
            Preset::Seed002,
            OptimizerKind::Momentum,
            Activation::Relu,
            0.0,
            1e-4,
        ),
        (
            Preset::Seed003,
            OptimizerKind::Adam,
            Activation::Relu,
            1e-5,
            0.0,
        ),
        (
            Preset::Seed003,
            OptimizerKind::Adam,
            Activation::Tanh,
            0.0,
            0.0,
        ),
    ];
    for (preset, optimizer, activation, l1, l2) in cases {
        let t = trained(
            &data,
            preset,
            |s| {
                (s.optimizer, s.mnist.activation, s.live.l1, s.live.l2) =
                    (optimizer, activation, l1, l2);
            },
            5,
        );
        let tr = check_mlp(&t, TraceSample::Test { index: 7 }, TraceFocus::default());
        assert_eq!((tr.step, tr.label), (5, data.test.labels[7]));
        // The state shown is the run's own: Adam has taken 5 steps.
        if optimizer == OptimizerKind::Adam {
            let ml_playground::protocol::ParamState::Adam { t: steps, .. } =
                tr.layers[0].weight.state_before
            else {
                panic!("Adam state expected");
            };
            assert_eq!(steps, 5);
        }
    }
}

#[test]
fn a_chosen_focus_and_a_drawn_digit_are_followed() {
    let data = data();
    let t = trained(&data, Preset::Seed003, |_| {}, 3);
    let focus = TraceFocus {
        layer: Some(0),
        neuron: Some(17),
        input: Some(300),
        ..TraceFocus::default()
    };
    let drawn = TraceSample::Drawn {
        pixels: data.test.image(3).to_vec(),
        label: 4,
    };
    let tr = check_mlp(&t, drawn, focus);
    assert_eq!(
        (tr.layers[0].neuron, tr.layers[0].input, tr.label),
        (17, 300, 4)
    );
    // Defaults elsewhere: the output layer follows the true class.
    assert_eq!(tr.layers.last().unwrap().neuron, 4);
    // Bad requests are errors with messages, not panics.
    let e = t
        .trace(TraceSample::Test { index: 10_000 }, TraceFocus::default())
        .err()
        .unwrap();
    assert!(e.0.contains("does not exist"), "{}", e.0);
    let e = t
        .trace(
            TraceSample::Drawn {
                pixels: vec![0; 10],
                label: 1,
            },
            TraceFocus::default(),
        )
        .err()
        .unwrap();
    assert!(e.0.contains("784"), "{}", e.0);
}

#[test]
fn cnn_first_convolution_and_gradients_match_burn_autodiff() {
    let data = data();
    let t = trained(&data, Preset::SmallCnn, |s| s.batch_size = 16, 3);
    let tr = trace(&t, TraceSample::Test { index: 11 }, TraceFocus::default());
    check_consistent(&tr);
    let conv = tr.conv.as_ref().expect("the CNN's convolution is traced");
    // Forward of channel c, every position, from x and K_c in f64.
    for r in 0..28 {
        for c in 0..28 {
            let window = ml_playground::engine::mnist::trace_focus::window(&tr.x, (r, c), 5);
            let terms: Vec<f64> = window
                .iter()
                .zip(&conv.k)
                .map(|(x, k)| f64::from(*x) * f64::from(*k))
                .collect();
            let z = terms.iter().sum::<f64>() + f64::from(conv.bias.theta);
            let scale =
                terms.iter().map(|v| v.abs()).sum::<f64>() + f64::from(conv.bias.theta).abs();
            assert_close("conv z", f64::from(conv.z[r * 28 + c]), z, scale);
            assert_eq!(conv.a[r * 28 + c], conv.z[r * 28 + c].max(0.0), "ReLU");
        }
    }
    for r in 0..14 {
        for c in 0..14 {
            let m = [(0, 0), (0, 1), (1, 0), (1, 1)]
                .map(|(dr, dc)| conv.a[(2 * r + dr) * 28 + 2 * c + dc])
                .into_iter()
                .fold(f32::NEG_INFINITY, f32::max);
            assert_eq!(conv.pooled[r * 14 + c], m, "max-pool");
        }
    }
    // Gradients: Burn autodiff through the ordinary forward (as in training), batch of one.
    let model = t.model().clone();
    let device = cpu().autodiff();
    let x = Tensor::<2>::from_data(TensorData::new(tr.x.clone(), [1, 784]), &device);
    let y = Tensor::<1, Int>::from_ints([i64::from(tr.label)], &device);
    let loss = CrossEntropyLoss::new(None, &device).forward(model.forward(x), y);
    let grads = loss.backward();
    let Classifier::Cnn(cnn) = &model else {
        panic!("a CNN")
    };
    let d_k = values(cnn.conv1.weight.val().grad(&grads).unwrap());
    let taps = &d_k[conv.channel * 25..(conv.channel + 1) * 25];
    let scale = taps.iter().map(|g| f64::from(g.abs())).fold(0.0, f64::max);
    for (mine, theirs) in conv.d_k.iter().zip(taps) {
        assert_close("∂L/∂K", f64::from(*mine), f64::from(*theirs), scale);
    }
    let head = &tr.layers[0];
    let d_w = values(cnn.dense.weight.val().grad(&grads).unwrap());
    for i in 0..head.inputs {
        assert_close(
            "dense ∂L/∂W",
            f64::from(head.d_w_row[i]),
            f64::from(d_w[i * 10 + head.neuron]),
            1.0,
        );
    }
    check_update(
        &tr,
        &conv.weight,
        f64::from(taps[conv.tap.0 * 5 + conv.tap.1]),
        scale,
    );
    assert_close(
        "loss",
        f64::from(tr.loss),
        f64::from(loss.into_scalar::<f32>()),
        1.0,
    );
}

/// A tensor's values, read back (native: synchronously).
fn values<const D: usize>(t: Tensor<D>) -> Vec<f32> {
    t.into_data().try_to_vec::<f32>().unwrap()
}
