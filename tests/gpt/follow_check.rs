//! The followed token's numbers against the oracle's (shared by the native and the browser
//! tests): ≤ 1e-4 of each vector's scale, single entries of the gradient of their tensor's.

use ml_playground::protocol::gpt_follow::TokenTrace;

use super::oracle::Followed;

/// |got − want| ≤ 1e-4 · `scale`.
pub fn close_to(what: &str, got: f32, want: f64, scale: f64) {
    let e = (f64::from(got) - want).abs() / scale.max(1e-30);
    assert!(
        e < 1e-4,
        "{what}: Burn {got}, oracle {want} (error {e:e} of the scale)"
    );
}

/// |got − want| ≤ 1e-4 · max(1, the largest |want|) element by element.
pub fn close(what: &str, got: &[f32], want: &[f64]) {
    assert_eq!(got.len(), want.len(), "{what}: lengths");
    let scale = want.iter().fold(1e-30_f64, |m, x| m.max(x.abs()));
    for (i, (g, w)) in got.iter().zip(want).enumerate() {
        let e = (f64::from(*g) - w).abs() / scale;
        assert!(
            e < 1e-4,
            "{what}[{i}]: Burn {g}, oracle {w} (error {e:e} of the scale)"
        );
    }
}

fn values(p: &[(f64, f64)]) -> Vec<f64> {
    p.iter().map(|x| x.0).collect()
}

fn grads(p: &[(f64, f64)]) -> Vec<f64> {
    p.iter().map(|x| x.1).collect()
}

/// The trace's numbers against the oracle's for the same parameters and batch.
/// `w_q_grad`: the oracle's ∂L/∂W_Q of the followed block, row-major `[d_model][d_model]`.
pub fn check(tr: &TokenTrace, o: &Followed, oracle_loss: f64, w_q_grad: &[f64]) {
    // A single entry is compared relative to its tensor's scale (the size of the summed terms).
    let g_scale = w_q_grad.iter().fold(1e-30_f64, |m, x| m.max(x.abs()));
    let w_q_grad = w_q_grad[tr.entry.row * tr.d_model + tr.entry.column];
    let (t, f, bw) = (tr.request.position, &tr.forward, &tr.backward);
    close("LN₁(x)_t", &f.ln_1.y, &values(&o.ln_1));
    close("q_t", &f.q, &values(&o.q));
    assert_eq!(
        (f.k.len(), f.v.len()),
        (t + 1, t + 1),
        "a key and a value for each j ≤ t"
    );
    for (j, (k, v)) in o.k.iter().zip(&o.v).enumerate() {
        close(&format!("k_{j}"), &f.k[j], &values(k));
        close(&format!("v_{j}"), &f.v[j], &values(v));
    }
    close("s_t (j ≤ t)", &f.scores[..=t], &values(&o.s));
    assert!(f.scores[t + 1..].iter().all(|&s| s == tr.mask_fill));
    close("a_t (j ≤ t)", &f.weights[..=t], &values(&o.a));
    assert!(
        f.weights[t + 1..].iter().all(|&a| a == 0.0),
        "masked weights are 0"
    );
    let sum: f32 = f.weights.iter().sum();
    assert!((sum - 1.0).abs() < 1e-5, "a row sums to {sum}");
    close("c_t", &f.context_head, &values(&o.c));
    close("o_t", &f.attention_out, &values(&o.o));
    close("z_t", &f.logits, &values(&o.z));
    assert!((f64::from(f.loss) - oracle_loss).abs() < 1e-5 * oracle_loss);
    close("∂L/∂z_t", &bw.d_logits, &grads(&o.z));
    close("∂L/∂o_t", &bw.d_attention_out, &grads(&o.o));
    close("∂L/∂c_t", &bw.d_context_head, &grads(&o.c));
    close("∂L/∂a_t", &bw.d_weights[..=t], &grads(&o.a));
    close("∂L/∂s_t", &bw.d_scores[..=t], &grads(&o.s));
    close("∂L/∂q_t", &bw.d_q, &grads(&o.q));
    let e = &tr.entry;
    let through = o.ln_1[e.row].0 * o.q[tr.request.col].1;
    close_to("through the token", e.through_token, through, g_scale);
    close_to("∂L/∂W_Q entry", e.grad, w_q_grad, g_scale);
    // AdamW from the trace's own g and moments, in f64.
    let (b1, b2) = (f64::from(e.beta_1), f64::from(e.beta_2));
    let g = f64::from(e.grad);
    let m = b1 * f64::from(e.m_before) + (1.0 - b1) * g;
    let v = b2 * f64::from(e.v_before) + (1.0 - b2) * g * g;
    close_to("m", e.m, m, g_scale.max(f64::from(e.m_before).abs()));
    close_to("v", e.v, v, (g_scale * g_scale).max(f64::from(e.v_before)));
    let ti = e.t as i32;
    let (m_hat, v_hat) = (m / (1.0 - b1.powi(ti)), v / (1.0 - b2.powi(ti)));
    let theta = f64::from(e.theta);
    let new = theta * (1.0 - e.lr * f64::from(e.weight_decay))
        - e.lr * m_hat / (v_hat.sqrt() + f64::from(e.epsilon));
    // Conditioned on Burn's g (Adam divides by |g| + ε): relative to the step's size.
    close_to(
        "θ_new",
        e.theta_new,
        new,
        (new - theta).abs().max(1e-3 * theta.abs()),
    );
}
