//! Worked example: accuracy, precision, recall and F1 of thresholded probabilities. Burn
//! thresholds and computes the accuracy; the counts and ratios are `crate::metrics`.

use burn::tensor::Device;

use super::readback::{Readback, Slot, Values};
use super::reference::vector;
use super::reference_inputs as input;
use crate::metrics::class_scores;
use crate::protocol::reference::MetricsExample;

pub(super) struct MetricsSlots {
    probs: Slot,
    predicted: Slot,
    accuracy: Slot,
}

/// ŷᵢ = 1[pᵢ ≥ 0.5], accuracy = mean(ŷᵢ = yᵢ).
pub(super) fn metrics(rb: &mut Readback, device: &Device) -> MetricsSlots {
    let probs = vector(&input::METRIC_PROBS, device);
    let labels: Vec<f32> = input::METRIC_LABELS.iter().map(|&l| f32::from(l)).collect();
    let labels = vector(&labels, device);
    let predicted = probs.clone().greater_equal_elem(input::THRESHOLD).float();
    let accuracy = predicted.clone().equal(labels).float().mean();
    MetricsSlots {
        probs: rb.add(&probs),
        predicted: rb.add(&predicted),
        accuracy: rb.add(&accuracy),
    }
}

impl MetricsSlots {
    pub(super) fn read(&self, v: &Values) -> MetricsExample {
        let labels = input::METRIC_LABELS.to_vec();
        let predicted: Vec<u8> = v
            .vec(self.predicted)
            .iter()
            .map(|&p| u8::from(p > 0.5))
            .collect();
        // confusion[truth][predicted], classes 0 (negative) and 1 (positive).
        let mut confusion = vec![vec![0u32; 2]; 2];
        for (&t, &p) in labels.iter().zip(&predicted) {
            confusion[usize::from(t.min(1))][usize::from(p.min(1))] += 1;
        }
        let positive = class_scores(&confusion)[1];
        MetricsExample {
            probs: v.vec(self.probs).to_vec(),
            labels,
            predicted,
            accuracy: v.scalar(self.accuracy),
            tp: confusion[1][1],
            fp: confusion[0][1],
            fn_: confusion[1][0],
            tn: confusion[0][0],
            precision: positive.precision,
            recall: positive.recall,
            f1: positive.f1,
        }
    }
}
