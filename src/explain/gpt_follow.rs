//! "Follow one token" written down: the followed position through the followed head —
//! forward, backward, and AdamW's update of one W_Q entry — each sub-step symbolic, then with
//! the trace's (Burn's) numbers. Terms name where their number is in the exported JSON and
//! which positions of the sequence they belong to, for the page to light up.

use serde::Serialize;

use super::linreg_steps::FormulaLine;
use super::nn_text::vector;
use super::{
    gpt_follow_attention as attention, gpt_follow_backward as backward,
    gpt_follow_forward as forward, gpt_follow_output as output, gpt_follow_query as query,
    gpt_follow_update as update,
};
use crate::protocol::gpt_follow::TokenTrace;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Phase {
    Forward,
    Backward,
    Update,
}

/// One written-out number.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TokenTerm {
    pub name: String,
    pub value: f64,
    /// Where the number is in the exported JSON (None: computed here from Burn's numbers).
    pub key: Option<String>,
    /// The positions of the sequence it belongs to.
    pub tokens: Vec<usize>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GptStep {
    pub phase: Phase,
    pub title: String,
    pub summary: String,
    pub symbolic: Vec<FormulaLine>,
    pub substituted: Vec<FormulaLine>,
    pub terms: Vec<TokenTerm>,
}

pub use super::linreg_steps::line;

/// Entries of a long vector written out.
pub const SHOWN: usize = 6;

/// A sub-step with its symbolic lines; the numbers and terms are added after.
pub fn sub_step(
    phase: Phase,
    title: String,
    summary: String,
    symbolic: Vec<FormulaLine>,
) -> GptStep {
    GptStep {
        phase,
        title,
        summary,
        symbolic,
        substituted: Vec::new(),
        terms: Vec::new(),
    }
}

/// A term read from the trace at `key`.
pub fn term(
    name: impl Into<String>,
    value: f32,
    key: impl Into<String>,
    tokens: &[usize],
) -> TokenTerm {
    TokenTerm {
        name: name.into(),
        value: f64::from(value),
        key: Some(key.into()),
        tokens: tokens.to_vec(),
    }
}

/// A number computed here from the trace's.
pub fn computed(name: impl Into<String>, value: f64, tokens: &[usize]) -> TokenTerm {
    TokenTerm {
        name: name.into(),
        value,
        key: None,
        tokens: tokens.to_vec(),
    }
}

/// The first `n` entries of `v` as a LaTeX vector (`\dots` after them if there are more).
pub fn first(v: &[f32], n: usize) -> String {
    let shown: Vec<usize> = (0..v.len().min(n)).collect();
    vector(v, &shown, v.len() > n)
}

/// A token as LaTeX text, quoted: `\text{“a”}`; TeX's special characters escaped.
pub fn tex_token(token: &str) -> String {
    let mut out = String::new();
    for c in token.chars() {
        match c {
            '\\' => out.push_str(r"\textbackslash "),
            '{' | '}' | '&' | '%' | '#' | '$' | '_' => {
                out.push('\\');
                out.push(c);
            }
            '^' => out.push_str(r"\^{}"),
            '~' => out.push_str(r"\~{}"),
            c => out.push(c),
        }
    }
    format!(r"\text{{“{out}”}}")
}

/// The mask's fill as text: "−10⁴" (Burn's), or the number.
pub fn fill_text(fill: f32) -> String {
    if fill == -1.0e4 {
        "−10⁴".into()
    } else {
        super::nn_text::plain(f64::from(fill))
    }
}

/// The positions j ≤ t written out: all when few, else the first three and the last three.
pub fn shown_keys(t: usize) -> (Vec<usize>, bool) {
    if t < 7 {
        ((0..=t).collect(), false)
    } else {
        (vec![0, 1, 2, t - 2, t - 1, t], true)
    }
}

/// Why a trace cannot be explained (inconsistent lengths), if it cannot.
pub fn check(tr: &TokenTrace) -> Result<(), String> {
    let (f, t, n) = (&tr.forward, tr.request.position, tr.tokens.len());
    let b = &tr.backward;
    let checks = [
        ("the position", t < n),
        ("the scores", f.scores.len() == n && b.d_scores.len() == n),
        (
            "the weights",
            f.weights.len() == n && b.d_weights.len() == n,
        ),
        (
            "the keys and values",
            f.k.len() == t + 1 && f.v.len() == t + 1,
        ),
        ("the query", f.q.len() == tr.d_k && b.d_q.len() == tr.d_k),
        (
            "LayerNorm",
            f.ln_1.y.len() == tr.d_model && f.ln_1.x.len() == tr.d_model,
        ),
        (
            "the probabilities",
            f.probs.len() == tr.vocab.len() && b.d_logits.len() == tr.vocab.len(),
        ),
        ("the target", (tr.target as usize) < tr.vocab.len()),
        (
            "the entry",
            tr.request.col < tr.d_k && tr.request.row < tr.d_model,
        ),
        ("W_O's rows", tr.head_weights.w_o.len() == tr.d_k),
    ];
    match checks.iter().find(|(_, ok)| !ok) {
        None => Ok(()),
        Some((what, _)) => Err(format!(
            "The trace is inconsistent: {what} have the wrong length. Follow the token again."
        )),
    }
}

/// The sub-steps of `tr`, in order, numbered.
pub fn gpt_steps(tr: &TokenTrace) -> Result<Vec<GptStep>, String> {
    check(tr)?;
    let mut steps = vec![
        forward::embedding(tr),
        forward::layer_norm(tr),
        forward::qkv(tr),
        attention::scores(tr),
        attention::softmax(tr),
        attention::context(tr),
        output::output(tr),
        output::ffn(tr),
        output::logits(tr),
        output::loss(tr),
        backward::d_logits(tr),
        backward::d_attention_out(tr),
        backward::d_context(tr),
        backward::d_weights(tr),
        query::d_scores(tr),
        query::d_q(tr),
        query::d_entry(tr),
        update::update(tr),
    ];
    for (i, s) in steps.iter_mut().enumerate() {
        s.title = format!("{} · {}", i + 1, s.title);
    }
    Ok(steps)
}
