//! Forward sub-steps: the input x, each dense layer's z = W·a + b (the focused neuron's row
//! written out) and its activation with the mask.

use super::format::{n32, p32};
use super::nn_steps::{NnStep, Stage, Target, Term, line};
use super::nn_text::{act_formula, active_count, at, largest, plain, sup};
use crate::protocol::SampleTrace;
use crate::protocol::mnist::SIDE;
use crate::settings::{Activation, ModelKind};

/// Terms written out per row.
pub const SHOWN_TERMS: usize = 4;

/// What input i of dense layer k is on the page: a pixel, a neuron of the previous layer, or
/// (the CNN's flattened features) nothing shown.
pub fn input_targets(t: &SampleTrace, k: usize, i: usize) -> Vec<Target> {
    match (k, t.model) {
        (0, ModelKind::Mlp) => vec![Target::Pixel(i)],
        (0, ModelKind::Cnn) => vec![],
        _ => vec![Target::Neuron {
            layer: k - 1,
            neuron: i,
        }],
    }
}

/// The pixel the input step writes out: the first layer's focused input (MLP) or the centre
/// of the convolution window (CNN).
pub fn focus_pixel(t: &SampleTrace) -> usize {
    match &t.conv {
        Some(c) => c.position.0 * SIDE + c.position.1,
        None => t.layers.first().map_or(0, |l| l.input),
    }
}

pub fn input(t: &SampleTrace) -> NnStep {
    let i = focus_pixel(t);
    let p = t.pixels.get(i).copied().unwrap_or(0);
    let x = at(&t.x, i);
    let ink = t.pixels.iter().filter(|&&p| p > 0).count();
    let unit = t.mean == 0.0 && t.std == 1.0;
    let scale = if unit {
        line(
            "scaling (x/255)",
            r"x_i = \frac{p_i}{255},\quad p_i \in \{0, \dots, 255\}",
        )
    } else {
        line(
            format!(
                "scaling (mean {}, std {})",
                plain(t.mean.into()),
                plain(t.std.into())
            ),
            r"x_i = \frac{p_i / 255 - \text{mean}}{\text{std}}",
        )
    };
    let value = if unit {
        format!(r"x_{{{i}}} = \frac{{{p}}}{{255}} = {}", n32(x))
    } else {
        format!(
            r"x_{{{i}}} = \frac{{{p}/255 - {}}}{{{}}} = {}",
            n32(t.mean),
            n32(t.std),
            n32(x)
        )
    };
    let (r, c) = (i / SIDE, i % SIDE);
    NnStep {
        stage: Stage::Input,
        title: "Input x".into(),
        summary: format!(
            "The 28×28 image is read row by row into a vector of 784 numbers and scaled ({} of them are ink, p > 0); the true digit is y = {}.",
            ink, t.label
        ),
        symbolic: vec![
            line(
                "flatten: pixel (r, c) becomes entry i = 28 r + c",
                r"p \in \{0,\dots,255\}^{28 \times 28} \;\to\; x \in \mathbb{R}^{784}",
            ),
            scale,
        ],
        substituted: vec![line(
            format!("pixel {i} (row {r}, column {c}): raw value and network input"),
            value,
        )],
        terms: vec![
            Term {
                name: format!("p[{i}] (row {r}, col {c})"),
                detail: String::new(),
                value: f64::from(p),
                key: Some(format!("sample.pixels[{i}]")),
                targets: vec![Target::Pixel(i)],
            },
            Term {
                name: format!("x[{i}]"),
                detail: String::new(),
                value: x.into(),
                key: Some(format!("sample.x[{i}]")),
                targets: vec![Target::Pixel(i)],
            },
        ],
    }
}

pub fn activation(t: &SampleTrace, k: usize) -> NnStep {
    let l = &t.layers[k];
    let (j, s) = (l.neuron, sup(k));
    let (name, formula) = act_formula(t.activation);
    let (z, a) = (at(&l.z, j), at(&l.a, j));
    let value = match t.activation {
        Activation::Relu => format!(r"a{s}_{{{j}}} = \max(0,\ {}) = {}", n32(z), n32(a)),
        Activation::Sigmoid => format!(
            r"a{s}_{{{j}}} = \frac{{1}}{{1 + e^{{-{}}}}} = {}",
            p32(z),
            n32(a)
        ),
        Activation::Tanh => format!(r"a{s}_{{{j}}} = \tanh({}) = {}", n32(z), n32(a)),
    };
    let active = active_count(&l.z);
    let a64: Vec<f64> = l.a.iter().map(|&v| f64::from(v)).collect();
    let mut shown = vec![j];
    shown.extend(largest(&a64, 5).into_iter().filter(|&n| n != j).take(4));
    let mask_word = match t.activation {
        Activation::Relu => "passed (z > 0); the others become 0",
        _ => "above the midpoint (z > 0)",
    };
    NnStep {
        stage: Stage::Activation(k),
        title: format!("Layer {}: a = {name}(z)", k + 1),
        summary: format!(
            "The non-linearity acts on each neuron separately: {active} of the {} neurons are {mask_word}.",
            l.outputs
        ),
        symbolic: vec![
            line(
                "element by element",
                format!(
                    r"a{s} = \operatorname{{{name}}}(z{s}),\quad \operatorname{{{name}}}(z) = {formula}"
                ),
            ),
            line("the mask", format!(r"m{s}_j = \mathbf{{1}}[z{s}_j > 0]")),
        ],
        substituted: vec![
            line(
                "the mask: active neurons",
                format!(r"\sum_j m{s}_j = {active} \text{{ of }} {}", l.outputs),
            ),
            line(format!("neuron {j}"), value),
        ],
        terms: shown
            .into_iter()
            .map(|n| Term {
                name: format!("a[{n}]"),
                detail: format!("z = {}", plain(at(&l.z, n).into())),
                value: at(&l.a, n).into(),
                key: Some(format!("layers[{k}].a[{n}]")),
                targets: vec![Target::Neuron {
                    layer: k,
                    neuron: n,
                }],
            })
            .collect(),
    }
}
