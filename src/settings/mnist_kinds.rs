//! MNIST's choices: the network, the activation and the pixel scaling, with their URL keys.

use serde::{Deserialize, Serialize};

/// Which network classifies the digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ModelKind {
    /// Fully connected: 784 → hidden layers → 10.
    Mlp,
    /// conv(5×5, 16)-ReLU-maxpool → conv(5×5, 32)-ReLU-maxpool → dense 10.
    Cnn,
}

/// The non-linearity between hidden layers of an MLP.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Activation {
    Relu,
    Sigmoid,
    Tanh,
}

/// How raw pixels p ∈ {0,…,255} become inputs x.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Preprocess {
    /// x = p / 255 (seed 003).
    Unit,
    /// x = (p/255 − 0.5) / 0.5 (seed 002's `Normalize(0.5, 0.5)`).
    Symmetric,
    /// x = (p/255 − 0.1307) / 0.3081 (MNIST's mean and standard deviation).
    Standardize,
}

impl ModelKind {
    pub const ALL: [ModelKind; 2] = [Self::Mlp, Self::Cnn];

    pub fn key(self) -> &'static str {
        match self {
            Self::Mlp => "mlp",
            Self::Cnn => "cnn",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.key() == key)
    }
}

impl Activation {
    pub const ALL: [Activation; 3] = [Self::Relu, Self::Sigmoid, Self::Tanh];

    pub fn key(self) -> &'static str {
        match self {
            Self::Relu => "relu",
            Self::Sigmoid => "sigmoid",
            Self::Tanh => "tanh",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.key() == key)
    }
}

impl Preprocess {
    pub const ALL: [Preprocess; 3] = [Self::Unit, Self::Symmetric, Self::Standardize];

    pub fn key(self) -> &'static str {
        match self {
            Self::Unit => "unit",
            Self::Symmetric => "symmetric",
            Self::Standardize => "standardize",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Unit => "x/255",
            Self::Symmetric => "(x/255 − 0.5)/0.5",
            Self::Standardize => "(x/255 − 0.1307)/0.3081",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.key() == key)
    }

    /// What the scaling is, and why one would choose it (shown under the choice).
    pub fn note(self) -> &'static str {
        match self {
            Self::Unit => {
                "As seeds 001 and 003 wrote it (PyTorch's ToTensor()): inputs in [0, 1], mean 0.13.                  Standardizing is the usual improvement."
            }
            Self::Symmetric => "As seed 002 wrote it (Normalize(0.5, 0.5)): inputs in [−1, 1].",
            Self::Standardize => {
                "An improvement on the seeds: MNIST's own mean and standard deviation give every                  input mean 0 and variance 1, so the first layer's gradients are better scaled and                  SGD learns faster (seed 001, one epoch: see the README)."
            }
        }
    }

    /// (mean, std) such that x = (p/255 − mean) / std.
    pub fn mean_std(self) -> (f32, f32) {
        match self {
            Self::Unit => (0.0, 1.0),
            Self::Symmetric => (0.5, 0.5),
            Self::Standardize => (0.1307, 0.3081),
        }
    }

    /// The network input for a raw pixel value.
    pub fn apply(self, pixel: u8) -> f32 {
        let (mean, std) = self.mean_std();
        (f32::from(pixel) / 255.0 - mean) / std
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preprocessing_matches_the_stated_formulas() {
        assert_eq!(Preprocess::Unit.apply(255), 1.0);
        assert_eq!(Preprocess::Symmetric.apply(0), -1.0);
        assert!((Preprocess::Standardize.apply(0) + 0.1307 / 0.3081).abs() < 1e-6);
    }
}
