//! An MNIST run's checkpoint: every parameter with its optimizer state and the step, queued
//! for one asynchronous readback; and a run continued from one on any device.

use std::rc::Rc;

use burn::prelude::*;

use super::trainer::MnistTrainer;
use crate::data::mnist::MnistData;
use crate::engine::checkpoint::PendingCheckpoint;
use crate::engine::{EngineError, checkpoint_module};
use crate::protocol::RunCheckpoint;
use crate::settings::{Settings, to_hash};

impl MnistTrainer {
    /// Queues the checkpoint of the current step (`owner`: the page that keeps it).
    pub fn prepare_checkpoint(&self, owner: &str) -> PendingCheckpoint {
        let pending = PendingCheckpoint::new(owner, to_hash(&self.settings), self.step);
        checkpoint_module::queue(&self.model, &self.optimizer, pending)
    }

    /// The run of `settings` continued from `checkpoint` on `device`: the same weights,
    /// optimizer state and step, so the next batch is the one the checkpointed run would
    /// have drawn.
    pub fn resume(
        settings: &Settings,
        device: Device,
        data: Rc<MnistData>,
        checkpoint: &RunCheckpoint,
    ) -> Result<Self, EngineError> {
        let mut run = Self::new(settings, device, data);
        if checkpoint.step > run.total_steps() {
            return Err(EngineError(
                "the checkpoint is past the end of this run".into(),
            ));
        }
        let inner = run.device.clone().inner();
        run.model =
            checkpoint_module::restore(run.model.clone(), checkpoint, &mut run.optimizer, inner)?;
        run.step = checkpoint.step;
        Ok(run)
    }
}
