//! Following one sample through the current model: Burn's forward pass, loss, autodiff
//! gradients and the update the run's optimizer would make — read back in two rounds (the
//! vectors, then the entries of the neuron / weight in focus) and returned as plain numbers.

use std::future::Future;

use super::classifier::Classifier;
use super::trace_layers::{
    ConvQueued, DenseQueued, conv_trace, dense_trace, queue_conv, queue_dense,
};
use super::trace_pass::{self, TracePass};
use super::trace_weights::{self, CnnWeightSlots};
use super::trainer::MnistTrainer;
use crate::engine::EngineError;
use crate::engine::optimizer::{ADAM_BETA_1, ADAM_BETA_2, ADAM_EPSILON};
use crate::engine::readback::{Readback, Slot};
use crate::protocol::mnist::{CLASSES, PIXELS};
use crate::protocol::{OptimizerHyper, SampleTrace, TraceFocus, TraceSample};

/// Slots of the first round: the sample's vectors and the full weights.
struct Round1 {
    x: Slot,
    d_x: Slot,
    probs: Slot,
    cross_entropy: Slot,
    penalty: Slot,
    loss: Slot,
    /// The CNN's other weights and conv2's input (None for an MLP).
    cnn: Option<CnnWeightSlots>,
}

impl MnistTrainer {
    /// The raw pixels and label of `sample`, checked.
    fn trace_input(&self, sample: &TraceSample) -> Result<(Vec<u8>, u8), EngineError> {
        match sample {
            TraceSample::Test { index } => {
                let i = *index as usize;
                let test = &self.data.test;
                if i >= test.len() {
                    return Err(EngineError(format!(
                        "Test image {i} does not exist: there are {} (0–{}).",
                        test.len(),
                        test.len().saturating_sub(1)
                    )));
                }
                Ok((test.image(i).to_vec(), test.labels[i]))
            }
            TraceSample::Drawn { pixels, label } => {
                if pixels.len() != PIXELS {
                    return Err(EngineError(format!(
                        "A drawn digit must be 28×28 = {PIXELS} pixels, got {}.",
                        pixels.len()
                    )));
                }
                if usize::from(*label) >= CLASSES {
                    return Err(EngineError(format!("The digit must be 0–9, got {label}.")));
                }
                Ok((pixels.clone(), *label))
            }
        }
    }

    /// One sample through the model as it is now (the run is not changed).
    pub fn trace(
        &self,
        sample: TraceSample,
        focus: TraceFocus,
    ) -> Result<impl Future<Output = Result<SampleTrace, EngineError>> + 'static, EngineError> {
        let (pixels, label) = self.trace_input(&sample)?;
        let inner = self.device.clone().inner();
        let (l1, l2, lr) = (self.hyper.l1, self.hyper.l2, self.lr());
        let mut pass = trace_pass::run(
            &self.model,
            self.scaling.one(&pixels, &inner),
            label,
            l1,
            l2,
            &self.device,
        );
        let mut rb = Readback::default();
        let cnn = match (&self.model, &pass.conv) {
            (Classifier::Cnn(cnn), Some(conv)) => {
                Some(trace_weights::queue(&mut rb, cnn, &conv.pooled))
            }
            _ => None,
        };
        let round1 = Round1 {
            x: rb.add(&pass.x),
            d_x: rb.add(&pass.d_x),
            probs: rb.add(&pass.probs),
            cross_entropy: rb.add(&pass.cross_entropy),
            penalty: rb.add(&pass.penalty),
            loss: rb.add(&pass.loss),
            cnn,
        };
        let layers: Vec<DenseQueued> = std::mem::take(&mut pass.layers)
            .into_iter()
            .map(|layer| queue_dense(&mut rb, &self.optimizer, lr, layer))
            .collect();
        let conv: Option<ConvQueued> = pass
            .conv
            .take()
            .map(|conv| queue_conv(&mut rb, &self.optimizer, lr, conv));
        let optimizer = OptimizerHyper {
            kind: self.settings.optimizer,
            lr,
            momentum: self.settings.momentum,
            beta_1: f64::from(ADAM_BETA_1),
            beta_2: f64::from(ADAM_BETA_2),
            epsilon: f64::from(ADAM_EPSILON),
        };
        let (mean, std) = self.settings.mnist.preprocess.mean_std();
        let head = SampleTrace {
            step: self.step,
            epoch: self.epoch(),
            sample,
            label,
            pixels,
            preprocess: self.settings.mnist.preprocess,
            mean,
            std,
            x: Vec::new(),
            d_x: Vec::new(),
            model: self.settings.mnist.model,
            activation: self.settings.mnist.activation,
            conv: None,
            cnn_weights: None,
            layers: Vec::new(),
            probs: Vec::new(),
            cross_entropy: f32::NAN,
            penalty: f32::NAN,
            loss: f32::NAN,
            l1,
            l2,
            optimizer,
        };
        drop::<TracePass>(pass);
        Ok(finish(rb, round1, layers, conv, focus, head))
    }
}

/// Reads the vectors, chooses the focus, reads the focused entries, and fills `trace`.
async fn finish(
    rb: Readback,
    round1: Round1,
    layers: Vec<DenseQueued>,
    conv: Option<ConvQueued>,
    focus: TraceFocus,
    mut trace: SampleTrace,
) -> Result<SampleTrace, EngineError> {
    let values = rb.run().await?;
    trace.x = values.vec(round1.x).to_vec();
    trace.d_x = values.vec(round1.d_x).to_vec();
    trace.probs = values.vec(round1.probs).to_vec();
    trace.cross_entropy = values.scalar(round1.cross_entropy);
    trace.penalty = values.scalar(round1.penalty);
    trace.loss = values.scalar(round1.loss);
    trace.cnn_weights = round1.cnn.as_ref().map(|c| c.read(&values));

    let kind = trace.optimizer.kind;
    let mut rb = Readback::default();
    let last = layers.len().saturating_sub(1);
    // Each layer's written-out weight starts from the neuron followed in the layer before.
    let mut previous = None;
    let mut dense = Vec::with_capacity(layers.len());
    for (k, layer) in layers.into_iter().enumerate() {
        let d = layer.focus(
            &mut rb,
            &values,
            kind,
            &focus,
            k,
            k == last,
            trace.label,
            previous,
        );
        previous = Some(d.neuron());
        dense.push(d);
    }
    let conv = conv.map(|c| c.focus(&mut rb, &values, kind, &focus, &trace.x));
    let focused = rb.run().await?;
    trace.layers = dense
        .into_iter()
        .map(|d| dense_trace(d, &values, &focused))
        .collect();
    trace.conv = conv.map(|c| conv_trace(c, &values, &focused));
    Ok(trace)
}
