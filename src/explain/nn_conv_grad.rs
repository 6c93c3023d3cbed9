//! Back to the CNN's first convolution: ∂L/∂K of the followed channel.

use super::format::n32;
use super::nn_conv::{matrix, value_term};
use super::nn_conv_maps::shape;
use super::nn_steps::{NnStep, Stage, Target, Term, line};
use super::nn_text::{at, largest};
use crate::protocol::{ConvTrace, SampleTrace};

pub fn gradient(t: &SampleTrace, c: &ConvTrace) -> NnStep {
    let (ch, (du, dv), n) = (c.channel, c.tap, c.kernel);
    let tap = du * n + dv;
    let d_k64: Vec<f64> = c.d_k.iter().map(|&v| f64::from(v)).collect();
    let mut shown = vec![tap];
    shown.extend(largest(&d_k64, 4).into_iter().filter(|&i| i != tap).take(3));
    let mut terms: Vec<Term> = shown
        .into_iter()
        .map(|i| {
            value_term(
                format!("∂L/∂K[{},{}]", i / n, i % n),
                at(&c.d_k, i),
                format!("conv.d_k[{i}]"),
                vec![Target::Tap(i / n, i % n)],
            )
        })
        .collect();
    terms.push(value_term(
        format!("∂L/∂b[{ch}]"),
        c.bias.grad,
        "conv.bias.grad".into(),
        vec![],
    ));
    let head = t.layers.first();
    let mut back: Vec<String> = c
        .middle
        .iter()
        .rev()
        .map(|(_, d)| format!("[{}]", shape(d)))
        .collect();
    if c.middle.last().map(|(_, d)| d.iter().product::<usize>()) != head.map(|l| l.inputs) {
        back.insert(0, format!("[{}]", head.map_or(0, |l| l.inputs)));
    }
    let (i, d_h) = head.map_or((0, f32::NAN), |l| (l.input, at(&l.d_a_in, l.input)));
    NnStep {
        stage: Stage::ConvGradient,
        title: format!("Back to convolution 1: ∂L/∂K of channel {ch}"),
        summary: "The dense layer sends Wᵀδ back into the flattened maps; the middle layers pass it on (pooling routes it to the maximum, ReLU gates it) down to δ of the first convolution, and each kernel weight collects δ times the pixels it touched.".into(),
        symbolic: vec![
            line("back through the layers", r"\frac{\partial L}{\partial h} = W^\top \delta \;\to\; \dots \;\to\; \delta_c = \frac{\partial L}{\partial z_c}"),
            line("the kernel and bias", r"\frac{\partial L}{\partial K_c[u,v]} = \sum_{r,s} \delta_c[r,s]\; x[r+u-2,\ s+v-2],\quad \frac{\partial L}{\partial b_c} = \sum_{r,s} \delta_c[r,s]"),
        ],
        substituted: vec![
            line(format!("feature {i} of h (Burn)"), format!(r"\frac{{\partial L}}{{\partial h_{{{i}}}}} = {}", n32(d_h))),
            line("the shapes on the way back", format!(r"{} \to [{} \times 28 \times 28]", back.join(r" \to "), c.channels)),
            line(format!("kernel {ch}'s gradient (Burn's autodiff)"), format!(r"\frac{{\partial L}}{{\partial K_{{{ch}}}}} = {}", matrix(c, &c.d_k))),
            line(
                format!("tap ({du}, {dv}) and the bias"),
                format!(r"\frac{{\partial L}}{{\partial K_{{{ch}}}[{du},{dv}]}} = {},\quad \frac{{\partial L}}{{\partial b_{{{ch}}}}} = {}", n32(at(&c.d_k, tap)), n32(c.bias.grad)),
            ),
        ],
        terms,
    }
}
