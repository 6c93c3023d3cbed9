//! The forward sub-steps of "follow one token" up to the followed head's inputs: embedding and
//! position, LayerNorm₁, the head's query, keys and values.

use super::format::{n32, p32};
use super::gpt_follow::{GptStep, Phase, SHOWN, first, line, shown_keys, sub_step, term};
use super::linreg_steps::FormulaLine;
use crate::protocol::gpt_follow::TokenTrace;

fn step(title: &str, summary: String, symbolic: Vec<FormulaLine>) -> GptStep {
    sub_step(Phase::Forward, title.into(), summary, symbolic)
}

pub fn embedding(tr: &TokenTrace) -> GptStep {
    let (t, f) = (tr.request.position, &tr.forward);
    let token = &tr.tokens[t];
    let mut s = step(
        "Embedding + position",
        format!(
            "Token {} (id {}) at position t = {t} becomes a vector of {} numbers: its row of the token table plus row t of the position table.",
            token, tr.ids[t], tr.d_model
        ),
        vec![line(
            "input vector",
            r"x^{0}_t = E_{\text{tok}}[\mathrm{id}_t] + E_{\text{pos}}[t]",
        )],
    );
    s.substituted.push(line(
        format!(
            "{token} at t = {t}, first {SHOWN} of {} numbers",
            tr.d_model
        ),
        format!(
            r"x^{{0}}_{{{t}}} = {} + {} = {}",
            first(&f.e_tok, SHOWN),
            first(&f.e_pos, SHOWN),
            first(&f.x0, SHOWN)
        ),
    ));
    for i in 0..2.min(tr.d_model) {
        s.terms.push(term(
            format!("E_tok[{}][{i}]", tr.ids[t]),
            f.e_tok[i],
            format!("forward.e_tok[{i}]"),
            &[t],
        ));
        s.terms.push(term(
            format!("E_pos[{t}][{i}]"),
            f.e_pos[i],
            format!("forward.e_pos[{i}]"),
            &[t],
        ));
        s.terms.push(term(
            format!("x⁰[{i}]"),
            f.x0[i],
            format!("forward.x0[{i}]"),
            &[t],
        ));
    }
    s
}

pub fn layer_norm(tr: &TokenTrace) -> GptStep {
    let (t, l, n) = (tr.request.position, tr.request.layer + 1, &tr.forward.ln_1);
    let i = tr.request.row;
    let from = if l == 1 {
        "the embedding".to_string()
    } else {
        format!("block {}'s output", l - 1)
    };
    let mut s = step(
        &format!("LayerNorm₁ of block {l}"),
        format!(
            "The block's input at t (from {from}) is centred and scaled to unit variance, then stretched by γ and shifted by β, learned per dimension."
        ),
        vec![
            line(
                "mean and biased variance",
                r"\mu = \frac{1}{d}\sum_i x_i,\quad \sigma^2 = \frac{1}{d}\sum_i (x_i-\mu)^2",
            ),
            line(
                "normalized, scaled, shifted",
                r"\hat{x}_i = \frac{x_i-\mu}{\sqrt{\sigma^2+\varepsilon}},\quad y_i = \gamma_i\,\hat{x}_i + \beta_i,\ \varepsilon = 10^{-5}",
            ),
        ],
    );
    s.substituted = vec![
        line(
            format!("the block's input at t, first {SHOWN}"),
            format!(r"x = {}", first(&n.x, SHOWN)),
        ),
        line(
            "",
            format!(r"\mu = {},\quad \sigma^2 = {}", n32(n.mu), n32(n.var)),
        ),
        line(
            format!("dimension i = {i}"),
            format!(
                r"\hat{{x}}_{{{i}}} = \frac{{{} - {}}}{{\sqrt{{{} + 10^{{-5}}}}}} = {},\quad y_{{{i}}} = {} \cdot {} + {} = {}",
                n32(n.x[i]),
                p32(n.mu),
                n32(n.var),
                n32(n.x_hat[i]),
                n32(n.gamma[i]),
                p32(n.x_hat[i]),
                p32(n.beta[i]),
                n32(n.y[i])
            ),
        ),
    ];
    s.terms = vec![
        term("μ", n.mu, "forward.ln_1.mu", &[t]),
        term("σ²", n.var, "forward.ln_1.var", &[t]),
        term(
            format!("x[{i}]"),
            n.x[i],
            format!("forward.ln_1.x[{i}]"),
            &[t],
        ),
        term(
            format!("x̂[{i}]"),
            n.x_hat[i],
            format!("forward.ln_1.x_hat[{i}]"),
            &[t],
        ),
        term(
            format!("γ[{i}]"),
            n.gamma[i],
            format!("forward.ln_1.gamma[{i}]"),
            &[],
        ),
        term(
            format!("β[{i}]"),
            n.beta[i],
            format!("forward.ln_1.beta[{i}]"),
            &[],
        ),
        term(
            format!("y[{i}]"),
            n.y[i],
            format!("forward.ln_1.y[{i}]"),
            &[t],
        ),
    ];
    s
}

pub fn qkv(tr: &TokenTrace) -> GptStep {
    let (t, h, c) = (tr.request.position, tr.request.head + 1, tr.request.col);
    let f = &tr.forward;
    let w = &tr.head_weights;
    let y = &f.ln_1.y;
    let mut s = step(
        &format!("Head {h}: query, keys, values"),
        format!(
            "Head {h} reads d_k = {} of the {} columns of W_Q, W_K, W_V: the query of position t, and a key and a value for every position j ≤ t.",
            tr.d_k, tr.d_model
        ),
        vec![line(
            format!("head {h}'s slices"),
            r"q_t = y_t W_Q^{(h)} + b_Q^{(h)},\quad k_j = y_j W_K^{(h)} + b_K^{(h)},\quad v_j = y_j W_V^{(h)} + b_V^{(h)}",
        )],
    );
    let terms: Vec<String> = (0..3.min(tr.d_model))
        .map(|i| format!(r"{} \cdot {}", p32(y[i]), p32(w.w_q[i][c])))
        .collect();
    s.substituted = vec![
        line(
            format!("q_t, first {SHOWN} of {}", tr.d_k),
            format!(r"q_{{{t}}} = {}", first(&f.q, SHOWN)),
        ),
        line(
            format!("its entry c = {c}"),
            format!(
                r"q_{{{t},{c}}} = {} + \dots + {} = {}",
                terms.join(" + "),
                p32(w.b_q[c]),
                n32(f.q[c])
            ),
        ),
    ];
    for j in shown_keys(t).0.into_iter().rev().take(2) {
        s.substituted.push(line(
            format!("key and value of {} (j = {j})", tr.tokens[j]),
            format!(
                r"k_{{{j}}} = {},\quad v_{{{j}}} = {}",
                first(&f.k[j], 4),
                first(&f.v[j], 4)
            ),
        ));
    }
    s.terms = vec![
        term(format!("q[{c}]"), f.q[c], format!("forward.q[{c}]"), &[t]),
        term(
            format!("b_Q[{c}]"),
            w.b_q[c],
            format!("head_weights.b_q[{c}]"),
            &[],
        ),
        term(
            format!("W_Q[0,{c}]"),
            w.w_q[0][c],
            format!("head_weights.w_q[0][{c}]"),
            &[],
        ),
        term(
            format!("k_{t}[0]"),
            f.k[t][0],
            format!("forward.k[{t}][0]"),
            &[t],
        ),
        term(
            format!("v_{t}[0]"),
            f.v[t][0],
            format!("forward.v[{t}][0]"),
            &[t],
        ),
    ];
    s
}
