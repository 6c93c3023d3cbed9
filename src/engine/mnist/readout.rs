//! The snapshot of an MNIST run, read back asynchronously: running training metrics since the
//! previous snapshot, and the evaluations queued meanwhile.

use std::rc::Rc;

use burn::prelude::*;

use super::evaluation::PendingEvaluation;
use super::trainer::MnistTrainer;
use crate::data::mnist::MnistData;
use crate::engine::EngineError;
use crate::engine::readback::{Readback, Slot};
use crate::protocol::mnist::{Evaluation, TrainPoint};

/// Queued readbacks; owns its tensor handles, so the trainer is free meanwhile.
pub struct PendingMnistReadout {
    train: Option<(Readback, Slot, Slot, usize)>,
    at: (u64, f64),
    evaluations: Vec<(Readback, PendingEvaluation)>,
    data: Rc<MnistData>,
}

/// What a snapshot reports.
pub struct MnistReadout {
    pub train: Option<TrainPoint>,
    pub evaluations: Vec<Evaluation>,
    /// Predicted class of every test image, from the newest evaluation.
    pub predictions: Option<Vec<u8>>,
}

impl PendingMnistReadout {
    pub(super) fn new(t: &mut MnistTrainer) -> Self {
        let window = std::mem::take(&mut t.window);
        let train = (!window.is_empty()).then(|| {
            let samples = window.iter().map(|w| w.2).sum();
            let steps = window.len();
            let (losses, corrects): (Vec<_>, Vec<_>) =
                window.into_iter().map(|(l, c, _)| (l, c)).unzip();
            let mut rb = Readback::default();
            let loss = rb.add(&Tensor::cat(losses, 0).sum().div_scalar(steps as f64));
            let correct = rb.add(&Tensor::cat(corrects, 0).sum());
            (rb, loss, correct, samples)
        });
        Self {
            train,
            at: (t.step, t.step as f64 / t.steps_per_epoch() as f64),
            evaluations: std::mem::take(&mut t.evaluations),
            data: t.data.clone(),
        }
    }

    pub async fn finish(self) -> Result<MnistReadout, EngineError> {
        let train = match self.train {
            Some((rb, loss, correct, samples)) => {
                let values = rb.run().await?;
                Some(TrainPoint {
                    step: self.at.0,
                    epoch: self.at.1,
                    loss: values.scalar(loss),
                    accuracy: values.scalar(correct) / samples.max(1) as f32,
                })
            }
            None => None,
        };
        let mut evaluations = Vec::new();
        let mut predictions = None;
        for (rb, pending) in self.evaluations {
            let values = rb.run().await?;
            let (evaluation, predicted) = pending.finish(&values, &self.data.test);
            evaluations.push(evaluation);
            predictions = Some(predicted);
        }
        Ok(MnistReadout {
            train,
            evaluations,
            predictions,
        })
    }
}
