//! What the GPT views show: plain data folded from the worker's [`GptEvent`]s.

use crate::protocol::gpt::{
    GptAttention, GptEvaluation, GptEvent, GptSample, GptSnapshot, TextDataState,
};
use crate::protocol::gpt_follow::TokenTrace;
use crate::protocol::mnist::ModelFile;
use crate::ui::pages::mnist::size_text;
use std::rc::Rc;

/// At most this many training points are kept for the chart (thinned by half when full).
pub const MAX_TRAIN_POINTS: usize = 600;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct GptView {
    /// Where loading the corpus stands (None for a synthetic task, or before it starts).
    pub data: Option<TextDataState>,
    /// The latest snapshot (its evaluation, if any, is also in `evaluations`).
    pub snapshot: Option<GptSnapshot>,
    /// (step, mean training loss since the previous point).
    pub train_curve: Vec<(u64, f32)>,
    /// Every evaluation of this run, oldest first.
    pub evaluations: Vec<GptEvaluation>,
    /// The newest sample written during training, and its step.
    pub sample: Option<(u64, String)>,
    /// The text the learner asked for.
    pub asked: Option<GptSample>,
    /// The attention maps of the input the learner chose.
    pub attention: Option<Rc<GptAttention>>,
    /// The token the learner follows through the next step.
    pub follow: Option<Rc<TokenTrace>>,
    /// A saved model waiting to be downloaded by the page.
    pub saved: Option<ModelFile>,
    /// A short confirmation about the last model saved or loaded.
    pub model_status: Option<String>,
}

impl GptView {
    /// The corpus is loaded, or none is needed.
    pub fn data_ready(&self) -> bool {
        !matches!(
            self.data,
            Some(TextDataState::Loading { .. } | TextDataState::Failed { .. })
        )
    }

    pub fn last_evaluation(&self) -> Option<&GptEvaluation> {
        self.evaluations.last()
    }

    /// A new run starts: curves, evaluations and samples go, the data state stays.
    pub fn clear_run(&mut self) {
        let data = self.data.take();
        *self = Self {
            data,
            ..Self::default()
        };
    }

    /// The run continues from `step` (after a failure): what came later is dropped.
    pub fn rewind(&mut self, step: u64) {
        crate::history::rewind(&mut self.train_curve, step);
        self.evaluations.retain(|e| e.step <= step);
        if self.sample.as_ref().is_some_and(|(s, _)| *s > step) {
            self.sample = None;
        }
    }

    pub fn apply(&mut self, event: GptEvent) {
        match event {
            GptEvent::Data(state) => self.data = Some(state),
            GptEvent::Snapshot(snapshot) => {
                let snapshot = *snapshot;
                if let Some(p) = snapshot.train {
                    crate::history::push(&mut self.train_curve, (p.step, p.loss), MAX_TRAIN_POINTS);
                }
                if let Some(e) = snapshot.evaluation.clone() {
                    if let Some(text) = &e.sample {
                        self.sample = Some((e.step, text.clone()));
                    }
                    self.evaluations.retain(|old| old.step < e.step);
                    self.evaluations.push(e);
                }
                self.snapshot = Some(snapshot);
            }
            GptEvent::Sample(sample) => self.asked = Some(sample),
            GptEvent::Attention(maps) => self.attention = Some(Rc::new(*maps)),
            GptEvent::Follow(trace) => self.follow = Some(Rc::new(*trace)),
            GptEvent::ModelSaved(file) => {
                self.model_status = Some(format!(
                    "Saved as {} ({}).",
                    file.file_name,
                    size_text(file.bytes.len())
                ));
                self.saved = Some(file);
            }
            GptEvent::ModelLoaded { step, .. } => {
                // Another model: its own snapshot follows; the old curves and samples go.
                let data = self.data.take();
                *self = Self {
                    data,
                    model_status: Some(format!(
                        "Model loaded (trained for {step} steps); its settings now apply and training continues from there."
                    )),
                    ..Self::default()
                };
            }
        }
    }
}

#[cfg(test)]
#[path = "view_state_tests.rs"]
mod tests;
