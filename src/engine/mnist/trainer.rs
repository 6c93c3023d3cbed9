//! An MNIST run: the network, Burn's optimizer, the batch order, and lazily queued metrics.
//! Nothing is read back while stepping; [`MnistTrainer::prepare_readout`] collects it all.

use std::rc::Rc;

use burn::nn::loss::CrossEntropyLoss;
use burn::optim::GradientsParams;
use burn::prelude::*;

use super::batch::{EpochOrder, Scaling, labels};
use super::classifier::Classifier;
use super::evaluation::{self, PendingEvaluation};
use super::param_optimizer::ParamOptimizer;
use super::readout::PendingMnistReadout;
use crate::data::mnist::MnistData;
use crate::engine::readback::Readback;
use crate::protocol::Hyper;
use crate::settings::Settings;

pub struct MnistTrainer {
    /// The autodiff device the model trains on.
    pub(super) device: Device,
    pub(super) settings: Settings,
    pub(super) hyper: Hyper,
    pub(super) data: Rc<MnistData>,
    pub(super) scaling: Scaling,
    pub(super) model: Classifier,
    pub(super) optimizer: ParamOptimizer,
    order: EpochOrder,
    pub(super) step: u64,
    /// Cross-entropy and correct count of each step since the last readout (on the device).
    pub(super) window: Vec<(Tensor<1>, Tensor<1>, usize)>,
    /// Evaluations queued at epoch ends (or on request), not yet read back.
    pub(super) evaluations: Vec<(Readback, PendingEvaluation)>,
    /// An epoch ended: evaluate before the next readout (not inside the step, so a step's
    /// time — and the samples/s shown — is training only).
    evaluation_due: bool,
}

impl MnistTrainer {
    /// A fresh run on `device` (plain or autodiff), weights drawn from `settings.seed`.
    pub fn new(settings: &Settings, device: Device, data: Rc<MnistData>) -> Self {
        let device = device.autodiff();
        device.seed(settings.seed);
        let subset = settings.mnist.subset.min(data.train.len());
        Self {
            model: Classifier::new(settings, &device),
            optimizer: ParamOptimizer::new(settings),
            order: EpochOrder::new(settings.seed, subset),
            scaling: Scaling::new(settings.mnist.preprocess),
            hyper: Hyper::from(settings.live),
            settings: {
                let mut s = settings.clone();
                s.mnist.subset = subset;
                s
            },
            data,
            device,
            step: 0,
            window: Vec::new(),
            evaluations: Vec::new(),
            evaluation_due: false,
        }
    }

    /// Training images per epoch.
    pub fn subset(&self) -> usize {
        self.settings.mnist.subset
    }

    pub fn batch_size(&self) -> usize {
        self.settings
            .batch_size
            .clamp(1, self.settings.mnist.subset.max(1))
    }

    pub fn steps_per_epoch(&self) -> u64 {
        self.settings
            .mnist
            .subset
            .div_ceil(self.batch_size())
            .max(1) as u64
    }

    pub fn total_steps(&self) -> u64 {
        self.steps_per_epoch() * self.settings.epochs as u64
    }

    pub fn steps_taken(&self) -> u64 {
        self.step
    }

    pub fn is_finished(&self) -> bool {
        self.step >= self.total_steps()
    }

    /// 1-based epoch of the next step (the last epoch once finished).
    pub fn epoch(&self) -> usize {
        ((self.step / self.steps_per_epoch()) as usize + 1).min(self.settings.epochs)
    }

    /// Training images done in the current epoch (all of them once finished).
    pub fn epoch_samples(&self) -> u64 {
        let per_epoch = self.steps_per_epoch();
        let k = if self.is_finished() && self.step > 0 {
            per_epoch
        } else {
            self.step % per_epoch
        };
        (k * self.batch_size() as u64).min(self.settings.mnist.subset as u64)
    }

    /// The learning rate of the current epoch: α γ^(epoch − 1).
    pub fn lr(&self) -> f64 {
        let epochs_done = (self.step / self.steps_per_epoch()).min(i32::MAX as u64) as i32;
        self.hyper.lr * self.settings.mnist.lr_decay.powi(epochs_done)
    }

    /// The network as it is now (read-only; e.g. for oracle tests).
    pub fn model(&self) -> &Classifier {
        &self.model
    }

    pub fn set_hyper(&mut self, hyper: Hyper) {
        self.hyper = hyper;
    }

    /// One optimizer step: forward → cross-entropy (+ penalty) → backward → Burn's update.
    pub fn step(&mut self) {
        if self.is_finished() {
            return;
        }
        let per_epoch = self.steps_per_epoch();
        let indices = self.order.batch(
            self.step / per_epoch,
            (self.step % per_epoch) as usize,
            self.batch_size(),
        );
        let x = self
            .scaling
            .images(&self.data.train, &indices, &self.device);
        let y = labels(&self.data.train, &indices, &self.device);
        let logits = self.model.forward(x);
        let cross_entropy =
            CrossEntropyLoss::new(None, &self.device).forward(logits.clone(), y.clone());
        let loss = match self.model.penalty(self.hyper.l1, self.hyper.l2) {
            Some(penalty) => cross_entropy.clone() + penalty,
            None => cross_entropy.clone(),
        };
        let grads = GradientsParams::from_grads(loss.backward(), &self.model);
        self.model = self.optimizer.step(self.lr(), self.model.clone(), grads);
        let correct = logits
            .argmax(1)
            .reshape([indices.len()])
            .equal(y)
            .int()
            .sum()
            .float();
        self.window.push((
            cross_entropy.without_autodiff(),
            correct.without_autodiff(),
            indices.len(),
        ));
        self.step += 1;
        self.evaluation_due |= self.step.is_multiple_of(per_epoch);
    }

    /// Queues an evaluation of the current model on the test set (read back with the next
    /// snapshot).
    pub fn queue_evaluation(&mut self) {
        let mut rb = Readback::default();
        let model = self.model.valid();
        let device = self.device.clone().inner();
        let at = (self.step, self.step as f64 / self.steps_per_epoch() as f64);
        let pending =
            evaluation::queue(&mut rb, &model, &self.scaling, &self.data.test, &device, at);
        self.evaluations.push((rb, pending));
    }

    /// Everything a snapshot needs, queued; the trainer may step on while it is awaited.
    pub fn prepare_readout(&mut self) -> PendingMnistReadout {
        if std::mem::take(&mut self.evaluation_due) {
            self.queue_evaluation();
        }
        PendingMnistReadout::new(self)
    }
}
