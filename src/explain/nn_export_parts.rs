//! The pieces of the export: one parameter, one dense layer, the convolution; and a lookup
//! of a number by its key.

use super::linreg_math::adam_corrected;
use super::nn_export::{ExportConv, ExportLayer, ExportParam};
use crate::protocol::{ConvTrace, DenseTrace, OptimizerHyper, ParamState, ParamUpdate};

pub(super) fn param(name: String, u: &ParamUpdate, h: &OptimizerHyper) -> ExportParam {
    let (m_hat, v_hat) = match u.state_after {
        ParamState::Adam { t, m, v } => {
            let (m_hat, v_hat) = adam_corrected(h, t, m.into(), v.into());
            (Some(m_hat), Some(v_hat))
        }
        _ => (None, None),
    };
    ExportParam {
        name,
        old: u.theta,
        grad: u.grad,
        new: u.theta_new,
        state_before: u.state_before,
        state_after: u.state_after,
        m_hat,
        v_hat,
    }
}

pub(super) fn layer(k: usize, l: &DenseTrace, h: &OptimizerHyper) -> ExportLayer {
    let (j, i) = (l.neuron, l.input);
    ExportLayer {
        inputs: l.inputs,
        outputs: l.outputs,
        activated: l.activated,
        a_in: l.a_in.clone(),
        z: l.z.clone(),
        a: l.a.clone(),
        delta: l.d_z.clone(),
        d_a_in: l.d_a_in.clone(),
        neuron: j,
        input: i,
        w_row: l.w_row.clone(),
        d_w_row: l.d_w_row.clone(),
        w_col: l.w_col.clone(),
        weight: param(format!("W{}[{j},{i}]", k + 1), &l.weight, h),
        bias: param(format!("b{}[{j}]", k + 1), &l.bias, h),
    }
}

pub(super) fn conv(c: &ConvTrace, h: &OptimizerHyper) -> ExportConv {
    let (ch, (u, v)) = (c.channel, c.tap);
    ExportConv {
        channel: ch,
        kernel: c.kernel,
        position: c.position,
        tap: c.tap,
        z: c.z.clone(),
        a: c.a.clone(),
        pooled: c.pooled.clone(),
        channel_max: c.channel_max.clone(),
        k: c.k.clone(),
        d_k: c.d_k.clone(),
        window: c.window.clone(),
        weight: param(format!("K[{ch}][{u},{v}]"), &c.weight, h),
        bias: param(format!("bK[{ch}]"), &c.bias, h),
        middle: c.middle.clone(),
    }
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
