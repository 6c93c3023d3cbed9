//! The CNN's first convolution, one channel: the 5×5 window times the kernel, ReLU, 2×2
//! max-pooling, the middle layers as shapes, and backward to the kernel's gradient.

use super::format::{n32, num, p32};
use super::nn_conv_maps::{middle, pool, relu};
use super::nn_steps::{NnStep, Stage, Target, Term, line};
use super::nn_text::{at, largest, plain, products};
use crate::protocol::ConvTrace;
use crate::protocol::SampleTrace;
use crate::protocol::mnist::{PIXELS, SIDE};

pub fn check(c: &ConvTrace) -> Result<(), String> {
    let taps = c.kernel * c.kernel;
    let (r, s) = c.position;
    let ok = c.z.len() == PIXELS
        && c.a.len() == PIXELS
        && c.pooled.len() == PIXELS / 4
        && c.channel_max.len() == c.channels
        && [c.k.len(), c.d_k.len(), c.window.len()]
            .iter()
            .all(|&n| n == taps)
        && c.kernel > 0
        && r < SIDE
        && s < SIDE
        && c.tap.0 < c.kernel
        && c.tap.1 < c.kernel
        && c.channel < c.channels;
    if ok {
        Ok(())
    } else {
        Err("the convolution's vectors have the wrong length".into())
    }
}

/// The input pixel under tap (u, v) of the window at the focused position (None: padding).
pub(super) fn pixel_under(c: &ConvTrace, u: usize, v: usize) -> Option<usize> {
    let pad = c.kernel / 2;
    let row = (c.position.0 + u).checked_sub(pad).filter(|&r| r < SIDE)?;
    let col = (c.position.1 + v).checked_sub(pad).filter(|&s| s < SIDE)?;
    Some(row * SIDE + col)
}

/// A kernel-sized matrix of values.
pub(super) fn matrix(c: &ConvTrace, values: &[f32]) -> String {
    let rows: Vec<String> = (0..c.kernel)
        .map(|u| {
            let row: Vec<String> = (0..c.kernel)
                .map(|v| n32(at(values, u * c.kernel + v)))
                .collect();
            row.join(" & ")
        })
        .collect();
    format!(r"\begin{{bmatrix}} {} \end{{bmatrix}}", rows.join(r" \\ "))
}

pub(super) fn value_term(name: String, value: f32, key: String, targets: Vec<Target>) -> Term {
    Term {
        name,
        detail: String::new(),
        value: value.into(),
        key: Some(key),
        targets,
    }
}

pub fn forward(t: &SampleTrace, c: &ConvTrace) -> Vec<NnStep> {
    vec![conv(c), relu(c), pool(c), middle(t, c)]
}

fn conv(c: &ConvTrace) -> NnStep {
    let (ch, (r, s), n) = (c.channel, c.position, c.kernel);
    let pos = r * SIDE + s;
    let terms = products(&c.k, &c.window);
    let sum: f64 = terms.iter().sum();
    let mut chips: Vec<Term> = largest(&terms, 4)
        .into_iter()
        .map(|tap| {
            let (u, v) = (tap / n, tap % n);
            Term {
                name: match pixel_under(c, u, v) {
                    Some(i) => format!("K[{u},{v}]·x[{},{}]", i / SIDE, i % SIDE),
                    None => format!("K[{u},{v}]·0 (padding)"),
                },
                detail: format!(
                    "{} × {}",
                    plain(at(&c.k, tap).into()),
                    plain(at(&c.window, tap).into())
                ),
                value: terms[tap],
                key: None,
                targets: std::iter::once(Target::Tap(u, v))
                    .chain(pixel_under(c, u, v).map(Target::Pixel))
                    .collect(),
            }
        })
        .collect();
    chips.push(value_term(
        format!("b[{ch}]"),
        c.bias.theta,
        "conv.bias.old".into(),
        vec![],
    ));
    chips.push(value_term(
        format!("z[{r},{s}]"),
        at(&c.z, pos),
        format!("conv.z[{pos}]"),
        vec![Target::Pixel(pos)],
    ));
    NnStep {
        stage: Stage::Conv,
        title: format!("Convolution 1, channel {ch}: z = K ⋆ x + b"),
        summary: format!(
            "A {n}×{n} kernel slides over the image (zero padding keeps 28×28); at each position it multiplies the window under it entry by entry and sums: shown at row {r}, column {s}."
        ),
        symbolic: vec![
            line(
                "shapes",
                format!(
                    r"\underset{{{} \times 1 \times {n} \times {n}}}{{K}} \star \underset{{1 \times 28 \times 28}}{{x}} + \underset{{{}}}{{b}} = \underset{{{} \times 28 \times 28}}{{z}}",
                    c.channels, c.channels, c.channels
                ),
            ),
            line(
                "one output position",
                format!(
                    r"z_c[r,s] = \sum_{{u,v=0}}^{{{}}} K_c[u,v]\; x[r+u-{p},\ s+v-{p}] + b_c",
                    n - 1,
                    p = n / 2
                ),
            ),
        ],
        substituted: vec![
            line(
                format!("the window of x at ({r}, {s}) times kernel {ch}, entry by entry"),
                format!(r"{} \odot {}", matrix(c, &c.window), matrix(c, &c.k)),
            ),
            line(
                "summed (computed here from Burn's x and K)",
                format!(r"\sum_{{u,v}} K_{{{ch}}}[u,v]\, x[\dots] = {}", num(sum)),
            ),
            line(
                "plus the bias: z as Burn computed it",
                format!(
                    r"z_{{{ch}}}[{r},{s}] = {} + {} = {}",
                    num(sum),
                    p32(c.bias.theta),
                    n32(at(&c.z, pos))
                ),
            ),
        ],
        terms: chips,
    }
}
