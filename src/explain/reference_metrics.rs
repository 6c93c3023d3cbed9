//! Cards: accuracy, precision, recall and F1 of one small set of binary predictions.

use super::format::{n32, num};
use super::reference::{FormulaCard, line, plain, plain32};
use crate::protocol::reference::MetricsExample;

pub(super) fn cards(m: &MetricsExample) -> Vec<FormulaCard> {
    let setup = line(
        format!(
            "{} predictions, ŷ = 1 when p ≥ 0.5 (thresholded by Burn)",
            m.probs.len()
        ),
        format!(
            r"\mathrm{{TP}} = {},\ \mathrm{{FP}} = {},\ \mathrm{{FN}} = {},\ \mathrm{{TN}} = {}",
            m.tp, m.fp, m.fn_, m.tn
        ),
    );
    let card = |name, title, sentence: &str, symbolic: &str, substituted: String, value: String| {
        FormulaCard {
            name,
            title,
            sentence: sentence.into(),
            symbolic: vec![line("", symbolic)],
            example: vec![setup.clone(), line("", substituted)],
            value_label: title.to_string(),
            value,
            correction: None,
        }
    };
    let (p, r) = (m.precision, m.recall);
    vec![
        card(
            "accuracy",
            "Accuracy",
            "The fraction of all predictions that are right.",
            r"\text{accuracy} = \frac{\mathrm{TP} + \mathrm{TN}}{\mathrm{TP} + \mathrm{TN} + \mathrm{FP} + \mathrm{FN}}",
            format!(
                r"\text{{accuracy}} = \frac{{{} + {}}}{{{}}} = {}",
                m.tp,
                m.tn,
                m.tp + m.tn + m.fp + m.fn_,
                n32(m.accuracy)
            ),
            plain32(m.accuracy),
        ),
        card(
            "precision",
            "Precision",
            "Of the examples predicted positive, the fraction that are positive.",
            r"\text{precision} = \frac{\mathrm{TP}}{\mathrm{TP} + \mathrm{FP}}",
            format!(
                r"\text{{precision}} = \frac{{{}}}{{{} + {}}} = {}",
                m.tp,
                m.tp,
                m.fp,
                num(p)
            ),
            plain(p),
        ),
        card(
            "recall",
            "Recall",
            "Of the positive examples, the fraction the model found.",
            r"\text{recall} = \frac{\mathrm{TP}}{\mathrm{TP} + \mathrm{FN}}",
            format!(
                r"\text{{recall}} = \frac{{{}}}{{{} + {}}} = {}",
                m.tp,
                m.tp,
                m.fn_,
                num(r)
            ),
            plain(r),
        ),
        card(
            "f1",
            "F1 score",
            "The harmonic mean of precision and recall: high only when both are.",
            r"F_1 = \frac{2\,\text{precision}\cdot\text{recall}}{\text{precision} + \text{recall}}",
            format!(
                r"F_1 = \frac{{2 \cdot {} \cdot {}}}{{{} + {}}} = {}",
                num(p),
                num(r),
                num(p),
                num(r),
                num(m.f1)
            ),
            plain(m.f1),
        ),
    ]
}
