//! A GPT run: the model, AdamW, the schedule and the batch stream. Nothing is read back while
//! stepping; each step returns its loss as a tensor for the caller to queue.

use std::rc::Rc;

use burn::optim::GradientsParams;
use burn::prelude::*;
use serde::{Deserialize, Serialize};

use super::adamw::{AdamWHyper, GptOptimizer};
use super::config::GptConfig;
use super::loss::{BatchTensors, masked_cross_entropy};
use super::model::Gpt;
use super::schedule::LrSchedule;
use crate::data::rng::Rng;
use crate::data::text::batch::TokenBatch;
use crate::data::text::source::TextSource;
use crate::data::text::synthetic::Split;

/// The label of the training batches' random stream (mixed with the step).
const BATCH_STREAM: u64 = 0x4750_5442 << 32;

/// Everything that decides a run's numbers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GptRecipe {
    pub config: GptConfig,
    pub batch: usize,
    pub schedule: LrSchedule,
    pub adamw: AdamWHyper,
    pub seed: u64,
}

pub struct GptTrainer {
    /// The autodiff device.
    pub(super) device: Device,
    pub recipe: GptRecipe,
    pub(super) model: Gpt,
    pub(super) optimizer: GptOptimizer,
    pub(super) source: Rc<TextSource>,
    /// Steps taken.
    pub step: u64,
}

impl GptTrainer {
    /// A fresh run on `device` (plain or autodiff), weights drawn from the seed; the notices
    /// say what in the requested shape was corrected.
    pub fn new(recipe: GptRecipe, source: Rc<TextSource>, device: Device) -> (Self, Vec<String>) {
        let mut requested = recipe.config.clone();
        requested.vocab = source.vocab().len();
        let (config, notices) = requested.checked(source.min_context());
        let recipe = GptRecipe {
            config,
            batch: recipe.batch.clamp(1, 512),
            ..recipe
        };
        let device = device.autodiff();
        device.seed(recipe.seed);
        let trainer = Self {
            model: Gpt::new(&recipe.config, &device),
            optimizer: GptOptimizer::new(recipe.adamw),
            source,
            device,
            recipe,
            step: 0,
        };
        (trainer, notices)
    }

    /// α of the next step.
    pub fn lr(&self) -> f64 {
        self.recipe.schedule.lr(self.step)
    }

    pub fn model(&self) -> &Gpt {
        &self.model
    }

    pub fn source(&self) -> &TextSource {
        &self.source
    }

    /// The next training batch: a function of (seed, step), so a checkpoint's step is all a
    /// resumed run needs of the data order.
    pub fn next_batch(&self) -> Option<TokenBatch> {
        let len = self.source.sequence_len(self.recipe.config.context);
        let mut rng = Rng::derived(self.recipe.seed, BATCH_STREAM ^ self.step);
        self.source
            .batch(Split::Train, self.recipe.batch, len, &mut rng)
    }

    /// One AdamW step on `batch`; returns the loss before the step (on the device, not read).
    pub fn step_on(&mut self, batch: &TokenBatch) -> Tensor<1> {
        let tensors = BatchTensors::new(batch, &self.device);
        let logits = self.model.forward(tensors.inputs.clone());
        let loss = masked_cross_entropy(logits, &tensors);
        let grads = GradientsParams::from_grads(loss.backward(), &self.model);
        let lr = self.lr();
        self.model = self.optimizer.step(lr, self.model.clone(), grads);
        self.step += 1;
        loss.inner()
    }

    /// One step on the next training batch; None if the training split is too short.
    pub fn step(&mut self) -> Option<Tensor<1>> {
        let batch = self.next_batch()?;
        Some(self.step_on(&batch))
    }
}
