//! The formula page's worked examples are Burn's numbers: each is checked here against an
//! independent f64 computation from the inputs the engine reports (≤ 1e-5 relative, with a
//! 1e-7 absolute floor near zero), plus the published single-neuron values.

mod common;

use common::close;
use common::oracle::update as optimizer_update;
use futures::executor::block_on;
use ml_playground::engine::{device, reference::worked_examples};
use ml_playground::protocol::ParamState;
use ml_playground::protocol::reference::{Matrix, NeuronInput, WorkedExamples};
use ml_playground::settings::{OptimizerKind, Settings};

fn close_all(what: &str, burn: &[f32], expected: &[f64]) {
    assert_eq!(burn.len(), expected.len(), "{what}: length");
    for (i, (&b, &e)) in burn.iter().zip(expected).enumerate() {
        close(&format!("{what}[{i}]"), b, e);
    }
}

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

fn bce(y_hat: f64, y: f64) -> f64 {
    -(y * y_hat.ln() + (1.0 - y) * (1.0 - y_hat).ln())
}

fn wide(v: &[f32]) -> Vec<f64> {
    v.iter().map(|&x| f64::from(x)).collect()
}

/// (A·B) of row-major matrices.
fn matmul(a: &Matrix, b: &Matrix) -> Vec<f64> {
    let mut out = vec![0.0; a.rows * b.cols];
    for i in 0..a.rows {
        for j in 0..b.cols {
            out[i * b.cols + j] = (0..a.cols)
                .map(|k| f64::from(a.at(i, k)) * f64::from(b.at(k, j)))
                .sum();
        }
    }
    out
}

fn examples(input: &NeuronInput) -> WorkedExamples {
    block_on(worked_examples(input, &device::cpu()).finish()).expect("CPU readback")
}

fn default_examples() -> WorkedExamples {
    examples(&NeuronInput::from_settings(&Settings::default()))
}

#[test]
fn single_neuron_gives_the_corrected_published_values() {
    let n = default_examples().neuron;
    assert_eq!((n.input.x.len(), n.input.b, n.input.y), (4, 0.5, 1.0));
    close("z", n.z, 0.8);
    close("ŷ = σ(0.8)", n.y_hat, sigmoid(0.8));
    assert_eq!(format!("{:.4}", n.y_hat), "0.6900", "not 0.878");
    close("BCE", n.loss, -sigmoid(0.8).ln());
    assert_eq!(format!("{:.4}", n.loss), "0.3711", "positive, not −0.251");
    let delta = sigmoid(0.8) - 1.0;
    close("∂L/∂b = ŷ − y", n.grad_b, delta);
    close_all(
        "∂L/∂w = (ŷ − y)x",
        &n.grad_w,
        &[0.1, 0.2, 0.3, 0.4].map(|x| delta * x),
    );
}

#[test]
fn single_neuron_with_other_inputs_and_a_zero_label() {
    let input = NeuronInput {
        x: vec![2.0, -1.0],
        w: vec![-0.5, 1.5],
        b: 0.25,
        y: 0.0,
    };
    let n = examples(&input).neuron;
    let z: f64 = 2.0 * -0.5 - 1.5 + 0.25; // x·w + b
    close("z", n.z, z);
    close("ŷ", n.y_hat, sigmoid(z));
    close("BCE with y = 0", n.loss, bce(sigmoid(z), 0.0));
    close_all("∂L/∂w", &n.grad_w, &[2.0 * sigmoid(z), -sigmoid(z)]);
}

