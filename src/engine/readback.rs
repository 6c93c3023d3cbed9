//! Asynchronous readback of many small tensors in one transaction.
//!
//! In the browser a WebGPU readback must be awaited (a synchronous read panics), and each
//! round trip costs a frame or so, so everything a snapshot needs is read in one go.

use burn::tensor::{Tensor, Transaction};

use super::EngineError;

/// Collects tensors to read; `run` returns their values in the order they were added.
#[derive(Default)]
pub struct Readback {
    transaction: Transaction,
    count: usize,
}

/// Handle to one tensor's values in a [`Readback`].
#[derive(Clone, Copy, Debug)]
pub struct Slot(usize);

/// The values read back.
pub struct Values(Vec<Vec<f32>>);

impl Readback {
    /// Queues `tensor` (its autodiff graph, if any, is dropped first).
    pub fn add<const D: usize>(&mut self, tensor: &Tensor<D>) -> Slot {
        let transaction = std::mem::take(&mut self.transaction);
        self.transaction = transaction.register(tensor.clone().without_autodiff());
        self.count += 1;
        Slot(self.count - 1)
    }

    pub async fn run(self) -> Result<Values, EngineError> {
        let data = self
            .transaction
            .execute_async()
            .await
            .map_err(EngineError::readback)?;
        let values = data
            .into_iter()
            .map(|d| {
                d.convert::<f32>()
                    .try_to_vec::<f32>()
                    .map_err(EngineError::readback)
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Values(values))
    }
}

impl Values {
    pub fn vec(&self, slot: Slot) -> &[f32] {
        self.0.get(slot.0).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The first element (the value of a one-element tensor); NaN if there is none.
    pub fn scalar(&self, slot: Slot) -> f32 {
        self.vec(slot).first().copied().unwrap_or(f32::NAN)
    }
}
