//! The rest of the CNN a followed sample's export needs (beyond the traced first channel):
//! both convolutions' kernels and biases, and conv2's input, queued in the trace's first
//! readback round.

use super::cnn::Cnn;
use crate::engine::readback::{Readback, Slot, Values};
use crate::protocol::CnnWeights;

/// The slots of [`CnnWeights`].
pub struct CnnWeightSlots {
    conv1_k: Slot,
    conv1_b: Option<Slot>,
    conv2_k: Slot,
    conv2_b: Option<Slot>,
    conv2_in: Slot,
    /// f₁, f₂ (for a convolution built without a bias).
    filters: [usize; 2],
}

/// Queues the CNN's weights and `pooled` (conv1 after ReLU and pooling, inner device).
pub fn queue(rb: &mut Readback, cnn: &Cnn, pooled: &burn::prelude::Tensor<4>) -> CnnWeightSlots {
    let bias = |rb: &mut Readback, conv: &burn::nn::conv::Conv2d| {
        conv.bias.as_ref().map(|b| rb.add(&b.val().inner()))
    };
    CnnWeightSlots {
        conv1_k: rb.add(&cnn.conv1.weight.val().inner()),
        conv1_b: bias(rb, &cnn.conv1),
        conv2_k: rb.add(&cnn.conv2.weight.val().inner()),
        conv2_b: bias(rb, &cnn.conv2),
        conv2_in: rb.add(pooled),
        filters: [cnn.conv1.weight.dims()[0], cnn.conv2.weight.dims()[0]],
    }
}

impl CnnWeightSlots {
    /// The values read back (a missing bias reads as zeros).
    pub fn read(&self, values: &Values) -> CnnWeights {
        let bias = |slot: Option<Slot>, count: usize| match slot {
            Some(s) => values.vec(s).to_vec(),
            None => vec![0.0; count],
        };
        CnnWeights {
            conv1_k: values.vec(self.conv1_k).to_vec(),
            conv1_b: bias(self.conv1_b, self.filters[0]),
            conv2_k: values.vec(self.conv2_k).to_vec(),
            conv2_b: bias(self.conv2_b, self.filters[1]),
            conv2_in: values.vec(self.conv2_in).to_vec(),
        }
    }
}
