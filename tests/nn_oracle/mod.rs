//! An independent f64 oracle of an MLP's forward pass, softmax cross-entropy, backward pass
//! and optimizer update, written straight from the formulas (no Burn).

pub mod cnn;
mod cnn_check;
mod cnn_layers;
mod consistency;
pub mod from_export;
mod mlp_check;

// The oracle's optimizer update (every test binary with this module has `common` too).
use crate::common::oracle;
pub use cnn_check::check_cnn_trace;
pub use consistency::check_consistent;
use ml_playground::protocol::{ParamUpdate, SampleTrace};
use ml_playground::settings::Activation;
pub use mlp_check::{check_mlp_trace, dense_rows};

/// |burn − oracle| ≤ 1e-5 · max(|oracle|, scale): relative to the value, or to the size of
/// the terms it was summed from when they cancel (`scale`).
pub fn assert_close(what: &str, burn: f64, oracle: f64, scale: f64) {
    assert_within(what, burn, oracle, scale, 1e-5);
}

/// |burn − oracle| ≤ `relative` · max(|oracle|, scale) (the error table notes it relative to
/// max(|oracle|, scale)).
pub fn assert_within(what: &str, burn: f64, oracle: f64, scale: f64, relative: f64) {
    let size = oracle.abs().max(scale).max(1e-30);
    let tolerance = relative * size;
    crate::common::errors::note(what, (burn - oracle).abs(), size);
    assert!(
        (burn - oracle).abs() <= tolerance,
        "{what}: Burn {burn} vs oracle {oracle} (tolerance {tolerance:e})"
    );
}

pub struct OracleLayer {
    pub a_in: Vec<f64>,
    pub z: Vec<f64>,
    /// Σ|W a| + |b| per output: the scale of z's rounding.
    pub z_scale: Vec<f64>,
    pub a: Vec<f64>,
    pub delta: Vec<f64>,
    /// The size of the terms δ is made of, the layer's largest: p + y at the output (whose
    /// δ = p − y cancels as p → y), Σ|W|·(the next layer's sizes)·|act′(z)| below.
    pub delta_scale: f64,
    pub d_a_in: Vec<f64>,
    pub d_a_in_scale: Vec<f64>,
}

impl OracleLayer {
    /// ∂L/∂W_ji = δ_j a_i + λ₁ sign(W_ji) + 2 λ₂ W_ji (`w` as `[inputs][outputs]`).
    pub fn d_w(&self, w: &[Vec<f64>], j: usize, i: usize, l1: f64, l2: f64) -> f64 {
        let w_ji = w[i][j];
        let sign = if w_ji > 0.0 {
            1.0
        } else if w_ji < 0.0 {
            -1.0
        } else {
            0.0
        };
        self.delta[j] * self.a_in[i] + l1 * sign + 2.0 * l2 * w_ji
    }
}

pub struct Oracle {
    pub layers: Vec<OracleLayer>,
    pub probs: Vec<f64>,
    pub cross_entropy: f64,
    pub penalty: f64,
}

pub fn act(kind: Activation, z: f64) -> (f64, f64) {
    match kind {
        Activation::Relu => (z.max(0.0), if z > 0.0 { 1.0 } else { 0.0 }),
        Activation::Sigmoid => {
            let s = 1.0 / (1.0 + (-z).exp());
            (s, s * (1.0 - s))
        }
        Activation::Tanh => {
            let t = z.tanh();
            (t, 1.0 - t * t)
        }
    }
}

