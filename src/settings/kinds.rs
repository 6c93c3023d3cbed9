//! The names of the settings' choices: their URL keys and labels.

use super::model::{BackendChoice, OptimizerKind, Task};

impl OptimizerKind {
    pub const ALL: [OptimizerKind; 3] = [Self::Sgd, Self::Momentum, Self::Adam];

    pub fn key(self) -> &'static str {
        match self {
            Self::Sgd => "sgd",
            Self::Momentum => "momentum",
            Self::Adam => "adam",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Sgd => "SGD",
            Self::Momentum => "SGD + momentum",
            Self::Adam => "Adam",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|o| o.key() == key)
    }
}

impl BackendChoice {
    pub const ALL: [BackendChoice; 3] = [Self::Auto, Self::WebGpu, Self::Cpu];

    pub fn key(self) -> &'static str {
        match self {
            Self::Auto => "auto",
            Self::WebGpu => "webgpu",
            Self::Cpu => "cpu",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|o| o.key() == key)
    }
}

impl Task {
    pub const ALL: [Task; 4] = [
        Self::LinearRegression,
        Self::Neuron,
        Self::Mnist,
        Self::Formulas,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Self::LinearRegression => "linreg",
            Self::Mnist => "mnist",
            Self::Neuron => "neuron",
            Self::Formulas => "formulas",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.key() == key)
    }
}
