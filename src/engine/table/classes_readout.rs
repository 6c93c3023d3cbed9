//! Softmax regression's readback: the cross-entropy and predictions on both splits (accuracy and
//! the test split's confusion matrix are counted from Burn's argmax), W, b, and the last step
//! with its followed row.

use std::rc::Rc;

use burn::tensor::Tensor;

use super::TableRun;
use super::run::{LastStep, classes_of};
use super::softmax;
use crate::engine::EngineError;
use crate::engine::neuron_readout::UpdateSlots;
use crate::engine::readback::{Readback, Slot};
use crate::protocol::table::TableData;
use crate::protocol::table_classes::{ClassPoint, ClassSnapshot, ClassStep, confusion};
use crate::protocol::{OptimizerHyper, Progress};
use crate::settings::OptimizerKind;

struct ClassSlots {
    step: u64,
    batch: usize,
    line: usize,
    x: Vec<f32>,
    class: usize,
    z: Slot,
    p: Slot,
    ce: Slot,
    loss: Slot,
    update: UpdateSlots,
}

/// A class snapshot's readback, queued.
pub struct PendingClasses {
    rb: Readback,
    data: Rc<TableData>,
    k: usize,
    w: Slot,
    b: Slot,
    /// (cross-entropy, predicted classes) of each split; None for an empty split.
    train: Option<(Slot, Slot)>,
    test: Option<(Slot, Slot)>,
    step: u64,
    last: Option<ClassSlots>,
    l2: f64,
    optimizer: OptimizerHyper,
    kind: OptimizerKind,
}

impl TableRun {
    /// Whether the target is a class (softmax regression) rather than a number.
    pub fn is_classification(&self) -> bool {
        classes_of(&self.data) > 0
    }

    /// The cross-entropy and the predicted classes of the current (W, b) on a whole split.
    fn split_classes(&self, x: &[f32], y: &[f32], k: usize) -> Option<(Tensor<1>, Tensor<1>)> {
        if y.is_empty() {
            return None;
        }
        let rows: Vec<usize> = (0..y.len()).collect();
        let z = softmax::logits(
            self.features(x, &rows),
            self.params.w.clone(),
            self.params.b.clone(),
        );
        let ce = softmax::cross_entropy(z.clone(), self.one_hot(y, &rows, k));
        Some((ce, softmax::predictions(z)))
    }

    /// Queues everything a class snapshot shows; `finish` reads it back in one transaction.
    pub fn prepare_class_readout(&self) -> PendingClasses {
        let k = classes_of(&self.data);
        let mut rb = Readback::default();
        let d = &self.data.design;
        let n = d.n_features();
        let mut split = |x: &[f32], y: &[f32]| {
            let (ce, predicted) = self.split_classes(x, y, k)?;
            Some((rb.add(&ce), rb.add(&predicted)))
        };
        let (train, test) = (split(&d.x_train, &d.y_train), split(&d.x_test, &d.y_test));
        let last = self.last.as_ref().and_then(|(step, row, t)| {
            let LastStep::Classes(t) = t else {
                return None;
            };
            Some(ClassSlots {
                step: *step,
                batch: self.batch_rows(step - 1).len(),
                line: d.lines_train.get(*row).copied().unwrap_or(0),
                x: d.x_train[row * n..(row + 1) * n].to_vec(),
                class: d.y_train[*row] as usize,
                z: rb.add(&t.z),
                p: rb.add(&t.p),
                ce: rb.add(&t.ce),
                loss: rb.add(&t.loss),
                update: t.update.slots(&mut rb),
            })
        });
        PendingClasses {
            w: rb.add(&self.params.w),
            b: rb.add(&self.params.b),
            train,
            test,
            rb,
            data: self.data.clone(),
            k,
            step: self.step,
            last,
            l2: self.hyper.l2,
            optimizer: self.optimizer.hyper(self.hyper.lr),
            kind: self.optimizer.kind(),
        }
    }
}

impl PendingClasses {
    /// Runs the readback (asynchronously: required for WebGPU in the browser).
    pub async fn finish(self, progress: Progress) -> Result<ClassSnapshot, EngineError> {
        let v = self.rb.run().await?;
        let (k, kind, d) = (self.k, self.kind, &self.data.design);
        let split = |slots: Option<(Slot, Slot)>, y: &[f32]| match slots {
            Some((ce, predicted)) => {
                let (matrix, accuracy) = confusion(y, v.vec(predicted), k);
                (v.scalar(ce), accuracy, matrix)
            }
            None => (f32::NAN, f32::NAN, vec![vec![0; k]; k]),
        };
        let (train_ce, train_accuracy, _) = split(self.train, &d.y_train);
        let (test_ce, test_accuracy, matrix) = split(self.test, &d.y_test);
        let test_predicted = self
            .test
            .map(|(_, predicted)| v.vec(predicted).iter().map(|&c| c as u8).collect())
            .unwrap_or_default();
        let last = self.last.map(|t| {
            let update = |p: usize, i: usize| t.update.update(kind, &v, p, i);
            ClassStep {
                step: t.step,
                batch: t.batch,
                line: t.line,
                class: t.class,
                z: v.vec(t.z).to_vec(),
                p: v.vec(t.p).to_vec(),
                ce: v.scalar(t.ce),
                loss: v.scalar(t.loss),
                l2: self.l2,
                optimizer: self.optimizer,
                w: (0..t.update.len(&v, 0)).map(|i| update(0, i)).collect(),
                b: (0..t.update.len(&v, 1)).map(|i| update(1, i)).collect(),
                x: t.x,
            }
        });
        Ok(ClassSnapshot {
            progress,
            w: v.vec(self.w).to_vec(),
            b: v.vec(self.b).to_vec(),
            point: ClassPoint {
                step: self.step,
                train_ce,
                test_ce,
                train_accuracy,
                test_accuracy,
            },
            confusion: matrix,
            test_predicted,
            last,
        })
    }
}
