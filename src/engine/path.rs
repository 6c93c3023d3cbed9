//! An optimizer's path across the loss surface: (step, w, b) after every step, kept as tensor
//! handles until a snapshot reads them back with everything else (one transaction).

use burn::tensor::Tensor;

use super::readback::{Readback, Slot, Values};
use crate::protocol::surface::PathPoint;

/// At most this many points wait for a readout; beyond, every other one is dropped (the
/// newest kept), as the page's curves are thinned.
const MAX_PENDING: usize = 4_096;

#[derive(Default)]
pub struct PathRecorder {
    pending: Vec<(u64, Tensor<1>, Tensor<1>)>,
}

/// The path's points queued in a readback.
#[derive(Default)]
pub struct PathSlots(Vec<(u64, Slot, Slot)>);

impl PathRecorder {
    /// Where the parameters are after `step` steps (w and b: one-element tensors).
    pub fn record(&mut self, step: u64, w: &Tensor<1>, b: &Tensor<1>) {
        self.pending.push((step, w.clone(), b.clone()));
        if self.pending.len() > MAX_PENDING {
            let newest = self.pending.pop();
            self.pending = std::mem::take(&mut self.pending)
                .into_iter()
                .step_by(2)
                .collect();
            self.pending.extend(newest);
        }
    }

    pub fn clear(&mut self) {
        self.pending.clear();
    }

    /// Queues the points recorded since the last readout (and forgets them here).
    pub fn take_into(&mut self, rb: &mut Readback) -> PathSlots {
        PathSlots(
            std::mem::take(&mut self.pending)
                .into_iter()
                .map(|(step, w, b)| (step, rb.add(&w), rb.add(&b)))
                .collect(),
        )
    }
}

impl PathSlots {
    pub fn read(&self, v: &Values) -> Vec<PathPoint> {
        self.0
            .iter()
            .map(|&(step, w, b)| PathPoint {
                step,
                w: v.scalar(w),
                b: v.scalar(b),
            })
            .collect()
    }
}
