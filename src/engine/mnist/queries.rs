//! Questions asked of the current model between steps: a drawn digit, and the test images of
//! a confusion-matrix cell.

use std::future::Future;

use burn::module::Module;
use burn::tensor::activation::softmax;

use super::evaluation::{example, probabilities};
use super::trainer::MnistTrainer;
use crate::engine::EngineError;
use crate::engine::readback::Readback;
use crate::protocol::mnist::{CLASSES, Example, PIXELS};

impl MnistTrainer {
    /// The model's class probabilities for one raw 28×28 image (0–255, white on black).
    pub fn predict(
        &self,
        pixels: &[u8],
    ) -> Result<impl Future<Output = Result<Vec<f32>, EngineError>> + 'static, EngineError> {
        if pixels.len() != PIXELS {
            return Err(EngineError(format!(
                "A drawn digit must be 28×28 = {PIXELS} pixels, got {}.",
                pixels.len()
            )));
        }
        let device = self.device.clone().inner();
        let probs = softmax(
            self.model
                .valid()
                .forward(self.scaling.one(pixels, &device)),
            1,
        );
        let mut rb = Readback::default();
        let slot = rb.add(&probs);
        Ok(async move { Ok(rb.run().await?.vec(slot).to_vec()) })
    }

    /// Test images `indices` with the model's probabilities.
    pub fn examples(
        &self,
        indices: Vec<usize>,
    ) -> impl Future<Output = Result<Vec<Example>, EngineError>> + 'static {
        let device = self.device.clone().inner();
        let test = &self.data.test;
        let indices: Vec<usize> = indices.into_iter().filter(|&i| i < test.len()).collect();
        let mut rb = Readback::default();
        let slot = (!indices.is_empty()).then(|| {
            rb.add(&probabilities(
                &self.model.valid(),
                &self.scaling,
                test,
                &indices,
                &device,
            ))
        });
        let data = self.data.clone();
        async move {
            let Some(slot) = slot else {
                return Ok(Vec::new());
            };
            let values = rb.run().await?;
            let probs = values.vec(slot);
            Ok(indices
                .iter()
                .enumerate()
                .map(|(k, &i)| {
                    example(
                        &data.test,
                        i,
                        probs.get(k * CLASSES..(k + 1) * CLASSES).unwrap_or(&[]),
                    )
                })
                .collect())
        }
    }
}
