//! The single-neuron task: one sample, the parameters w and b on the device, Burn's optimizer
//! state per parameter tensor, and the readback of the last step.

use burn::tensor::{Device, Tensor};

use super::EngineError;
use super::checkpoint::{PendingCheckpoint, Restore, tensor};
use super::neuron::{NeuronPass, evaluate, forward_backward};
use super::neuron_readout::{PendingNeuron, StepSlots, UpdateSlots};
use super::optimizer::{SlotState, TensorOptimizer, state_tensors};
use super::readback::Readback;
use crate::protocol::{ParamState, RunCheckpoint};
use crate::settings::{OptimizerKind, Settings, to_hash};

pub struct NeuronRun {
    x: Tensor<1>,
    y: f32,
    /// `[n]` and `[1]`.
    w: Tensor<1>,
    b: Tensor<1>,
    optimizer: TensorOptimizer,
    kind: OptimizerKind,
    lr: f64,
    /// Burn's state of w (a whole `[n]` tensor) and of b.
    states: [SlotState; 2],
    step: u64,
    last: Option<StepTensors>,
    /// Each step's loss since the last readout.
    losses: Vec<(u64, Tensor<1>)>,
    /// The settings' canonical hash (written into checkpoints).
    hash: String,
}

/// Handles to every tensor of the last step.
struct StepTensors {
    step: u64,
    lr: f64,
    pass: NeuronPass,
    old: [Tensor<1>; 2],
    before: [SlotState; 2],
    after: [SlotState; 2],
    new: [Tensor<1>; 2],
}

impl NeuronRun {
    /// The neuron of `settings` (x, w, b, y, optimizer) on `device`, before its first step.
    pub fn new(settings: &Settings, device: Device) -> Self {
        let n = &settings.neuron;
        let vector = |v: &[f64]| {
            let v: Vec<f32> = v.iter().map(|&x| x as f32).collect();
            Tensor::<1>::from_floats(v.as_slice(), &device)
        };
        let optimizer = TensorOptimizer::new(settings.optimizer, settings.momentum);
        let fresh = || optimizer.scalar_state(ParamState::None, &device);
        Self {
            x: vector(&n.x),
            y: n.y as f32,
            w: vector(&n.w),
            b: Tensor::from_floats([n.b as f32], &device),
            states: [fresh(), fresh()],
            optimizer,
            kind: settings.optimizer,
            lr: settings.live.lr,
            step: 0,
            last: None,
            losses: Vec::new(),
            hash: to_hash(settings),
        }
    }

    /// The neuron of `settings` continued from `checkpoint` on `device`: w, b, Burn's state
    /// of each and the step count.
    pub fn resume(
        settings: &Settings,
        device: Device,
        checkpoint: &RunCheckpoint,
    ) -> Result<Self, EngineError> {
        let mut run = Self::new(settings, device.clone());
        let mut restore = Restore::new(checkpoint);
        let dims = [run.w.dims(), run.b.dims()];
        let saved = dims.map(|d| restore.next(&d).cloned());
        restore.finish()?;
        if let [Some(w), Some(b)] = saved {
            run.states = [&w, &b].map(|p| run.optimizer.restore(&p.state, &p.dims, &device));
            run.w = tensor(&w.value, &dims[0], &device);
            run.b = tensor(&b.value, &dims[1], &device);
        }
        run.step = checkpoint.step;
        Ok(run)
    }

    /// Queues the checkpoint of the current step (`owner`: the page that keeps it).
    pub fn prepare_checkpoint(&self, owner: &str) -> PendingCheckpoint {
        let mut pending = PendingCheckpoint::new(owner, self.hash.clone(), self.step);
        pending.add(&self.w, state_tensors(&self.states[0]));
        pending.add(&self.b, state_tensors(&self.states[1]));
        pending
    }

    pub fn steps_taken(&self) -> u64 {
        self.step
    }

    pub fn set_lr(&mut self, lr: f64) {
        self.lr = lr;
    }

    /// forward → loss → backward → update, all in Burn.
    pub fn step(&mut self) {
        let pass = forward_backward(&self.x, &self.w, &self.b, self.y);
        let before = self.states.clone();
        let [state_w, state_b] = &mut self.states;
        let new = [
            self.optimizer
                .step(self.lr, self.w.clone(), pass.grad_w.clone(), state_w),
            self.optimizer
                .step(self.lr, self.b.clone(), pass.grad_b.clone(), state_b),
        ];
        self.step += 1;
        self.losses.push((self.step, pass.loss.clone()));
        let old = [self.w.clone(), self.b.clone()];
        [self.w, self.b] = new.clone();
        self.last = Some(StepTensors {
            step: self.step,
            lr: self.lr,
            pass,
            old,
            before,
            after: self.states.clone(),
            new,
        });
    }

    /// Queues everything a snapshot shows; `finish` reads it back in one transaction.
    pub fn prepare_readout(&mut self) -> PendingNeuron {
        let mut rb = Readback::default();
        let (y_hat, loss) = evaluate(&self.x, &self.w, &self.b, self.y);
        let losses = std::mem::take(&mut self.losses)
            .into_iter()
            .map(|(step, l)| (step, rb.add(&l)))
            .collect();
        let last = self.last.as_ref().map(|t| StepSlots {
            step: t.step,
            lr: t.lr,
            x: rb.add(&self.x),
            z: rb.add(&t.pass.z),
            y_hat: rb.add(&t.pass.y_hat),
            loss: rb.add(&t.pass.loss),
            update: UpdateSlots::add(
                &mut rb,
                [&t.pass.grad_w, &t.pass.grad_b],
                [&t.old[0], &t.old[1]],
                [&t.before, &t.after],
                [&t.new[0], &t.new[1]],
            ),
        });
        PendingNeuron {
            w: rb.add(&self.w),
            b: rb.add(&self.b),
            y_hat: rb.add(&y_hat),
            loss: rb.add(&loss),
            rb,
            losses,
            last,
            steps: self.step,
            y: self.y,
            optimizer: self.optimizer.clone(),
            kind: self.kind,
        }
    }
}
