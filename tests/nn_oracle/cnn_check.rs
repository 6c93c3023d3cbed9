//! The CNN of "Follow one sample" against the f64 oracle, on whichever device computed it:
//! the followed channel's z, a and pooled map at every position, each channel's peak, K_c and
//! its window, ∂L/∂K_c, the dense head (its input, z, δ, ∂L/∂a_in, the ∂L/∂W row, both
//! updates), both convolution updates, ∂L/∂x, p, the cross-entropy, the penalty and the loss.
//! Each value to 1e-5 of the size of the terms it is summed from ([`super::assert_close`]),
//! except the first convolution's gradients (∂L/∂K₁, ∂L/∂b₁): each is a sum over 784
//! positions of terms that are themselves sums over f₂·25 taps of conv2 and the 10 logits,
//! and measured at 1.1·10⁻⁵ of that size on both backends in the browser; they are held to
//! the f32 bound of such a chain, γₙ = n·2⁻²⁴ with n = 784 + 25·f₂ + 10 (9.5·10⁻⁵ for f₂ = 32).

use super::cnn::{CnnParams, cnn_oracle};
use super::mlp_check::{check_dense, check_output};
use super::{assert_close, assert_within, check_consistent, check_update};
use ml_playground::protocol::SampleTrace;

/// Every number of the CNN trace `tr` against the oracle run on the model's `params`.
pub fn check_cnn_trace(tr: &SampleTrace, params: &CnnParams) {
    check_consistent(tr);
    let y = usize::from(tr.label);
    let o = cnn_oracle(&tr.x, y, params, tr.l1, tr.l2);
    let chain = (784 + 25 * params.filters[1] + 10) as f64 * 2f64.powi(-24);
    for (p, &raw) in tr.x.iter().zip(&tr.pixels) {
        let expected = (f64::from(raw) / 255.0 - f64::from(tr.mean)) / f64::from(tr.std);
        assert_close("x", f64::from(*p), expected, 1.0);
    }
    let conv = tr.conv.as_ref().expect("the CNN's convolution is traced");
    let c = conv.channel;
    let map = |v: &[f64], side: usize| v[c * side * side..(c + 1) * side * side].to_vec();
    let (z1, size1) = (map(&o.z1.v, 28), map(&o.z1.size, 28));
    for at in 0..784 {
        assert_close("conv z", f64::from(conv.z[at]), z1[at], size1[at]);
        assert_close("conv a", f64::from(conv.a[at]), z1[at].max(0.0), size1[at]);
    }
    let (p1, p1_size) = (map(&o.p1.v, 14), map(&o.p1.size, 14));
    for at in 0..196 {
        assert_close(
            "conv pooled",
            f64::from(conv.pooled[at]),
            p1[at],
            p1_size[at],
        );
    }
    if let Some(w) = &tr.cnn_weights {
        for (at, &v) in w.conv2_in.iter().enumerate() {
            assert_close("conv2 input", f64::from(v), o.p1.v[at], o.p1.size[at]);
        }
    }
    for (ch, &peak) in conv.channel_max.iter().enumerate() {
        let a = &o.a1[ch * 784..(ch + 1) * 784];
        let (at, top) =
            a.iter().enumerate().fold(
                (0, f64::MIN),
                |best, (i, &v)| {
                    if v > best.1 { (i, v) } else { best }
                },
            );
        let size = o.z1.size[ch * 784 + at];
        assert_close("channel peak", f64::from(peak), top, size);
    }
    for t in 0..25 {
        assert_eq!(f64::from(conv.k[t]), params.k1[c * 25 + t], "K_c as shown");
        let (u, v) = (t / 5, t % 5);
        let (r, s) = (conv.position.0 + u, conv.position.1 + v);
        let inside = (2..30).contains(&r) && (2..30).contains(&s);
        let x = if inside {
            tr.x[(r - 2) * 28 + s - 2]
        } else {
            0.0
        };
        assert_eq!(conv.window[t], x, "the window of x under K_c");
        let (g, size) = (o.d_k1.v[c * 25 + t], o.d_k1.size[c * 25 + t]);
        assert_within("∂L/∂K", f64::from(conv.d_k[t]), g, size, chain);
    }
    // The updates: the tap of K_c (with the penalty's gradient) and b_c.
    let tap = c * 25 + conv.tap.0 * 5 + conv.tap.1;
    let k = params.k1[tap];
    let reg = tr.l1 * k.signum() * f64::from(u8::from(k != 0.0)) + 2.0 * tr.l2 * k;
    // check_update holds ∂L/∂θ to 1e-5 of `terms`: the chain's bound, as a size.
    let widen = chain / 1e-5;
    check_update(
        tr,
        &conv.weight,
        o.d_k1.v[tap] + reg,
        o.d_k1.size[tap] * widen,
    );
    check_update(tr, &conv.bias, o.d_b1.v[c], o.d_b1.size[c] * widen);
    // The dense head: its input is conv2's pooled map, summed from the layers below.
    let head = &tr.layers[0];
    for (i, &a) in head.a_in.iter().enumerate() {
        assert_close("head a_in", f64::from(a), o.head.a_in[i], o.p2_size[i]);
    }
    check_dense(tr, 0, head, &o.head, &params.dense.0);
    for (i, &d) in tr.d_x.iter().enumerate() {
        assert_close("∂L/∂x", f64::from(d), o.d_x.v[i], o.d_x.size[i]);
    }
    check_output(tr, &o.probs, o.cross_entropy, o.penalty);
}
