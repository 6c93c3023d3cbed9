//! The network a run trains, chosen by the settings, and the regularization penalty.

use burn::module::{ModuleVisitor, Param};
use burn::prelude::*;

use super::cnn::Cnn;
use super::mlp::Mlp;
use crate::settings::{ModelKind, Settings};

// One classifier exists per run, so the variants' size difference costs nothing; Burn's
// Module derive wants the modules inline.
#[allow(clippy::large_enum_variant)]
#[derive(Module, Debug)]
pub enum Classifier {
    Mlp(Mlp),
    Cnn(Cnn),
}

impl Classifier {
    /// A freshly initialized network for `settings`, drawn from the device's generator.
    pub fn new(settings: &Settings, device: &Device) -> Self {
        match settings.mnist.model {
            ModelKind::Mlp => Self::Mlp(Mlp::new(
                &settings.mnist.hidden,
                settings.mnist.activation,
                device,
            )),
            ModelKind::Cnn => Self::Cnn(Cnn::new(settings.mnist.filters, device)),
        }
    }

    /// # Shapes
    /// - x: `[batch, 784]`
    /// - returns the logits `[batch, 10]`
    pub fn forward(&self, x: Tensor<2>) -> Tensor<2> {
        match self {
            Self::Mlp(m) => m.forward(x),
            Self::Cnn(c) => c.forward(x),
        }
    }

    /// λ₁ Σ|w| + λ₂ Σw² over the weights (not the biases), as part of the graph; None when
    /// both strengths are 0.
    pub fn penalty(&self, l1: f64, l2: f64) -> Option<Tensor<1>> {
        if l1 == 0.0 && l2 == 0.0 {
            return None;
        }
        let mut sum = PenaltySum {
            l1,
            l2,
            total: None,
        };
        self.visit(&mut sum);
        sum.total
    }
}

/// Adds up the penalty of every weight tensor (rank ≥ 2: biases are rank 1).
struct PenaltySum {
    l1: f64,
    l2: f64,
    total: Option<Tensor<1>>,
}

impl ModuleVisitor for PenaltySum {
    fn visit_float<const D: usize>(&mut self, param: &Param<Tensor<D>>) {
        if D < 2 {
            return;
        }
        let w = param.val();
        let term =
            w.clone().abs().sum().mul_scalar(self.l1) + w.powi_scalar(2).sum().mul_scalar(self.l2);
        self.total = Some(match self.total.take() {
            Some(t) => t + term,
            None => term,
        });
    }
}
