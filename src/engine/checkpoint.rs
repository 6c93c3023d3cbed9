//! Checkpoints on the Burn side: queue every parameter and its optimizer state for one
//! asynchronous readback, and turn the plain numbers back into tensors on any device.

use burn::tensor::{Device, Tensor, TensorData};

use super::EngineError;
use super::readback::{Readback, Slot};
use crate::protocol::{RunCheckpoint, StateValues, TensorValues};

/// A parameter's optimizer-state tensors as both optimizer paths hand them out:
/// (Adam's t, m or momentum's velocity, Adam's v).
pub type StateTensors<const D: usize> = (u32, Option<Tensor<D>>, Option<Tensor<D>>);

enum StateSlots {
    None,
    Momentum(Slot),
    Adam(u32, Slot, Slot),
}

/// A checkpoint queued for readback; owns its tensor handles, so the run may step on while
/// it is awaited (the values are those of the step it was queued at).
pub struct PendingCheckpoint {
    rb: Readback,
    owner: String,
    hash: String,
    step: u64,
    slots: Vec<(Vec<usize>, Slot, StateSlots)>,
}

impl PendingCheckpoint {
    pub fn new(owner: &str, hash: String, step: u64) -> Self {
        Self {
            rb: Readback::default(),
            owner: owner.to_string(),
            hash,
            step,
            slots: Vec::new(),
        }
    }

    /// Queues one parameter tensor θ and its state.
    pub fn add<const D: usize>(&mut self, theta: &Tensor<D>, state: StateTensors<D>) {
        let dims = theta.dims().to_vec();
        let value = self.rb.add(theta);
        let state = match state {
            (t, Some(m), Some(v)) => StateSlots::Adam(t, self.rb.add(&m), self.rb.add(&v)),
            (_, Some(v), None) => StateSlots::Momentum(self.rb.add(&v)),
            _ => StateSlots::None,
        };
        self.slots.push((dims, value, state));
    }

    pub async fn finish(self) -> Result<RunCheckpoint, EngineError> {
        let values = self.rb.run().await?;
        let vec = |slot| values.vec(slot).to_vec();
        let tensors = self
            .slots
            .into_iter()
            .map(|(dims, value, state)| TensorValues {
                dims,
                value: vec(value),
                state: match state {
                    StateSlots::None => StateValues::None,
                    StateSlots::Momentum(v) => StateValues::Momentum { v: vec(v) },
                    StateSlots::Adam(t, m, v) => StateValues::Adam {
                        t,
                        m: vec(m),
                        v: vec(v),
                    },
                },
            })
            .collect();
        Ok(RunCheckpoint {
            owner: self.owner,
            hash: self.hash,
            step: self.step,
            tensors,
        })
    }
}

/// Reads a checkpoint's tensors in order, checking each against the shape the run expects.
pub struct Restore<'a> {
    tensors: std::slice::Iter<'a, TensorValues>,
    pub error: Option<EngineError>,
}

impl<'a> Restore<'a> {
    pub fn new(checkpoint: &'a RunCheckpoint) -> Self {
        Self {
            tensors: checkpoint.tensors.iter(),
            error: None,
        }
    }

    /// The next tensor, if it has `dims`; else records why not.
    pub fn next(&mut self, dims: &[usize]) -> Option<&'a TensorValues> {
        let found = self.tensors.next();
        let fits = found.filter(|t| {
            let n: usize = dims.iter().product();
            t.dims == dims && t.value.len() == n && state_len_fits(&t.state, n)
        });
        if fits.is_none() && self.error.is_none() {
            self.error = Some(mismatch());
        }
        fits
    }

    /// Every tensor was used, and each fitted.
    pub fn finish(mut self) -> Result<(), EngineError> {
        match (self.error.take(), self.tensors.next()) {
            (Some(e), _) => Err(e),
            (None, Some(_)) => Err(mismatch()),
            (None, None) => Ok(()),
        }
    }
}

fn mismatch() -> EngineError {
    EngineError("the checkpoint does not match this network".into())
}

fn state_len_fits(state: &StateValues, n: usize) -> bool {
    match state {
        StateValues::None => true,
        StateValues::Momentum { v } => v.len() == n,
        StateValues::Adam { m, v, .. } => m.len() == n && v.len() == n,
    }
}

/// A tensor of `dims` holding `values` on `device`.
pub fn tensor<const D: usize>(values: &[f32], dims: &[usize], device: &Device) -> Tensor<D> {
    Tensor::from_data(TensorData::new(values.to_vec(), dims.to_vec()), device)
}
