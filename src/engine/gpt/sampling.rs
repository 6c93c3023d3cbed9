//! Text from the model: the next token's probabilities after a prompt, and sampling with a
//! temperature and top-k, one readback per token.

use burn::prelude::*;
use burn::tensor::activation::softmax;

use super::evaluate::Evaluator;
use crate::data::rng::Rng;
use crate::engine::{EngineError, Readback};

impl Evaluator {
    /// `count` tokens sampled after `prompt` at `temperature` (> 0), from the `top_k` most
    /// likely tokens (None: all), the context window sliding over the last `context` tokens;
    /// `seed` makes it repeatable.
    pub async fn sample(
        &self,
        prompt: &str,
        count: usize,
        temperature: f64,
        top_k: Option<usize>,
        seed: u64,
    ) -> Result<String, EngineError> {
        let vocab = self.source().vocab();
        let mut ids = self.prompt_ids(prompt)?;
        let mut rng = Rng::new(seed);
        let start = ids.len();
        for _ in 0..count {
            let mut probs = self.next_probs(&ids, temperature).await?;
            keep_top_k(&mut probs, top_k);
            ids.push(draw(&probs, rng.uniform()) as u32);
        }
        Ok(vocab.decode(&ids[start..]))
    }

    /// The prompt's tokens; an empty prompt or one with characters outside the vocabulary
    /// is an error that names them.
    pub fn prompt_ids(&self, prompt: &str) -> Result<Vec<u32>, EngineError> {
        let ids = self
            .source()
            .vocab()
            .encode(prompt)
            .map_err(|e| EngineError(e.to_string()))?;
        if ids.is_empty() {
            return Err(EngineError(
                "the prompt is empty: type at least one character".into(),
            ));
        }
        Ok(ids)
    }

    /// p(next token | the last `context` of `ids`) at `temperature`, one per vocabulary entry.
    pub async fn next_probs(&self, ids: &[u32], temperature: f64) -> Result<Vec<f32>, EngineError> {
        let window = &ids[ids.len().saturating_sub(self.context)..];
        let t = window.len().max(1);
        let input: Vec<i64> = window.iter().map(|&i| i64::from(i)).collect();
        let input = Tensor::<2, Int>::from_data(TensorData::new(input, [1, t]), &self.device);
        let v = self.source().vocab().len();
        let probs = softmax(
            self.model
                .forward(input)
                .slice([0..1, t - 1..t, 0..v])
                .reshape([v])
                .div_scalar(temperature.max(1e-3)),
            0,
        );
        let mut rb = Readback::default();
        let slot = rb.add(&probs);
        Ok(rb.run().await?.vec(slot).to_vec())
    }
}

/// Zeroes all but the `k` largest probabilities and renormalizes (ties keep the lower id).
fn keep_top_k(probs: &mut [f32], k: Option<usize>) {
    let Some(k) = k.filter(|&k| k > 0 && k < probs.len()) else {
        return;
    };
    let mut order: Vec<usize> = (0..probs.len()).collect();
    order.sort_by(|&a, &b| probs[b].total_cmp(&probs[a]).then(a.cmp(&b)));
    for &i in &order[k..] {
        probs[i] = 0.0;
    }
    let sum: f32 = probs.iter().sum();
    if sum > 0.0 {
        probs.iter_mut().for_each(|p| *p /= sum);
    }
}

/// The index whose cumulative probability first exceeds `u` ∈ [0, 1).
fn draw(probs: &[f32], u: f64) -> usize {
    let mut sum = 0.0;
    for (i, &p) in probs.iter().enumerate() {
        sum += f64::from(p);
        if u < sum {
            return i;
        }
    }
    probs.len().saturating_sub(1)
}
