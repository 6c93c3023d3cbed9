//! Cards: the single neuron (with the corrected published example), binary cross-entropy,
//! MSE and categorical cross-entropy.

use super::format::{n32, num, p32, paren};
use super::latex::row;
use super::neuron_steps::products;
use super::reference::{FormulaCard, line, plain32};
use crate::protocol::reference::WorkedExamples;

pub(super) fn cards(e: &WorkedExamples) -> Vec<FormulaCard> {
    vec![neuron(e), bce(e), mse(e), cross_entropy(e)]
}

fn neuron(e: &WorkedExamples) -> FormulaCard {
    let n = &e.neuron;
    FormulaCard {
        name: "neuron",
        title: "Single neuron (logistic regression)",
        sentence: "A neuron weighs its inputs, adds a bias and passes the sum through the sigmoid, giving the probability that the label is 1.".into(),
        symbolic: vec![line("", r"z = \mathbf{w}\cdot\mathbf{x} + b,\qquad \hat{y} = \sigma(z) = \frac{1}{1+e^{-z}}")],
        example: vec![
            line(
                "inputs",
                format!(r"\mathbf{{x}} = {},\quad \mathbf{{w}} = {},\quad b = {}", row(&n.input.x), row(&n.input.w), n32(n.input.b)),
            ),
            line(
                "weighted sum: the products wᵢxᵢ, plus b",
                format!(
                    r"z = {} + {} = {}",
                    products(&n.input.w, &n.input.x).iter().map(|&p| paren(p)).collect::<Vec<_>>().join(" + "),
                    p32(n.input.b),
                    n32(n.z)
                ),
            ),
            line("prediction", format!(r"\hat{{y}} = \sigma({}) = \frac{{1}}{{1 + e^{{-{}}}}} = {}", n32(n.z), p32(n.z), n32(n.y_hat))),
        ],
        value_label: format!("ŷ = σ({})", plain32(n.z)),
        value: plain32(n.y_hat),
        correction: Some(
            "For x = w = [0.1, 0.2, 0.3, 0.4] and b = 0.5, a widely shared walk-through gives ŷ ≈ 0.878. \
             In fact w·x = 0.01 + 0.04 + 0.09 + 0.16 = 0.30, so z = 0.30 + 0.5 = 0.8 and σ(0.8) ≈ 0.690."
                .into(),
        ),
    }
}

fn bce(e: &WorkedExamples) -> FormulaCard {
    let n = &e.neuron;
    let y = n.input.y;
    FormulaCard {
        name: "bce",
        title: "Binary cross-entropy",
        sentence: "Minus the log of the probability the model gave to the true label (y is 0 or 1): near 0 for a confident right answer, large for a confident wrong one.".into(),
        symbolic: vec![
            line("", r"L = -\left[y \log \hat{y} + (1-y)\log(1-\hat{y})\right]"),
            line("its gradient through the sigmoid", r"\frac{\partial L}{\partial z} = \hat{y} - y,\qquad \frac{\partial L}{\partial \mathbf{w}} = (\hat{y}-y)\,\mathbf{x}"),
        ],
        example: vec![
            line(
                format!("the neuron above, label y = {}", plain32(y)),
                format!(
                    r"L = -\left[{} \cdot \log {} + {} \cdot \log\left(1 - {}\right)\right] = {}",
                    n32(y),
                    n32(n.y_hat),
                    num(1.0 - f64::from(y)),
                    n32(n.y_hat),
                    n32(n.loss)
                ),
            ),
            line(
                "gradients (Burn autodiff)",
                format!(
                    r"\frac{{\partial L}}{{\partial b}} = {} - {} = {}",
                    n32(n.y_hat),
                    n32(y),
                    n32(n.grad_b)
                ),
            ),
            line(
                "",
                format!(r"\frac{{\partial L}}{{\partial \mathbf{{w}}}} = {}", row(&n.grad_w)),
            ),
        ],
        value_label: "L".into(),
        value: plain32(n.loss),
        correction: Some(
            "The same walk-through reports a loss of −0.251. A cross-entropy cannot be negative: ŷ is a probability, so \
             log ŷ ≤ 0 and L ≥ 0. With ŷ ≈ 0.690 and y = 1, L = −log 0.690 ≈ 0.371."
                .into(),
        ),
    }
}

fn mse(e: &WorkedExamples) -> FormulaCard {
    let terms: Vec<String> = e
        .mse_y
        .iter()
        .zip(&e.mse_y_hat)
        .map(|(&y, &h)| format!(r"\left({} - {}\right)^2", n32(y), n32(h)))
        .collect();
    FormulaCard {
        name: "mse",
        title: "Mean squared error",
        sentence: "The average of the squared differences between targets and predictions — the loss of regression.".into(),
        symbolic: vec![line("", r"\operatorname{MSE} = \frac{1}{n}\sum_{i=1}^{n}\left(y_i - \hat{y}_i\right)^2")],
        example: vec![
            line("", format!(r"\mathbf{{y}} = {},\quad \hat{{\mathbf{{y}}}} = {}", row(&e.mse_y), row(&e.mse_y_hat))),
            line("", format!(r"\operatorname{{MSE}} = \frac{{1}}{{{}}}\left[{}\right] = {}", e.mse_y.len(), terms.join(" + "), n32(e.mse))),
        ],
        value_label: "MSE".into(),
        value: plain32(e.mse),
        correction: None,
    }
}

fn cross_entropy(e: &WorkedExamples) -> FormulaCard {
    let s = &e.softmax;
    let p_y = s.probs.get(s.label).copied().unwrap_or(f32::NAN);
    let onehot: Vec<f32> = (0..s.probs.len())
        .map(|k| if k == s.label { 1.0 } else { 0.0 })
        .collect();
    FormulaCard {
        name: "cross-entropy",
        title: "Categorical cross-entropy",
        sentence: "For K classes with softmax probabilities p and a one-hot label, only the true class's term survives: the loss is −log of its probability.".into(),
        symbolic: vec![
            line("", r"L = -\sum_{k=1}^{K} y_k \log p_k = -\log p_{y}"),
            line("gradient with respect to the logits", r"\frac{\partial L}{\partial \mathbf{z}} = \mathbf{p} - \operatorname{onehot}(y)"),
        ],
        example: vec![
            line(
                format!("logits, true class y = {}", s.label + 1),
                format!(r"\mathbf{{z}} = {},\quad \operatorname{{onehot}}(y) = {}", row(&s.logits), row(&onehot)),
            ),
            line("", format!(r"\mathbf{{p}} = \operatorname{{softmax}}(\mathbf{{z}}) = {}", row(&s.probs))),
            line("", format!(r"L = -\log {} = {}", n32(p_y), n32(s.cross_entropy))),
            line("gradient (Burn autodiff)", format!(r"\frac{{\partial L}}{{\partial \mathbf{{z}}}} = \mathbf{{p}} - \operatorname{{onehot}}(y) = {}", row(&s.grad))),
        ],
        value_label: "L".into(),
        value: plain32(s.cross_entropy),
        correction: None,
    }
}
