//! Evaluation on the whole test set, queued lazily on the device and read back in one go:
//! loss, predictions (→ confusion matrix), a gallery sample, and first-layer weights.

use burn::nn::loss::CrossEntropyLoss;
use burn::prelude::*;
use burn::tensor::activation::softmax;

use super::batch::Scaling;
use super::classifier::Classifier;
use crate::data::mnist::Split;
use crate::engine::readback::{Readback, Slot, Values};
use crate::metrics::{accuracy, confusion_matrix};
use crate::protocol::mnist::{CLASSES, Evaluation, Example, LayerPicture};

/// Test images per forward pass (bounds device memory).
const CHUNK: usize = 1_000;
/// Test images in the gallery, spread evenly over the test set.
pub const GALLERY: usize = 24;
/// At most this many first-layer units are pictured.
pub const MAX_UNITS: usize = 64;

/// An evaluation whose tensors are queued in a [`Readback`].
pub struct PendingEvaluation {
    step: u64,
    epoch: f64,
    loss_sums: Slot,
    predictions: Slot,
    gallery: (Vec<usize>, Slot),
    layer: (LayerShape, Slot),
}

/// Size and count of the first layer's pictures.
struct LayerShape {
    width: usize,
    height: usize,
    units_total: usize,
    units: Vec<usize>,
}

/// The gallery's test indices.
pub fn gallery_indices(test_len: usize) -> Vec<usize> {
    let shown = GALLERY.min(test_len);
    (0..shown).map(|k| k * test_len / shown).collect()
}

/// Softmax probabilities of `indices` of `split`.
///
/// # Shapes
/// returns `[indices.len(), 10]`
pub fn probabilities(
    model: &Classifier,
    scaling: &Scaling,
    split: &Split,
    indices: &[usize],
    device: &Device,
) -> Tensor<2> {
    softmax(model.forward(scaling.images(split, indices, device)), 1)
}

/// Queues the evaluation of `model` (a `valid()` model) on `test` into `rb`.
pub fn queue(
    rb: &mut Readback,
    model: &Classifier,
    scaling: &Scaling,
    test: &Split,
    device: &Device,
    (step, epoch): (u64, f64),
) -> PendingEvaluation {
    let ce = CrossEntropyLoss::new(None, device);
    let (mut loss_sums, mut predictions) = (Vec::new(), Vec::new());
    let all: Vec<usize> = (0..test.len()).collect();
    for chunk in all.chunks(CHUNK) {
        let logits = model.forward(scaling.images(test, chunk, device));
        let y = super::batch::labels(test, chunk, device);
        loss_sums.push(ce.forward(logits.clone(), y).mul_scalar(chunk.len() as f64));
        predictions.push(logits.argmax(1).reshape([chunk.len()]).float());
    }
    let gallery = gallery_indices(test.len());
    let probs = probabilities(model, scaling, test, &gallery, device);
    let layer = first_layer(model);
    PendingEvaluation {
        step,
        epoch,
        loss_sums: rb.add(&Tensor::cat(loss_sums, 0)),
        predictions: rb.add(&Tensor::cat(predictions, 0)),
        gallery: (gallery, rb.add(&probs)),
        layer: (layer.0, rb.add(&layer.1)),
    }
}

/// The first layer's weights, one row per pictured unit.
fn first_layer(model: &Classifier) -> (LayerShape, Tensor<2>) {
    match model {
        Classifier::Mlp(mlp) => {
            // Burn's Linear weight is [d_in, d_out]: unit j's incoming weights are column j.
            let w = mlp.layers[0].weight.val();
            let [_, units_total] = w.dims();
            let units = sample_units(units_total);
            let idx = Tensor::<1, Int>::from_data(
                burn::tensor::TensorData::new(
                    units.iter().map(|&u| u as i64).collect::<Vec<_>>(),
                    [units.len()],
                ),
                &w.device(),
            );
            let shape = LayerShape {
                width: 28,
                height: 28,
                units_total,
                units,
            };
            (shape, w.select(1, idx).transpose())
        }
        Classifier::Cnn(cnn) => {
            let w = cnn.conv1.weight.val();
            let [filters, _, h, wd] = w.dims();
            let shape = LayerShape {
                width: wd,
                height: h,
                units_total: filters,
                units: (0..filters).collect(),
            };
            (shape, w.reshape([filters, h * wd]))
        }
    }
}

/// Evenly spread units when a layer is wider than [`MAX_UNITS`].
fn sample_units(total: usize) -> Vec<usize> {
    let shown = total.min(MAX_UNITS);
    (0..shown).map(|k| k * total / shown.max(1)).collect()
}

impl PendingEvaluation {
    /// The evaluation, and the predicted class of every test image.
    pub fn finish(&self, values: &Values, test: &Split) -> (Evaluation, Vec<u8>) {
        let predicted: Vec<u8> = values
            .vec(self.predictions)
            .iter()
            .map(|&p| p as u8)
            .collect();
        let confusion = confusion_matrix(&test.labels, &predicted, CLASSES);
        let n = test.len().max(1) as f32;
        let test_loss = values.vec(self.loss_sums).iter().sum::<f32>() / n;
        let probs = values.vec(self.gallery.1);
        let gallery = self
            .gallery
            .0
            .iter()
            .enumerate()
            .map(|(k, &i)| {
                example(
                    test,
                    i,
                    probs.get(k * CLASSES..(k + 1) * CLASSES).unwrap_or(&[]),
                )
            })
            .collect();
        let (shape, slot) = &self.layer;
        let weights = values.vec(*slot);
        let size = shape.width * shape.height;
        let first_layer = LayerPicture {
            width: shape.width,
            height: shape.height,
            units_total: shape.units_total,
            images: shape
                .units
                .iter()
                .enumerate()
                .map(|(k, &u)| {
                    (
                        u,
                        weights
                            .get(k * size..(k + 1) * size)
                            .unwrap_or(&[])
                            .to_vec(),
                    )
                })
                .collect(),
        };
        let evaluation = Evaluation {
            step: self.step,
            epoch: self.epoch,
            test_loss,
            accuracy: accuracy(&confusion) as f32,
            confusion,
            gallery,
            first_layer,
        };
        (evaluation, predicted)
    }
}

/// Test image `i` with its probabilities.
pub fn example(test: &Split, i: usize, probs: &[f32]) -> Example {
    let predicted = probs
        .iter()
        .enumerate()
        .max_by(|a, b| a.1.total_cmp(b.1))
        .map_or(0, |(k, _)| k as u8);
    Example {
        index: i as u32,
        label: test.labels.get(i).copied().unwrap_or(0),
        predicted,
        probs: probs.to_vec(),
        pixels: test.image(i).to_vec(),
    }
}
