//! The four sub-steps of one iteration — forward → loss → backward → update — each as formulas,
//! first symbolic, then with the step's real numbers (Burn's) substituted.

use serde::Serialize;

use super::format::{n32, num, p32, paren, shown_rows};
use super::optimizer_rules::{update_lines, update_sub_step};
use crate::protocol::StepTrace;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum SubStepKind {
    Forward,
    Loss,
    Backward,
    Update,
}

/// One typeset line: a short caption and its LaTeX.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FormulaLine {
    pub caption: String,
    pub latex: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SubStep {
    pub kind: SubStepKind,
    pub title: &'static str,
    /// One sentence on what happens here.
    pub summary: String,
    pub symbolic: Vec<FormulaLine>,
    pub substituted: Vec<FormulaLine>,
}

/// One typeset line from its caption and LaTeX: the one writer every sub-step and card uses.
pub fn line(caption: impl Into<String>, latex: impl Into<String>) -> FormulaLine {
    FormulaLine {
        caption: caption.into(),
        latex: latex.into(),
    }
}

/// The four sub-steps of `t`.
pub fn sub_steps(t: &StepTrace) -> [SubStep; 4] {
    [forward(t), loss(t), backward(t), update(t)]
}

fn forward(t: &StepTrace) -> SubStep {
    let (rows, more) = shown_rows(t.x.len());
    let mut substituted: Vec<FormulaLine> = rows
        .iter()
        .map(|&i| {
            let latex = format!(
                r"\hat{{y}}_{{{}}} = {} \cdot {} + {} = {}",
                i + 1,
                n32(t.w.theta),
                p32(t.x[i]),
                p32(t.b.theta),
                n32(t.y_hat[i])
            );
            line(format!("row {} of {}", i + 1, t.x.len()), latex)
        })
        .collect();
    if more {
        substituted.insert(3, line("", r"\vdots"));
    }
    SubStep {
        kind: SubStepKind::Forward,
        title: "1 · Forward",
        summary: format!(
            "The model predicts each of the batch's {} points with the current w and b.",
            t.x.len()
        ),
        symbolic: vec![line("prediction", r"\hat{y}_i = w\,x_i + b")],
        substituted,
    }
}

fn regularizer_symbolic(t: &StepTrace) -> String {
    let mut s = String::new();
    if t.l1 > 0.0 {
        s += r" + \lambda_1 |w|";
    }
    if t.l2 > 0.0 {
        s += r" + \lambda_2 w^2";
    }
    s
}

/// `\left[a + b + c + \dots + z\right]` of the shown rows' values.
fn bracket_sum(values: &[f64]) -> String {
    let (rows, more) = shown_rows(values.len());
    let mut terms: Vec<String> = rows.iter().map(|&i| paren(values[i])).collect();
    if more {
        terms.insert(3, r"\dots".into());
    }
    format!(r"\left[{}\right]", terms.join(" + "))
}

/// eᵢ = yᵢ − ŷᵢ of every row, from the trace's (Burn's) numbers.
fn residuals(t: &StepTrace) -> Vec<f64> {
    t.y.iter()
        .zip(&t.y_hat)
        .map(|(&y, &y_hat)| f64::from(y) - f64::from(y_hat))
        .collect()
}

fn loss(t: &StepTrace) -> SubStep {
    let n = t.x.len();
    let e = residuals(t);
    let squares: Vec<f64> = e.iter().map(|e| e * e).collect();
    let mut reg = String::new();
    if t.l1 > 0.0 {
        reg += &format!(r" + {} \cdot |{}|", num(t.l1), n32(t.w.theta));
    }
    if t.l2 > 0.0 {
        reg += &format!(r" + {} \cdot {}^2", num(t.l2), p32(t.w.theta));
    }
    let first = format!(
        r"\left(y_1 - \hat{{y}}_1\right)^2 = \left({} - {}\right)^2 = {}",
        n32(t.y[0]),
        n32(t.y_hat[0]),
        num(squares[0])
    );
    let mean = format!(
        r"\frac{{1}}{{{n}}}{} = {}",
        bracket_sum(&squares),
        n32(t.mse)
    );
    SubStep {
        kind: SubStepKind::Loss,
        title: "2 · Loss",
        summary: "How wrong the predictions are: the mean of the squared errors (plus the penalty on w, when regularization is on).".into(),
        symbolic: vec![line("loss", format!(r"L = \frac{{1}}{{n}}\sum_{{i=1}}^{{n}}\left(y_i - \hat{{y}}_i\right)^2{}", regularizer_symbolic(t)))],
        substituted: vec![
            line("squared error of row 1", first),
            line(format!("mean over the {n} rows"), mean),
            line("loss", format!(r"L = {}{reg} = {}", n32(t.mse), n32(t.loss))),
        ],
    }
}

fn backward(t: &StepTrace) -> SubStep {
    let n = t.x.len();
    let e = residuals(t);
    let x_e: Vec<f64> = t.x.iter().zip(&e).map(|(&x, e)| f64::from(x) * e).collect();
    let mut w_reg_sym = String::new();
    let mut w_reg = String::new();
    if t.l1 > 0.0 {
        w_reg_sym += r" + \lambda_1 \operatorname{sign}(w)";
        w_reg += &format!(
            r" + {} \cdot \operatorname{{sign}}({})",
            num(t.l1),
            n32(t.w.theta)
        );
    }
    if t.l2 > 0.0 {
        w_reg_sym += r" + 2 \lambda_2 w";
        w_reg += &format!(r" + 2 \cdot {} \cdot {}", num(t.l2), p32(t.w.theta));
    }
    let first = format!(
        r"x_1\left(y_1 - \hat{{y}}_1\right) = {} \cdot \left({} - {}\right) = {}",
        n32(t.x[0]),
        n32(t.y[0]),
        n32(t.y_hat[0]),
        num(x_e[0])
    );
    SubStep {
        kind: SubStepKind::Backward,
        title: "3 · Backward",
        summary: "Autodiff gives the slope of the loss for each parameter: which way, and how steeply, L changes when w or b moves.".into(),
        symbolic: vec![
            line("gradient of w", format!(r"\frac{{\partial L}}{{\partial w}} = -\frac{{2}}{{n}}\sum_{{i=1}}^{{n}} x_i\left(y_i - \hat{{y}}_i\right){w_reg_sym}")),
            line("gradient of b", r"\frac{\partial L}{\partial b} = -\frac{2}{n}\sum_{i=1}^{n} \left(y_i - \hat{y}_i\right)"),
        ],
        substituted: vec![
            line("term of row 1", first),
            line("gradient of w", format!(r"\frac{{\partial L}}{{\partial w}} = -\frac{{2}}{{{n}}}{}{w_reg} = {}", bracket_sum(&x_e), n32(t.w.grad))),
            line("gradient of b", format!(r"\frac{{\partial L}}{{\partial b}} = -\frac{{2}}{{{n}}}{} = {}", bracket_sum(&e), n32(t.b.grad))),
        ],
    }
}

fn update(t: &StepTrace) -> SubStep {
    let h = &t.optimizer;
    let mut substituted = update_lines("w", "w", h, &[t.w], false);
    substituted.extend(update_lines("b", "b", h, &[t.b], false));
    update_sub_step(h.kind, substituted)
}
