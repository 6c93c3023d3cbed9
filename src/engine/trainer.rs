//! A linear-regression run: data on the device, the batch order, the step counter, and the
//! readback of everything the UI shows.

use burn::tensor::{Device, Tensor};

use super::EngineError;
use super::linreg::{self, LinearParams, StepTensors};
use super::optimizer::{SlotState, TensorOptimizer};
use super::path::PathRecorder;
use super::readback::Readback;
use super::trace_readout::{PendingReadout, StateSlots, TraceSlots};
pub use crate::data::linreg::initial_weights;
use crate::data::linreg::{LinRegData, generate};
use crate::data::rng::Rng;
pub use crate::protocol::Readout;
use crate::protocol::{Checkpoint, Hyper, ParamState};
use crate::settings::Settings;

pub struct LinRegTrainer {
    device: Device,
    settings: Settings,
    hyper: Hyper,
    data: LinRegData,
    x_train: Tensor<1>,
    y_train: Tensor<1>,
    x_test: Tensor<1>,
    y_test: Tensor<1>,
    params: LinearParams,
    optimizer: TensorOptimizer,
    states: [SlotState; 2],
    step: u64,
    last: Option<(u64, StepTensors)>,
    /// (step, train MSE, test MSE) at epoch ends, not yet read back.
    curve: Vec<(u64, Tensor<1>, Option<Tensor<1>>)>,
    /// (step, w, b) after every step (and where the run starts), not yet read back: the
    /// optimizer's path across the loss surface.
    path: PathRecorder,
}

impl LinRegTrainer {
    /// Prepares a run on `device`, from the start or from `resume`.
    pub fn new(settings: &Settings, device: Device, resume: Option<&Checkpoint>) -> Self {
        let data = generate(settings.linreg.points, settings.linreg.noise, settings.seed);
        let upload = |v: &[f32]| Tensor::<1>::from_floats(v, &device);
        let optimizer = TensorOptimizer::new(settings.optimizer, settings.momentum);
        let (w, b, step, restored) = match resume {
            Some(c) => (c.w, c.b, c.step, [c.state_w, c.state_b]),
            None => {
                let (w, b) = initial_weights(settings.seed);
                (w, b, 0, [ParamState::None, ParamState::None])
            }
        };
        let params = LinearParams::new(w, b, &device);
        let mut path = PathRecorder::default();
        path.record(step, &params.w, &params.b);
        Self {
            path,
            x_train: upload(&data.x_train),
            y_train: upload(&data.y_train),
            x_test: upload(&data.x_test),
            y_test: upload(&data.y_test),
            params,
            states: restored.map(|r| optimizer.scalar_state(r, &device)),
            optimizer,
            hyper: Hyper::from(settings.live),
            settings: settings.clone(),
            data,
            device,
            step,
            last: None,
            curve: Vec::new(),
        }
    }

    pub fn data(&self) -> &LinRegData {
        &self.data
    }

    pub fn steps_per_epoch(&self) -> u64 {
        self.settings
            .train_points()
            .div_ceil(self.settings.effective_batch()) as u64
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
        let e = (self.step / self.steps_per_epoch()) as usize + 1;
        e.min(self.settings.epochs)
    }

    pub fn set_hyper(&mut self, hyper: Hyper) {
        self.hyper = hyper;
    }

    /// The training indices of optimizer step `step` (0-based): epoch e shuffles with its own
    /// seeded stream, so the order depends only on (seed, step) and a resumed run is exact.
    pub fn batch_indices(&self, step: u64) -> Vec<usize> {
        let per_epoch = self.steps_per_epoch();
        let (epoch, k) = (step / per_epoch, (step % per_epoch) as usize);
        let mut order: Vec<usize> = (0..self.data.x_train.len()).collect();
        Rng::derived(self.settings.seed, 1 + epoch).shuffle(&mut order);
        let batch = self.settings.effective_batch();
        let end = ((k + 1) * batch).min(order.len());
        order[k * batch..end].to_vec()
    }

    /// One optimizer step. Does nothing once the run is finished.
    pub fn step(&mut self) {
        if self.is_finished() {
            return;
        }
        let indices = self.batch_indices(self.step);
        let pick = |v: &[f32]| indices.iter().map(|&i| v[i]).collect::<Vec<f32>>();
        let x = Tensor::<1>::from_floats(pick(&self.data.x_train).as_slice(), &self.device);
        let y = Tensor::<1>::from_floats(pick(&self.data.y_train).as_slice(), &self.device);
        let tensors = linreg::train_step(
            &self.params,
            &mut self.states,
            &self.optimizer,
            x,
            y,
            self.hyper,
        );
        self.params = tensors.new.clone();
        self.step += 1;
        self.last = Some((self.step, tensors));
        self.path.record(self.step, &self.params.w, &self.params.b);
        if self.step.is_multiple_of(self.steps_per_epoch()) {
            let (train, test) = self.mse_tensors();
            self.curve.push((self.step, train, test));
        }
    }

    /// MSE of the current parameters on the train and the test set (lazy: not read back).
    fn mse_tensors(&self) -> (Tensor<1>, Option<Tensor<1>>) {
        let mse = |x: &Tensor<1>, y: &Tensor<1>| {
            let y_hat = linreg::forward(self.params.w.clone(), self.params.b.clone(), x.clone());
            linreg::mse(y.clone(), y_hat)
        };
        let test = (!self.data.x_test.is_empty()).then(|| mse(&self.x_test, &self.y_test));
        (mse(&self.x_train, &self.y_train), test)
    }

    /// Reads back the parameters, the MSE on train and test, and the last step, in one go.
    pub async fn readout(&mut self) -> Result<Readout, EngineError> {
        self.prepare_readout().finish().await
    }

    /// Queues everything a snapshot needs, and takes the recorded curve points (each is read
    /// back once). The returned value owns its tensor handles, so the trainer is free (and may
    /// step again) while the readback is awaited.
    pub fn prepare_readout(&mut self) -> PendingReadout {
        let mut rb = Readback::default();
        let w = rb.add(&self.params.w);
        let b = rb.add(&self.params.b);
        let (train, test) = self.mse_tensors();
        let train_mse = rb.add(&train);
        let test_mse = test.map(|t| rb.add(&t));
        let curve = std::mem::take(&mut self.curve)
            .into_iter()
            .map(|(step, train, test)| (step, rb.add(&train), test.map(|t| rb.add(&t))))
            .collect();
        let path = self.path.take_into(&mut rb);
        let states = self.states.clone().map(|s| StateSlots::add(&mut rb, &s));
        let last = self.last.as_ref().map(|(step, t)| {
            let epoch = ((step - 1) / self.steps_per_epoch()) as usize + 1;
            (*step, epoch, TraceSlots::add(&mut rb, t))
        });
        PendingReadout {
            rb,
            w,
            b,
            train_mse,
            test_mse,
            curve,
            path,
            states,
            last,
            step: self.step,
            optimizer: self.optimizer.clone(),
            kind: self.settings.optimizer,
        }
    }
}
