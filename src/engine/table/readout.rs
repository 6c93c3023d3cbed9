//! The regression's readback: which slot holds which number, and the snapshot built from them.

use burn::tensor::Tensor;

use super::TableRun;
use super::regression;
use super::run::LastStep;
use crate::engine::EngineError;
use crate::engine::neuron_readout::UpdateSlots;
use crate::engine::path::PathSlots;
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
    pub(super) path: PathSlots,
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
            path: self.path.read(&v),
        })
    }
}

impl TableRun {
    /// The MSE of the current (w, b) on a whole split.
    fn split_mse(&self, x: &[f32], y: &[f32]) -> Tensor<1> {
        let rows: Vec<usize> = (0..y.len()).collect();
        if rows.is_empty() {
            return Tensor::from_floats([f32::NAN], &self.device);
        }
        let (x, y) = self.upload(x, y, &rows);
        regression::mse(
            regression::forward(x, self.params.w.clone(), self.params.b.clone()),
            y,
        )
    }

    /// Queues everything a regression's snapshot shows (a number target); `finish` reads it
    /// back in one transaction. Takes the path points recorded since the last readout.
    pub fn prepare_readout(&mut self) -> PendingTable {
        let mut rb = Readback::default();
        let path = self.path.take_into(&mut rb);
        let d = &self.data.design;
        let n = d.n_features();
        let train = self.split_mse(&d.x_train, &d.y_train);
        let test = self.split_mse(&d.x_test, &d.y_test);
        let last = self.last.as_ref().and_then(|(step, row, t)| {
            let LastStep::Linear(t) = t else {
                return None;
            };
            Some(StepSlots {
                step: *step,
                batch: self.batch_rows(step - 1).len(),
                line: d.lines_train.get(*row).copied().unwrap_or(0),
                x: d.x_train[row * n..(row + 1) * n].to_vec(),
                y: d.y_train[*row],
                y_hat: rb.add(&t.y_hat.clone().slice(0..1)),
                mse: rb.add(&t.mse),
                loss: rb.add(&t.loss),
                update: t.update.slots(&mut rb),
            })
        });
        PendingTable {
            w: rb.add(&self.params.w),
            b: rb.add(&self.params.b),
            train: rb.add(&train),
            test: rb.add(&test),
            rb,
            step: self.step,
            last,
            path,
            l2: self.hyper.l2,
            optimizer: self.optimizer.hyper(self.hyper.lr),
            kind: self.optimizer.kind(),
        }
    }
}
