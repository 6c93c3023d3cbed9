//! What the run has learned, read back asynchronously: the validation loss, the synthetic
//! tasks' exact-match score (greedy decoding), and text sampled from the model.

use burn::prelude::*;
use burn::tensor::activation::softmax;

use super::loss::{BatchTensors, masked_cross_entropy};
use super::model::Gpt;
use super::trainer::GptTrainer;
use crate::data::rng::Rng;
use crate::data::text::batch::of_examples;
use crate::data::text::synthetic::{Example, Split};
use crate::engine::{EngineError, Readback};

/// The validation batches: the same ones at every evaluation of a run.
const VALIDATION_STREAM: u64 = 0x5641_4C20_4C4F_5353;

impl GptTrainer {
    /// The model without autodiff (no dropout, no graph).
    fn eval_model(&self) -> Gpt {
        self.model.valid()
    }

    /// The mean loss over `batches` validation batches of the run's batch size.
    pub async fn validation_loss(&self, batches: usize) -> Result<f32, EngineError> {
        let model = self.eval_model();
        let device = self.device.clone().inner();
        let len = self.source.sequence_len(self.recipe.config.context);
        let mut rng = Rng::derived(self.recipe.seed, VALIDATION_STREAM);
        let mut rb = Readback::default();
        let mut slots = Vec::new();
        for _ in 0..batches.max(1) {
            let Some(batch) =
                self.source
                    .batch(Split::Validation, self.recipe.batch, len, &mut rng)
            else {
                return Err(EngineError(
                    "the validation split is shorter than one sequence: use a shorter context"
                        .into(),
                ));
            };
            let tensors = BatchTensors::new(&batch, &device);
            let loss = masked_cross_entropy(model.forward(tensors.inputs.clone()), &tensors);
            slots.push(rb.add(&loss));
        }
        let values = rb.run().await?;
        Ok(slots.iter().map(|&s| values.scalar(s)).sum::<f32>() / slots.len() as f32)
    }

    /// Greedy answers to `examples`' prompts (all of one task, so of one length): each answer
    /// token is the argmax of the logits after the prompt and the answer so far.
    pub async fn greedy_answers(&self, examples: &[Example]) -> Result<Vec<String>, EngineError> {
        let Some(first) = examples.first() else {
            return Ok(Vec::new());
        };
        let vocab = self.source.vocab();
        let fits = |e: &Example| {
            e.prompt_len > 0
                && e.prompt_len <= e.text.len()
                && e.text.len() == first.text.len()
                && e.prompt_len == first.prompt_len
                && e.text.len() <= self.recipe.config.context + 1
                && vocab.encode(&e.text).is_ok()
        };
        if !examples.iter().all(fits) {
            return Err(EngineError(
                "these examples are not all of this task (same prompt and answer lengths, the task's characters): pick the task's own examples".into(),
            ));
        }
        let model = self.eval_model();
        let device = self.device.clone().inner();
        let answer_len = first.text.len() - first.prompt_len;
        let mut texts: Vec<String> = examples.iter().map(|e| e.prompt().to_string()).collect();
        for _ in 0..answer_len {
            let len = texts[0].len();
            let ids: Vec<i64> = texts
                .iter()
                .flat_map(|t| vocab.encode(t).unwrap_or_default())
                .map(i64::from)
                .collect();
            let n = texts.len();
            let ids = Tensor::<2, Int>::from_data(TensorData::new(ids, [n, len]), &device);
            let vocab_size = vocab.len();
            let next = model
                .forward(ids)
                .slice([0..n, len - 1..len, 0..vocab_size])
                .argmax(2)
                .float()
                .reshape([n]);
            let mut rb = Readback::default();
            let slot = rb.add(&next);
            let values = rb.run().await?;
            for (text, &id) in texts.iter_mut().zip(values.vec(slot)) {
                text.push_str(&vocab.decode(&[id as u32]));
            }
        }
        Ok(texts)
    }

    /// (correct, total) over `examples`: an answer counts only if every token is right.
    pub async fn exact_match(&self, examples: &[Example]) -> Result<(usize, usize), EngineError> {
        let answers = self.greedy_answers(examples).await?;
        let correct = answers
            .iter()
            .zip(examples)
            .filter(|(got, want)| *got == &want.text)
            .count();
        Ok((correct, examples.len()))
    }

    /// The mean loss over whole `examples` (answers only), as in training.
    pub async fn examples_loss(&self, examples: &[Example]) -> Result<f32, EngineError> {
        let len = examples
            .first()
            .map_or(0, |e| e.text.len().saturating_sub(1));
        let batch = of_examples(
            self.source.vocab(),
            len,
            examples.iter().map(|e| (e.text.as_str(), e.prompt_len)),
        );
        if batch.batch != examples.len() || batch.batch == 0 || len > self.recipe.config.context {
            return Err(EngineError(
                "these examples are not all of this task (one length, the task's characters): pick the task's own examples".into(),
            ));
        }
        let tensors = BatchTensors::new(&batch, &self.device.clone().inner());
        let loss =
            masked_cross_entropy(self.eval_model().forward(tensors.inputs.clone()), &tensors);
        let mut rb = Readback::default();
        let slot = rb.add(&loss);
        Ok(rb.run().await?.scalar(slot))
    }

    /// `count` tokens sampled after `prompt` at `temperature` (> 0), the context window
    /// sliding over the last `context` tokens; `seed` makes it repeatable.
    pub async fn sample(
        &self,
        prompt: &str,
        count: usize,
        temperature: f64,
        seed: u64,
    ) -> Result<String, EngineError> {
        let vocab = self.source.vocab();
        let mut ids = vocab
            .encode(prompt)
            .map_err(|e| EngineError(e.to_string()))?;
        if ids.is_empty() {
            return Err(EngineError(
                "the prompt is empty: type at least one character".into(),
            ));
        }
        let model = self.eval_model();
        let device = self.device.clone().inner();
        let context = self.recipe.config.context;
        let mut rng = Rng::new(seed);
        let start = ids.len();
        for _ in 0..count {
            let window = &ids[ids.len().saturating_sub(context)..];
            let t = window.len();
            let input: Vec<i64> = window.iter().map(|&i| i64::from(i)).collect();
            let input = Tensor::<2, Int>::from_data(TensorData::new(input, [1, t]), &device);
            let v = vocab.len();
            let probs = softmax(
                model
                    .forward(input)
                    .slice([0..1, t - 1..t, 0..v])
                    .reshape([v])
                    .div_scalar(temperature.max(1e-3)),
                0,
            );
            let mut rb = Readback::default();
            let slot = rb.add(&probs);
            let values = rb.run().await?;
            ids.push(draw(values.vec(slot), rng.uniform()) as u32);
        }
        Ok(vocab.decode(&ids[start..]))
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
