//! A GPT run's checkpoint: every parameter with its AdamW moments, and the step (the batches
//! are a function of (seed, step)), so a run continues on another device or in a new worker
//! as if it had never stopped.

use std::rc::Rc;

use burn::prelude::*;

use super::run::GptRun;
use crate::data::text::source::TextSource;
use crate::engine::checkpoint::PendingCheckpoint;
use crate::engine::{EngineError, checkpoint_module};
use crate::protocol::RunCheckpoint;
use crate::settings::{Settings, to_hash};

impl GptRun {
    /// Queues the checkpoint of the current step (`owner`: the page that keeps it).
    pub fn prepare_checkpoint(&self, owner: &str) -> PendingCheckpoint {
        let t = &self.trainer;
        let pending = PendingCheckpoint::new(owner, to_hash(&self.settings), t.step);
        checkpoint_module::queue(&t.model, &t.optimizer, pending)
    }

    /// The run of `settings` continued from `checkpoint`: the same weights, moments and step.
    pub fn resume(
        settings: &Settings,
        source: Rc<TextSource>,
        device: Device,
        checkpoint: &RunCheckpoint,
    ) -> Result<Self, EngineError> {
        let mut run = Self::new(settings, source, device);
        if checkpoint.step > run.total_steps() {
            return Err(EngineError(
                "the checkpoint is past the end of this run".into(),
            ));
        }
        let t = &mut run.trainer;
        let inner = t.device.clone().inner();
        t.model = checkpoint_module::restore(t.model.clone(), checkpoint, &mut t.optimizer, inner)?;
        t.step = checkpoint.step;
        Ok(run)
    }
}
