//! The regression's readback: which slot holds which number, and the snapshot built from them.

use crate::engine::EngineError;
use crate::engine::neuron_readout::UpdateSlots;
use crate::engine::readback::{Readback, Slot};
use crate::protocol::table::{RowStep, TablePoint, TableSnapshot};
use crate::protocol::{OptimizerHyper, Progress};
use crate::settings::OptimizerKind;

pub(super) struct StepSlots {
    pub(super) step: u64,
    pub(super) batch: usize,
    pub(super) line: usize,
    pub(super) x: Vec<f32>,
    pub(super) y: f32,
    pub(super) y_hat: Slot,
    pub(super) mse: Slot,
    pub(super) loss: Slot,
    pub(super) update: UpdateSlots,
}

/// A snapshot's readback, queued.
pub struct PendingTable {
    pub(super) rb: Readback,
    pub(super) w: Slot,
    pub(super) b: Slot,
    pub(super) train: Slot,
    pub(super) test: Slot,
    pub(super) step: u64,
    pub(super) last: Option<StepSlots>,
    pub(super) l2: f64,
    pub(super) optimizer: OptimizerHyper,
    pub(super) kind: OptimizerKind,
}

impl PendingTable {
    /// Runs the readback (asynchronously: required for WebGPU in the browser).
    pub async fn finish(self, progress: Progress) -> Result<TableSnapshot, EngineError> {
        let v = self.rb.run().await?;
        let kind = self.kind;
        let last = self.last.map(|t| {
            let update = |p: usize, i: usize| t.update.update(kind, &v, p, i);
            RowStep {
                step: t.step,
                batch: t.batch,
                line: t.line,
                y_hat: v.scalar(t.y_hat),
                mse: v.scalar(t.mse),
                loss: v.scalar(t.loss),
                l2: self.l2,
                optimizer: self.optimizer,
                w: (0..t.x.len()).map(|i| update(0, i)).collect(),
                b: update(1, 0),
                x: t.x,
                y: t.y,
            }
        });
        Ok(TableSnapshot {
            progress,
            w: v.vec(self.w).to_vec(),
            b: v.scalar(self.b),
            point: TablePoint {
                step: self.step,
                train_mse: v.scalar(self.train),
                test_mse: v.scalar(self.test),
            },
            last,
        })
    }
}
