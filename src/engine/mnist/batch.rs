//! From MNIST bytes to tensors: the scaling table, the epoch's shuffled order, and batches.

use burn::prelude::*;
use burn::tensor::TensorData;

use crate::data::mnist::Split;
use crate::data::rng::Rng;
use crate::protocol::mnist::PIXELS;
use crate::settings::Preprocess;

/// The input value of each of the 256 pixel values under a preprocessing choice.
#[derive(Clone)]
pub struct Scaling([f32; 256]);

impl Scaling {
    pub fn new(preprocess: Preprocess) -> Self {
        Self(std::array::from_fn(|p| preprocess.apply(p as u8)))
    }

    /// # Shapes
    /// returns `[indices.len(), 784]`
    pub fn images(&self, split: &Split, indices: &[usize], device: &Device) -> Tensor<2> {
        let mut x = Vec::with_capacity(indices.len() * PIXELS);
        for &i in indices {
            x.extend(split.image(i).iter().map(|&p| self.0[p as usize]));
        }
        Tensor::from_data(TensorData::new(x, [indices.len(), PIXELS]), device)
    }

    /// One raw 28×28 image (e.g. a drawn digit) as a batch of one.
    ///
    /// # Shapes
    /// returns `[1, 784]`
    pub fn one(&self, pixels: &[u8], device: &Device) -> Tensor<2> {
        let x: Vec<f32> = pixels.iter().map(|&p| self.0[p as usize]).collect();
        Tensor::from_data(TensorData::new(x, [1, PIXELS]), device)
    }
}

/// The class labels of `indices`.
///
/// # Shapes
/// returns `[indices.len()]`
pub fn labels(split: &Split, indices: &[usize], device: &Device) -> Tensor<1, Int> {
    let y: Vec<i64> = indices
        .iter()
        .map(|&i| i64::from(split.labels[i]))
        .collect();
    Tensor::from_data(TensorData::new(y, [indices.len()]), device)
}

/// The order of the training subset in each epoch: epoch e shuffles with its own seeded
/// stream, so the order depends only on (seed, epoch) and runs are reproducible.
pub struct EpochOrder {
    seed: u64,
    subset: usize,
    cached: Option<(u64, Vec<usize>)>,
}

impl EpochOrder {
    pub fn new(seed: u64, subset: usize) -> Self {
        Self {
            seed,
            subset,
            cached: None,
        }
    }

    /// The indices of batch `k` of epoch `epoch` (0-based).
    pub fn batch(&mut self, epoch: u64, k: usize, batch_size: usize) -> Vec<usize> {
        if self.cached.as_ref().is_none_or(|(e, _)| *e != epoch) {
            let mut order: Vec<usize> = (0..self.subset).collect();
            Rng::derived(self.seed, 1 + epoch).shuffle(&mut order);
            self.cached = Some((epoch, order));
        }
        let order = self.cached.as_ref().map_or(&[][..], |(_, o)| o.as_slice());
        let start = (k * batch_size).min(order.len());
        let end = (start + batch_size).min(order.len());
        order[start..end].to_vec()
    }
}
