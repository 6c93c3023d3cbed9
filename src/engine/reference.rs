//! The formula page's worked examples, computed by Burn on the worker's device and read back
//! in one transaction. Each example queues its tensors; `finish` turns them into numbers.

use burn::tensor::{Device, Tensor, TensorData};

use super::EngineError;
use super::gpt::follow::PendingFollow;
use super::readback::{Readback, Slot, Values};
use super::reference_transformer as transformer;
use super::{reference_basics as basics, reference_descent as descent};
use super::{reference_layers as layers, reference_metrics as metrics};
use crate::protocol::reference::{Matrix, NeuronInput, WorkedExamples};

/// A matrix's readback slot with its shape.
pub(super) struct MatSlot {
    slot: Slot,
    rows: usize,
    cols: usize,
}

impl MatSlot {
    pub(super) fn add(rb: &mut Readback, t: &Tensor<2>) -> Self {
        let [rows, cols] = t.dims();
        Self {
            slot: rb.add(t),
            rows,
            cols,
        }
    }

    pub(super) fn read(&self, v: &Values) -> Matrix {
        Matrix::new(self.rows, self.cols, v.vec(self.slot).to_vec())
    }
}

/// A `[rows, cols]` tensor from fixed rows.
pub(super) fn matrix<const C: usize>(rows: &[[f32; C]], device: &Device) -> Tensor<2> {
    let data: Vec<f32> = rows.iter().flatten().copied().collect();
    Tensor::from_data(TensorData::new(data, [rows.len(), C]), device)
}

/// A `[n]` tensor.
pub(super) fn vector(values: &[f32], device: &Device) -> Tensor<1> {
    Tensor::from_floats(values, device)
}

/// The examples' tensors, queued and waiting for one readback.
pub struct PendingExamples {
    rb: Readback,
    neuron: basics::NeuronSlots,
    mse: basics::MseSlots,
    activations: basics::ActivationSlots,
    softmax: basics::SoftmaxSlots,
    regularization: basics::RegularizationSlots,
    metrics: metrics::MetricsSlots,
    dense: layers::DenseSlots,
    backprop: layers::BackpropSlots,
    attention: transformer::AttentionSlots,
    ffn: transformer::FfnSlots,
    descent: Vec<descent::DescentSlots>,
    gpt: Option<PendingFollow>,
}

/// Builds every worked example on `device` (the neuron's from `neuron`).
pub fn worked_examples(neuron: &NeuronInput, device: &Device) -> PendingExamples {
    let mut rb = Readback::default();
    let rb = &mut rb;
    let mut pending = PendingExamples {
        neuron: basics::neuron(rb, neuron, device),
        mse: basics::mse(rb, device),
        activations: basics::activations(rb, device),
        softmax: basics::softmax(rb, device),
        regularization: basics::regularization(rb, device),
        metrics: metrics::metrics(rb, device),
        dense: layers::dense(rb, device),
        backprop: layers::backprop(rb, device),
        attention: transformer::attention(rb, device),
        ffn: transformer::ffn(rb, device),
        descent: descent::all(rb, device),
        gpt: super::reference_gpt::fresh_follow(device),
        rb: Readback::default(),
    };
    pending.rb = std::mem::take(rb);
    pending
}

impl PendingExamples {
    /// Runs the readback (asynchronously: required for WebGPU in the browser).
    pub async fn finish(self) -> Result<WorkedExamples, EngineError> {
        let v = self.rb.run().await?;
        let (mse_y, mse_y_hat, mse) = self.mse.read(&v);
        let transformer = match self.gpt {
            Some(p) => Some(p.finish().await?),
            None => None,
        };
        Ok(WorkedExamples {
            neuron: self.neuron.read(&v),
            mse_y,
            mse_y_hat,
            mse,
            activations: self.activations.read(&v),
            softmax: self.softmax.read(&v),
            dense: self.dense.read(&v),
            backprop: self.backprop.read(&v),
            descent: self.descent.iter().map(|d| d.read(&v)).collect(),
            regularization: self.regularization.read(&v),
            metrics: self.metrics.read(&v),
            attention: self.attention.read(&v),
            ffn: self.ffn.read(&v),
            transformer,
        })
    }
}
