//! The MNIST messages: data loading, training snapshots, evaluations, drawn digits and model
//! files. Plain numbers only.

use serde::{Deserialize, Serialize};

use super::Progress;
use crate::settings::Settings;

/// Side length of an MNIST image.
pub const SIDE: usize = 28;
/// Pixels of an MNIST image.
pub const PIXELS: usize = SIDE * SIDE;
pub const CLASSES: usize = 10;

/// What the data loader is doing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DataStage {
    Downloading,
    Decompressing,
    Ready,
    /// Loading failed (the error event says why); a Reset tries again.
    Failed,
}

/// Loading progress of the four MNIST files, in bytes and images.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DataProgress {
    pub stage: DataStage,
    /// The file being handled, e.g. `train-images-idx3-ubyte.gz`.
    pub file: String,
    /// Compressed bytes received so far, over all files, and the total expected.
    pub loaded_bytes: u64,
    pub total_bytes: u64,
    /// Images parsed so far (train + test) and the total.
    pub images: u64,
    pub total_images: u64,
}

/// One test image with the model's verdict.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Example {
    /// Index in the test set.
    pub index: u32,
    pub label: u8,
    pub predicted: u8,
    /// Softmax probabilities of the ten classes.
    pub probs: Vec<f32>,
    /// Raw pixels, row-major, 0–255.
    pub pixels: Vec<u8>,
}

/// The first layer's weights as small images: one per hidden unit (MLP, 28×28) or per
/// filter (CNN, 5×5).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LayerPicture {
    pub width: usize,
    pub height: usize,
    /// Units or filters in the layer (the pictures may be a sample of them).
    pub units_total: usize,
    /// (unit index, weights row-major).
    pub images: Vec<(usize, Vec<f32>)>,
}

/// A model's results on the whole test set.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Evaluation {
    /// Optimizer steps taken when evaluated, and the (fractional) epoch.
    pub step: u64,
    pub epoch: f64,
    pub test_loss: f32,
    /// Fraction of test images classified correctly (0–1).
    pub accuracy: f32,
    /// `confusion[truth][predicted]` counts.
    pub confusion: Vec<Vec<u32>>,
    /// A fixed sample of test images with their predictions.
    pub gallery: Vec<Example>,
    pub first_layer: LayerPicture,
}

/// Mean training loss and accuracy over the steps since the previous point.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct TrainPoint {
    pub step: u64,
    pub epoch: f64,
    pub loss: f32,
    pub accuracy: f32,
}

/// A throttled picture of an MNIST run.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MnistSnapshot {
    pub progress: Progress,
    /// Training images done in the current epoch, and per epoch.
    pub epoch_samples: u64,
    pub epoch_total: u64,
    /// Running training metrics since the previous snapshot (none if no step was taken).
    pub train: Option<TrainPoint>,
    /// Evaluations finished since the previous snapshot (at epoch ends, or on request).
    pub evaluations: Vec<Evaluation>,
}

/// A trained model as a file: Burn's record (burnpack) with the settings embedded.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ModelFile {
    pub file_name: String,
    pub bytes: Vec<u8>,
}

/// The MNIST replies that are not snapshots.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum MnistEvent {
    Data(DataProgress),
    Snapshot(Box<MnistSnapshot>),
    /// Test images of one confusion-matrix cell.
    Examples {
        truth: u8,
        predicted: u8,
        /// How many test images the cell holds (the list may be shorter).
        total: usize,
        examples: Vec<Example>,
    },
    /// The model's probabilities for a drawn digit.
    Prediction {
        probs: Vec<f32>,
    },
    ModelSaved(ModelFile),
    /// A model file was loaded: its settings now apply, and it was evaluated.
    ModelLoaded {
        settings: Box<Settings>,
        step: u64,
    },
    /// One sample followed through the model.
    Trace(Box<super::SampleTrace>),
}

/// The MNIST requests beyond Play / Pause / Step / Reset.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum MnistCommand {
    /// Evaluate the current model on the test set now.
    Evaluate,
    /// Up to `limit` test images with this (truth, predicted) pair, from the last evaluation.
    Examples {
        truth: u8,
        predicted: u8,
        limit: usize,
    },
    /// Classify a drawn digit: 784 raw pixels (0–255, MNIST-like: white on black).
    Predict {
        pixels: Vec<u8>,
    },
    Save,
    Load {
        bytes: Vec<u8>,
    },
    /// Follow one sample through the current model (forward, loss, backward, update).
    Trace {
        sample: super::TraceSample,
        focus: super::TraceFocus,
    },
}
