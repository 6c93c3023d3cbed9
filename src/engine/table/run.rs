//! A run on the learner's table: the design matrix on the host (batches uploaded per step), the
//! parameters on the device with Burn's optimizer state, the batch order, the step counter. A
//! number target trains linear regression (w: `[n]`, b: `[1]`), a class target softmax
//! regression (W: `[n·k]`, b: `[k]`).

use std::rc::Rc;

use burn::tensor::{Device, Tensor, TensorData};

use super::regression::{self, Params};
use super::softmax;
use crate::data::rng::Rng;
use crate::data::table::design::Target;
use crate::engine::EngineError;
use crate::engine::checkpoint::{PendingCheckpoint, Restore, tensor};
use crate::engine::optimizer::{SlotState, TensorOptimizer, state_tensors};
use crate::engine::path::PathRecorder;
use crate::protocol::table::TableData;
use crate::protocol::{Hyper, RunCheckpoint};
use crate::settings::{Settings, to_hash};

pub struct TableRun {
    pub(super) device: Device,
    pub(super) data: Rc<TableData>,
    epochs: usize,
    batch: usize,
    seed: u64,
    pub(super) hyper: Hyper,
    pub(super) params: Params,
    pub(super) optimizer: TensorOptimizer,
    states: [SlotState; 2],
    pub(super) step: u64,
    /// The last step and the first row of its batch (index into the training split).
    pub(super) last: Option<(u64, usize, LastStep)>,
    /// With one feature and a number target: (step, w, b) after every step (and the start),
    /// not yet read back — the path across the loss surface.
    pub(super) path: PathRecorder,
    hash: String,
}

/// The tensors of the last step, by model.
pub(super) enum LastStep {
    Linear(Box<regression::StepTensors>),
    Classes(Box<softmax::StepTensors>),
}

/// Initial weights: W (`n × outputs`, row-major), b ~ U(−1/√n, 1/√n), as PyTorch's
/// `nn.Linear(n, outputs)` draws them.
pub fn initial_weights(seed: u64, n: usize, outputs: usize) -> (Vec<f32>, Vec<f32>) {
    let mut rng = Rng::derived(seed, 0x7ab1e);
    let bound = 1.0 / (n.max(1) as f64).sqrt();
    let mut draw = |count: usize| -> Vec<f32> {
        (0..count)
            .map(|_| rng.uniform_in(-bound, bound) as f32)
            .collect()
    };
    let w = draw(n * outputs);
    (w, draw(outputs))
}

/// The number of classes of a class target; 0 for a number target.
pub(super) fn classes_of(data: &TableData) -> usize {
    match &data.design.target {
        Target::Numeric => 0,
        Target::Classes(names) => names.len(),
    }
}

impl TableRun {
    /// A fresh run of `settings` on `data` (its design matrix) on `device`.
    pub fn new(settings: &Settings, data: Rc<TableData>, device: Device) -> Self {
        let n = data.design.n_features();
        let (w, b) = initial_weights(settings.seed, n, classes_of(&data).max(1));
        let optimizer = TensorOptimizer::new(settings.optimizer, settings.momentum);
        let mut run = Self {
            params: Params {
                w: Tensor::from_floats(w.as_slice(), &device),
                b: Tensor::from_floats(b.as_slice(), &device),
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
            path: PathRecorder::default(),
            data,
            device,
        };
        run.record_path();
        run
    }

    /// Whether the run has a loss surface over (w, b): one feature, a number target.
    pub fn has_surface(&self) -> bool {
        classes_of(&self.data) == 0 && self.data.design.n_features() == 1
    }

    /// Records where the parameters are now, for the path (one-feature regressions only).
    fn record_path(&mut self) {
        if !self.has_surface() {
            return;
        }
        self.path.record(self.step, &self.params.w, &self.params.b);
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
        run.path.clear();
        run.record_path();
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
    pub(super) fn upload(&self, x: &[f32], y: &[f32], rows: &[usize]) -> (Tensor<2>, Tensor<1>) {
        let ys: Vec<f32> = rows.iter().map(|&i| y[i]).collect();
        (
            self.features(x, rows),
            Tensor::from_floats(ys.as_slice(), &self.device),
        )
    }

    /// The rows' features `[m, n]` on the device.
    pub(super) fn features(&self, x: &[f32], rows: &[usize]) -> Tensor<2> {
        let n = self.data.design.n_features();
        let mut xs = Vec::with_capacity(rows.len() * n);
        rows.iter()
            .for_each(|&i| xs.extend_from_slice(&x[i * n..(i + 1) * n]));
        Tensor::from_data(TensorData::new(xs, [rows.len(), n]), &self.device)
    }

    /// The rows' classes, one-hot `[m, k]`, on the device.
    pub(super) fn one_hot(&self, y: &[f32], rows: &[usize], k: usize) -> Tensor<2> {
        let mut ys = vec![0f32; rows.len() * k];
        for (i, &r) in rows.iter().enumerate() {
            let c = y[r] as usize;
            if c < k {
                ys[i * k + c] = 1.0;
            }
        }
        Tensor::from_data(TensorData::new(ys, [rows.len(), k]), &self.device)
    }

    /// One optimizer step on the next batch. Does nothing once the run is finished.
    pub fn step(&mut self) {
        if self.is_finished() {
            return;
        }
        let rows = self.batch_rows(self.step);
        let d = &self.data.design;
        let (lr, l2) = (self.hyper.lr, self.hyper.l2);
        let x = self.features(&d.x_train, &rows);
        let last = match classes_of(&self.data) {
            0 => {
                let ys: Vec<f32> = rows.iter().map(|&i| d.y_train[i]).collect();
                let y = Tensor::from_floats(ys.as_slice(), &self.device);
                let (p, s, o) = (&self.params, &mut self.states, &self.optimizer);
                LastStep::Linear(Box::new(regression::train_step(p, s, o, (x, y), (lr, l2))))
            }
            k => {
                let y = self.one_hot(&d.y_train, &rows, k);
                let (p, s, o) = (&self.params, &mut self.states, &self.optimizer);
                LastStep::Classes(Box::new(softmax::train_step(p, s, o, (x, y), (lr, l2))))
            }
        };
        self.params = match &last {
            LastStep::Linear(t) => t.update.new.clone(),
            LastStep::Classes(t) => t.update.new.clone(),
        };
        self.step += 1;
        self.last = Some((self.step, rows[0], last));
        self.record_path();
    }
}
