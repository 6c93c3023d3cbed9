//! A GPT run as the worker drives it: built from the settings, stepped, and read back for
//! the page — the mean training loss since the last snapshot and, every `eval_every` steps,
//! the validation loss, the exact-match score of a synthetic task and a sample of text.

use std::rc::Rc;

use burn::prelude::*;

use super::adamw::AdamWHyper;
use super::readout::{PendingReadout, info};
use super::schedule::LrSchedule;
use super::trainer::{GptRecipe, GptTrainer};
use crate::data::text::source::TextSource;
use crate::data::text::synthetic::Example;
use crate::protocol::gpt::GptInfo;
use crate::settings::Settings;

/// Held-out prompts scored by exact match (sort has only about 73).
const HELD_OUT: usize = 200;
/// A sample of text at most this often (and at the end).
const SAMPLE_EVERY: u64 = 200;

pub struct GptRun {
    pub(super) settings: Settings,
    pub(super) trainer: GptTrainer,
    pub info: GptInfo,
    /// Training losses since the last snapshot, on the device.
    losses: Vec<Tensor<1>>,
    /// Steps of the last evaluation and the last sample.
    evaluated: Option<u64>,
    sampled: Option<u64>,
    held_out: Rc<Vec<Example>>,
}

impl GptRun {
    /// A fresh run of `settings` on `source` (the data `settings.gpt.text` names).
    pub fn new(settings: &Settings, source: Rc<TextSource>, device: Device) -> Self {
        let g = &settings.gpt;
        let recipe = GptRecipe {
            config: g.config(),
            batch: settings.batch_size,
            schedule: LrSchedule {
                peak: settings.live.lr,
                warmup: g.warmup,
                total: g.steps,
                cosine: g.cosine,
            },
            adamw: AdamWHyper {
                beta_2: g.beta2 as f32,
                weight_decay: g.weight_decay as f32,
                ..AdamWHyper::default()
            },
            seed: settings.seed,
        };
        let held_out = g
            .text
            .synthetic()
            .map_or_else(Vec::new, |t| t.validation_set(settings.seed, HELD_OUT));
        let (trainer, notices) = GptTrainer::new(recipe, source, device);
        let info = info(&trainer, g.text, notices);
        Self {
            settings: settings.clone(),
            trainer,
            info,
            losses: Vec::new(),
            evaluated: None,
            sampled: None,
            held_out: Rc::new(held_out),
        }
    }

    pub fn step(&mut self) {
        if self.is_finished() {
            return;
        }
        if let Some(loss) = self.trainer.step() {
            self.losses.push(loss);
        }
    }

    pub fn is_finished(&self) -> bool {
        self.trainer.step >= self.settings.gpt.steps
    }

    pub fn steps_taken(&self) -> u64 {
        self.trainer.step
    }

    pub fn total_steps(&self) -> u64 {
        self.settings.gpt.steps
    }

    /// A new peak α (the schedule's warm-up and decay apply on top).
    pub fn set_lr(&mut self, lr: f64) {
        self.trainer.recipe.schedule.peak = lr;
        self.settings.live.lr = lr;
    }

    /// α of the next step.
    pub fn lr(&self) -> f64 {
        self.trainer.lr()
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    pub fn trainer(&self) -> &GptTrainer {
        &self.trainer
    }

    /// The readback of a snapshot: the losses since the last one and, when one is due (at
    /// the start, every `eval_every` steps, at the end), an evaluation.
    pub fn prepare_readout(&mut self) -> PendingReadout {
        let (step, finished) = (self.trainer.step, self.is_finished());
        let due = |last: Option<u64>, every: u64| {
            last.is_none_or(|l| step >= l + every || (finished && step > l))
        };
        let evaluation = due(self.evaluated, self.info.eval_every).then(|| {
            let sample = due(self.sampled, SAMPLE_EVERY);
            if sample {
                self.sampled = Some(step);
            }
            self.evaluated = Some(step);
            (self.trainer.evaluator(), self.held_out.clone(), sample)
        });
        PendingReadout {
            step,
            losses: std::mem::take(&mut self.losses),
            evaluation,
            data: self.settings.gpt.text,
            seed: self.settings.seed,
        }
    }
}
