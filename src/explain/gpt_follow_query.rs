//! Through the softmax into the query and the followed weight: ∂L/∂s_tj by the softmax's
//! Jacobian, ∂L/∂q_t, and ∂L/∂W_Q[i, c] through the token and in full.

use super::format::{n32, num, p32, paren};
use super::gpt_follow::{GptStep, Phase, SHOWN, computed, first, line, shown_keys, sub_step, term};
use super::gpt_follow_rows::push_key_rows;
use super::linreg_steps::FormulaLine;
use super::nn_text::plain;
use crate::protocol::gpt_follow::TokenTrace;

fn back(title: &str, summary: String, symbolic: Vec<FormulaLine>) -> GptStep {
    sub_step(Phase::Backward, title.into(), summary, symbolic)
}

pub fn d_scores(tr: &TokenTrace) -> GptStep {
    let (t, b, f) = (tr.request.position, &tr.backward, &tr.forward);
    let mean: f64 = (0..=t)
        .map(|j| f64::from(f.weights[j]) * f64::from(b.d_weights[j]))
        .sum();
    let mut s = back(
        "The softmax's Jacobian: ∂L/∂s",
        "Raising one score raises its weight and lowers all the others in the row; the masked scores get gradient 0.".into(),
        vec![line("softmax backward", r"\frac{\partial L}{\partial s_{tj}} = a_{tj}\Big(\frac{\partial L}{\partial a_{tj}} - \sum_k a_{tk}\frac{\partial L}{\partial a_{tk}}\Big)")],
    );
    s.substituted.push(line(
        "the row's weighted mean, computed here",
        format!(
            r"\sum_k a_{{{t},k}} \frac{{\partial L}}{{\partial a_{{{t},k}}}} = {}",
            num(mean)
        ),
    ));
    push_key_rows(&mut s, tr, ("∂L/∂s", "backward.d_scores"), |j| {
        let tex = format!(
            r"\frac{{\partial L}}{{\partial s_{{{t},{j}}}}} = {}\left({} - {}\right) = {}",
            n32(f.weights[j]),
            n32(b.d_weights[j]),
            paren(mean),
            n32(b.d_scores[j])
        );
        (tex, b.d_scores[j])
    });
    s.terms.push(computed("Σ a·∂L/∂a", mean, &[]));
    s
}

pub fn d_q(tr: &TokenTrace) -> GptStep {
    let (t, c, b, f) = (
        tr.request.position,
        tr.request.col,
        &tr.backward,
        &tr.forward,
    );
    let root = (tr.d_k as f64).sqrt();
    let (keys, _) = shown_keys(t);
    let parts: Vec<String> = keys
        .iter()
        .take(2)
        .map(|&j| format!(r"{} \cdot {}", p32(b.d_scores[j]), p32(f.k[j][c])))
        .collect();
    let dots = if t + 1 > 2 { r" + \dots" } else { "" };
    let mut s = back(
        "∂L/∂q: back to the query",
        "The query moves toward the keys whose scores should rise, away from those that should fall.".into(),
        vec![line("s_tj = q_t·k_j/√d_k, so", r"\frac{\partial L}{\partial q_t} = \frac{1}{\sqrt{d_k}} \sum_{j \le t} \frac{\partial L}{\partial s_{tj}}\, k_j")],
    );
    s.substituted = vec![
        line(
            format!("entry c = {c}"),
            format!(
                r"\frac{{\partial L}}{{\partial q_{{{t},{c}}}}} = \frac{{{}{dots}}}{{{}}} = {}",
                parts.join(" + "),
                num(root),
                n32(b.d_q[c])
            ),
        ),
        line(
            format!("first {SHOWN} of {}", tr.d_k),
            format!(
                r"\frac{{\partial L}}{{\partial q_{{{t}}}}} = {}",
                first(&b.d_q, SHOWN)
            ),
        ),
    ];
    s.terms = vec![term(
        format!("∂L/∂q[{c}]"),
        b.d_q[c],
        format!("backward.d_q[{c}]"),
        &[t],
    )];
    s
}

pub fn d_entry(tr: &TokenTrace) -> GptStep {
    let (t, e, f) = (tr.request.position, &tr.entry, &tr.forward);
    let (i, c) = (e.row, tr.request.col);
    let share = if e.grad == 0.0 {
        0.0
    } else {
        f64::from(e.through_token) / f64::from(e.grad)
    };
    let mut s = back(
        &format!("The gradient of W_Q[{i},{}]", e.column),
        format!(
            "The weight is shared by every position of every sequence: the path through this token is one term of the full gradient, which sums {} sequences × {} positions.",
            tr.batch,
            tr.tokens.len()
        ),
        vec![
            line(
                "through the followed token",
                r"\frac{\partial L}{\partial W_Q[i,c]}\Big|_{t} = y_{t,i}\, \frac{\partial L}{\partial q_{t,c}}",
            ),
            line(
                "in full (autodiff)",
                r"\frac{\partial L}{\partial W_Q[i,c]} = \sum_{b}\sum_{t'} y_{bt',i}\, \frac{\partial L}{\partial q_{bt',c}}",
            ),
        ],
    );
    s.substituted = vec![
        line(
            "through t",
            format!(
                r"{} \cdot {} = {}",
                n32(f.ln_1.y[i]),
                p32(tr.backward.d_q[c]),
                n32(e.through_token)
            ),
        ),
        line(
            format!("the whole batch (this token's share: {})", plain(share)),
            format!(
                r"\frac{{\partial L}}{{\partial W_Q[{i},{}]}} = {}",
                e.column,
                n32(e.grad)
            ),
        ),
    ];
    s.terms = vec![
        term(
            format!("y[{i}]"),
            f.ln_1.y[i],
            format!("forward.ln_1.y[{i}]"),
            &[t],
        ),
        term("through t", e.through_token, "entry.through_token", &[t]),
        term("∂L/∂W_Q (batch)", e.grad, "entry.grad", &[]),
    ];
    s
}
