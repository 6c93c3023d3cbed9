//! Cards: the dense layer Z = XW + b, backpropagation's δ with its shapes, scaled dot-product
//! attention and the transformer's FFN.

use super::format::{n32, p32};
use super::latex::{column, matrix, row};
use super::reference::{FormulaCard, at, line, plain32};
use crate::protocol::reference::{Matrix, WorkedExamples};

pub(super) fn cards(e: &WorkedExamples) -> Vec<FormulaCard> {
    vec![dense(e), backprop(e), attention(e), ffn(e)]
}

fn dense(e: &WorkedExamples) -> FormulaCard {
    let d = &e.dense;
    FormulaCard {
        name: "dense",
        title: "Forward pass of a layer",
        sentence: "Each row of X is a sample; multiplying by W mixes its features into the layer's units, b shifts each unit, and σ acts element by element.".into(),
        symbolic: vec![line(
            "X: [batch, in], W: [in, out], b: [out] added to every row",
            r"Z = XW + \mathbf{b},\qquad A = \sigma(Z)",
        )],
        example: vec![
            line(
                "",
                format!(r"XW + \mathbf{{b}} = {}{} + {}", matrix(&d.x), matrix(&d.w), row(&d.b)),
            ),
            line("", format!(r"Z = {}", matrix(&d.z))),
            line(
                "row 1, unit 1",
                format!(
                    r"Z_{{11}} = {} \cdot {} + {} \cdot {} + {} \cdot {} + {} = {}",
                    p32(d.x.at(0, 0)),
                    p32(d.w.at(0, 0)),
                    p32(d.x.at(0, 1)),
                    p32(d.w.at(1, 0)),
                    p32(d.x.at(0, 2)),
                    p32(d.w.at(2, 0)),
                    p32(at(&d.b, 0)),
                    n32(d.z.at(0, 0))
                ),
            ),
            line("", format!(r"A = \sigma(Z) = {}", matrix(&d.a))),
        ],
        value_label: "Z₁₁".into(),
        value: plain32(d.z.at(0, 0)),
        correction: None,
    }
}

fn backprop(e: &WorkedExamples) -> FormulaCard {
    let b = &e.backprop;
    let sigma_prime: Vec<f32> = b.a1.iter().map(|a| a * (1.0 - a)).collect();
    let w2t = Matrix::new(b.w2.cols, b.w2.rows, b.w2.data.clone());
    FormulaCard {
        name: "backprop",
        title: "Backpropagation",
        sentence: "The error δ of a layer is the next layer's error sent back through its weights (Wᵀ), times the slope of this layer's activation; each weight's gradient is its unit's δ times the input it saw.".into(),
        symbolic: vec![
            line("a layer; Wₗ has shape [nₗ, nₗ₋₁]", r"\mathbf{z}_l = W_l\,\mathbf{a}_{l-1} + \mathbf{b}_l,\qquad \mathbf{a}_l = \sigma(\mathbf{z}_l)"),
            line("output error (sigmoid + cross-entropy)", r"\boldsymbol{\delta}_L = \frac{\partial L}{\partial \mathbf{z}_L} = \hat{\mathbf{y}} - \mathbf{y}"),
            line("error of layer l — shapes [nₗ] = [nₗ, nₗ₊₁]·[nₗ₊₁] ⊙ [nₗ]", r"\boldsymbol{\delta}_l = \left(W_{l+1}^{\top}\boldsymbol{\delta}_{l+1}\right) \odot \sigma'(\mathbf{z}_l)"),
            line("gradients — the shapes of Wₗ and bₗ", r"\frac{\partial L}{\partial W_l} = \boldsymbol{\delta}_l\,\mathbf{a}_{l-1}^{\top},\qquad \frac{\partial L}{\partial \mathbf{b}_l} = \boldsymbol{\delta}_l"),
        ],
        example: vec![
            line(
                "x ∈ ℝ³ → 2 sigmoid units → 1 sigmoid output",
                format!(r"\mathbf{{x}} = {},\quad y = {},\quad W_1 = {}", column(&b.x), n32(b.y), matrix(&b.w1)),
            ),
            line(
                "",
                format!(r"\mathbf{{b}}_1 = {},\quad W_2 = {},\quad b_2 = {}", column(&b.b1), matrix(&b.w2), n32(at(&b.b2, 0))),
            ),
            line("forward", format!(r"\mathbf{{z}}_1 = W_1\mathbf{{x}} + \mathbf{{b}}_1 = {},\quad \mathbf{{a}}_1 = \sigma(\mathbf{{z}}_1) = {}", column(&b.z1), column(&b.a1))),
            line("", format!(r"z_2 = W_2\mathbf{{a}}_1 + b_2 = {},\quad \hat{{y}} = {},\quad L = {}", n32(b.z2), n32(b.y_hat), n32(b.loss))),
            line("output error", format!(r"\delta_2 = {} - {} = {}", n32(b.y_hat), n32(b.y), n32(at(&b.delta2, 0)))),
            line("hidden error by the formula", format!(r"\boldsymbol{{\delta}}_1 = {}\,{} \odot {} = {}", matrix(&w2t), n32(at(&b.delta2, 0)), column(&sigma_prime), column(&b.delta1_formula))),
            line("hidden error by Burn's autodiff (∂L/∂b₁): the same", format!(r"\boldsymbol{{\delta}}_1 = {}", column(&b.delta1))),
            line("weight gradients (autodiff): shape [2, 3] like W₁, [1, 2] like W₂", format!(r"\frac{{\partial L}}{{\partial W_1}} = \boldsymbol{{\delta}}_1\mathbf{{x}}^{{\top}} = {}", matrix(&b.grad_w1))),
            line("", format!(r"\frac{{\partial L}}{{\partial W_2}} = \delta_2\,\mathbf{{a}}_1^{{\top}} = {}", matrix(&b.grad_w2))),
        ],
        value_label: "δ₁ (first unit)".into(),
        value: plain32(at(&b.delta1, 0)),
        correction: Some(
            "Shapes decide the order. With W of shape [out, in], the error goes back through the transpose: \
             δₗ = (Wₗ₊₁ᵀ δₗ₊₁) ⊙ σ′(zₗ) — not Wₗ₊₁ δₗ₊₁, which does not even have the shape of layer l — \
             and σ′ is taken at this layer's own zₗ, element by element (⊙). The gradient δₗ aₗ₋₁ᵀ has Wₗ's shape. \
             (In the row form Z = XW + b above, W is stored as [in, out], the transpose, and the formulas transpose with it.)"
                .into(),
        ),
    }
}

