//! A small convolutional network: conv(5×5, f₁)-ReLU-maxpool → conv(5×5, f₂)-ReLU-maxpool →
//! dense 10, with f₁, f₂ = 16, 32 by default (8, 16 is TF.js's tutorial CNN, with "same"
//! padding here).

use burn::nn::conv::{Conv2d, Conv2dConfig};
use burn::nn::pool::{MaxPool2d, MaxPool2dConfig};
use burn::nn::{Linear, LinearConfig, PaddingConfig2d, Relu};
use burn::prelude::*;

use crate::protocol::mnist::{CLASSES, SIDE};

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
    /// A fresh network with `filters` = (f₁, f₂) filters in its two convolutions.
    pub fn new(filters: [usize; 2], device: &Device) -> Self {
        let conv = |channels: [usize; 2]| {
            Conv2dConfig::new(channels, [KERNEL, KERNEL])
                .with_padding(PaddingConfig2d::Same)
                .init(device)
        };
        let flat = filters[1] * (SIDE / 4) * (SIDE / 4);
        Self {
            conv1: conv([1, filters[0]]),
            conv2: conv([filters[0], filters[1]]),
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
        let x = self.pool.forward(self.relu.forward(self.conv1.forward(x))); // [batch, f₁, 14, 14]
        let x = self.pool.forward(self.relu.forward(self.conv2.forward(x))); // [batch, f₂, 7, 7]
        let [batch, c, h, w] = x.dims();
        self.dense.forward(x.reshape([batch, c * h * w]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::device::cpu;

    /// Any filter counts give 10 logits per image; the parameters are 5·5·(1·f₁ + f₁·f₂) +
    /// f₁ + f₂ weights and biases in the convolutions, and f₂·7·7·10 + 10 in the head.
    #[test]
    fn filter_counts_set_the_shapes() {
        let device = cpu();
        for [f1, f2] in [[16, 32], [8, 16], [1, 1]] {
            let cnn = Cnn::new([f1, f2], &device);
            let logits = cnn.forward(Tensor::zeros([3, SIDE * SIDE], &device));
            assert_eq!(logits.dims(), [3, CLASSES]);
            let expected = 25 * (f1 + f1 * f2) + f1 + f2 + f2 * 49 * CLASSES + CLASSES;
            assert_eq!(cnn.num_params(), expected);
        }
    }
}
