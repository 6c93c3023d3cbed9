//! An MNIST run's checkpoint: every parameter with its optimizer state and the step, queued
//! for one asynchronous readback; and a run continued from one on any device.

use std::rc::Rc;

use burn::module::{ModuleMapper, ModuleVisitor, Param};
use burn::prelude::*;

use super::param_optimizer::ParamOptimizer;
use super::trainer::MnistTrainer;
use crate::data::mnist::MnistData;
use crate::engine::EngineError;
use crate::engine::checkpoint::{PendingCheckpoint, Restore, tensor};
use crate::protocol::RunCheckpoint;
use crate::settings::{Settings, to_hash};

impl MnistTrainer {
    /// Queues the checkpoint of the current step (`owner`: the page that keeps it).
    pub fn prepare_checkpoint(&self, owner: &str) -> PendingCheckpoint {
        let mut queue = Queue {
            optimizer: &self.optimizer,
            pending: PendingCheckpoint::new(owner, to_hash(&self.settings), self.step),
        };
        self.model.visit(&mut queue);
        queue.pending
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
        let mut fill = Fill {
            restore: Restore::new(checkpoint),
            optimizer: &mut run.optimizer,
            inner,
        };
        let model = run.model.clone().map(&mut fill);
        fill.restore.finish()?;
        run.model = model;
        run.step = checkpoint.step;
        Ok(run)
    }
}

struct Queue<'a> {
    optimizer: &'a ParamOptimizer,
    pending: PendingCheckpoint,
}

impl ModuleVisitor for Queue<'_> {
    fn visit_float<const D: usize>(&mut self, param: &Param<Tensor<D>>) {
        let state = self
            .optimizer
            .state::<D>(param.id)
            .map(|s| s.tensors())
            .unwrap_or((0, None, None));
        self.pending.add(&param.val(), state);
    }
}

struct Fill<'a, 'c> {
    restore: Restore<'c>,
    optimizer: &'a mut ParamOptimizer,
    /// The non-autodiff device the optimizer state lives on.
    inner: Device,
}

impl ModuleMapper for Fill<'_, '_> {
    fn map_float<const D: usize>(&mut self, param: Param<Tensor<D>>) -> Param<Tensor<D>> {
        let (id, theta, mapper) = param.consume();
        let dims = theta.dims();
        let Some(saved) = self.restore.next(&dims) else {
            return Param::from_mapped_value(id, theta, mapper);
        };
        self.optimizer
            .restore::<D>(id, &saved.state, &dims, &self.inner);
        let theta =
            Tensor::from_inner(tensor::<D>(&saved.value, &dims, &self.inner)).require_grad();
        Param::from_mapped_value(id, theta, mapper)
    }
}
