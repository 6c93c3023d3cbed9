//! A small convolutional network: conv(5×5, 16)-ReLU-maxpool → conv(5×5, 32)-ReLU-maxpool →
//! dense 10.

use burn::nn::conv::{Conv2d, Conv2dConfig};
use burn::nn::pool::{MaxPool2d, MaxPool2dConfig};
use burn::nn::{Linear, LinearConfig, PaddingConfig2d, Relu};
use burn::prelude::*;

use crate::protocol::mnist::{CLASSES, SIDE};

/// Filters of the two convolutions.
pub const CONV1_FILTERS: usize = 16;
pub const CONV2_FILTERS: usize = 32;
/// Side of the square kernels.
pub const KERNEL: usize = 5;

#[derive(Module, Debug)]
pub struct Cnn {
    pub conv1: Conv2d,
    pub conv2: Conv2d,
    pub pool: MaxPool2d,
    pub relu: Relu,
    pub dense: Linear,
}

impl Cnn {
    pub fn new(device: &Device) -> Self {
        let conv = |channels: [usize; 2]| {
            Conv2dConfig::new(channels, [KERNEL, KERNEL])
                .with_padding(PaddingConfig2d::Same)
                .init(device)
        };
        let flat = CONV2_FILTERS * (SIDE / 4) * (SIDE / 4);
        Self {
            conv1: conv([1, CONV1_FILTERS]),
            conv2: conv([CONV1_FILTERS, CONV2_FILTERS]),
            pool: MaxPool2dConfig::new([2, 2]).with_strides([2, 2]).init(),
            relu: Relu::new(),
            dense: LinearConfig::new(flat, CLASSES).init(device),
        }
    }

    /// # Shapes
    /// - x: `[batch, 784]` (a flattened 28×28 image)
    /// - returns the logits `[batch, 10]`
    pub fn forward(&self, x: Tensor<2>) -> Tensor<2> {
        let [batch, _] = x.dims();
        let x = x.reshape([batch, 1, SIDE, SIDE]);
        let x = self.pool.forward(self.relu.forward(self.conv1.forward(x))); // [batch, 16, 14, 14]
        let x = self.pool.forward(self.relu.forward(self.conv2.forward(x))); // [batch, 32, 7, 7]
        let [batch, c, h, w] = x.dims();
        self.dense.forward(x.reshape([batch, c * h * w]))
    }
}