/// Forward from the trace's x with the model's own weights `params` ((W `[in][out]`, b) per
/// layer), then backward and the penalty.
pub fn mlp_oracle(tr: &SampleTrace, params: &[(Vec<Vec<f64>>, Vec<f64>)]) -> Oracle {
    let mut a: Vec<f64> = tr.x.iter().map(|&v| f64::from(v)).collect();
    let mut layers = Vec::new();
    let last = params.len() - 1;
    for (k, (w, b)) in params.iter().enumerate() {
        let outputs = b.len();
        let terms = |j: usize| a.iter().zip(w).map(move |(a, row)| a * row[j]);
        let z: Vec<f64> = (0..outputs).map(|j| terms(j).sum::<f64>() + b[j]).collect();
        let z_scale = (0..outputs)
            .map(|j| terms(j).map(f64::abs).sum::<f64>() + b[j].abs())
            .collect();
        let next: Vec<f64> = if k < last {
            z.iter().map(|&z| act(tr.activation, z).0).collect()
        } else {
            z.clone()
        };
        layers.push(OracleLayer {
            a_in: a.clone(),
            z,
            z_scale,
            a: next.clone(),
            delta: Vec::new(),
            delta_scale: 0.0,
            d_a_in: Vec::new(),
            d_a_in_scale: Vec::new(),
        });
        a = next;
    }
    let top = a.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
    let exp: Vec<f64> = a.iter().map(|z| (z - top).exp()).collect();
    let sum: f64 = exp.iter().sum();
    let probs: Vec<f64> = exp.iter().map(|e| e / sum).collect();
    let y = usize::from(tr.label);
    let cross_entropy = -probs[y].ln();
    let penalty = params
        .iter()
        .flat_map(|(w, _)| w.iter().flatten())
        .map(|w| tr.l1 * w.abs() + tr.l2 * w * w)
        .sum();
    // Backward: δ_out = p − onehot(y); ∂L/∂a_in = W δ; δ_prev = ∂L/∂a_in ⊙ act'(z_prev).
    let onehot = |k: usize| f64::from(u8::from(k == y));
    let mut delta: Vec<f64> = probs
        .iter()
        .enumerate()
        .map(|(k, p)| p - onehot(k))
        .collect();
    // The size of the terms each δ is summed from (rounding is relative to it, not to δ).
    let mut sizes: Vec<f64> = probs
        .iter()
        .enumerate()
        .map(|(k, p)| p + onehot(k))
        .collect();
    for k in (0..layers.len()).rev() {
        let w = &params[k].0;
        let d_a_in: Vec<f64> = w
            .iter()
            .map(|row| row.iter().zip(&delta).map(|(w, d)| w * d).sum())
            .collect();
        let scale: Vec<f64> = w
            .iter()
            .map(|row| row.iter().zip(&sizes).map(|(w, s)| (w * s).abs()).sum())
            .collect();
        let l = &mut layers[k];
        l.delta_scale = sizes.iter().fold(0.0, |m: f64, s| m.max(*s));
        l.delta = std::mem::take(&mut delta);
        if k > 0 {
            let z_prev = &layers[k - 1].z;
            let slope = |z: f64| act(tr.activation, z).1;
            delta = d_a_in
                .iter()
                .zip(z_prev)
                .map(|(d, &z)| d * slope(z))
                .collect();
            sizes = scale
                .iter()
                .zip(z_prev)
                .map(|(s, &z)| s * slope(z).abs())
                .collect();
        }
        layers[k].d_a_in = d_a_in;
        layers[k].d_a_in_scale = scale;
    }
    Oracle {
        layers,
        probs,
        cross_entropy,
        penalty,
    }
}

/// The update shown for one parameter: its gradient is the oracle's (to 1e-5 of the size of
/// the terms it is summed from, `terms`, when larger than it), and θ_new and the state after
/// follow the optimizer's formulas from the state before.
pub fn check_update(tr: &SampleTrace, u: &ParamUpdate, g_oracle: f64, terms: f64) {
    assert_close(
        "∂L/∂θ",
        f64::from(u.grad),
        g_oracle,
        g_oracle.abs().max(terms).max(1e-7),
    );
    let (theta_new, _) = oracle::update(
        &tr.optimizer,
        f64::from(u.theta),
        f64::from(u.grad),
        u.state_before,
    );
    let step = (f64::from(u.theta) - theta_new).abs();
    let scale = |what: &str| {
        if what.starts_with("new") {
            f64::from(u.theta).abs() + step
        } else {
            1e-9
        }
    };
    crate::common::check_update_formula("θ", &tr.optimizer, u, |what, burn, oracle| {
        assert_close(what, f64::from(burn), oracle, scale(what).max(oracle.abs()));
    });
}
