//! The language-model loss: the mean cross-entropy of the targets that count.

use burn::prelude::*;
use burn::tensor::activation::log_softmax;

use crate::data::text::batch::TokenBatch;

/// A batch on the device.
///
/// # Shapes
/// inputs and targets `[batch, T]`, weights `[batch, T]` (1 where the target counts).
#[derive(Clone, Debug)]
pub struct BatchTensors {
    pub inputs: Tensor<2, Int>,
    pub targets: Tensor<2, Int>,
    pub weights: Tensor<2>,
    /// Σ w, the number of targets that count (at least 1).
    pub counted: usize,
}

impl BatchTensors {
    pub fn new(batch: &TokenBatch, device: &Device) -> Self {
        let shape = [batch.batch, batch.len];
        let ids = |v: &[u32]| {
            let v: Vec<i64> = v.iter().map(|&i| i64::from(i)).collect();
            Tensor::<2, Int>::from_data(TensorData::new(v, shape), device)
        };
        Self {
            inputs: ids(&batch.inputs),
            targets: ids(&batch.targets),
            weights: Tensor::from_data(TensorData::new(batch.weights.clone(), shape), device),
            counted: batch.counted().max(1),
        }
    }
}

/// L = (1/Σw) Σ_{b,t} w_bt · (−log softmax(z_bt)[y_bt]).
///
/// # Shapes
/// - logits: `[batch, T, V]`
/// - returns `[1]`
pub fn masked_cross_entropy(logits: Tensor<3>, batch: &BatchTensors) -> Tensor<1> {
    let [b, t, _] = logits.dims();
    let log_p = log_softmax(logits, 2)
        .gather(2, batch.targets.clone().reshape([b, t, 1]))
        .reshape([b, t]);
    (log_p.neg() * batch.weights.clone())
        .sum()
        .div_scalar(batch.counted as f64)
}