fn attention(e: &WorkedExamples) -> FormulaCard {
    let a = &e.attention;
    FormulaCard {
        name: "attention",
        title: "Scaled dot-product attention",
        sentence: "Each query scores every key by a dot product, scaled by √d_k so the softmax does not saturate; the output is the softmax-weighted mix of the values.".into(),
        symbolic: vec![line("", r"\operatorname{Attention}(Q, K, V) = \operatorname{softmax}\!\left(\frac{QK^{\top}}{\sqrt{d_k}}\right)V")],
        example: vec![
            line("two tokens, d_k = 2 (rows are tokens)", format!(r"Q = {},\quad K = {},\quad V = {}", matrix(&a.q), matrix(&a.k), matrix(&a.v))),
            line("scores", format!(r"\frac{{QK^{{\top}}}}{{\sqrt{{{}}}}} = {}", a.k.cols, matrix(&a.scores))),
            line("softmax of each row", format!(r"A = {}", matrix(&a.weights))),
            line("output", format!(r"AV = {}", matrix(&a.out))),
        ],
        value_label: "output, token 2, dim 1".into(),
        value: plain32(a.out.at(1, 0)),
        correction: None,
    }
}

fn ffn(e: &WorkedExamples) -> FormulaCard {
    let f = &e.ffn;
    FormulaCard {
        name: "ffn",
        title: "Position-wise feed-forward network",
        sentence: "The transformer's per-token MLP: widen with W₁, cut negatives with ReLU, project back with W₂.".into(),
        symbolic: vec![line("", r"\operatorname{FFN}(\mathbf{x}) = \max(0,\ \mathbf{x}W_1 + \mathbf{b}_1)\,W_2 + \mathbf{b}_2")],
        example: vec![
            line(
                "d_model = 2, d_ff = 3",
                format!(r"\mathbf{{x}} = {},\quad W_1 = {}", row(&f.x), matrix(&f.w1)),
            ),
            line("", format!(r"\mathbf{{b}}_1 = {},\quad \mathbf{{b}}_2 = {}", row(&f.b1), row(&f.b2))),
            line("", format!(r"W_2 = {}", matrix(&f.w2))),
            line("hidden", format!(r"\mathbf{{x}}W_1 + \mathbf{{b}}_1 = {} \;\Rightarrow\; \max(0, \cdot) = {}", row(&f.hidden_pre), row(&f.hidden))),
            line("output", format!(r"\operatorname{{FFN}}(\mathbf{{x}}) = {}", row(&f.out))),
        ],
        value_label: "FFN(x)₁".into(),
        value: plain32(at(&f.out, 0)),
        correction: None,
    }
}
