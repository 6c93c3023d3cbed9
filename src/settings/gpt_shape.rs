//! The tiny GPT's shape, and the corrections that keep any requested shape buildable (a
//! notice for each, never a panic).

use serde::{Deserialize, Serialize};

/// The feed-forward network's nonlinearity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FfnActivation {
    /// GELU in GPT-2's tanh form: ½x(1 + tanh(√(2/π)(x + 0.044715x³))).
    Gelu,
    /// max(0, x).
    Relu,
}

impl FfnActivation {
    pub const ALL: [FfnActivation; 2] = [Self::Gelu, Self::Relu];

    pub fn key(self) -> &'static str {
        match self {
            Self::Gelu => "gelu",
            Self::Relu => "relu",
        }
    }
}

pub const LAYERS: (usize, usize) = (1, 6);
pub const HEADS: (usize, usize) = (1, 8);
pub const D_MODEL: (usize, usize) = (16, 256);
pub const CONTEXT: (usize, usize) = (8, 128);
pub const DROPOUT: (f64, f64) = (0.0, 0.5);

/// A decoder-only Transformer: token + position embeddings, `layers` pre-LayerNorm blocks
/// (causal self-attention with `heads` heads, then a 4·d FFN), a final LayerNorm, a linear head.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GptConfig {
    /// V, the number of tokens.
    pub vocab: usize,
    /// T_max, the longest sequence (rows of the position embedding).
    pub context: usize,
    pub d_model: usize,
    pub heads: usize,
    pub layers: usize,
    pub activation: FfnActivation,
    /// Dropout after the attention and the FFN (0 by default: every number is then exact).
    pub dropout: f64,
}

impl GptConfig {
    /// d_k = d_model / heads, the width of one head.
    pub fn d_k(&self) -> usize {
        self.d_model / self.heads.max(1)
    }

    /// The FFN's hidden width, 4·d_model.
    pub fn d_ff(&self) -> usize {
        4 * self.d_model
    }

    /// The number of trainable numbers.
    pub fn parameter_count(&self) -> usize {
        let d = self.d_model;
        let block = 2 * (2 * d) + 4 * (d * d + d) + (d * 4 * d + 4 * d) + (4 * d * d + d);
        self.vocab * d
            + self.context * d
            + self.layers * block
            + 2 * d
            + (d * self.vocab + self.vocab)
    }

    /// The shape actually built: every setting brought into its range, and d_model raised to
    /// the next multiple of the head count. One notice per correction, saying what changed.
    pub fn checked(mut self, min_context: usize) -> (Self, Vec<String>) {
        let mut notices = Vec::new();
        let mut clamp = |name: &str, value: &mut usize, (lo, hi): (usize, usize)| {
            let fixed = (*value).clamp(lo, hi);
            if fixed != *value {
                notices.push(format!(
                    "{name} {value} is outside {lo}–{hi}: using {fixed}."
                ));
                *value = fixed;
            }
        };
        clamp("layers", &mut self.layers, LAYERS);
        clamp("heads", &mut self.heads, HEADS);
        clamp("d_model", &mut self.d_model, D_MODEL);
        clamp("context", &mut self.context, CONTEXT);
        if !self.d_model.is_multiple_of(self.heads) {
            let up = self.d_model.div_ceil(self.heads) * self.heads;
            let fixed = if up <= D_MODEL.1 {
                up
            } else {
                self.d_model / self.heads * self.heads
            };
            notices.push(format!(
                "d_model {} is not divisible by {} heads: using d_model {fixed} (d_k = {}).",
                self.d_model,
                self.heads,
                fixed / self.heads
            ));
            self.d_model = fixed;
        }
        if self.context < min_context {
            notices.push(format!(
                "context {} is shorter than this task's sequences ({min_context} tokens): using {min_context}.",
                self.context
            ));
            self.context = min_context;
        }
        if !(DROPOUT.0..=DROPOUT.1).contains(&self.dropout) {
            let fixed = if self.dropout.is_nan() {
                0.0
            } else {
                self.dropout.clamp(DROPOUT.0, DROPOUT.1)
            };
            notices.push(format!(
                "dropout {} is outside 0–0.5: using {fixed}.",
                self.dropout
            ));
            self.dropout = fixed;
        }
        self.vocab = self.vocab.max(1);
        (self, notices)
    }
}
