//! Causal multi-head self-attention, written from Burn's tensor ops so that every intermediate
//! (Q, K, V, the scores, the weights, the heads' context) is the one the step computed: Burn's
//! `MultiHeadAttention` returns only the weights and the output.

use burn::nn::{Initializer, Linear, LinearConfig};
use burn::prelude::*;
use burn::tensor::activation::softmax;

use super::probe::{Probes, probed};

/// What a masked (future) score is set to before the softmax: a large negative number, as
/// Burn's own attention does (`min_float`), not −∞; e^(−10⁴ − max) is exactly 0 in f32.
pub const MASK_FILL: f64 = -1.0e4;

#[derive(Module, Debug)]
pub struct CausalSelfAttention {
    /// Q = x W_Q + b_Q (all heads side by side).
    pub query: Linear,
    pub key: Linear,
    pub value: Linear,
    /// The heads' concatenated context, projected back: out = C W_O + b_O.
    pub output: Linear,
    pub heads: usize,
}

/// The intermediates of one attention pass.
///
/// # Shapes
/// q, k, v `[batch, heads, T, d_k]`; scores (scaled and masked) and weights
/// `[batch, heads, T, T]`; context (heads concatenated) `[batch, T, d_model]`.
#[derive(Clone, Debug)]
pub struct AttentionParts {
    pub q: Tensor<4>,
    pub k: Tensor<4>,
    pub v: Tensor<4>,
    pub scores: Tensor<4>,
    pub weights: Tensor<4>,
    pub context: Tensor<3>,
}

/// Weights N(0, σ) (biases too: Burn draws them with the same initializer).
pub(super) fn linear(d_in: usize, d_out: usize, std: f64, device: &Device) -> Linear {
    LinearConfig::new(d_in, d_out)
        .with_initializer(Initializer::Normal { mean: 0.0, std })
        .init(device)
}

impl CausalSelfAttention {
    /// `std_out`: the output projection's σ (GPT-2 scales it by 1/√(2·layers)).
    pub fn new(d_model: usize, heads: usize, std: f64, std_out: f64, device: &Device) -> Self {
        Self {
            query: linear(d_model, d_model, std, device),
            key: linear(d_model, d_model, std, device),
            value: linear(d_model, d_model, std, device),
            output: linear(d_model, d_model, std_out, device),
            heads,
        }
    }

    /// # Shapes
    /// - x: `[batch, T, d_model]` (already layer-normalized)
    /// - returns `[batch, T, d_model]` and the parts
    pub fn forward(&self, x: Tensor<3>) -> (Tensor<3>, AttentionParts) {
        self.forward_probed(x, None)
    }

    /// [`Self::forward`] with a zero-valued probe added to Q, S, A, the context and the output,
    /// so autodiff gives their gradients (the values are unchanged).
    pub fn forward_probed(
        &self,
        x: Tensor<3>,
        probes: Option<&Probes>,
    ) -> (Tensor<3>, AttentionParts) {
        let [batch, t, d_model] = x.dims();
        let d_k = d_model / self.heads;
        let split = |y: Tensor<3>| y.reshape([batch, t, self.heads, d_k]).swap_dims(1, 2);
        let q = probed(split(self.query.forward(x.clone())), probes.map(|p| &p.q));
        let k = split(self.key.forward(x.clone()));
        let v = split(self.value.forward(x));
        // S = Q Kᵀ / √d_k, the future masked out.
        let future = Tensor::<2, Bool>::tril_mask([t, t], 0, &q.device()).reshape([1, 1, t, t]);
        let scores = q
            .clone()
            .matmul(k.clone().swap_dims(2, 3))
            .div_scalar((d_k as f64).sqrt())
            .mask_fill(future, MASK_FILL);
        let scores = probed(scores, probes.map(|p| &p.scores));
        // A = softmax(S) along each row; each head's context A V.
        let weights = probed(softmax(scores.clone(), 3), probes.map(|p| &p.weights));
        let context = weights
            .clone()
            .matmul(v.clone())
            .swap_dims(1, 2)
            .reshape([batch, t, d_model]);
        let context = probed(context, probes.map(|p| &p.context));
        let out = probed(
            self.output.forward(context.clone()),
            probes.map(|p| &p.attention_out),
        );
        (
            out,
            AttentionParts {
                q,
                k,
                v,
                scores,
                weights,
                context,
            },
        )
    }
}
