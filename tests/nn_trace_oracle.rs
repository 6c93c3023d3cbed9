//! The step-by-step panel's numbers (a [`SampleTrace`]) against oracles on the CPU backend:
//! an independent f64 forward/backward/update of the MLP (micrograd-style, written from the
//! formulas), and the same for the CNN (both convolutions, max-pooling, the dense head).

mod common;
mod nn_oracle;

use std::rc::Rc;

use burn::prelude::*;
use futures::executor::block_on;
use ml_playground::data::mnist::{self, FILES, MnistData};
use ml_playground::engine::device::cpu;
use ml_playground::engine::mnist::{Classifier, MnistTrainer};
use ml_playground::explain::nn_export::nn_export_text;
use ml_playground::protocol::{SampleTrace, TraceFocus, TraceSample};
use ml_playground::settings::{Activation, OptimizerKind, Preset, Settings};
use nn_oracle::cnn::CnnParams;
use nn_oracle::{check_cnn_trace, check_mlp_trace, dense_rows, from_export};

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

/// The trace against the oracle; and the export holds the model's weights exactly (so an
/// outside program recomputes every number from it alone) and the penalty's terms.
fn check_mlp(t: &MnistTrainer, sample: TraceSample, focus: TraceFocus) -> SampleTrace {
    let tr = trace(t, sample, focus);
    let params = dense_params(t.model());
    check_mlp_trace(&tr, &params);
    let doc = serde_json::from_str(&nn_export_text(&tr)).unwrap();
    assert!(
        from_export::dense_from_export(&doc) == params,
        "the export's weights"
    );
    from_export::check_penalty_terms(&doc);
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
    println!("{}", common::errors::table("the MLP sample, CPU"));
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

/// The CNN's parameters, read back (native: synchronously).
fn cnn_params(model: &Classifier) -> CnnParams {
    let Classifier::Cnn(cnn) = model else {
        panic!("a CNN")
    };
    let bias = |c: &burn::nn::conv::Conv2d| values(c.bias.as_ref().unwrap().val());
    CnnParams::from_values(
        &values(cnn.conv1.weight.val()),
        &bias(&cnn.conv1),
        &values(cnn.conv2.weight.val()),
        &bias(&cnn.conv2),
        cnn.dense.weight.dims(),
        &values(cnn.dense.weight.val()),
        &values(cnn.dense.bias.as_ref().unwrap().val()),
    )
}

/// The CNN's followed sample against the independent f64 CNN oracle (forward through both
/// convolutions, backward to ∂L/∂K₁ and ∂L/∂x), with the penalty on and Adam's state.
#[test]
fn cnn_trace_matches_the_f64_oracle() {
    let data = data();
    for (l1, l2, index) in [(0.0, 0.0, 11), (1e-5, 1e-4, 3)] {
        let t = trained(
            &data,
            Preset::SmallCnn,
            |s| (s.batch_size, s.live.l1, s.live.l2) = (16, l1, l2),
            3,
        );
        let tr = trace(&t, TraceSample::Test { index }, TraceFocus::default());
        let params = cnn_params(t.model());
        check_cnn_trace(&tr, &params);
        // The export alone: the same weights, so the same check passes from it.
        let doc = serde_json::from_str(&nn_export_text(&tr)).unwrap();
        let exported = from_export::cnn_from_export(&doc);
        assert!(exported.k2 == params.k2 && exported.dense == params.dense);
        check_cnn_trace(&tr, &exported);
        from_export::check_penalty_terms(&doc);
        let c = tr.cnn_weights.as_ref().unwrap();
        assert_eq!(
            c.conv2_in.len(),
            params.filters[0] * 196,
            "conv2's input, every channel"
        );
    }
    println!("{}", common::errors::table("the CNN sample, CPU"));
}

/// A tensor's values, read back (native: synchronously).
fn values<const D: usize>(t: Tensor<D>) -> Vec<f32> {
    t.into_data().try_to_vec::<f32>().unwrap()
}
