//! What the run has learned, read back asynchronously: the validation loss, the synthetic
//! tasks' exact-match score (greedy decoding), and text sampled from the model.

use std::rc::Rc;

use burn::prelude::*;

use super::loss::{BatchTensors, masked_cross_entropy};
use super::model::Gpt;
use super::trainer::GptTrainer;
use crate::data::rng::Rng;
use crate::data::text::batch::of_examples;
use crate::data::text::source::TextSource;
use crate::data::text::synthetic::{Example, Split};
use crate::engine::{EngineError, Readback};

/// The validation batches: the same ones at every evaluation of a run.
const VALIDATION_STREAM: u64 = 0x5641_4C20_4C4F_5353;

/// A copy of the run's model without autodiff (no dropout, no graph) and what it reads: it
/// owns its handles, so the run may step on while an evaluation is awaited.
#[derive(Clone)]
pub struct Evaluator {
    pub(super) model: Gpt,
    source: Rc<TextSource>,
    pub(super) context: usize,
    batch: usize,
    seed: u64,
    /// The plain (non-autodiff) device.
    pub(super) device: Device,
}

impl GptTrainer {
    /// The model as it is now, for evaluation.
    pub fn evaluator(&self) -> Evaluator {
        Evaluator {
            model: self.model.valid(),
            source: self.source.clone(),
            context: self.recipe.config.context,
            batch: self.recipe.batch,
            seed: self.recipe.seed,
            device: self.device.clone(),
        }
    }
}

impl Evaluator {
    fn eval_model(&self) -> Gpt {
        self.model.clone()
    }

    pub fn source(&self) -> &TextSource {
        &self.source
    }

    /// The mean loss over `batches` validation batches of the run's batch size.
    pub async fn validation_loss(&self, batches: usize) -> Result<f32, EngineError> {
        let model = self.eval_model();
        let device = self.device.clone();
        let len = self.source.sequence_len(self.context);
        let mut rng = Rng::derived(self.seed, VALIDATION_STREAM);
        let mut rb = Readback::default();
        let mut slots = Vec::new();
        for _ in 0..batches.max(1) {
            let Some(batch) = self
                .source
                .batch(Split::Validation, self.batch, len, &mut rng)
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
                && e.text.len() <= self.context + 1
                && vocab.encode(&e.text).is_ok()
        };
        if !examples.iter().all(fits) {
            return Err(EngineError(
                "these examples are not all of this task (same prompt and answer lengths, the task's characters): pick the task's own examples".into(),
            ));
        }
        let model = self.eval_model();
        let device = self.device.clone();
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
        if batch.batch != examples.len() || batch.batch == 0 || len > self.context {
            return Err(EngineError(
                "these examples are not all of this task (one length, the task's characters): pick the task's own examples".into(),
            ));
        }
        let tensors = BatchTensors::new(&batch, &self.device.clone());
        let loss =
            masked_cross_entropy(self.eval_model().forward(tensors.inputs.clone()), &tensors);
        let mut rb = Readback::default();
        let slot = rb.add(&loss);
        Ok(rb.run().await?.scalar(slot))
    }
}