#[test]
fn losses_and_activations_match() {
    let e = default_examples();
    let (y, y_hat) = (wide(&e.mse_y), wide(&e.mse_y_hat));
    let mse = y
        .iter()
        .zip(&y_hat)
        .map(|(a, b)| (a - b).powi(2))
        .sum::<f64>()
        / y.len() as f64;
    close("MSE", e.mse, mse);

    let a = &e.activations;
    let z = wide(&a.z);
    close_all(
        "σ",
        &a.sigmoid,
        &z.iter().map(|&z| sigmoid(z)).collect::<Vec<_>>(),
    );
    let ds: Vec<f64> = z.iter().map(|&z| sigmoid(z) * (1.0 - sigmoid(z))).collect();
    close_all("σ'", &a.d_sigmoid, &ds);
    close_all(
        "ReLU",
        &a.relu,
        &z.iter().map(|&z| z.max(0.0)).collect::<Vec<_>>(),
    );
    let dr: Vec<f64> = z.iter().map(|&z| if z > 0.0 { 1.0 } else { 0.0 }).collect();
    close_all("ReLU' (0 at 0)", &a.d_relu, &dr);
    close_all(
        "tanh",
        &a.tanh,
        &z.iter().map(|&z| z.tanh()).collect::<Vec<_>>(),
    );
    let dt: Vec<f64> = z.iter().map(|&z| 1.0 - z.tanh().powi(2)).collect();
    close_all("tanh'", &a.d_tanh, &dt);

    let s = &e.softmax;
    let logits = wide(&s.logits);
    let total: f64 = logits.iter().map(|z| z.exp()).sum();
    let p: Vec<f64> = logits.iter().map(|z| z.exp() / total).collect();
    close_all("softmax", &s.probs, &p);
    close("cross-entropy", s.cross_entropy, -p[s.label].ln());
    let grad: Vec<f64> = p
        .iter()
        .enumerate()
        .map(|(k, p)| p - if k == s.label { 1.0 } else { 0.0 })
        .collect();
    close_all("∂L/∂z = p − onehot", &s.grad, &grad);

    let r = &e.regularization;
    let w = wide(&r.w);
    let (l1, l2) = (f64::from(r.l1), f64::from(r.l2));
    close(
        "λ₁Σ|w|",
        r.l1_penalty,
        l1 * w.iter().map(|w| w.abs()).sum::<f64>(),
    );
    close(
        "λ₂Σw²",
        r.l2_penalty,
        l2 * w.iter().map(|w| w * w).sum::<f64>(),
    );
    close_all(
        "λ₁ sign(w)",
        &r.l1_grad,
        &w.iter().map(|w| l1 * w.signum()).collect::<Vec<_>>(),
    );
    close_all(
        "2λ₂w",
        &r.l2_grad,
        &w.iter().map(|w| 2.0 * l2 * w).collect::<Vec<_>>(),
    );
}

#[test]
fn layers_match() {
    let e = default_examples();
    let d = &e.dense;
    let z: Vec<f64> = matmul(&d.x, &d.w)
        .iter()
        .enumerate()
        .map(|(i, v)| v + f64::from(d.b[i % d.w.cols]))
        .collect();
    close_all("Z = XW + b", &d.z.data, &z);
    close_all(
        "A = σ(Z)",
        &d.a.data,
        &z.iter().map(|&z| sigmoid(z)).collect::<Vec<_>>(),
    );
    assert_eq!((d.z.rows, d.z.cols), (2, 2));

    let b = &e.backprop;
    let x = Matrix::new(3, 1, b.x.clone());
    let z1: Vec<f64> = matmul(&b.w1, &x)
        .iter()
        .zip(&b.b1)
        .map(|(v, &c)| v + f64::from(c))
        .collect();
    let a1: Vec<f64> = z1.iter().map(|&z| sigmoid(z)).collect();
    let z2 = (0..2)
        .map(|j| f64::from(b.w2.at(0, j)) * a1[j])
        .sum::<f64>()
        + f64::from(b.b2[0]);
    let y_hat = sigmoid(z2);
    close_all("z₁", &b.z1, &z1);
    close("ŷ", b.y_hat, y_hat);
    close("L", b.loss, bce(y_hat, f64::from(b.y)));
    let delta2 = y_hat - f64::from(b.y);
    close_all("δ₂", &b.delta2, &[delta2]);
    let delta1: Vec<f64> = (0..2)
        .map(|j| f64::from(b.w2.at(0, j)) * delta2 * a1[j] * (1.0 - a1[j]))
        .collect();
    close_all("δ₁ (autodiff)", &b.delta1, &delta1);
    close_all("δ₁ (formula)", &b.delta1_formula, &delta1);
    let gw1: Vec<f64> = (0..6)
        .map(|k| delta1[k / 3] * f64::from(b.x[k % 3]))
        .collect();
    close_all("∂L/∂W₁ = δ₁xᵀ", &b.grad_w1.data, &gw1);
    assert_eq!((b.grad_w1.rows, b.grad_w1.cols), (2, 3), "same shape as W₁");
    close_all(
        "∂L/∂W₂ = δ₂a₁ᵀ",
        &b.grad_w2.data,
        &[delta2 * a1[0], delta2 * a1[1]],
    );

    let a = &e.attention;
    let d_k = a.k.cols as f64;
    let mut expected_out = Vec::new();
    for i in 0..2 {
        let s: Vec<f64> = (0..2)
            .map(|j| {
                (0..2)
                    .map(|c| f64::from(a.q.at(i, c)) * f64::from(a.k.at(j, c)))
                    .sum::<f64>()
                    / d_k.sqrt()
            })
            .collect();
        close_all(&format!("scores row {i}"), &a.scores.row(i), &s);
        let total: f64 = s.iter().map(|v| v.exp()).sum();
        let w: Vec<f64> = s.iter().map(|v| v.exp() / total).collect();
        close_all(&format!("weights row {i}"), &a.weights.row(i), &w);
        for c in 0..2 {
            expected_out.push((0..2).map(|j| w[j] * f64::from(a.v.at(j, c))).sum());
        }
    }
    close_all("softmax(QKᵀ/√d_k)V", &a.out.data, &expected_out);

    let f = &e.ffn;
    let x = Matrix::new(1, 2, f.x.clone());
    let pre: Vec<f64> = matmul(&x, &f.w1)
        .iter()
        .zip(&f.b1)
        .map(|(v, &c)| v + f64::from(c))
        .collect();
    close_all("xW₁ + b₁", &f.hidden_pre, &pre);
    let h: Vec<f64> = pre.iter().map(|v| v.max(0.0)).collect();
    close_all("max(0, ·)", &f.hidden, &h);
    assert!(h.contains(&0.0), "the example shows ReLU cutting a unit");
    let hm = Matrix::new(1, 3, h.iter().map(|&v| v as f32).collect());
    let out: Vec<f64> = matmul(&hm, &f.w2)
        .iter()
        .zip(&f.b2)
        .map(|(v, &c)| v + f64::from(c))
        .collect();
    close_all("FFN", &f.out, &out);
}

