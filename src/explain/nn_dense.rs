//! A dense layer's forward step: z = W·a + b with the followed neuron's row written out.

use super::format::{n32, num, p32};
use super::nn_forward::{SHOWN_TERMS, input_targets};
use super::nn_steps::{NnStep, Stage, Target, Term, line};
use super::nn_text::{
    at, input_elem, input_plain, input_sym, is_output, largest, plain, products, sup,
};
use crate::protocol::SampleTrace;

pub fn dense(t: &SampleTrace, k: usize) -> NnStep {
    let l = &t.layers[k];
    let (j, s, a) = (l.neuron, sup(k), input_sym(t, k));
    let terms = products(&l.w_row, &l.a_in);
    let top = largest(&terms, SHOWN_TERMS);
    let sum: f64 = terms.iter().sum();
    let zeros = terms.iter().filter(|&&v| v == 0.0).count();
    let written: Vec<String> = top
        .iter()
        .map(|&i| {
            format!(
                r"\underset{{W_{{{j},{i}}} {}}}{{{} \cdot {}}}",
                input_elem(t, k, i),
                p32(at(&l.w_row, i)),
                p32(at(&l.a_in, i))
            )
        })
        .collect();
    let more = if l.inputs > top.len() {
        r" + \dots"
    } else {
        ""
    };
    let bias = l.bias.theta;
    let z = at(&l.z, j);
    let output = is_output(t, k);
    let mut chips: Vec<Term> = top
        .iter()
        .map(|&i| Term {
            name: format!("W[{j},{i}]·{}", input_plain(t, k, i)),
            detail: format!(
                "{} × {}",
                plain(at(&l.w_row, i).into()),
                plain(at(&l.a_in, i).into())
            ),
            value: terms[i],
            key: None,
            targets: input_targets(t, k, i),
        })
        .collect();
    chips.push(Term {
        name: format!("b[{j}]"),
        detail: String::new(),
        value: bias.into(),
        key: Some(format!("layers[{k}].bias.old")),
        targets: vec![],
    });
    chips.push(Term {
        name: format!("z[{j}]"),
        detail: String::new(),
        value: z.into(),
        key: Some(format!("layers[{k}].z[{j}]")),
        targets: vec![Target::Neuron {
            layer: k,
            neuron: j,
        }],
    });
    let zero_note = if zeros > 0 {
        format!("; {zeros} of them are 0")
    } else {
        String::new()
    };
    NnStep {
        stage: Stage::Dense(k),
        title: if output {
            format!("Layer {}: the logits z = W·a + b", k + 1)
        } else {
            format!("Layer {}: z = W·a + b", k + 1)
        },
        summary: format!(
            "Each of the {} neurons takes a weighted sum of the {} inputs plus its bias; written out for neuron {j}{}.",
            l.outputs,
            l.inputs,
            if output {
                format!(" (class {j})")
            } else {
                String::new()
            }
        ),
        symbolic: vec![
            line(
                "shapes: W is [outputs, inputs]",
                format!(
                    r"\underset{{{o}}}{{z{s}}} = \underset{{{o} \times {n}}}{{W{s}}}\ \underset{{{n}}}{{{a}}} + \underset{{{o}}}{{b{s}}}",
                    o = l.outputs,
                    n = l.inputs
                ),
            ),
            line(
                "one neuron j: its row of W times the input",
                format!(
                    r"z{s}_j = \sum_{{i=0}}^{{{}}} W{s}_{{j,i}}\, {a}_i + b{s}_j",
                    l.inputs.saturating_sub(1)
                ),
            ),
        ],
        substituted: vec![
            line(
                format!("neuron {j}: its {} largest terms W·a (by size)", top.len()),
                format!(
                    r"z{s}_{{{j}}} = {}{more} + b{s}_{{{j}}}",
                    written.join(" + ")
                ),
            ),
            line(
                format!(
                    "all {} terms summed (computed here from Burn's W and {a}{zero_note})",
                    l.inputs
                ),
                format!(r"\sum_{{i}} W{s}_{{{j},i}}\, {a}_i = {}", num(sum)),
            ),
            line(
                format!("plus the bias b_{j}: z_{j} as Burn computed it"),
                format!(r"z{s}_{{{j}}} = {} + {} = {}", num(sum), p32(bias), n32(z)),
            ),
        ],
        terms: chips,
    }
}
