//! A trace checked against itself: each formula recomputed in f64 from the trace's own
//! inputs to that formula (works on any device, where the model's weights are not at hand).

use ml_playground::protocol::SampleTrace;

use super::{act, assert_close, check_update};

/// Every relation the panel states holds between the trace's numbers.
pub fn check_consistent(tr: &SampleTrace) {
    let y = usize::from(tr.label);
    let logits = &tr.layers.last().expect("an output layer").z;
    let top = logits.iter().fold(f32::NEG_INFINITY, |m, &z| m.max(z));
    let exp: Vec<f64> = logits.iter().map(|&z| f64::from(z - top).exp()).collect();
    let sum: f64 = exp.iter().sum();
    for (k, e) in exp.iter().enumerate() {
        assert_close("softmax", f64::from(tr.probs[k]), e / sum, 1.0);
    }
    assert_close(
        "−log p_y",
        f64::from(tr.cross_entropy),
        -f64::from(tr.probs[y]).ln(),
        1.0,
    );
    let out = tr.layers.last().unwrap();
    for (k, d) in out.d_z.iter().enumerate() {
        let onehot = f64::from(u8::from(k == y));
        assert_close(
            "δ_out = p − onehot",
            f64::from(*d),
            f64::from(tr.probs[k]) - onehot,
            1.0,
        );
    }
    for (k, l) in tr.layers.iter().enumerate() {
        let (j, i) = (l.neuron, l.input);
        let terms: Vec<f64> = l
            .w_row
            .iter()
            .zip(&l.a_in)
            .map(|(w, a)| f64::from(*w) * f64::from(*a))
            .collect();
        let b = f64::from(l.bias.theta);
        let scale = terms.iter().map(|t| t.abs()).sum::<f64>() + b.abs();
        assert_close(
            "z_j = W_j·a + b_j",
            f64::from(l.z[j]),
            terms.iter().sum::<f64>() + b,
            scale,
        );
        if l.activated {
            assert_close(
                "a_j = act(z_j)",
                f64::from(l.a[j]),
                act(tr.activation, f64::from(l.z[j])).0,
                1.0,
            );
        }
        let d_scale = l.d_z.iter().fold(0.0f64, |m, d| m.max(f64::from(d.abs())));
        for (i2, (g, a)) in l.d_w_row.iter().zip(&l.a_in).enumerate() {
            let w = f64::from(l.w_row[i2]);
            let reg = tr.l1 * w.signum() * f64::from(u8::from(w != 0.0)) + 2.0 * tr.l2 * w;
            let expected = f64::from(l.d_z[j]) * f64::from(*a) + reg;
            assert_close("∂L/∂W_ji = δ_j a_i", f64::from(*g), expected, d_scale);
        }
        let products: Vec<f64> = l
            .w_col
            .iter()
            .zip(&l.d_z)
            .map(|(w, d)| f64::from(*w) * f64::from(*d))
            .collect();
        let scale = products.iter().map(|p| p.abs()).sum::<f64>();
        assert_close(
            "(Wᵀδ)_i",
            f64::from(l.d_a_in[i]),
            products.iter().sum(),
            scale,
        );
        check_update(tr, &l.weight, f64::from(l.d_w_row[i]), 0.0);
        check_update(tr, &l.bias, f64::from(l.d_z[j]), 0.0);
        if k > 0 {
            let prev = &tr.layers[k - 1];
            for (u, (&d_a, &z)) in l.d_a_in.iter().zip(&prev.z).enumerate() {
                let expected = f64::from(d_a) * act(tr.activation, f64::from(z)).1;
                assert_close(
                    "δ = ∂L/∂a ⊙ act'(z)",
                    f64::from(prev.d_z[u]),
                    expected,
                    d_scale.max(f64::from(d_a.abs())),
                );
            }
        }
    }
    if tr.conv.is_none() {
        for (a, b) in tr.d_x.iter().zip(&tr.layers[0].d_a_in) {
            assert_eq!(a, b, "∂L/∂x is the first layer's ∂L/∂a_in");
        }
    }
}
