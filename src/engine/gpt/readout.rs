//! What a GPT snapshot reads back: the mean training loss since the last one and, when due,
//! an evaluation — the validation loss, the exact-match score of a synthetic task with a few
//! of its answers, a sample of text — and the run's fixed facts ([`GptInfo`]).

use burn::prelude::*;

use super::evaluate::Evaluator;
use super::trainer::GptTrainer;
use crate::data::text::corpus::BOUNDARY;
use crate::data::text::synthetic::Example;
use crate::engine::{EngineError, Readback};
use crate::protocol::gpt::{Answer, GptEvaluation, GptInfo, GptTrainPoint};
use crate::settings::TextData;
use std::rc::Rc;

/// Validation batches per evaluation of a corpus.
const VALIDATION_BATCHES: usize = 8;
/// Held-out answers shown.
const ANSWERS_SHOWN: usize = 6;

/// What a snapshot reads back, queued.
pub struct PendingReadout {
    pub(super) step: u64,
    pub(super) losses: Vec<Tensor<1>>,
    pub(super) evaluation: Option<(Evaluator, Rc<Vec<Example>>, bool)>,
    pub(super) data: TextData,
    pub(super) seed: u64,
}

/// What the page gets of the run now.
pub struct GptReadout {
    pub train: Option<GptTrainPoint>,
    pub evaluation: Option<GptEvaluation>,
}

impl PendingReadout {
    pub async fn finish(self) -> Result<GptReadout, EngineError> {
        let train = if self.losses.is_empty() {
            None
        } else {
            let mean = Tensor::cat(self.losses, 0).mean();
            let mut rb = Readback::default();
            let slot = rb.add(&mean);
            let loss = rb.run().await?.scalar(slot);
            Some(GptTrainPoint {
                step: self.step,
                loss,
            })
        };
        let evaluation = match self.evaluation {
            None => None,
            Some((model, held_out, sample)) => Some(
                evaluate(&model, &held_out, sample, self.data, self.seed ^ self.step)
                    .await
                    .map(|mut e| {
                        e.step = self.step;
                        e
                    })?,
            ),
        };
        Ok(GptReadout { train, evaluation })
    }
}

async fn evaluate(
    model: &Evaluator,
    held_out: &[Example],
    sample: bool,
    data: TextData,
    seed: u64,
) -> Result<GptEvaluation, EngineError> {
    if !held_out.is_empty() {
        let validation_loss = model.examples_loss(held_out).await?;
        let got = model.greedy_answers(held_out).await?;
        let exact = got
            .iter()
            .zip(held_out)
            .filter(|(g, e)| **g == e.text)
            .count();
        let answers = got
            .iter()
            .zip(held_out)
            .take(ANSWERS_SHOWN)
            .map(|(g, e)| Answer {
                prompt: e.prompt().to_string(),
                got: g[e.prompt_len.min(g.len())..].to_string(),
                want: e.answer().to_string(),
            })
            .collect();
        return Ok(GptEvaluation {
            step: 0,
            validation_loss,
            exact: Some((exact, held_out.len())),
            answers,
            sample: None,
        });
    }
    let validation_loss = model.validation_loss(VALIDATION_BATCHES).await?;
    let sample = if sample {
        let (prompt, count) = match data {
            TextData::Names => (BOUNDARY.to_string(), 60),
            _ => ("\n".to_string(), 160),
        };
        Some(model.sample(&prompt, count, 1.0, None, seed).await?)
    } else {
        None
    };
    Ok(GptEvaluation {
        step: 0,
        validation_loss,
        exact: None,
        answers: Vec::new(),
        sample,
    })
}

/// What stays the same over the run.
pub(super) fn info(trainer: &GptTrainer, data: TextData, notices: Vec<String>) -> GptInfo {
    let source = trainer.source();
    let vocab = source.vocab();
    let config = &trainer.recipe.config;
    let sequence_len = source.sequence_len(config.context);
    let counted = match data.synthetic() {
        Some(task) => task.example_len() - task.prompt_len(),
        None => sequence_len,
    };
    GptInfo {
        data,
        vocab: vocab
            .chars()
            .iter()
            .map(|&c| match c {
                '\n' => "⏎".to_string(),
                ' ' => "␣".to_string(),
                c => c.to_string(),
            })
            .collect(),
        parameters: config.parameter_count(),
        sequence_len,
        tokens_per_step: counted * trainer.recipe.batch,
        notices,
        uniform_loss: (vocab.len() as f64).ln(),
        reference: data.reference().map(|(l, s)| (l, s.to_string())),
        eval_every: (trainer.recipe.schedule.total / 40).clamp(25, 250),
    }
}
