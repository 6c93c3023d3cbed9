//! AdamW's update of the followed W_Q entry: t, m, v, the bias corrections, the decoupled
//! weight decay, θ old → new.

use super::format::{n32, num, p32};
use super::gpt_follow::{GptStep, Phase, computed, line, sub_step, term};
use super::nn_text::plain;
use crate::protocol::gpt_follow::TokenTrace;

pub fn update(tr: &TokenTrace) -> GptStep {
    let e = &tr.entry;
    let ti = e.t as i32;
    let (b1, b2) = (f64::from(e.beta_1), f64::from(e.beta_2));
    let m_hat = f64::from(e.m) / (1.0 - b1.powi(ti));
    let v_hat = f64::from(e.v) / (1.0 - b2.powi(ti));
    let mut s = sub_step(
        Phase::Update,
        "AdamW's update".into(),
        format!(
            "Step {} of AdamW for this weight: moving averages of g and g², corrected for their start at 0, and weight decay λ = {} pulling θ toward 0.",
            e.t,
            plain(f64::from(e.weight_decay))
        ),
        vec![
            line(
                "moments",
                r"m = \beta_1 m + (1-\beta_1) g,\quad v = \beta_2 v + (1-\beta_2) g^2",
            ),
            line(
                "bias correction",
                r"\hat{m} = \frac{m}{1-\beta_1^{t}},\quad \hat{v} = \frac{v}{1-\beta_2^{t}}",
            ),
            line(
                "decoupled decay and step",
                r"\theta \leftarrow \theta(1 - \alpha\lambda) - \alpha\,\frac{\hat{m}}{\sqrt{\hat{v}}+\varepsilon}",
            ),
        ],
    );
    s.substituted = vec![
        line(
            format!("t = {}", e.t),
            format!(
                r"m = {} \cdot {} + {} \cdot {} = {}",
                num(b1),
                p32(e.m_before),
                num(1.0 - b1),
                p32(e.grad),
                n32(e.m)
            ),
        ),
        line(
            "",
            format!(
                r"v = {} \cdot {} + {} \cdot \left({}\right)^2 = {}",
                num(b2),
                p32(e.v_before),
                num(1.0 - b2),
                n32(e.grad),
                n32(e.v)
            ),
        ),
        line(
            "computed here",
            format!(
                r"\hat{{m}} = {},\quad \hat{{v}} = {}",
                num(m_hat),
                num(v_hat)
            ),
        ),
        line(
            format!("α = {}, the schedule's at this step", plain(e.lr)),
            format!(
                r"\theta = {}\,(1 - {}) - {}\cdot\frac{{{}}}{{\sqrt{{{}}} + 10^{{-8}}}} = {}",
                n32(e.theta),
                num(e.lr * f64::from(e.weight_decay)),
                num(e.lr),
                num(m_hat),
                num(v_hat),
                n32(e.theta_new)
            ),
        ),
    ];
    s.terms = vec![
        term("g", e.grad, "entry.grad", &[]),
        term("m before", e.m_before, "entry.m_before", &[]),
        term("v before", e.v_before, "entry.v_before", &[]),
        term("m", e.m, "entry.m", &[]),
        term("v", e.v, "entry.v", &[]),
        computed("m̂", m_hat, &[]),
        computed("v̂", v_hat, &[]),
        term("θ old", e.theta, "entry.theta", &[]),
        term("θ new", e.theta_new, "entry.theta_new", &[]),
    ];
    s
}
