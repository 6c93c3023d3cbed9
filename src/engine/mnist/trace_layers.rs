//! A traced layer's two readback rounds: its vectors and full weights, then — once the
//! focus is chosen from those — the focused neuron's row or kernel with their updates.

use burn::prelude::*;

use super::param_optimizer::ParamOptimizer;
use super::trace_focus;
use super::trace_pass::{ConvPass, DensePass};
use super::trace_update::{Preview, QueuedUpdate};
use crate::engine::readback::{Readback, Slot, Values};
use crate::protocol::mnist::PIXELS;
use crate::protocol::{ConvTrace, DenseTrace, TraceFocus};
use crate::settings::OptimizerKind;

/// A dense layer's first round (Burn's W layout `[inputs, outputs]`).
pub struct DenseQueued {
    inputs: usize,
    outputs: usize,
    activated: bool,
    a_in: Slot,
    z: Slot,
    a: Slot,
    d_z: Slot,
    d_a_in: Slot,
    w: Slot,
    b: Slot,
    weight: Preview<2>,
    bias: Preview<1>,
}

pub fn queue_dense(
    rb: &mut Readback,
    optimizer: &ParamOptimizer,
    lr: f64,
    layer: DensePass,
) -> DenseQueued {
    let [inputs, outputs] = layer.weight.value.dims();
    DenseQueued {
        inputs,
        outputs,
        activated: layer.activated,
        a_in: rb.add(&layer.a_in),
        z: rb.add(&layer.z),
        a: rb.add(&layer.a),
        d_z: rb.add(&layer.bias.grad),
        d_a_in: rb.add(&layer.d_a_in),
        w: rb.add(&layer.weight.value),
        b: rb.add(&layer.bias.value),
        weight: Preview::new(optimizer, lr, layer.weight),
        bias: Preview::new(optimizer, lr, layer.bias),
    }
}

/// A dense layer with its focus chosen and the focused entries queued.
pub struct DenseFocused {
    layer: DenseQueued,
    neuron: usize,
    input: usize,
    w_row: Vec<f32>,
    weight: QueuedUpdate,
    bias: QueuedUpdate,
}

impl DenseQueued {
    #[allow(clippy::too_many_arguments)]
    pub fn focus(
        self,
        rb: &mut Readback,
        values: &Values,
        kind: OptimizerKind,
        focus: &TraceFocus,
        index: usize,
        is_output: bool,
        label: u8,
        previous: Option<usize>,
    ) -> DenseFocused {
        let (inputs, outputs) = (self.inputs, self.outputs);
        let neuron = trace_focus::neuron(focus, index, values.vec(self.a), is_output, label);
        let w = values.vec(self.w);
        let w_row: Vec<f32> = (0..inputs)
            .map(|i| w.get(i * outputs + neuron).copied().unwrap_or(f32::NAN))
            .collect();
        let input = trace_focus::input(focus, index, &w_row, values.vec(self.a_in), previous);
        let weight = QueuedUpdate::queue(rb, kind, &self.weight, move |t: Tensor<2>| {
            t.slice([0..inputs, neuron..neuron + 1]).reshape([inputs])
        });
        let bias = QueuedUpdate::queue(rb, kind, &self.bias, move |t: Tensor<1>| {
            t.slice(neuron..neuron + 1)
        });
        DenseFocused {
            layer: self,
            neuron,
            input,
            w_row,
            weight,
            bias,
        }
    }
}

impl DenseFocused {
    /// The neuron followed in this layer.
    pub fn neuron(&self) -> usize {
        self.neuron
    }
}

/// The plain-number trace of a focused dense layer.
pub fn dense_trace(d: DenseFocused, values: &Values, focused: &Values) -> DenseTrace {
    let l = &d.layer;
    let w = values.vec(l.w);
    let w_col = w
        .get(d.input * l.outputs..(d.input + 1) * l.outputs)
        .unwrap_or(&[])
        .to_vec();
    DenseTrace {
        inputs: l.inputs,
        outputs: l.outputs,
        activated: l.activated,
        a_in: values.vec(l.a_in).to_vec(),
        z: values.vec(l.z).to_vec(),
        a: values.vec(l.a).to_vec(),
        d_z: values.vec(l.d_z).to_vec(),
        d_a_in: values.vec(l.d_a_in).to_vec(),
        neuron: d.neuron,
        w_row: d.w_row,
        d_w_row: d.weight.values(focused).1,
        input: d.input,
        w_col,
        weight: d.weight.entry(focused, d.input),
        bias: d.bias.entry(focused, 0),
        w_full: w.to_vec(),
        b_full: values.vec(l.b).to_vec(),
    }
}

