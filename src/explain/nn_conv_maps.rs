//! The CNN's first convolution after the kernel: ReLU, 2×2 max-pooling, and the middle
//! layers as shapes.

use super::format::n32;
use super::nn_conv::value_term;
use super::nn_steps::{NnStep, Stage, Target, Term, line};
use super::nn_text::at;
use crate::protocol::mnist::SIDE;
use crate::protocol::{ConvTrace, SampleTrace};

pub(super) fn relu(c: &ConvTrace) -> NnStep {
    let (ch, (r, s)) = (c.channel, c.position);
    let pos = r * SIDE + s;
    let active = c.z.iter().filter(|&&z| z > 0.0).count();
    NnStep {
        stage: Stage::ConvRelu,
        title: format!("Convolution 1, channel {ch}: a = ReLU(z)"),
        summary: format!(
            "ReLU keeps the positive responses of the channel: {active} of its 784 positions are active."
        ),
        symbolic: vec![line("element by element", r"a_c[r,s] = \max(0,\ z_c[r,s])")],
        substituted: vec![
            line(
                "the mask",
                format!(
                    r"\sum_{{r,s}} \mathbf{{1}}[z_{{{ch}}}[r,s] > 0] = {active} \text{{ of }} 784"
                ),
            ),
            line(
                format!("position ({r}, {s})"),
                format!(
                    r"a_{{{ch}}}[{r},{s}] = \max(0,\ {}) = {}",
                    n32(at(&c.z, pos)),
                    n32(at(&c.a, pos))
                ),
            ),
        ],
        terms: vec![value_term(
            format!("a[{r},{s}]"),
            at(&c.a, pos),
            format!("conv.a[{pos}]"),
            vec![Target::Pixel(pos)],
        )],
    }
}

pub(super) fn pool(c: &ConvTrace) -> NnStep {
    let (ch, (r, s)) = (c.channel, c.position);
    let (pr, ps) = (r / 2, s / 2);
    let cells: Vec<usize> = [(0, 0), (0, 1), (1, 0), (1, 1)]
        .iter()
        .map(|(u, v)| (2 * pr + u) * SIDE + 2 * ps + v)
        .collect();
    let values: Vec<String> = cells.iter().map(|&i| n32(at(&c.a, i))).collect();
    let pooled = pr * (SIDE / 2) + ps;
    let mut terms: Vec<Term> = cells
        .iter()
        .map(|&i| {
            value_term(
                format!("a[{},{}]", i / SIDE, i % SIDE),
                at(&c.a, i),
                format!("conv.a[{i}]"),
                vec![Target::Pixel(i)],
            )
        })
        .collect();
    terms.push(value_term(
        format!("pool[{pr},{ps}]"),
        at(&c.pooled, pooled),
        format!("conv.pooled[{pooled}]"),
        vec![],
    ));
    NnStep {
        stage: Stage::Pool,
        title: "2×2 max-pooling".into(),
        summary: "Each 2×2 block keeps only its largest activation: the map shrinks to 14×14 and a shift by one pixel barely matters.".into(),
        symbolic: vec![line(
            "shapes and one cell",
            format!(r"[{} \times 28 \times 28] \to [{} \times 14 \times 14],\quad q_c[R,S] = \max_{{u,v \in \{{0,1\}}}} a_c[2R+u,\ 2S+v]", c.channels, c.channels),
        )],
        substituted: vec![line(
            format!("the block holding ({r}, {s})"),
            format!(r"q_{{{ch}}}[{pr},{ps}] = \max({}) = {}", values.join(r",\ "), n32(at(&c.pooled, pooled))),
        )],
        terms,
    }
}

/// A layer name from the engine, made safe for `\text{…}`.
fn text(name: &str) -> String {
    name.chars()
        .map(|ch| if r"\{}_^%&#$~".contains(ch) { ' ' } else { ch })
        .collect()
}

pub(super) fn shape(dims: &[usize]) -> String {
    dims.iter()
        .map(usize::to_string)
        .collect::<Vec<_>>()
        .join(r" \times ")
}

pub(super) fn middle(t: &SampleTrace, c: &ConvTrace) -> NnStep {
    let mut lines: Vec<_> = c
        .middle
        .iter()
        .map(|(name, dims)| {
            line(
                format!("after {}", text(name)),
                format!("[{}]", shape(dims)),
            )
        })
        .collect();
    let h = t.layers.first().map_or(0, |l| l.inputs);
    lines.push(line(
        "h, the input of the dense layer",
        format!(r"h \in \mathbb{{R}}^{{{h}}}"),
    ));
    NnStep {
        stage: Stage::Middle,
        title: "The middle layers (shapes)".into(),
        summary: "The next layers repeat convolution, ReLU and pooling on all channels; only their shapes are shown. Then the maps are flattened into one vector h.".into(),
        symbolic: vec![line("the same pattern", r"z = K \star a + b,\quad a = \max(0, z),\quad q = \operatorname{maxpool}_{2\times 2}(a)")],
        substituted: lines,
        terms: vec![],
    }
}
