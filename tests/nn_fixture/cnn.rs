//! A CNN trace: the first convolution (2 channels here, 5×5, padding 2) computed in f64 from
//! the pixels, and a dense head 1568 → 10 on made-up features.

use super::{Dense, LABEL, f32s, head, hyper, param, pixels};
use ml_playground::protocol::{ConvTrace, SampleTrace, TraceSample};
use ml_playground::settings::{Activation, ModelKind, OptimizerKind, Preprocess};

const CHANNELS: usize = 2;
const N: usize = 5;

fn kernel(c: usize) -> Vec<f64> {
    (0..N * N)
        .map(|t| ((c * 3) as f64 + (t / N) as f64 * 1.1 + (t % N) as f64 * 0.7).sin() * 0.3)
        .collect()
}

/// The 5×5 window of x centred at (r, s), zeros outside.
fn window(x: &[f64], r: usize, s: usize) -> Vec<f64> {
    (0..N * N)
        .map(|t| {
            let (row, col) = ((r + t / N) as isize - 2, (s + t % N) as isize - 2);
            if (0..28).contains(&row) && (0..28).contains(&col) {
                x[row as usize * 28 + col as usize]
            } else {
                0.0
            }
        })
        .collect()
}

fn conv_map(x: &[f64], k: &[f64], b: f64) -> Vec<f64> {
    (0..784)
        .map(|p| {
            window(x, p / 28, p % 28)
                .iter()
                .zip(k)
                .map(|(x, k)| x * k)
                .sum::<f64>()
                + b
        })
        .collect()
}

pub fn cnn_trace(kind: OptimizerKind) -> SampleTrace {
    let h = hyper(kind);
    let px = pixels();
    let pre = Preprocess::Unit;
    let x: Vec<f64> = px.iter().map(|&p| f64::from(pre.apply(p))).collect();
    let biases = [0.05, -0.1];
    let maps: Vec<Vec<f64>> = (0..CHANNELS)
        .map(|c| {
            conv_map(&x, &kernel(c), biases[c])
                .iter()
                .map(|z| z.max(0.0))
                .collect()
        })
        .collect();
    let c = 0;
    let z = conv_map(&x, &kernel(c), biases[c]);
    let a: Vec<f64> = z.iter().map(|z| z.max(0.0)).collect();
    let pos = (0..784).max_by(|&p, &q| a[p].total_cmp(&a[q])).unwrap();
    let position = (pos / 28, pos % 28);
    let pooled: Vec<f64> = (0..196)
        .map(|q| {
            let (r, s) = (q / 14 * 2, q % 14 * 2);
            [
                a[r * 28 + s],
                a[r * 28 + s + 1],
                a[(r + 1) * 28 + s],
                a[(r + 1) * 28 + s + 1],
            ]
            .into_iter()
            .fold(f64::MIN, f64::max)
        })
        .collect();
    let win = window(&x, position.0, position.1);
    let k = kernel(c);
    let tap = (0..N * N)
        .max_by(|&p, &q| (k[p] * win[p]).abs().total_cmp(&(k[q] * win[q]).abs()))
        .unwrap();
    let d_k: Vec<f64> = (0..N * N).map(|t| 0.001 * (t as f64 - 12.0)).collect();
    let features: Vec<f64> = (0..1568)
        .map(|i| (i as f64 * 0.01).sin().max(0.0))
        .collect();
    let w = (0..10)
        .map(|o| {
            (0..1568)
                .map(|i| (o as f64 * 0.5 + i as f64 * 0.013).cos() * 0.02)
                .collect()
        })
        .collect();
    let dense = Dense::new(w, vec![0.0; 10], features);
    let y = usize::from(LABEL);
    let (p, ce, delta) = head(&dense.z, y);
    let conv = ConvTrace {
        channels: CHANNELS,
        kernel: N,
        channel: c,
        z: f32s(&z),
        a: f32s(&a),
        pooled: f32s(&pooled),
        channel_max: maps
            .iter()
            .map(|m| m.iter().cloned().fold(0.0, f64::max) as f32)
            .collect(),
        k: f32s(&k),
        d_k: f32s(&d_k),
        position,
        window: f32s(&win),
        tap: (tap / N, tap % N),
        weight: param(&h, k[tap] as f32, d_k[tap]),
        bias: param(&h, biases[c] as f32, 0.0123),
        middle: vec![("conv2 + ReLU + pool".into(), vec![32, 7, 7])],
    };
    SampleTrace {
        step: 7,
        epoch: 1,
        sample: TraceSample::Drawn {
            pixels: px.clone(),
            label: LABEL,
        },
        label: LABEL,
        pixels: px,
        preprocess: pre,
        mean: 0.0,
        std: 1.0,
        x: f32s(&x),
        d_x: vec![0.0; 784],
        model: ModelKind::Cnn,
        activation: Activation::Relu,
        conv: Some(conv),
        cnn_weights: None,
        layers: vec![dense.trace(&dense.z, &delta, y, dense.top_input(y), false, &h, 0.0, 0.0)],
        probs: f32s(&p),
        cross_entropy: ce as f32,
        penalty: 0.0,
        loss: ce as f32,
        l1: 0.0,
        l2: 0.0,
        optimizer: h,
    }
}
