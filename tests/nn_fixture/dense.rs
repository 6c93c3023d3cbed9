//! A dense layer computed in f64 from W, b and its input, and its trace once δ is known.

use super::{argmax_abs, f32s, param};
use ml_playground::protocol::{DenseTrace, OptimizerHyper};

/// z = W·a + b, and everything backward of a dense layer once δ is known.
pub struct Dense {
    pub w: Vec<Vec<f64>>,
    pub b: Vec<f64>,
    pub a_in: Vec<f64>,
    pub z: Vec<f64>,
}

impl Dense {
    pub fn new(w: Vec<Vec<f64>>, b: Vec<f64>, a_in: Vec<f64>) -> Self {
        let z = w
            .iter()
            .zip(&b)
            .map(|(row, b)| row.iter().zip(&a_in).map(|(w, a)| w * a).sum::<f64>() + b)
            .collect();
        Self { w, b, a_in, z }
    }

    /// Wᵀδ.
    pub fn back(&self, delta: &[f64]) -> Vec<f64> {
        (0..self.a_in.len())
            .map(|i| self.w.iter().zip(delta).map(|(row, d)| row[i] * d).sum())
            .collect()
    }

    #[allow(clippy::too_many_arguments)]
    pub fn trace(
        &self,
        a: &[f64],
        delta: &[f64],
        j: usize,
        i: usize,
        activated: bool,
        h: &OptimizerHyper,
        l1: f64,
        l2: f64,
    ) -> DenseTrace {
        let d_w_row: Vec<f64> = (0..self.a_in.len())
            .map(|n| delta[j] * self.a_in[n] + l1 * sign(self.w[j][n]) + 2.0 * l2 * self.w[j][n])
            .collect();
        DenseTrace {
            inputs: self.a_in.len(),
            outputs: self.z.len(),
            activated,
            a_in: f32s(&self.a_in),
            z: f32s(&self.z),
            a: f32s(a),
            d_z: f32s(delta),
            d_a_in: f32s(&self.back(delta)),
            neuron: j,
            w_row: f32s(&self.w[j]),
            d_w_row: f32s(&d_w_row),
            input: i,
            w_col: f32s(&self.w.iter().map(|row| row[i]).collect::<Vec<_>>()),
            weight: param(h, self.w[j][i] as f32, d_w_row[i]),
            bias: param(h, self.b[j] as f32, delta[j]),
            // Burn's layout: W_ji at [i · outputs + j].
            w_full: f32s(
                &(0..self.a_in.len())
                    .flat_map(|i| self.w.iter().map(move |row| row[i]))
                    .collect::<Vec<_>>(),
            ),
            b_full: f32s(&self.b),
        }
    }

    /// The focused input of neuron j: the largest |W_ji a_i|.
    pub fn top_input(&self, j: usize) -> usize {
        argmax_abs(
            &self.w[j]
                .iter()
                .zip(&self.a_in)
                .map(|(w, a)| w * a)
                .collect::<Vec<_>>(),
        )
    }

    pub fn penalty(&self, l1: f64, l2: f64) -> f64 {
        self.w
            .iter()
            .flatten()
            .map(|w| l1 * w.abs() + l2 * w * w)
            .sum()
    }
}

/// sgn(w) with sgn(0) = 0, as Burn's |w| differentiates.
fn sign(w: f64) -> f64 {
    if w == 0.0 { 0.0 } else { w.signum() }
}