/// The first convolution's first round.
pub struct ConvQueued {
    channels: usize,
    kernel: usize,
    z: Slot,
    a: Slot,
    pooled: Slot,
    k: Slot,
    d_k: Slot,
    weights: Preview<4>,
    bias: Preview<1>,
    middle: Vec<(String, Vec<usize>)>,
}

pub fn queue_conv(
    rb: &mut Readback,
    optimizer: &ParamOptimizer,
    lr: f64,
    conv: ConvPass,
) -> ConvQueued {
    let [channels, _, kernel, _] = conv.kernel.value.dims();
    ConvQueued {
        channels,
        kernel,
        z: rb.add(&conv.z),
        a: rb.add(&conv.a),
        pooled: rb.add(&conv.pooled),
        k: rb.add(&conv.kernel.value),
        d_k: rb.add(&conv.kernel.grad),
        weights: Preview::new(optimizer, lr, conv.kernel),
        bias: Preview::new(optimizer, lr, conv.bias),
        middle: conv.middle,
    }
}

pub struct ConvFocused {
    conv: ConvQueued,
    channel: usize,
    channel_max: Vec<f32>,
    position: (usize, usize),
    window: Vec<f32>,
    tap: (usize, usize),
    weight: QueuedUpdate,
    bias: QueuedUpdate,
}

/// Channel `c`'s block of a `[1, channels, …]` map read back flat.
fn block(values: &[f32], c: usize, size: usize) -> Vec<f32> {
    values.get(c * size..(c + 1) * size).unwrap_or(&[]).to_vec()
}

impl ConvQueued {
    pub fn focus(
        self,
        rb: &mut Readback,
        values: &Values,
        kind: OptimizerKind,
        focus: &TraceFocus,
        x: &[f32],
    ) -> ConvFocused {
        let (channels, kernel) = (self.channels, self.kernel);
        let a = values.vec(self.a);
        let channel_max: Vec<f32> = (0..channels)
            .map(|c| {
                block(a, c, PIXELS)
                    .into_iter()
                    .fold(f32::NEG_INFINITY, f32::max)
            })
            .collect();
        let channel = trace_focus::channel(focus, &channel_max);
        let position = trace_focus::position(focus, &block(a, channel, PIXELS));
        let window = trace_focus::window(x, position, kernel);
        let k_c = block(values.vec(self.k), channel, kernel * kernel);
        let tap = trace_focus::tap(focus, &k_c, &window, kernel);
        let weight = QueuedUpdate::queue(rb, kind, &self.weights, move |t: Tensor<4>| {
            t.slice([channel..channel + 1, 0..1, 0..kernel, 0..kernel])
                .reshape([kernel * kernel])
        });
        let bias = QueuedUpdate::queue(rb, kind, &self.bias, move |t: Tensor<1>| {
            t.slice(channel..channel + 1)
        });
        ConvFocused {
            conv: self,
            channel,
            channel_max,
            position,
            window,
            tap,
            weight,
            bias,
        }
    }
}

pub fn conv_trace(f: ConvFocused, values: &Values, focused: &Values) -> ConvTrace {
    let c = &f.conv;
    let taps = c.kernel * c.kernel;
    let pooled_size = values.vec(c.pooled).len() / c.channels.max(1);
    ConvTrace {
        channels: c.channels,
        kernel: c.kernel,
        channel: f.channel,
        z: block(values.vec(c.z), f.channel, PIXELS),
        a: block(values.vec(c.a), f.channel, PIXELS),
        pooled: block(values.vec(c.pooled), f.channel, pooled_size),
        channel_max: f.channel_max,
        k: block(values.vec(c.k), f.channel, taps),
        d_k: block(values.vec(c.d_k), f.channel, taps),
        position: f.position,
        window: f.window,
        tap: f.tap,
        weight: f.weight.entry(focused, f.tap.0 * c.kernel + f.tap.1),
        bias: f.bias.entry(focused, 0),
        middle: c.middle.clone(),
    }
}
