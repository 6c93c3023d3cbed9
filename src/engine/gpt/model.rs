//! The tiny GPT: token embedding + learned position embedding, the blocks, a final LayerNorm
//! and a linear head to one logit per token of the vocabulary.

use burn::nn::{Embedding, EmbeddingConfig, Initializer, LayerNorm, Linear};
use burn::prelude::*;

use super::attention::linear;
use super::block::{Block, BlockParts, layer_norm};
use super::config::GptConfig;
use super::probe::{Probes, probed};

/// σ of every weight at initialization (GPT-2's 0.02); the projections that write into the
/// residual stream get 0.02/√(2·layers).
pub const INIT_STD: f64 = 0.02;

#[derive(Module, Debug)]
pub struct Gpt {
    /// E_tok `[V, d_model]`.
    pub token_embedding: Embedding,
    /// E_pos `[context, d_model]`.
    pub position_embedding: Embedding,
    pub blocks: Vec<Block>,
    pub ln_f: LayerNorm,
    /// z = LN_f(x) W_head + b_head, `[d_model → V]`.
    pub head: Linear,
}

/// The intermediates of one forward pass.
///
/// # Shapes
/// embedded `[batch, T, d_model]` (x⁰ = E_tok[ids] + E_pos[0..T]), ln_f the same, logits
/// `[batch, T, V]`.
#[derive(Clone, Debug)]
pub struct GptParts {
    pub embedded: Tensor<3>,
    pub blocks: Vec<BlockParts>,
    pub ln_f: Tensor<3>,
    pub logits: Tensor<3>,
}

impl Gpt {
    /// Weights drawn from the device's seeded generator.
    pub fn new(config: &GptConfig, device: &Device) -> Self {
        let std_out = INIT_STD / (2.0 * config.layers as f64).sqrt();
        let embedding = |n, d| {
            EmbeddingConfig::new(n, d)
                .with_initializer(Initializer::Normal {
                    mean: 0.0,
                    std: INIT_STD,
                })
                .init(device)
        };
        Self {
            token_embedding: embedding(config.vocab, config.d_model),
            position_embedding: embedding(config.context, config.d_model),
            blocks: (0..config.layers)
                .map(|_| Block::new(config, INIT_STD, std_out, device))
                .collect(),
            ln_f: layer_norm(config.d_model, device),
            head: linear(config.d_model, config.vocab, INIT_STD, device),
        }
    }

    /// # Shapes
    /// - ids: `[batch, T]` token ids, T ≤ context
    /// - returns the logits `[batch, T, V]`
    pub fn forward(&self, ids: Tensor<2, Int>) -> Tensor<3> {
        self.forward_parts(ids).logits
    }

    /// The forward pass with every intermediate kept.
    pub fn forward_parts(&self, ids: Tensor<2, Int>) -> GptParts {
        self.forward_probed(ids, None)
    }

    /// [`Self::forward_parts`] with zero-valued probes in block `probes.layer`'s attention and
    /// on the logits, for their gradients.
    pub fn forward_probed(&self, ids: Tensor<2, Int>, probes: Option<&Probes>) -> GptParts {
        let [_, t] = ids.dims();
        let positions = Tensor::<1, Int>::arange(0..t as i64, &ids.device()).reshape([1, t]);
        let embedded =
            self.token_embedding.forward(ids) + self.position_embedding.forward(positions);
        let mut x = embedded.clone();
        let mut blocks = Vec::with_capacity(self.blocks.len());
        for (l, block) in self.blocks.iter().enumerate() {
            let (out, parts) = block.forward_probed(x, probes.filter(|p| p.layer == l));
            blocks.push(parts);
            x = out;
        }
        let ln_f = self.ln_f.forward(x);
        let logits = probed(self.head.forward(ln_f.clone()), probes.map(|p| &p.logits));
        GptParts {
            embedded,
            blocks,
            ln_f,
            logits,
        }
    }
}
