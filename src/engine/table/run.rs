//! A regression run on the learner's table: the design matrix on the host (batches uploaded per
//! step), w and b on the device with Burn's optimizer state, the batch order, the step counter.

use std::rc::Rc;

use burn::tensor::{Device, Tensor, TensorData};

use super::readout::{PendingTable, StepSlots};
use super::regression::{self, Params, StepTensors};
use crate::data::rng::Rng;
use crate::engine::EngineError;
use crate::engine::checkpoint::{PendingCheckpoint, Restore, tensor};
use crate::engine::neuron_readout::UpdateSlots;
use crate::engine::optimizer::{SlotState, TensorOptimizer, state_tensors};
use crate::engine::readback::Readback;
use crate::protocol::table::TableData;
use crate::protocol::{Hyper, RunCheckpoint};
use crate::settings::{Settings, to_hash};

pub struct TableRun {
    device: Device,
    data: Rc<TableData>,
    epochs: usize,
    batch: usize,
    seed: u64,
    hyper: Hyper,
    params: Params,
    optimizer: TensorOptimizer,
    states: [SlotState; 2],
    step: u64,
    /// The last step and the first row of its batch (index into the training split).
    last: Option<(u64, usize, StepTensors)>,
    hash: String,
}

/// Initial weights: w, b ~ U(−1/√n, 1/√n), as PyTorch's `nn.Linear(n, 1)` draws them.
pub fn initial_weights(seed: u64, n: usize) -> (Vec<f32>, f32) {
    let mut rng = Rng::derived(seed, 0x7ab1e);
    let bound = 1.0 / (n.max(1) as f64).sqrt();
    let w = (0..n)
        .map(|_| rng.uniform_in(-bound, bound) as f32)
        .collect();
    (w, rng.uniform_in(-bound, bound) as f32)
}

impl TableRun {
    /// A fresh run of `settings` on `data` (its design matrix) on `device`.
    pub fn new(settings: &Settings, data: Rc<TableData>, device: Device) -> Self {
        let n = data.design.n_features();
        let (w, b) = initial_weights(settings.seed, n);
        let optimizer = TensorOptimizer::new(settings.optimizer, settings.momentum);
        Self {
            params: Params {
                w: Tensor::from_floats(w.as_slice(), &device),
                b: Tensor::from_floats([b], &device),
            },
            states: [None, None],
            optimizer,
            epochs: settings.epochs,
            batch: settings.batch_size.clamp(1, data.design.n_train().max(1)),
            seed: settings.seed,
            hyper: Hyper::from(settings.live),
            step: 0,
            last: None,
            hash: to_hash(settings),
            data,
            device,
        }
    }

    /// The run continued from `checkpoint`: w, b, Burn's state of each and the step count.
    pub fn resume(
        settings: &Settings,
        data: Rc<TableData>,
        device: Device,
        checkpoint: &RunCheckpoint,
    ) -> Result<Self, EngineError> {
        let mut run = Self::new(settings, data, device.clone());
        let mut restore = Restore::new(checkpoint);
        let dims = [run.params.w.dims(), run.params.b.dims()];
        let saved = dims.map(|d| restore.next(&d).cloned());
        restore.finish()?;
        if let [Some(w), Some(b)] = saved {
            run.states = [&w, &b].map(|p| run.optimizer.restore(&p.state, &p.dims, &device));
            run.params.w = tensor(&w.value, &dims[0], &device);
            run.params.b = tensor(&b.value, &dims[1], &device);
        }
        run.step = checkpoint.step;
        Ok(run)
    }

    pub fn prepare_checkpoint(&self, owner: &str) -> PendingCheckpoint {
        let mut pending = PendingCheckpoint::new(owner, self.hash.clone(), self.step);
        pending.add(&self.params.w, state_tensors(&self.states[0]));
        pending.add(&self.params.b, state_tensors(&self.states[1]));
        pending
    }

    pub fn steps_per_epoch(&self) -> u64 {
        self.data.design.n_train().div_ceil(self.batch).max(1) as u64
    }

