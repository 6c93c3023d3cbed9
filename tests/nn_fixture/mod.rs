//! Hand-made sample traces whose numbers are consistent (computed here in f64, the way the
//! engine's Burn pass computes them): a 784→3→10 MLP and a small CNN head. Shared by the
//! explanation and export tests.
#![allow(dead_code)]

pub mod checks;
pub mod cnn;
mod dense;
#[path = "../oracle/mod.rs"]
mod oracle;

pub use dense::Dense;

use ml_playground::protocol::{OptimizerHyper, ParamState, ParamUpdate, SampleTrace, TraceSample};
use ml_playground::settings::{Activation, ModelKind, OptimizerKind, Preprocess};
use oracle::update;

pub const LABEL: u8 = 1;

/// A "1": a vertical bar, bright in the middle.
pub fn pixels() -> Vec<u8> {
    let mut p = vec![0u8; 784];
    for r in 4..24 {
        p[r * 28 + 13] = 128;
        p[r * 28 + 14] = 255;
        p[r * 28 + 15] = 200;
    }
    p
}

pub fn hyper(kind: OptimizerKind) -> OptimizerHyper {
    OptimizerHyper {
        kind,
        lr: 0.001,
        momentum: 0.9,
        beta_1: 0.9,
        beta_2: 0.999,
        epsilon: 1e-8,
    }
}

fn state_before(kind: OptimizerKind) -> ParamState {
    match kind {
        OptimizerKind::Sgd => ParamState::None,
        OptimizerKind::Momentum => ParamState::Momentum { v: 0.02 },
        OptimizerKind::Adam => ParamState::Adam {
            t: 4,
            m: 0.01,
            v: 0.0004,
        },
    }
}

/// θ through the optimizer (the f64 oracle of the linear-regression panel, same conventions).
pub fn param(h: &OptimizerHyper, theta: f32, grad: f64) -> ParamUpdate {
    let before = state_before(h.kind);
    let (new, after) = update(h, theta.into(), grad, before);
    ParamUpdate {
        theta,
        grad: grad as f32,
        state_before: before,
        state_after: after,
        theta_new: new as f32,
    }
}

pub(crate) fn argmax_abs(v: &[f64]) -> usize {
    (0..v.len())
        .max_by(|&a, &b| v[a].abs().total_cmp(&v[b].abs()))
        .unwrap()
}

pub(crate) fn f32s(v: &[f64]) -> Vec<f32> {
    v.iter().map(|&x| x as f32).collect()
}

/// Softmax, cross-entropy and δ = p − onehot(y) of the logits.
pub fn head(logits: &[f64], y: usize) -> (Vec<f64>, f64, Vec<f64>) {
    let max = logits.iter().cloned().fold(f64::MIN, f64::max);
    let e: Vec<f64> = logits.iter().map(|z| (z - max).exp()).collect();
    let s: f64 = e.iter().sum();
    let p: Vec<f64> = e.iter().map(|e| e / s).collect();
    let delta = p
        .iter()
        .enumerate()
        .map(|(k, p)| p - f64::from(u8::from(k == y)))
        .collect();
    (p.clone(), -p[y].ln(), delta)
}

/// 784 → 3 (ReLU; neuron 2 inactive) → 10, one sample of class 1.
pub fn mlp_trace(kind: OptimizerKind, l1: f64, l2: f64) -> SampleTrace {
    let h = hyper(kind);
    let px = pixels();
    let pre = Preprocess::Standardize;
    let x: Vec<f64> = px.iter().map(|&p| f64::from(pre.apply(p))).collect();
    let w1 = (0..3)
        .map(|j| {
            (0..784)
                .map(|i| ((j * 7) as f64 + i as f64 * 0.37).sin() * 0.05)
                .collect()
        })
        .collect();
    let l1_dense = Dense::new(w1, vec![0.1, -0.2, -50.0], x.clone());
    let a1: Vec<f64> = l1_dense.z.iter().map(|z| z.max(0.0)).collect();
    let w2 = (0..10)
        .map(|c| {
            (0..3)
                .map(|j| (c as f64 * 1.3 + j as f64 * 2.1).cos() * 0.8)
                .collect()
        })
        .collect();
    let l2_dense = Dense::new(w2, (0..10).map(|c| 0.01 * c as f64).collect(), a1.clone());
    let y = usize::from(LABEL);
    let (p, ce, delta2) = head(&l2_dense.z, y);
    let d_a1 = l2_dense.back(&delta2);
    let delta1: Vec<f64> = d_a1
        .iter()
        .zip(&l1_dense.z)
        .map(|(d, z)| if *z > 0.0 { *d } else { 0.0 })
        .collect();
    let j0 = argmax_abs(&a1);
    let penalty = l1_dense.penalty(l1, l2) + l2_dense.penalty(l1, l2);
    SampleTrace {
        step: 42,
        epoch: 1,
        sample: TraceSample::Test { index: 7 },
        label: LABEL,
        pixels: px,
        preprocess: pre,
        mean: pre.mean_std().0,
        std: pre.mean_std().1,
        x: f32s(&x),
        d_x: f32s(&l1_dense.back(&delta1)),
        model: ModelKind::Mlp,
        activation: Activation::Relu,
        conv: None,
        cnn_weights: None,
        layers: vec![
            l1_dense.trace(&a1, &delta1, j0, l1_dense.top_input(j0), true, &h, l1, l2),
            l2_dense.trace(&l2_dense.z, &delta2, y, j0, false, &h, l1, l2),
        ],
        probs: f32s(&p),
        cross_entropy: ce as f32,
        penalty: penalty as f32,
        loss: (ce + penalty) as f32,
        l1,
        l2,
        optimizer: h,
    }
}
