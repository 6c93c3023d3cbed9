//! The run a session drives: linear regression or MNIST, behind the same controls.

use crate::engine::mnist::MnistTrainer;
use crate::engine::neuron_run::NeuronRun;
use crate::engine::trainer::LinRegTrainer;
use crate::protocol::Hyper;

pub enum Run {
    LinReg(Box<LinRegTrainer>),
    Mnist(Box<MnistTrainer>),
    /// The single neuron: steps only on request (Step, or several at once), never finished.
    Neuron(Box<NeuronRun>),
}

impl Run {
    pub fn step(&mut self) {
        match self {
            Self::LinReg(t) => t.step(),
            Self::Mnist(t) => t.step(),
            Self::Neuron(t) => t.step(),
        }
    }

    pub fn is_finished(&self) -> bool {
        match self {
            Self::LinReg(t) => t.is_finished(),
            Self::Mnist(t) => t.is_finished(),
            Self::Neuron(_) => false,
        }
    }

    pub fn steps_taken(&self) -> u64 {
        match self {
            Self::LinReg(t) => t.steps_taken(),
            Self::Mnist(t) => t.steps_taken(),
            Self::Neuron(t) => t.steps_taken(),
        }
    }

    pub fn total_steps(&self) -> u64 {
        match self {
            Self::LinReg(t) => t.total_steps(),
            Self::Mnist(t) => t.total_steps(),
            Self::Neuron(t) => t.steps_taken(),
        }
    }

    /// 1-based epoch of the next step.
    pub fn epoch(&self) -> usize {
        match self {
            Self::LinReg(t) => t.epoch(),
            Self::Mnist(t) => t.epoch(),
            Self::Neuron(_) => 1,
        }
    }

    pub fn set_hyper(&mut self, hyper: Hyper) {
        match self {
            Self::LinReg(t) => t.set_hyper(hyper),
            Self::Mnist(t) => t.set_hyper(hyper),
            Self::Neuron(t) => t.set_lr(hyper.lr),
        }
    }

    pub fn mnist(&mut self) -> Option<&mut MnistTrainer> {
        match self {
            Self::Mnist(t) => Some(t),
            Self::LinReg(_) | Self::Neuron(_) => None,
        }
    }
}
