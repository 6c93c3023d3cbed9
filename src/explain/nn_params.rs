//! The followed parameters (a kernel tap, one weight and bias per dense layer) and the
//! optimizer's symbolic update rules.

use super::nn_forward::input_targets;
use super::nn_steps::Target;
use super::nn_text::sup;
use crate::protocol::{ParamUpdate, SampleTrace};

/// A followed parameter: its LaTeX name, plain name, JSON key prefix and update.
pub(super) struct Param<'a> {
    pub latex: String,
    pub text: String,
    pub key: String,
    pub update: &'a ParamUpdate,
    pub regularized: bool,
    /// What the parameter connects on the page (its input pixel / neuron, or its tap).
    pub targets: Vec<Target>,
}

pub(super) fn params(t: &SampleTrace) -> Vec<Param<'_>> {
    let mut out = Vec::new();
    if let Some(c) = &t.conv {
        let ((dy, dx), ch) = (c.tap, c.channel);
        out.push(Param {
            latex: format!("K_{{{ch};{dy},{dx}}}"),
            text: format!("K[{ch}][{dy},{dx}]"),
            key: "conv.weight".into(),
            update: &c.weight,
            regularized: true,
            targets: vec![Target::Tap(dy, dx)],
        });
        out.push(Param {
            latex: format!("b^{{K}}_{{{ch}}}"),
            text: format!("bK[{ch}]"),
            key: "conv.bias".into(),
            update: &c.bias,
            regularized: false,
            targets: vec![],
        });
    }
    for (k, l) in t.layers.iter().enumerate() {
        let (j, i, s) = (l.neuron, l.input, sup(k));
        out.push(Param {
            latex: format!("W{s}_{{{j},{i}}}"),
            text: format!("W{}[{j},{i}]", k + 1),
            key: format!("layers[{k}].weight"),
            update: &l.weight,
            regularized: true,
            targets: input_targets(t, k, i),
        });
        out.push(Param {
            latex: format!("b{s}_{{{j}}}"),
            text: format!("b{}[{j}]", k + 1),
            key: format!("layers[{k}].bias"),
            update: &l.bias,
            regularized: false,
            targets: vec![Target::Neuron {
                layer: k,
                neuron: j,
            }],
        });
    }
    out
}
