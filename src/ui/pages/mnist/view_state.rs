//! What the MNIST views show: plain data folded from the worker's [`MnistEvent`]s.

use std::rc::Rc;

use crate::protocol::SampleTrace;
use crate::protocol::mnist::{
    DataProgress, DataStage, Evaluation, Example, MnistEvent, MnistSnapshot, ModelFile, TrainPoint,
};

/// At most this many training points are kept for the curves (thinned by half when full).
pub const MAX_TRAIN_POINTS: usize = 600;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct MnistView {
    /// The latest data-loading progress (None until loading starts).
    pub data: Option<DataProgress>,
    pub snapshot: Option<MnistSnapshot>,
    /// Running training loss/accuracy over the run.
    pub train_curve: Vec<TrainPoint>,
    /// Every evaluation of this run, oldest first (the last one is "current"). Shared, so
    /// cloning the page state (on every action) stays cheap.
    pub evaluations: Vec<Rc<Evaluation>>,
    /// The confusion-matrix cell the learner opened, and its test images.
    pub cell: Option<CellExamples>,
    /// Probabilities for the drawn digit.
    pub drawn_probs: Option<Vec<f32>>,
    /// Predictions answered so far (the draw pad compares it with the requests it sent).
    pub predictions: u64,
    /// A saved model waiting to be downloaded by the page.
    pub saved: Option<ModelFile>,
    /// A short confirmation about the last model saved or loaded.
    pub model_status: Option<String>,
    /// The sample followed through the network (the step-by-step panel).
    pub trace: Option<Rc<SampleTrace>>,
}

/// Something the learner closes or that the page has dealt with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MnistPart {
    /// The saved model was handed to the browser as a download.
    Saved,
    /// The draw pad was cleared.
    Drawing,
    /// The confusion-matrix cell's examples were closed.
    Cell,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CellExamples {
    pub truth: u8,
    pub predicted: u8,
    pub total: usize,
    pub examples: Vec<Example>,
}

impl MnistView {
    pub fn data_ready(&self) -> bool {
        self.data
            .as_ref()
            .is_some_and(|d| d.stage == DataStage::Ready)
    }

    pub fn last_evaluation(&self) -> Option<&Evaluation> {
        self.evaluations.last().map(|e| &**e)
    }

    /// A new run starts: curves and evaluations go, the data stays.
    pub fn clear_run(&mut self) {
        let (data, predictions) = (self.data.take(), self.predictions);
        *self = Self {
            data,
            predictions,
            ..Self::default()
        };
    }

    /// The run continues from `step` (after a failure): what came later is dropped.
    pub fn rewind(&mut self, step: u64) {
        crate::history::rewind(&mut self.train_curve, step);
        self.evaluations.retain(|e| e.step <= step);
    }

    pub fn clear(&mut self, part: MnistPart) {
        match part {
            MnistPart::Saved => self.saved = None,
            MnistPart::Drawing => self.drawn_probs = None,
            MnistPart::Cell => self.cell = None,
        }
    }

    pub fn apply(&mut self, event: MnistEvent) {
        match event {
            MnistEvent::Data(progress) => self.data = Some(progress),
            MnistEvent::Snapshot(snapshot) => {
                let mut snapshot = *snapshot;
                if let Some(point) = snapshot.train {
                    self.push_train(point);
                }
                let evaluations = std::mem::take(&mut snapshot.evaluations);
                self.evaluations
                    .extend(evaluations.into_iter().map(Rc::new));
                self.snapshot = Some(snapshot);
            }
            MnistEvent::Examples {
                truth,
                predicted,
                total,
                examples,
            } => {
                self.cell = Some(CellExamples {
                    truth,
                    predicted,
                    total,
                    examples,
                })
            }
            MnistEvent::Prediction { probs } => {
                self.drawn_probs = Some(probs);
                self.predictions += 1;
            }
            MnistEvent::ModelSaved(file) => {
                self.model_status = Some(format!(
                    "Saved as {} ({}).",
                    file.file_name,
                    size_text(file.bytes.len())
                ));
                self.saved = Some(file);
            }
            MnistEvent::ModelLoaded { step, .. } => {
                // Another model: its evaluation follows; the old curves and results go.
                self.train_curve.clear();
                self.evaluations.clear();
                self.cell = None;
                self.model_status = Some(format!(
                    "Model loaded (trained for {step} steps); its settings now apply."
                ));
            }
            MnistEvent::Trace(trace) => self.trace = Some(Rc::from(trace)),
        }
    }

    fn push_train(&mut self, point: TrainPoint) {
        crate::history::push(&mut self.train_curve, point, MAX_TRAIN_POINTS);
    }
}

/// "12.3 KB", "1.2 MB".
pub fn size_text(bytes: usize) -> String {
    let kb = bytes as f64 / 1024.0;
    if kb < 1024.0 {
        format!("{kb:.1} KB")
    } else {
        format!("{:.1} MB", kb / 1024.0)
    }
}
