//! The backward sub-steps of "follow one token" from the loss into the followed head: ∂L/∂z_t,
//! ∂L/∂o_t (autodiff through the layers above), ∂L/∂c_t through W_O, ∂L/∂a_tj.

use super::format::{n32, p32};
use super::gpt_follow::{GptStep, Phase, SHOWN, computed, first, line, sub_step, term, tex_token};
use super::gpt_follow_rows::push_key_rows;
use super::linreg_steps::FormulaLine;
use crate::protocol::gpt_follow::TokenTrace;

/// "block 3" or "blocks 2 … 4": the blocks after block `l` (1-based) of `layers`.
pub fn blocks_above(l: usize, layers: usize) -> String {
    if l + 1 == layers {
        format!("block {layers}")
    } else {
        format!("blocks {} … {layers}", l + 1)
    }
}

fn back(title: &str, summary: String, symbolic: Vec<FormulaLine>) -> GptStep {
    sub_step(Phase::Backward, title.into(), summary, symbolic)
}

pub fn d_logits(tr: &TokenTrace) -> GptStep {
    let (t, f, b) = (tr.request.position, &tr.forward, &tr.backward);
    let y = tr.target as usize;
    let w = if tr.counts { "1" } else { "0" };
    let mut s = back(
        "Backward: ∂L/∂z",
        format!(
            "The gradient of the loss with respect to the logits at t: the probabilities minus 1 at the target, divided by N = {} (w_t = {w}). From here on every number is Burn's autodiff.",
            tr.counted
        ),
        vec![line(
            "softmax with cross-entropy",
            r"\frac{\partial L}{\partial z_t} = \frac{w_t}{N}\left(p_t - \mathrm{onehot}(y_t)\right)",
        )],
    );
    let other = (0..tr.vocab.len()).find(|&k| k != y).unwrap_or(y);
    s.substituted = vec![
        line(
            format!("the target {}", tr.vocab[y]),
            format!(
                r"\frac{{\partial L}}{{\partial z_{{{t}}}[{}]}} = \frac{{{w}}}{{{}}}\left({} - 1\right) = {}",
                tex_token(&tr.vocab[y]),
                tr.counted,
                n32(f.probs[y]),
                n32(b.d_logits[y])
            ),
        ),
        line(
            format!("another token, {}", tr.vocab[other]),
            format!(
                r"\frac{{\partial L}}{{\partial z_{{{t}}}[{}]}} = \frac{{{w}}}{{{}}}\cdot {} = {}",
                tex_token(&tr.vocab[other]),
                tr.counted,
                n32(f.probs[other]),
                n32(b.d_logits[other])
            ),
        ),
    ];
    s.terms = vec![
        term(
            format!("∂L/∂z[{}]", tr.vocab[y]),
            b.d_logits[y],
            format!("backward.d_logits[{y}]"),
            &[t],
        ),
        term(
            format!("∂L/∂z[{}]", tr.vocab[other]),
            b.d_logits[other],
            format!("backward.d_logits[{other}]"),
            &[t],
        ),
    ];
    s
}

pub fn d_attention_out(tr: &TokenTrace) -> GptStep {
    let (t, b, l) = (tr.request.position, &tr.backward, tr.request.layer + 1);
    let paths = if l < tr.layers {
        format!(
            "Autodiff carries it back through W_head, LN_f, {} and this block's FFN. Through the blocks above, o_t also feeds later positions, so this sums their losses' gradients too.",
            blocks_above(l, tr.layers)
        )
    } else {
        "Autodiff carries it back through W_head, LN_f and this block's FFN; the residual passes it on unchanged as well. In the last block, o_t reaches only position t's logits.".into()
    };
    let mut s = back(
        "Back to the attention output",
        paths,
        vec![line(
            "the residual h_t = x_t + o_t",
            r"\frac{\partial L}{\partial o_t} = \frac{\partial L}{\partial h_t}",
        )],
    );
    s.substituted = vec![line(
        format!("first {SHOWN} of {}", tr.d_model),
        format!(
            r"\frac{{\partial L}}{{\partial o_{{{t}}}}} = {}",
            first(&b.d_attention_out, SHOWN)
        ),
    )];
    for i in 0..2.min(tr.d_model) {
        s.terms.push(term(
            format!("∂L/∂o[{i}]"),
            b.d_attention_out[i],
            format!("backward.d_attention_out[{i}]"),
            &[t],
        ));
    }
    s
}

pub fn d_context(tr: &TokenTrace) -> GptStep {
    let (t, c, b) = (tr.request.position, tr.request.col, &tr.backward);
    let w_o = &tr.head_weights.w_o[c];
    let sum: f64 = b
        .d_attention_out
        .iter()
        .zip(w_o)
        .map(|(&g, &w)| f64::from(g) * f64::from(w))
        .sum();
    let parts: Vec<String> = (0..2.min(tr.d_model))
        .map(|e| format!(r"{} \cdot {}", p32(b.d_attention_out[e]), p32(w_o[e])))
        .collect();
    let mut s = back(
        &format!("Into head {}: ∂L/∂c", tr.request.head + 1),
        format!(
            "Back through W_O, only the rows of head {} ({} of {}).",
            tr.request.head + 1,
            tr.d_k,
            tr.d_model
        ),
        vec![line(
            "through the projection",
            r"\frac{\partial L}{\partial c_t} = \frac{\partial L}{\partial o_t}\, \big(W_O^{(h)}\big)^{\top}",
        )],
    );
    s.substituted = vec![
        line(
            format!("entry c = {c}"),
            format!(
                r"\frac{{\partial L}}{{\partial c_{{{t},{c}}}}} = {} + \dots = {}",
                parts.join(" + "),
                n32(b.d_context_head[c])
            ),
        ),
        line(
            format!("first {SHOWN} of {}", tr.d_k),
            format!(
                r"\frac{{\partial L}}{{\partial c_{{{t}}}}} = {}",
                first(&b.d_context_head, SHOWN)
            ),
        ),
    ];
    s.terms = vec![
        term(
            format!("∂L/∂c[{c}]"),
            b.d_context_head[c],
            format!("backward.d_context_head[{c}]"),
            &[t],
        ),
        computed(format!("Σ ∂L/∂o·W_O[{c},·] (here)"), sum, &[t]),
    ];
    s
}

pub fn d_weights(tr: &TokenTrace) -> GptStep {
    let (t, b, f) = (tr.request.position, &tr.backward, &tr.forward);
    let mut s = back(
        "∂L/∂a: how each weight should move",
        "A weight's gradient is how well its value vector lines up with the gradient of the context.".into(),
        vec![line("c_t = Σ a_tj v_j, so", r"\frac{\partial L}{\partial a_{tj}} = \frac{\partial L}{\partial c_t} \cdot v_j")],
    );
    push_key_rows(&mut s, tr, ("∂L/∂a", "backward.d_weights"), |j| {
        let tex = format!(
            r"\frac{{\partial L}}{{\partial a_{{{t},{j}}}}} = \frac{{\partial L}}{{\partial c_{{{t}}}}} \cdot {} = {}",
            first(&f.v[j], 2),
            n32(b.d_weights[j])
        );
        (tex, b.d_weights[j])
    });
    s
}
