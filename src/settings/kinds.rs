//! The names of the settings' choices: their URL keys and labels.

use super::Task;
use super::model::{BackendChoice, OptimizerKind};

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
    pub fn key(self) -> &'static str {
        self.spec().key
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.key() == key)
    }
}
