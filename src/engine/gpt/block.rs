//! One pre-LayerNorm Transformer block: x + Attention(LN₁(x)), then h + FFN(LN₂(h)).

use burn::nn::{Dropout, DropoutConfig, LayerNorm, LayerNormConfig, Linear};
use burn::prelude::*;
use burn::tensor::activation::{gelu_approximate, relu};

use super::attention::{AttentionParts, CausalSelfAttention, linear};
use super::config::{FfnActivation, GptConfig};
use super::probe::Probes;

/// LayerNorm's ε (Burn's default, as PyTorch's): y = (x − μ)/√(σ² + ε)·γ + β, σ² biased.
pub const LN_EPSILON: f64 = 1e-5;

#[derive(Module, Debug)]
pub struct Block {
    pub ln_1: LayerNorm,
    pub attention: CausalSelfAttention,
    pub ln_2: LayerNorm,
    /// u = LN₂(h) W₁ + b₁, `[d_model → 4·d_model]`.
    pub ffn_in: Linear,
    /// f = φ(u) W₂ + b₂, `[4·d_model → d_model]`.
    pub ffn_out: Linear,
    /// φ is GELU (tanh form) when true, ReLU when false.
    pub gelu: bool,
    pub dropout: Dropout,
}

/// The intermediates of one block.
///
/// # Shapes
/// Every tensor `[batch, T, d_model]`, but `ffn_u` and `ffn_phi` `[batch, T, 4·d_model]`.
#[derive(Clone, Debug)]
pub struct BlockParts {
    pub x: Tensor<3>,
    pub ln_1: Tensor<3>,
    pub attention: AttentionParts,
    pub attention_out: Tensor<3>,
    /// h = x + attention_out.
    pub h: Tensor<3>,
    pub ln_2: Tensor<3>,
    pub ffn_u: Tensor<3>,
    pub ffn_phi: Tensor<3>,
    pub ffn_out: Tensor<3>,
    /// The block's output, h + ffn_out.
    pub out: Tensor<3>,
}

pub(super) fn layer_norm(d_model: usize, device: &Device) -> LayerNorm {
    LayerNormConfig::new(d_model)
        .with_epsilon(LN_EPSILON)
        .init(device)
}

impl Block {
    pub fn new(config: &GptConfig, std: f64, std_out: f64, device: &Device) -> Self {
        let d = config.d_model;
        Self {
            ln_1: layer_norm(d, device),
            attention: CausalSelfAttention::new(d, config.heads, std, std_out, device),
            ln_2: layer_norm(d, device),
            ffn_in: linear(d, config.d_ff(), std, device),
            ffn_out: linear(config.d_ff(), d, std_out, device),
            gelu: config.activation == FfnActivation::Gelu,
            dropout: DropoutConfig::new(config.dropout).init(),
        }
    }

    /// # Shapes
    /// - x: `[batch, T, d_model]`
    /// - returns `[batch, T, d_model]` and the parts
    pub fn forward(&self, x: Tensor<3>) -> (Tensor<3>, BlockParts) {
        self.forward_probed(x, None)
    }

    /// [`Self::forward`] with the attention's probes (see [`Probes`]).
    pub fn forward_probed(&self, x: Tensor<3>, probes: Option<&Probes>) -> (Tensor<3>, BlockParts) {
        let ln_1 = self.ln_1.forward(x.clone());
        let (attention_out, attention) = self.attention.forward_probed(ln_1.clone(), probes);
        let attention_out = self.dropout.forward(attention_out);
        let h = x.clone() + attention_out.clone();
        let ln_2 = self.ln_2.forward(h.clone());
        let ffn_u = self.ffn_in.forward(ln_2.clone());
        let ffn_phi = if self.gelu {
            gelu_approximate(ffn_u.clone())
        } else {
            relu(ffn_u.clone())
        };
        let ffn_out = self.dropout.forward(self.ffn_out.forward(ffn_phi.clone()));
        let out = h.clone() + ffn_out.clone();
        (
            out.clone(),
            BlockParts {
                x,
                ln_1,
                attention,
                attention_out,
                h,
                ln_2,
                ffn_u,
                ffn_phi,
                ffn_out,
                out,
            },
        )
    }
}