#[test]
fn optimizers_follow_their_update_rules() {
    let e = default_examples();
    assert_eq!(e.descent.len(), 3);
    for d in &e.descent {
        let h = &d.optimizer;
        let n = d.steps[0].theta.len();
        let mut states = vec![ParamState::None; n];
        let mut theta = wide(&d.steps[0].theta);
        for (k, s) in d.steps.iter().enumerate() {
            close_all(&format!("{:?} θ at step {k}", h.kind), &s.theta, &theta);
            let c = [1.0, 3.0];
            close(
                "J",
                s.loss,
                theta.iter().zip(c).map(|(t, c)| c * t * t).sum(),
            );
            let grad: Vec<f64> = theta.iter().zip(c).map(|(t, c)| 2.0 * c * t).collect();
            close_all("∇J", &s.grad, &grad);
            let mut next = Vec::new();
            for i in 0..n {
                let (new, after) = optimizer_update(h, theta[i], grad[i], states[i]);
                next.push(new);
                match after {
                    ParamState::Momentum { v } => close("velocity", s.first[i], f64::from(v)),
                    ParamState::Adam { t, m, v } => {
                        assert_eq!(t, s.t);
                        close("m", s.first[i], f64::from(m));
                        close("v", s.second[i], f64::from(v));
                    }
                    ParamState::None => assert!(s.first.is_empty()),
                }
                states[i] = after;
            }
            close_all(&format!("{:?} new θ", h.kind), &s.theta_new, &next);
            theta = next;
        }
        close(
            "final J",
            d.final_loss,
            theta[0] * theta[0] + 3.0 * theta[1] * theta[1],
        );
        if h.kind == OptimizerKind::Adam {
            // Bias correction makes the first step ≈ α·sign(g) in every coordinate.
            let first = &d.steps[0];
            for i in 0..n {
                let moved = f64::from(first.theta[i] - first.theta_new[i]);
                assert!((moved - h.lr).abs() < 1e-4, "Adam's first step {moved} ≈ α");
            }
        }
    }
}

#[test]
fn metrics_match_the_confusion_counts() {
    let m = default_examples().metrics;
    let predicted: Vec<u8> = m.probs.iter().map(|&p| u8::from(p >= 0.5)).collect();
    assert_eq!(m.predicted, predicted);
    let count = |t: u8, p: u8| {
        m.labels
            .iter()
            .zip(&predicted)
            .filter(|&(&a, &b)| a == t && b == p)
            .count() as u32
    };
    assert_eq!(
        (m.tp, m.fp, m.fn_, m.tn),
        (count(1, 1), count(0, 1), count(1, 0), count(0, 0))
    );
    let (tp, fp, fn_, tn) = (
        f64::from(m.tp),
        f64::from(m.fp),
        f64::from(m.fn_),
        f64::from(m.tn),
    );
    close("accuracy", m.accuracy, (tp + tn) / (tp + tn + fp + fn_));
    let (p, r) = (tp / (tp + fp), tp / (tp + fn_));
    assert!((m.precision - p).abs() < 1e-12 && (m.recall - r).abs() < 1e-12);
    assert!((m.f1 - 2.0 * p * r / (p + r)).abs() < 1e-12);
}
