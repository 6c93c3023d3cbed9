//! What the export derives from the trace: each followed parameter's name and Adam's
//! bias-corrected moments, the penalty's terms; and a lookup of a number by its key.

use super::linreg_math::adam_corrected;
use serde::Serialize;

use super::nn_export::Followed;
use crate::protocol::{OptimizerHyper, ParamState, ParamUpdate, SampleTrace};

/// A followed parameter `name` at `at`, with Adam's m̂ and v̂ after its update.
pub(super) fn one(at: String, name: String, u: &ParamUpdate, h: &OptimizerHyper) -> Followed {
    let (m_hat, v_hat) = match u.state_after {
        ParamState::Adam { t, m, v } => {
            let (m_hat, v_hat) = adam_corrected(h, t, m.into(), v.into());
            (Some(m_hat), Some(v_hat))
        }
        _ => (None, None),
    };
    Followed {
        at,
        name,
        m_hat,
        v_hat,
    }
}

/// The followed parameters in the document's order: the convolution's tap and bias, then
/// each dense layer's weight and bias.
pub(super) fn followed(t: &SampleTrace) -> Vec<Followed> {
    let h = &t.optimizer;
    let mut all = Vec::new();
    if let Some(c) = &t.conv {
        let (ch, (u, v)) = (c.channel, c.tap);
        all.push(one(
            "conv.weight".into(),
            format!("K[{ch}][{u},{v}]"),
            &c.weight,
            h,
        ));
        all.push(one("conv.bias".into(), format!("bK[{ch}]"), &c.bias, h));
    }
    for (k, l) in t.layers.iter().enumerate() {
        let (j, i, n) = (l.neuron, l.input, k + 1);
        all.push(one(
            format!("layers[{k}].weight"),
            format!("W{n}[{j},{i}]"),
            &l.weight,
            h,
        ));
        all.push(one(
            format!("layers[{k}].bias"),
            format!("b{n}[{j}]"),
            &l.bias,
            h,
        ));
    }
    all
}

/// One weight tensor's share of the penalty λ₁Σ|W| + λ₂ΣW² (biases are not penalized),
/// summed in f64 from the f32 weights in the document.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PenaltyTerm {
    /// Where its weights are in the document, e.g. "layers[0].w_full".
    pub weights: String,
    pub count: usize,
    pub sum_abs: f64,
    pub sum_sq: f64,
}

fn term(weights: &str, w: &[f32]) -> PenaltyTerm {
    let wide = w.iter().map(|&v| f64::from(v));
    PenaltyTerm {
        weights: weights.to_string(),
        count: w.len(),
        sum_abs: wide.clone().map(f64::abs).sum(),
        sum_sq: wide.map(|v| v * v).sum(),
    }
}

/// The penalty's terms: the CNN's kernels, then each dense layer's W.
pub(super) fn penalty_terms(t: &SampleTrace) -> Vec<PenaltyTerm> {
    let mut all = Vec::new();
    if let Some(c) = &t.cnn_weights {
        all.push(term("cnn_weights.conv1_k", &c.conv1_k));
        all.push(term("cnn_weights.conv2_k", &c.conv2_k));
    }
    for (k, l) in t.layers.iter().enumerate() {
        all.push(term(&format!("layers[{k}].w_full"), &l.w_full));
    }
    all
}

/// The number at `key` ("layers[0].z[3]", "output.loss") in an exported document.
pub fn lookup(doc: &serde_json::Value, key: &str) -> Option<f64> {
    let mut v = doc;
    for part in key.split('.') {
        let (name, index) = match part.split_once('[') {
            Some((name, rest)) => (
                name,
                Some(rest.trim_end_matches(']').parse::<usize>().ok()?),
            ),
            None => (part, None),
        };
        v = v.get(name)?;
        if let Some(i) = index {
            v = v.get(i)?;
        }
    }
    v.as_f64()
}
