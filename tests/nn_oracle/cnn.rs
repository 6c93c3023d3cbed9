//! An independent f64 oracle of the CNN (conv 5×5 "same" → ReLU → max-pool 2×2, twice, then
//! dense 10): forward, softmax cross-entropy, the penalty, and the backward pass down to
//! ∂L/∂K₁ and ∂L/∂x, written from the formulas (no Burn). Every value comes with the size of
//! the terms it is summed from (the same pass with every factor's absolute value), to which
//! its rounding is relative.

use super::OracleLayer;

/// The CNN's parameters in f64: K₁ `[f₁][5][5]`, K₂ `[f₂][f₁][5][5]` (flattened), the biases,
/// and the dense head (W `[inputs][10]`, b).
pub struct CnnParams {
    pub filters: [usize; 2],
    pub k1: Vec<f64>,
    pub b1: Vec<f64>,
    pub k2: Vec<f64>,
    pub b2: Vec<f64>,
    pub dense: (Vec<Vec<f64>>, Vec<f64>),
}
pub use super::cnn_layers::Sized;
use super::cnn_layers::{conv, conv_back, relu_pool, unpool};

pub struct CnnOracle {
    /// conv1: z, a = ReLU(z), the pooled map (`[f₁][28][28]`, `[f₁][14][14]`).
    pub z1: Sized,
    pub a1: Vec<f64>,
    pub p1: Sized,
    /// ∂L/∂K₁ `[f₁][5][5]`, ∂L/∂b₁, ∂L/∂x.
    pub d_k1: Sized,
    pub d_b1: Sized,
    pub d_x: Sized,
    /// The dense head as the MLP oracle describes a layer (its input is conv2's pooled map).
    pub head: OracleLayer,
    /// The size of the terms of each head input (conv2's pooled value).
    pub p2_size: Vec<f64>,
    pub probs: Vec<f64>,
    pub cross_entropy: f64,
    pub penalty: f64,
}

/// The whole pass of the sample `x` (standardized, 784) with label `y`; `l1`, `l2` the
/// penalty over every weight tensor (never biases).
pub fn cnn_oracle(x: &[f32], y: usize, p: &CnnParams, l1: f64, l2: f64) -> CnnOracle {
    let [f1, f2] = p.filters;
    let x = Sized {
        v: x.iter().map(|&v| f64::from(v)).collect(),
        size: x.iter().map(|&v| f64::from(v.abs())).collect(),
    };
    let z1 = conv(&x, 1, 28, &p.k1, &p.b1);
    let (a1, p1, from1) = relu_pool(&z1, f1, 28);
    let z2 = conv(&p1, f1, 14, &p.k2, &p.b2);
    let (_, p2, from2) = relu_pool(&z2, f2, 14);
    let (w, b) = &p.dense;
    let terms = |j: usize| p2.v.iter().zip(w).map(move |(a, row)| a * row[j]);
    let logits: Vec<f64> = (0..b.len()).map(|j| terms(j).sum::<f64>() + b[j]).collect();
    let z_scale = (0..b.len())
        .map(|j| {
            p2.size
                .iter()
                .zip(w)
                .map(|(s, row)| s * row[j].abs())
                .sum::<f64>()
                + b[j].abs()
        })
        .collect();
    let peak = logits.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
    let exp: Vec<f64> = logits.iter().map(|z| (z - peak).exp()).collect();
    let probs: Vec<f64> = exp.iter().map(|e| e / exp.iter().sum::<f64>()).collect();
    let onehot = |k: usize| f64::from(u8::from(k == y));
    let delta: Vec<f64> = probs
        .iter()
        .enumerate()
        .map(|(k, q)| q - onehot(k))
        .collect();
    let sizes: Vec<f64> = probs
        .iter()
        .enumerate()
        .map(|(k, q)| q + onehot(k))
        .collect();
    let d_flat = Sized {
        v: w.iter()
            .map(|row| row.iter().zip(&delta).map(|(w, d)| w * d).sum())
            .collect(),
        size: w
            .iter()
            .map(|row| row.iter().zip(&sizes).map(|(w, s)| w.abs() * s).sum())
            .collect(),
    };
    let d_z2 = unpool(&d_flat, &from2, &z2);
    let (d_p1, _) = conv_back(&d_z2, &p1, f1, 14, &p.k2, false);
    let d_z1 = unpool(&d_p1, &from1, &z1);
    let (d_x, d_k1) = conv_back(&d_z1, &x, 1, 28, &p.k1, true);
    let per_channel = |s: &[f64]| {
        (0..f1)
            .map(|c| s[c * 784..(c + 1) * 784].iter().sum())
            .collect()
    };
    let d_b1 = Sized {
        v: per_channel(&d_z1.v),
        size: per_channel(&d_z1.size),
    };
    let penalty = [&p.k1, &p.k2]
        .into_iter()
        .flatten()
        .chain(w.iter().flatten())
        .map(|w| l1 * w.abs() + l2 * w * w)
        .sum();
    let p2_size = p2.size.clone();
    let head = OracleLayer {
        a_in: p2.v.clone(),
        z: logits.clone(),
        z_scale,
        a: logits,
        delta_scale: sizes.iter().cloned().fold(0.0, f64::max),
        delta,
        d_a_in: d_flat.v,
        d_a_in_scale: d_flat.size,
    };
    let cross_entropy = -probs[y].ln();
    CnnOracle {
        z1,
        a1,
        p1,
        d_k1,
        d_b1,
        d_x,
        head,
        p2_size,
        probs,
        cross_entropy,
        penalty,
    }
}

impl CnnParams {
    /// From the values read back: K₁ `[f₁, 1, 5, 5]`, b₁, K₂ `[f₂, f₁, 5, 5]`, b₂, and the
    /// head's W (Burn's `[inputs, outputs]`, `w_dims`) and b.
    pub fn from_values(
        k1: &[f32],
        b1: &[f32],
        k2: &[f32],
        b2: &[f32],
        w_dims: [usize; 2],
        w: &[f32],
        b: &[f32],
    ) -> Self {
        let wide = |v: &[f32]| v.iter().map(|&x| f64::from(x)).collect::<Vec<f64>>();
        Self {
            filters: [b1.len(), b2.len()],
            k1: wide(k1),
            b1: wide(b1),
            k2: wide(k2),
            b2: wide(b2),
            dense: super::dense_rows(w_dims, w, b),
        }
    }
}
