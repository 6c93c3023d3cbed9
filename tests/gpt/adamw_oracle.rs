//! AdamW in f64 for the oracle tests, in Burn's and PyTorch's form (Loshchilov & Hutter):
//! θ ← θ(1 − αλ) − α m̂/(√v̂ + ε), with λ on the matrices only (rank ≥ 2, nanoGPT's grouping).

use std::collections::BTreeMap;

pub struct AdamWOracle {
    beta_1: f64,
    beta_2: f64,
    epsilon: f64,
    weight_decay: f64,
    m: BTreeMap<String, Vec<f64>>,
    v: BTreeMap<String, Vec<f64>>,
}

impl AdamWOracle {
    /// The constants as Burn holds them (f32), widened.
    pub fn new(beta_1: f32, beta_2: f32, epsilon: f32, weight_decay: f32) -> Self {
        Self {
            beta_1: f64::from(beta_1),
            beta_2: f64::from(beta_2),
            epsilon: f64::from(epsilon),
            weight_decay: f64::from(weight_decay),
            m: BTreeMap::new(),
            v: BTreeMap::new(),
        }
    }

    /// Δθ of step `t` (1-based) of parameter `name` (of rank `rank`) with gradient `g`.
    pub fn delta(
        &mut self,
        name: &str,
        rank: usize,
        theta: &[f64],
        g: &[f64],
        t: i32,
        lr: f64,
    ) -> Vec<f64> {
        let (b1, b2) = (self.beta_1, self.beta_2);
        let decay = if rank >= 2 {
            lr * self.weight_decay
        } else {
            0.0
        };
        let m = self
            .m
            .entry(name.into())
            .or_insert_with(|| vec![0.0; g.len()]);
        let v = self
            .v
            .entry(name.into())
            .or_insert_with(|| vec![0.0; g.len()]);
        (0..g.len())
            .map(|i| {
                m[i] = b1 * m[i] + (1.0 - b1) * g[i];
                v[i] = b2 * v[i] + (1.0 - b2) * g[i] * g[i];
                let m_hat = m[i] / (1.0 - b1.powi(t));
                let v_hat = v[i] / (1.0 - b2.powi(t));
                -theta[i] * decay - lr * m_hat / (v_hat.sqrt() + self.epsilon)
            })
            .collect()
    }
}

/// max |a − b| / max |b| (the error relative to the tensor's scale).
pub fn rel(a: &[f64], b: &[f64]) -> f64 {
    let scale = b.iter().fold(0.0_f64, |m, x| m.max(x.abs()));
    let err = a
        .iter()
        .zip(b)
        .fold(0.0_f64, |m, (x, y)| m.max((x - y).abs()));
    if scale == 0.0 { err } else { err / scale }
}
