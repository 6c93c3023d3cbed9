//! The rest of the forward pass at t: the heads through W_O and the residual, the FFN, the
//! final LayerNorm and logits, the loss.

use super::format::n32;
use super::gpt_follow::{GptStep, Phase, SHOWN, computed, first, line, sub_step, term, tex_token};
use super::linreg_steps::FormulaLine;
use super::nn_text::largest;
use crate::protocol::gpt_follow::TokenTrace;

fn step(title: String, summary: String, symbolic: Vec<FormulaLine>) -> GptStep {
    sub_step(Phase::Forward, title, summary, symbolic)
}

pub fn output(tr: &TokenTrace) -> GptStep {
    let (t, f) = (tr.request.position, &tr.forward);
    let mut s = step(
        "Heads concatenated, W_O, residual".into(),
        format!(
            "The {} heads' contexts side by side are projected back to {} numbers and added to the block's input: the residual stream.",
            tr.heads, tr.d_model
        ),
        vec![line(
            "projection and residual",
            r"o_t = [c^{1}_t, \dots, c^{H}_t]\, W_O + b_O,\quad h_t = x_t + o_t",
        )],
    );
    s.substituted = vec![
        line(
            format!("C_t, first {SHOWN} of {}", tr.d_model),
            format!(r"C_{{{t}}} = {}", first(&f.context, SHOWN)),
        ),
        line(
            "",
            format!(r"o_{{{t}}} = {}", first(&f.attention_out, SHOWN)),
        ),
        line(
            "",
            format!(
                r"h_{{{t}}} = {} + {} = {}",
                first(&f.ln_1.x, 3),
                first(&f.attention_out, 3),
                first(&f.h, 3)
            ),
        ),
    ];
    for i in 0..2.min(tr.d_model) {
        s.terms.push(term(
            format!("o[{i}]"),
            f.attention_out[i],
            format!("forward.attention_out[{i}]"),
            &[t],
        ));
        s.terms.push(term(
            format!("h[{i}]"),
            f.h[i],
            format!("forward.h[{i}]"),
            &[t],
        ));
    }
    s
}

pub fn ffn(tr: &TokenTrace) -> GptStep {
    let (t, f) = (tr.request.position, &tr.forward);
    let active = f.ffn_u.iter().filter(|&&u| u > 0.0).count();
    let mut s = step(
        "LayerNorm₂ and the feed-forward network".into(),
        format!(
            "Each position alone: normalized again, widened to {} numbers, passed through φ ({active} of them positive before it), narrowed back and added to the stream.",
            f.ffn_u.len()
        ),
        vec![line(
            "FFN and residual",
            r"u = \mathrm{LN}_2(h_t)\, W_1 + b_1,\quad f = \varphi(u)\, W_2 + b_2,\quad x^{l+1}_t = h_t + f",
        )],
    );
    s.substituted = vec![
        line(
            format!("u, first {SHOWN} of {}", f.ffn_u.len()),
            format!(r"u = {}", first(&f.ffn_u, SHOWN)),
        ),
        line("", format!(r"\varphi(u) = {}", first(&f.ffn_phi, SHOWN))),
        line(
            format!("the block's output, first {SHOWN}"),
            format!(
                r"x^{{{}}}_{{{t}}} = {}",
                tr.request.layer + 1,
                first(&f.out, SHOWN)
            ),
        ),
    ];
    s.terms = vec![
        term("u[0]", f.ffn_u[0], "forward.ffn_u[0]", &[t]),
        term("φ(u)[0]", f.ffn_phi[0], "forward.ffn_phi[0]", &[t]),
        term("f[0]", f.ffn_out[0], "forward.ffn_out[0]", &[t]),
        term("x^{l+1}[0]", f.out[0], "forward.out[0]", &[t]),
    ];
    s
}

pub fn logits(tr: &TokenTrace) -> GptStep {
    let (t, f, l) = (tr.request.position, &tr.forward, tr.request.layer + 1);
    let above = if l < tr.layers {
        let above = super::gpt_follow_backward::blocks_above(l, tr.layers);
        let verb = if l + 1 == tr.layers { "does" } else { "do" };
        format!(
            "{}{} {verb} the same to the stream; then ",
            above[..1].to_uppercase(),
            &above[1..]
        )
    } else {
        "This was the last block; ".into()
    };
    let mut s = step(
        "Final LayerNorm, logits, softmax".into(),
        format!(
            "{above}a last LayerNorm and the head give one score per token of the vocabulary, and the softmax turns them into the model's probabilities for the next token."
        ),
        vec![line(
            "the next token's distribution",
            r"z_t = \mathrm{LN}_f(x^{L}_t)\, W_{\text{head}} + b_{\text{head}},\quad p_t = \mathrm{softmax}(z_t)",
        )],
    );
    let probs: Vec<f64> = f.probs.iter().map(|&p| f64::from(p)).collect();
    let y = tr.target as usize;
    let mut top = largest(&probs, 4);
    if !top.contains(&y) {
        top.push(y);
    }
    s.substituted.push(line(
        format!("the last block's output at t, normalized, first {SHOWN}"),
        format!(
            r"\mathrm{{LN}}_f(x^{{L}}_{{{t}}}) = {}",
            first(&f.ln_f, SHOWN)
        ),
    ));
    for &k in &top {
        let mark = if k == y { ", the target" } else { "" };
        s.substituted.push(line(
            format!("{}{mark}", tr.vocab[k]),
            format!(
                r"z_{{{t}}}[{}] = {},\quad p_{{{t}}}[{}] = {}",
                tex_token(&tr.vocab[k]),
                n32(f.logits[k]),
                tex_token(&tr.vocab[k]),
                n32(f.probs[k])
            ),
        ));
        s.terms.push(term(
            format!("p[{}]", tr.vocab[k]),
            f.probs[k],
            format!("forward.probs[{k}]"),
            &[],
        ));
    }
    s.terms.push(term(
        format!("z[{}]", tr.vocab[y]),
        f.logits[y],
        format!("forward.logits[{y}]"),
        &[t],
    ));
    s
}

pub fn loss(tr: &TokenTrace) -> GptStep {
    let (t, f) = (tr.request.position, &tr.forward);
    let y = tr.target as usize;
    let counted = if tr.counts {
        format!(
            "This position's target counts: it is one of the N = {} targets of the batch's loss.",
            tr.counted
        )
    } else {
        format!(
            "This position's target is part of the prompt and does not count (w_t = 0): the batch's loss averages the N = {} answer targets.",
            tr.counted
        )
    };
    let mut s = step(
        "The loss".into(),
        format!("The next token is {} (id {y}). {counted}", tr.vocab[y]),
        vec![line(
            "cross-entropy, averaged over the counted targets",
            r"\ell_t = -\log p_t[y_t],\quad L = \frac{1}{N}\sum_{b,t} w_{bt}\, \ell_{bt}",
        )],
    );
    s.substituted = vec![
        line(
            format!("target {}", tr.vocab[y]),
            format!(
                r"\ell_{{{t}}} = -\log {} = {}",
                n32(f.probs[y]),
                n32(f.token_loss)
            ),
        ),
        line(
            format!("the batch of {} sequences", tr.batch),
            format!(r"L = {}", n32(f.loss)),
        ),
    ];
    s.terms = vec![
        term(
            format!("p[{}]", tr.vocab[y]),
            f.probs[y],
            format!("forward.probs[{y}]"),
            &[t],
        ),
        term("ℓ_t", f.token_loss, "forward.token_loss", &[t]),
        term("L", f.loss, "forward.loss", &[]),
        computed("N", tr.counted as f64, &[]),
    ];
    s
}
