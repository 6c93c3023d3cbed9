//! The multi-layer perceptron: 784 → hidden layers → 10, with one activation between layers.

use burn::nn::activation::{Activation, ActivationConfig};
use burn::nn::{Linear, LinearConfig};
use burn::prelude::*;

use crate::protocol::mnist::{CLASSES, PIXELS};
use crate::settings::Activation as ActivationKind;

#[derive(Module, Debug)]
pub struct Mlp {
    /// Dense layers, input to output: z_k = a_{k−1} W_k + b_k.
    pub layers: Vec<Linear>,
    pub activation: Activation,
}

/// The activation as Burn's config.
pub fn activation_config(kind: ActivationKind) -> ActivationConfig {
    match kind {
        ActivationKind::Relu => ActivationConfig::Relu,
        ActivationKind::Sigmoid => ActivationConfig::Sigmoid,
        ActivationKind::Tanh => ActivationConfig::Tanh,
    }
}

impl Mlp {
    /// Layers of sizes 784 → `hidden`… → 10, weights drawn as PyTorch's `nn.Linear` does
    /// (Kaiming-uniform), from the device's seeded generator.
    pub fn new(hidden: &[usize], activation: ActivationKind, device: &Device) -> Self {
        let sizes: Vec<usize> = std::iter::once(PIXELS)
            .chain(hidden.iter().copied())
            .chain(std::iter::once(CLASSES))
            .collect();
        Self {
            layers: sizes
                .windows(2)
                .map(|w| LinearConfig::new(w[0], w[1]).init(device))
                .collect(),
            activation: activation_config(activation).init(device),
        }
    }

    /// # Shapes
    /// - x: `[batch, 784]`
    /// - returns the logits `[batch, 10]`
    pub fn forward(&self, x: Tensor<2>) -> Tensor<2> {
        let last = self.layers.len().saturating_sub(1);
        self.layers.iter().enumerate().fold(x, |a, (k, layer)| {
            let z = layer.forward(a);
            if k < last {
                self.activation.forward(z)
            } else {
                z
            }
        })
    }
}
