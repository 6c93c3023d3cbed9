//! Cards: the Transformer language model, worked through on a real tiny GPT's numbers — one
//! token's embedding, LayerNorm, causal self-attention of one head, the next-token loss and
//! AdamW's step — with the corrections to seed 004's PyTorch code.

use super::format::{n32, num, p32};
use super::gpt_follow::{fill_text, first, tex_token};
use super::reference::{CardGroup, FormulaCard, line, plain32};
use crate::protocol::gpt_follow::TokenTrace;

/// Where the formula page's default example comes from.
pub const FRESH: &str = "a freshly initialized tiny GPT (sort, 2 blocks × 2 heads, d_model 16, seed 42) at its first step";

/// The section, from `tr`; `origin` says whose numbers they are.
pub fn transformer_group(tr: &TokenTrace, origin: &str) -> CardGroup {
    CardGroup {
        title: "Transformer language model",
        cards: vec![
            embedding(tr, origin),
            layer_norm(tr),
            attention(tr),
            loss(tr),
            adamw(tr),
        ],
    }
}

fn embedding(tr: &TokenTrace, origin: &str) -> FormulaCard {
    let (t, f) = (tr.request.position, &tr.forward);
    FormulaCard {
        name: "gpt-embedding",
        title: "Token and position embedding",
        sentence: format!(
            "Each token id picks a row of a |V| × d table, and each position a row of a second table; their sum is the token's vector. The numbers on these cards are {origin}, at position t = {t} (“{}”).",
            tr.tokens[t]
        ),
        symbolic: vec![line(
            "E_tok: [|V|, d], E_pos: [context, d]",
            r"\mathbf{x}^{0}_t = E_{\text{tok}}[\mathrm{id}_t] + E_{\text{pos}}[t]",
        )],
        example: vec![
            line(
                format!("|V| = {}, d = {}, first 3 of {}", tr.vocab.len(), tr.d_model, tr.d_model),
                format!(r"E_{{\text{{tok}}}}[{}] = {}", tr.ids[t], first(&f.e_tok, 3)),
            ),
            line("", format!(r"E_{{\text{{pos}}}}[{t}] = {}", first(&f.e_pos, 3))),
            line("", format!(r"\mathbf{{x}}^{{0}}_{{{t}}} = {}", first(&f.x0, 3))),
        ],
        value_label: "x⁰ₜ[0]".into(),
        value: plain32(f.x0[0]),
        correction: Some(
            "Seed 004's PyTorch writes nn.Embedding(d_model): an embedding is a table with one row per token, so it needs the vocabulary's size too — \
             nn.Embedding(vocab_size, d_model). And attention alone does not know the order of the tokens: add a position embedding \
             (a learned nn.Embedding(context, d_model), as here, or the sinusoids of Vaswani et al.)."
                .into(),
        ),
    }
}

fn layer_norm(tr: &TokenTrace) -> FormulaCard {
    let n = &tr.forward.ln_1;
    FormulaCard {
        name: "gpt-layernorm",
        title: "LayerNorm (pre-norm)",
        sentence: "Before attention and before the FFN, each token's vector is centred, scaled to unit variance and given a learned scale γ and shift β.".into(),
        symbolic: vec![line(
            "σ² biased, ε = 10⁻⁵",
            r"\mathrm{LN}(\mathbf{x}) = \boldsymbol{\gamma} \odot \frac{\mathbf{x}-\mu}{\sqrt{\sigma^2+\varepsilon}} + \boldsymbol{\beta}",
        )],
        example: vec![
            line(format!("block {}'s input", tr.request.layer + 1), format!(r"\mathbf{{x}} = {}", first(&n.x, 3))),
            line("", format!(r"\mu = {},\quad \sigma^2 = {}", n32(n.mu), n32(n.var))),
            line("", format!(r"\mathrm{{LN}}(\mathbf{{x}}) = {}", first(&n.y, 3))),
        ],
        value_label: "μ".into(),
        value: plain32(n.mu),
        correction: None,
    }
}

