//! The formula reference as data: one card per formula — its name, the typeset formula, one
//! sentence, the worked example with Burn's numbers substituted, and, where a commonly
//! published version is wrong, the correction.

use serde::Serialize;

use super::format::num;
use super::linreg_steps::FormulaLine;
use super::{reference_activations, reference_losses, reference_metrics};
use super::{reference_networks, reference_training};
use crate::protocol::reference::WorkedExamples;

/// One formula of the reference.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FormulaCard {
    /// Stable key (`formula-card-{name}` in the page).
    pub name: &'static str,
    pub title: &'static str,
    /// One sentence on what it computes.
    pub sentence: String,
    pub symbolic: Vec<FormulaLine>,
    /// The worked example, with Burn's numbers.
    pub example: Vec<FormulaLine>,
    /// The headline result: what it is (plain text) and its value.
    pub value_label: String,
    pub value: String,
    /// What a commonly published version gets wrong, and the right answer.
    pub correction: Option<String>,
}

/// A section of the page.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CardGroup {
    pub title: &'static str,
    pub cards: Vec<FormulaCard>,
}

/// Every card, in sections, from the worked examples.
pub fn card_groups(e: &WorkedExamples) -> Vec<CardGroup> {
    let mut groups = vec![
        CardGroup {
            title: "The single neuron and the losses",
            cards: reference_losses::cards(e),
        },
        CardGroup {
            title: "Activations",
            cards: reference_activations::cards(&e.activations, &e.softmax),
        },
        CardGroup {
            title: "Layers and backpropagation",
            cards: reference_networks::cards(e),
        },
        CardGroup {
            title: "Optimization and regularization",
            cards: reference_training::cards(e),
        },
        CardGroup {
            title: "Classification metrics",
            cards: reference_metrics::cards(&e.metrics),
        },
    ];
    if let Some(tr) = &e.transformer {
        groups.push(super::reference_gpt::transformer_group(
            tr,
            super::reference_gpt::FRESH,
        ));
    }
    groups
}

pub(super) use super::linreg_steps::line;

/// A number as plain text for the headline value: 4 significant digits, `1.234e-5` when tiny.
pub fn plain(x: f64) -> String {
    let latex = num(x);
    if latex.contains(r"\times") || !x.is_finite() {
        format!("{x:.3e}")
    } else {
        latex
    }
}

/// [`plain`] of an `f32`.
pub fn plain32(x: f32) -> String {
    plain(f64::from(x))
}

/// Element `i`, or NaN if the readback was short (never panics).
pub(super) fn at(values: &[f32], i: usize) -> f32 {
    values.get(i).copied().unwrap_or(f32::NAN)
}
