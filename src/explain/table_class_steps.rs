//! "Your data" with a class target: softmax regression's four sub-steps — forward → loss →
//! backward → update — for one row of the step's batch, symbolic, then with Burn's numbers.
//! The exponentials, sums and the row's shares are redone here from Burn's z and p.

use super::format::{n32, num};
use super::latex::{column, column64, matrix};
use super::linreg_steps::{SubStep, SubStepKind, line};
use super::optimizer_rules::{update_lines, update_sub_step};
use crate::protocol::reference::Matrix;
use crate::protocol::table_classes::ClassStep;

/// The four sub-steps of `t`; `classes` names the classes.
pub fn class_sub_steps(t: &ClassStep, classes: &[String]) -> [SubStep; 4] {
    [
        forward(t, classes),
        loss(t, classes),
        backward(t),
        update(t),
    ]
}

/// The row's class name.
fn class_name(t: &ClassStep, classes: &[String]) -> String {
    classes
        .get(t.class)
        .cloned()
        .unwrap_or_else(|| t.class.to_string())
}

/// W before the step, `n × k`.
fn weights(t: &ClassStep) -> Matrix {
    let k = t.b.len().max(1);
    Matrix::new(t.w.len() / k, k, t.w.iter().map(|u| u.theta).collect())
}

fn forward(t: &ClassStep, classes: &[String]) -> SubStep {
    let exp: Vec<f64> = t.z.iter().map(|&z| f64::from(z).exp()).collect();
    let total: f64 = exp.iter().sum();
    let b: Vec<f32> = t.b.iter().map(|u| u.theta).collect();
    SubStep {
        kind: SubStepKind::Forward,
        title: "1 · Forward",
        summary: format!(
            "Each of the {} classes gets a score from the row's {} standardized features; softmax turns the scores into probabilities. Line {} of the file is a “{}”.",
            t.z.len(),
            t.x.len(),
            t.line,
            class_name(t, classes)
        ),
        symbolic: vec![
            line("scores", r"\mathbf{z} = W^\top \mathbf{x}' + \mathbf{b}"),
            line(
                "probabilities",
                r"p_c = \frac{e^{z_c}}{\sum_{c'} e^{z_{c'}}}",
            ),
        ],
        substituted: vec![
            line(
                "the weights (a row per feature, a column per class)",
                format!(r"W = {}", matrix(&weights(t))),
            ),
            line(
                "scores",
                format!(
                    r"\mathbf{{z}} = W^\top {} + {} = {}",
                    column(&t.x),
                    column(&b),
                    column(&t.z)
                ),
            ),
            line(
                "exponentials and their sum",
                format!(
                    r"e^{{\mathbf{{z}}}} = {},\quad \sum = {}",
                    column64(&exp),
                    num(total)
                ),
            ),
            line("probabilities", format!(r"\mathbf{{p}} = {}", column(&t.p))),
        ],
    }
}

fn loss(t: &ClassStep, classes: &[String]) -> SubStep {
    let p_y = t.p.get(t.class).copied().unwrap_or(f32::NAN);
    let mut substituted = vec![
        line(
            format!(
                "this row's cross-entropy (its class: {})",
                class_name(t, classes)
            ),
            format!(
                r"-\log p_{{y}} = -\log {} = {}",
                n32(p_y),
                num(-f64::from(p_y).ln())
            ),
        ),
        line(
            format!("mean over the batch's {} rows", t.batch),
            format!(r"\mathrm{{CE}} = {}", n32(t.ce)),
        ),
    ];
    if t.l2 > 0.0 {
        substituted.push(line(
            "with the L2 penalty",
            format!(
                r"L = {} + {} \cdot \lVert W\rVert^2 = {}",
                n32(t.ce),
                num(t.l2),
                n32(t.loss)
            ),
        ));
    }
    SubStep {
        kind: SubStepKind::Loss,
        title: "2 · Loss",
        summary: "Cross-entropy: minus the log of the probability given to the right class, averaged over the batch, plus λ₂‖W‖² when L2 is on (b is not penalized).".into(),
        symbolic: vec![line(
            "loss",
            r"L = -\frac{1}{m}\sum_{i=1}^{m} \log p_{i,y_i} + \lambda_2 \lVert W\rVert^2",
        )],
        substituted,
    }
}

fn backward(t: &ClassStep) -> SubStep {
    let m = t.batch.max(1) as f64;
    // ∂CE/∂z for this row: (p − e_y)/m.
    let dz: Vec<f64> = (0..t.p.len())
        .map(|c| (f64::from(t.p[c]) - f64::from(u8::from(c == t.class))) / m)
        .collect();
    let k = t.b.len().max(1);
    let grads = Matrix::new(t.w.len() / k, k, t.w.iter().map(|u| u.grad).collect());
    let grad_b: Vec<f32> = t.b.iter().map(|u| u.grad).collect();
    SubStep {
        kind: SubStepKind::Backward,
        title: "3 · Backward",
        summary: "Autodiff gives the slopes: the scores' slope is p minus the one-hot class; each row adds its features times that. The followed row's slope is written out, the sums over the batch are Burn's.".into(),
        symbolic: vec![line(
            "gradients",
            r"\frac{\partial L}{\partial \mathbf{z}_i} = \frac{1}{m}(\mathbf{p}_i - \mathbf{e}_{y_i}),\quad \nabla_W L = \sum_i \mathbf{x}'_i \frac{\partial L}{\partial \mathbf{z}_i}^{\!\top} + 2\lambda_2 W,\quad \nabla_{\mathbf{b}} L = \sum_i \frac{\partial L}{\partial \mathbf{z}_i}",
        )],
        substituted: vec![
            line(
                "this row's slope of the scores",
                format!(
                    r"\frac{{1}}{{{}}}(\mathbf{{p}} - \mathbf{{e}}_{{{}}}) = {}",
                    t.batch,
                    t.class,
                    column64(&dz)
                ),
            ),
            line(
                "gradient of W (the whole batch)",
                format!(r"\nabla_W L = {}", matrix(&grads)),
            ),
            line(
                "gradient of b",
                format!(r"\nabla_{{\mathbf{{b}}}} L = {}", column(&grad_b)),
            ),
        ],
    }
}

fn update(t: &ClassStep) -> SubStep {
    let mut substituted = update_lines("W", "W (flattened, row by row)", &t.optimizer, &t.w, false);
    substituted.extend(update_lines(r"\mathbf{b}", "b", &t.optimizer, &t.b, false));
    update_sub_step(t.optimizer.kind, substituted)
}
