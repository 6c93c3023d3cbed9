//! Saving and loading the network of a run (see [`model_file`]).

use std::future::Future;

use burn::module::Module;

use super::model_file;
use super::trainer::MnistTrainer;
use crate::engine::EngineError;
use crate::settings::{ModelKind, mnist::hidden_to_text};

impl MnistTrainer {
    /// A short name of the network, e.g. `784-128-10` or `cnn`.
    pub fn describe(&self) -> String {
        match self.settings.mnist.model {
            ModelKind::Cnn => "cnn".into(),
            ModelKind::Mlp => {
                let hidden = hidden_to_text(&self.settings.mnist.hidden);
                format!("784-{hidden}{}10", if hidden.is_empty() { "" } else { "-" })
            }
        }
    }

    /// The model file of the current network (see [`model_file`]).
    pub fn save(&self) -> impl Future<Output = Result<Vec<u8>, EngineError>> + 'static {
        let (model, settings, step) = (self.model.clone(), self.settings.clone(), self.step);
        async move { model_file::save(&model, &settings, step).await }
    }

    /// Reads a model file onto this run's device (checked; nothing changes on error).
    pub fn load(&self, bytes: &[u8]) -> Result<model_file::Loaded, EngineError> {
        model_file::load(bytes, &self.device)
    }

    /// Continues from a loaded model: its settings, weights and step; the optimizer starts
    /// afresh. An evaluation is queued so its accuracy shows at once.
    pub fn adopt(&mut self, loaded: model_file::Loaded) {
        let device = self.device.clone();
        *self = Self::new(&loaded.settings, device.clone(), self.data.clone());
        self.model = loaded.model.to_device(&device);
        self.step = loaded.step;
        self.queue_evaluation();
    }
}
