//! "Your data" with a class target: softmax regression's snapshots, with one row of the last
//! step followed through z = Wᵀx′ + b, p = softmax(z), the loss, the gradients and the update.

use serde::{Deserialize, Serialize};

use super::event::Progress;
use super::trace::{OptimizerHyper, ParamUpdate};

/// Cross-entropy and accuracy on the whole training and test splits after `step` steps.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClassPoint {
    pub step: u64,
    pub train_ce: f32,
    pub test_ce: f32,
    /// The share of rows whose class is the most probable one (0–1).
    pub train_accuracy: f32,
    pub test_accuracy: f32,
}

/// Where softmax regression stands, read back from Burn.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClassSnapshot {
    pub progress: Progress,
    /// W, `n × k` row-major (W[j][c] at j·k + c: feature j's weight for class c), and b (`k`).
    pub w: Vec<f32>,
    pub b: Vec<f32>,
    pub point: ClassPoint,
    /// The test split's `confusion[truth][predicted]` counts.
    pub confusion: Vec<Vec<u32>>,
    /// The predicted class of each test row (the cells' rows, for "show me these rows").
    pub test_predicted: Vec<u8>,
    pub last: Option<ClassStep>,
}

/// The last step, with the first row of its batch followed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClassStep {
    /// 1-based step.
    pub step: u64,
    /// Rows in the batch (m).
    pub batch: usize,
    /// The followed row's line in the file, its standardized features and its class.
    pub line: usize,
    pub x: Vec<f32>,
    pub class: usize,
    /// Its logits z = Wᵀx′ + b and probabilities p = softmax(z), before the update.
    pub z: Vec<f32>,
    pub p: Vec<f32>,
    /// The batch's cross-entropy and loss (CE + λ₂‖W‖²) before the update.
    pub ce: f32,
    pub loss: f32,
    pub l2: f64,
    pub optimizer: OptimizerHyper,
    /// One update per weight W[j][c] (at j·k + c), and per bias b_c.
    pub w: Vec<ParamUpdate>,
    pub b: Vec<ParamUpdate>,
}

/// The confusion matrix of `k` classes from true and predicted class indices (predictions
/// outside 0..k are not counted), and the share predicted right.
pub fn confusion(truth: &[f32], predicted: &[f32], k: usize) -> (Vec<Vec<u32>>, f32) {
    let mut m = vec![vec![0u32; k]; k];
    let mut right = 0usize;
    for (&t, &p) in truth.iter().zip(predicted) {
        let (t, p) = (t as usize, p as usize);
        if t < k && p < k {
            m[t][p] += 1;
            right += usize::from(t == p);
        }
    }
    let accuracy = if truth.is_empty() {
        f32::NAN
    } else {
        right as f32 / truth.len() as f32
    };
    (m, accuracy)
}

#[cfg(test)]
mod tests {
    use super::confusion;

    #[test]
    fn counts_each_truth_and_prediction() {
        let (m, accuracy) = confusion(&[0.0, 1.0, 1.0, 2.0], &[0.0, 1.0, 2.0, 2.0], 3);
        assert_eq!(m, vec![vec![1, 0, 0], vec![0, 1, 1], vec![0, 0, 1]]);
        assert_eq!(accuracy, 0.75);
        assert!(confusion(&[], &[], 2).1.is_nan());
    }
}