    pub fn total_steps(&self) -> u64 {
        self.steps_per_epoch() * self.epochs as u64
    }

    pub fn steps_taken(&self) -> u64 {
        self.step
    }

    pub fn is_finished(&self) -> bool {
        self.step >= self.total_steps()
    }

    /// 1-based epoch of the next step (the last once finished).
    pub fn epoch(&self) -> usize {
        ((self.step / self.steps_per_epoch()) as usize + 1).min(self.epochs)
    }

    pub fn set_hyper(&mut self, hyper: Hyper) {
        self.hyper = hyper;
    }

    /// The training rows of step `step` (0-based): epoch e shuffles with its own seeded
    /// stream, so the order depends only on (seed, step) and a resumed run is exact.
    pub fn batch_rows(&self, step: u64) -> Vec<usize> {
        let per_epoch = self.steps_per_epoch();
        let (epoch, k) = (step / per_epoch, (step % per_epoch) as usize);
        let mut order: Vec<usize> = (0..self.data.design.n_train()).collect();
        Rng::derived(self.seed, 1 + epoch).shuffle(&mut order);
        let end = ((k + 1) * self.batch).min(order.len());
        order[(k * self.batch).min(end)..end].to_vec()
    }

    /// The rows' features `[m, n]` and targets `[m]` on the device.
    fn upload(&self, x: &[f32], y: &[f32], rows: &[usize]) -> (Tensor<2>, Tensor<1>) {
        let n = self.data.design.n_features();
        let mut xs = Vec::with_capacity(rows.len() * n);
        rows.iter()
            .for_each(|&i| xs.extend_from_slice(&x[i * n..(i + 1) * n]));
        let ys: Vec<f32> = rows.iter().map(|&i| y[i]).collect();
        (
            Tensor::from_data(TensorData::new(xs, [rows.len(), n]), &self.device),
            Tensor::from_floats(ys.as_slice(), &self.device),
        )
    }

    /// One optimizer step on the next batch. Does nothing once the run is finished.
    pub fn step(&mut self) {
        if self.is_finished() {
            return;
        }
        let rows = self.batch_rows(self.step);
        let d = &self.data.design;
        let batch = self.upload(&d.x_train, &d.y_train, &rows);
        let (lr, l2) = (self.hyper.lr, self.hyper.l2);
        let t = regression::train_step(
            &self.params,
            &mut self.states,
            &self.optimizer,
            batch,
            (lr, l2),
        );
        self.params = t.new.clone();
        self.step += 1;
        self.last = Some((self.step, rows[0], t));
    }

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

    /// Queues everything a snapshot shows; `finish` reads it back in one transaction.
    pub fn prepare_readout(&self) -> PendingTable {
        let mut rb = Readback::default();
        let d = &self.data.design;
        let n = d.n_features();
        let train = self.split_mse(&d.x_train, &d.y_train);
        let test = self.split_mse(&d.x_test, &d.y_test);
        let last = self.last.as_ref().map(|(step, row, t)| StepSlots {
            step: *step,
            batch: self.batch_rows(step - 1).len(),
            line: d.lines_train.get(*row).copied().unwrap_or(0),
            x: d.x_train[row * n..(row + 1) * n].to_vec(),
            y: d.y_train[*row],
            y_hat: rb.add(&t.y_hat.clone().slice(0..1)),
            mse: rb.add(&t.mse),
            loss: rb.add(&t.loss),
            update: UpdateSlots::add(
                &mut rb,
                [&t.d_loss_d_w, &t.d_loss_d_b],
                [&t.old.w, &t.old.b],
                [&t.state_before, &t.state_after],
                [&t.new.w, &t.new.b],
            ),
        });
        PendingTable {
            w: rb.add(&self.params.w),
            b: rb.add(&self.params.b),
            train: rb.add(&train),
            test: rb.add(&test),
            rb,
            step: self.step,
            last,
            l2: self.hyper.l2,
            optimizer: self.optimizer.hyper(self.hyper.lr),
            kind: self.optimizer.kind(),
        }
    }
}
