//! The followed head's attention at t: the scaled, masked scores, the softmax's weights, and
//! the weighted sum of the values.

use super::format::{n32, num, p32};
use super::gpt_follow::{
    GptStep, Phase, SHOWN, computed, fill_text, first, line, shown_keys, sub_step, term,
};
use super::gpt_follow_rows::push_key_rows;
use super::linreg_steps::FormulaLine;
use super::nn_text::{largest, plain};
use crate::protocol::gpt_follow::TokenTrace;

fn step(title: &str, summary: String, symbolic: Vec<FormulaLine>) -> GptStep {
    sub_step(Phase::Forward, title.into(), summary, symbolic)
}

pub fn scores(tr: &TokenTrace) -> GptStep {
    let (t, f) = (tr.request.position, &tr.forward);
    let root = (tr.d_k as f64).sqrt();
    let mut s = step(
        "Scores and the causal mask",
        format!(
            "How well the query of t matches each key, scaled by √d_k = {}. Positions after t are the future: their scores are set to {} (Burn fills masked scores with a large negative number, not −∞), so the softmax gives them weight 0.",
            plain(root),
            fill_text(tr.mask_fill)
        ),
        vec![line(
            "scaled dot product, masked",
            r"s_{tj} = \begin{cases}\dfrac{q_t \cdot k_j}{\sqrt{d_k}} & j \le t\\ -10^{4} & j > t\end{cases}",
        )],
    );
    push_key_rows(&mut s, tr, ("s", "forward.scores"), |j| {
        let tex = format!(
            r"s_{{{t},{j}}} = \frac{{q_{{{t}}} \cdot k_{{{j}}}}}{{{}}} = {}",
            num(root),
            n32(f.scores[j])
        );
        (tex, f.scores[j])
    });
    if t + 1 < tr.tokens.len() {
        s.substituted.push(line(
            format!("{} future positions", tr.tokens.len() - t - 1),
            format!(r"s_{{{t},j}} = {} \quad (j > {t})", n32(tr.mask_fill)),
        ));
    }
    s
}

pub fn softmax(tr: &TokenTrace) -> GptStep {
    let (t, f) = (tr.request.position, &tr.forward);
    let mut s = step(
        "Softmax: the attention weights",
        format!(
            "Each score becomes a weight between 0 and 1; the weights of row t sum to 1. This is row t of head {}'s attention map.",
            tr.request.head + 1
        ),
        vec![line(
            "softmax along the row",
            r"a_{tj} = \frac{e^{s_{tj} - m}}{\sum_{k} e^{s_{tk} - m}},\quad m = \max_k s_{tk},\quad \sum_j a_{tj} = 1",
        )],
    );
    let (keys, more) = shown_keys(t);
    let parts: Vec<String> = keys
        .iter()
        .enumerate()
        .flat_map(|(n, &j)| {
            let dots = (more && n == 3).then(|| r"\dots".to_string());
            dots.into_iter().chain(std::iter::once(n32(f.weights[j])))
        })
        .collect();
    let sum: f64 = f.weights.iter().map(|&a| f64::from(a)).sum();
    s.substituted.push(line(
        format!("a_t, j = 0 … {t}"),
        format!(r"a_{{{t}}} = \left[{}\right]", parts.join(r",\ ")),
    ));
    s.substituted.push(line(
        "the masked positions",
        format!(
            r"a_{{{t},j}} = e^{{-10^4 - {}}}/\ldots = 0 \quad (j > {t})",
            p32(f
                .scores
                .iter()
                .take(t + 1)
                .copied()
                .fold(f32::MIN, f32::max))
        ),
    ));
    s.substituted.push(line(
        "the row's sum",
        format!(r"\sum_j a_{{{t},j}} = {}", num(sum)),
    ));
    for &j in &keys {
        s.terms.push(term(
            format!("a[{t},{j}] {}", tr.tokens[j]),
            f.weights[j],
            format!("forward.weights[{j}]"),
            &[j],
        ));
    }
    s.terms.push(computed("Σ a", sum, &[]));
    s
}

pub fn context(tr: &TokenTrace) -> GptStep {
    let (t, c, f) = (tr.request.position, tr.request.col, &tr.forward);
    let mut s = step(
        "The weighted sum of the values",
        format!(
            "Head {}'s output at t mixes the values of the positions it attends to, in proportion to their weights.",
            tr.request.head + 1
        ),
        vec![line("context", r"c_t = \sum_{j \le t} a_{tj}\, v_j")],
    );
    let big = largest(
        &f.weights[..=t]
            .iter()
            .map(|&a| f64::from(a))
            .collect::<Vec<_>>(),
        3,
    );
    let parts: Vec<String> = big
        .iter()
        .map(|&j| format!(r"{} \cdot {}", n32(f.weights[j]), p32(f.v[j][c])))
        .collect();
    let dots = if t + 1 > big.len() { r" + \dots" } else { "" };
    s.substituted = vec![
        line(
            format!("entry c = {c}, the largest weights first"),
            format!(
                r"c_{{{t},{c}}} = {}{dots} = {}",
                parts.join(" + "),
                n32(f.context_head[c])
            ),
        ),
        line(
            format!("c_t, first {SHOWN} of {}", tr.d_k),
            format!(r"c_{{{t}}} = {}", first(&f.context_head, SHOWN)),
        ),
    ];
    for &j in &big {
        s.terms.push(term(
            format!("a[{t},{j}]"),
            f.weights[j],
            format!("forward.weights[{j}]"),
            &[j],
        ));
        s.terms.push(term(
            format!("v_{j}[{c}]"),
            f.v[j][c],
            format!("forward.v[{j}][{c}]"),
            &[j],
        ));
    }
    s.terms.push(term(
        format!("c[{c}]"),
        f.context_head[c],
        format!("forward.context_head[{c}]"),
        &[t],
    ));
    s
}