fn attention(tr: &TokenTrace) -> FormulaCard {
    let (t, f) = (tr.request.position, &tr.forward);
    let j = t.saturating_sub(1);
    FormulaCard {
        name: "gpt-causal-attention",
        title: "Causal self-attention",
        sentence: format!(
            "Block {}, head {}: the query of position t scores the keys of positions j ≤ t only; the future's scores are filled with {} before the softmax, so their weights are exactly 0.",
            tr.request.layer + 1,
            tr.request.head + 1,
            fill_text(tr.mask_fill)
        ),
        symbolic: vec![line(
            "M_tj = 0 for j ≤ t, −∞ (here −10⁴) for j > t",
            r"A = \operatorname{softmax}\!\left(\frac{QK^{\top}}{\sqrt{d_k}} + M\right)",
        )],
        example: vec![
            line(format!("d_k = {}, t = {t}", tr.d_k), format!(r"s_{{{t},{j}}} = {},\quad s_{{{t},{t}}} = {}", n32(f.scores[j]), n32(f.scores[t]))),
            line("", format!(r"a_{{{t},{j}}} = {},\quad a_{{{t},{t}}} = {}", n32(f.weights[j]), n32(f.weights[t]))),
            line("the future", format!(r"a_{{{t},j}} = 0\quad (j > {t})")),
        ],
        value_label: format!("a[{t},{t}]"),
        value: plain32(f.weights[t]),
        correction: Some(
            "Seed 004's language model applies attention without a causal mask. Trained to predict token t + 1, position t would then attend to \
             token t + 1 itself: the training loss falls toward 0 while the model cannot write a word. Mask the future before the softmax — \
             scores.masked_fill(torch.triu(torch.ones(T, T, dtype=torch.bool), 1), float('-inf')), or is_causal=True in \
             F.scaled_dot_product_attention."
                .into(),
        ),
    }
}

fn loss(tr: &TokenTrace) -> FormulaCard {
    let f = &tr.forward;
    let y = tr.target as usize;
    FormulaCard {
        name: "gpt-loss",
        title: "Next-token cross-entropy",
        sentence: format!(
            "The loss of position t is −log of the probability the model gave the token that came next; the batch's loss averages the N = {} targets that count.",
            tr.counted
        ),
        symbolic: vec![line(
            "and its gradient on the logits",
            r"\ell_t = -\log \operatorname{softmax}(\mathbf{z}_t)[y_t],\qquad \frac{\partial L}{\partial \mathbf{z}_t} = \frac{1}{N}\left(\mathbf{p}_t - \mathbf{e}_{y_t}\right)",
        )],
        example: vec![
            line(
                format!("next token {}", tr.vocab[y]),
                format!(r"p_t[{}] = {}", tex_token(&tr.vocab[y]), n32(f.probs[y])),
            ),
            line(
                "",
                format!(
                    r"\ell_t = -\log {} = {}",
                    n32(f.probs[y]),
                    n32(f.token_loss)
                ),
            ),
        ],
        value_label: "ℓₜ".into(),
        value: plain32(f.token_loss),
        correction: None,
    }
}

fn adamw(tr: &TokenTrace) -> FormulaCard {
    let e = &tr.entry;
    FormulaCard {
        name: "gpt-adamw",
        title: "AdamW: decoupled weight decay",
        sentence: "Adam's step, plus a decay of the weight itself that does not go through the moments (Loshchilov & Hutter); here on the matrices, not on biases or LayerNorm.".into(),
        symbolic: vec![line(
            "m̂, v̂: Adam's bias-corrected moments",
            r"\theta \leftarrow \theta(1-\alpha\lambda) - \alpha\,\frac{\hat{m}}{\sqrt{\hat{v}}+\varepsilon}",
        )],
        example: vec![
            line(
                format!("W_Q[{},{}], step {}", e.row, e.column, e.t),
                format!(r"g = {},\quad \alpha = {},\quad \lambda = {}", n32(e.grad), num(e.lr), num(f64::from(e.weight_decay))),
            ),
            line("", format!(r"\theta = {} \to {}", p32(e.theta), n32(e.theta_new))),
        ],
        value_label: "θ new".into(),
        value: plain32(e.theta_new),
        correction: None,
    }
}
