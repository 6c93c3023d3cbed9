//! The attention weights of every layer and head for one input, read back in one go: what
//! the heat maps show (queries × keys, the causal triangle zero above the diagonal).

use burn::prelude::*;

use super::evaluate::Evaluator;
use crate::engine::{EngineError, Readback};
use crate::protocol::gpt::GptAttention;

/// At most this many tokens (the input's last ones): 16 maps of 32 × 32 stay light to draw.
pub const MAX_TOKENS: usize = 32;

impl Evaluator {
    /// A = softmax(QKᵀ/√d_k + mask) of each block and head for `text` (its last
    /// [`MAX_TOKENS`] characters, at most the context); an empty text or one outside the
    /// vocabulary is an error naming why.
    pub async fn attention_maps(&self, text: &str) -> Result<GptAttention, EngineError> {
        let ids = self.prompt_ids(text)?;
        let ids = &ids[ids.len().saturating_sub(self.context.min(MAX_TOKENS))..];
        let t = ids.len();
        let input: Vec<i64> = ids.iter().map(|&i| i64::from(i)).collect();
        let input = Tensor::<2, Int>::from_data(TensorData::new(input, [1, t]), &self.device);
        let parts = self.model.forward_parts(input);
        let mut rb = Readback::default();
        let slots: Vec<_> = parts
            .blocks
            .iter()
            .map(|b| rb.add(&b.attention.weights))
            .collect();
        let values = rb.run().await?;
        let heads = parts
            .blocks
            .first()
            .map_or(0, |b| b.attention.weights.dims()[1]);
        let maps = slots
            .iter()
            .map(|&s| values.vec(s).chunks(t * t).map(<[f32]>::to_vec).collect())
            .collect();
        let vocab = self.source().vocab();
        Ok(GptAttention {
            tokens: ids
                .iter()
                .map(|&id| vocab.label(id).chars().take(1).collect())
                .collect(),
            heads,
            maps,
        })
    }
}
