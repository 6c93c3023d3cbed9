//! The MLP of "Follow one sample" against the f64 oracle, on whichever device computed it:
//! x from the pixels, every layer's z, a, δ, ∂L/∂a_in, the focused ∂L/∂W row, the W row and
//! column shown, both updates, ∂L/∂x, p, the cross-entropy, the penalty and the loss.

use super::{assert_close, check_consistent, check_update, mlp_oracle};
use ml_playground::protocol::{DenseTrace, SampleTrace};

use super::OracleLayer;

/// A dense layer's (W as `[inputs][outputs]`, b) in f64 from its values as read back.
pub fn dense_rows(dims: [usize; 2], w: &[f32], b: &[f32]) -> (Vec<Vec<f64>>, Vec<f64>) {
    let [inputs, outputs] = dims;
    let rows = (0..inputs)
        .map(|i| {
            (0..outputs)
                .map(|j| f64::from(w[i * outputs + j]))
                .collect()
        })
        .collect();
    (rows, b.iter().map(|&v| f64::from(v)).collect())
}

/// Every number of the trace `tr` against the oracle run on the model's dense `params`.
pub fn check_mlp_trace(tr: &SampleTrace, params: &[(Vec<Vec<f64>>, Vec<f64>)]) {
    check_consistent(tr);
    let o = mlp_oracle(tr, params);
    for (p, &raw) in tr.x.iter().zip(&tr.pixels) {
        let expected = (f64::from(raw) / 255.0 - f64::from(tr.mean)) / f64::from(tr.std);
        assert_close("x", f64::from(*p), expected, 1.0);
    }
    for (k, (layer, ol)) in tr.layers.iter().zip(&o.layers).enumerate() {
        check_dense(tr, k, layer, ol, &params[k].0);
    }
    for (i, &d) in tr.d_x.iter().enumerate() {
        assert_close(
            "∂L/∂x",
            f64::from(d),
            o.layers[0].d_a_in[i],
            o.layers[0].d_a_in_scale[i],
        );
    }
    check_output(tr, &o.probs, o.cross_entropy, o.penalty);
}

/// Dense layer `k` of the trace against the oracle's `ol` (with W `[inputs][outputs]`): every
/// z, a, δ and ∂L/∂a_in, the focused ∂L/∂W row, the W row and column shown, both updates.
pub fn check_dense(
    tr: &SampleTrace,
    k: usize,
    layer: &DenseTrace,
    ol: &OracleLayer,
    w: &[Vec<f64>],
) {
    let name = |what: &str| format!("layer {k} {what}");
    for j in 0..layer.outputs {
        assert_close(&name("z"), f64::from(layer.z[j]), ol.z[j], ol.z_scale[j]);
        assert_close(&name("a"), f64::from(layer.a[j]), ol.a[j], ol.z_scale[j]);
        assert_close(
            &name("δ"),
            f64::from(layer.d_z[j]),
            ol.delta[j],
            ol.delta_scale,
        );
    }
    for i in 0..layer.inputs {
        assert_close(
            &name("∂L/∂a_in"),
            f64::from(layer.d_a_in[i]),
            ol.d_a_in[i],
            ol.d_a_in_scale[i],
        );
        let g = ol.d_w(w, layer.neuron, i, tr.l1, tr.l2);
        assert_close(
            &name("∂L/∂W row"),
            f64::from(layer.d_w_row[i]),
            g,
            ol.delta_scale,
        );
        assert_eq!(layer.w_row[i] as f64, w[i][layer.neuron], "W row");
    }
    for (shown, &w_ij) in layer.w_col.iter().zip(&w[layer.input]) {
        assert_eq!(f64::from(*shown), w_ij, "W column");
    }
    assert_eq!(layer.w_col.len(), layer.outputs, "W column");
    check_update(
        tr,
        &layer.weight,
        ol.d_w(w, layer.neuron, layer.input, tr.l1, tr.l2),
        ol.delta_scale * ol.a_in[layer.input].abs(),
    );
    check_update(tr, &layer.bias, ol.delta[layer.neuron], ol.delta_scale);
}

/// p, the cross-entropy, the penalty and the loss against the oracle's.
pub fn check_output(tr: &SampleTrace, probs: &[f64], cross_entropy: f64, penalty: f64) {
    for (p, q) in tr.probs.iter().zip(probs) {
        assert_close("p", f64::from(*p), *q, 1.0);
    }
    assert_close(
        "cross-entropy",
        f64::from(tr.cross_entropy),
        cross_entropy,
        1.0,
    );
    assert_close(
        "penalty",
        f64::from(tr.penalty),
        penalty,
        penalty.max(1e-12),
    );
    assert_close("loss", f64::from(tr.loss), cross_entropy + penalty, 1.0);
}
