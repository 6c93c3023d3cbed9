//! What a training step's speed depends on, as a key: `backend=auto`'s verdict (which device
//! is faster) is remembered per adapter and per this key.

use super::{Settings, Task};

impl Settings {
    /// The task, its own settings (model, data shape, schedule), the batch and the optimizer;
    /// not the seed, the live values or the backend. E.g. `mnist|batch 64|adam|3f2a…`.
    pub fn speed_key(&self) -> String {
        let part = match self.task {
            Task::LinearRegression => serde_json::to_string(&self.linreg),
            Task::Mnist => serde_json::to_string(&self.mnist),
            Task::Neuron => serde_json::to_string(&self.neuron),
            Task::Gpt => serde_json::to_string(&self.gpt),
            // Its speed is the feature count's, whichever table and columns.
            Task::Table => Ok(format!("{} features", self.table.x.len())),
            Task::Formulas => Ok(String::new()),
        }
        .unwrap_or_default();
        format!(
            "{}|batch {}|{}|{:016x}",
            self.task.key(),
            self.effective_batch(),
            self.optimizer.key(),
            fnv1a(part.as_bytes())
        )
    }
}

/// FNV-1a, 64 bits: a stable digest (std's hasher may change between releases).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::BackendChoice;

    #[test]
    fn the_key_follows_the_shape_not_the_seed_or_live_values() {
        let mnist = Settings::for_task(Task::Mnist);
        let mut other_seed = mnist.clone();
        other_seed.seed += 1;
        other_seed.live.lr = 0.5;
        other_seed.backend = BackendChoice::Cpu;
        assert_eq!(mnist.speed_key(), other_seed.speed_key());
        assert!(
            mnist.speed_key().starts_with("mnist|batch "),
            "{}",
            mnist.speed_key()
        );

        let mut bigger_batch = mnist.clone();
        bigger_batch.batch_size *= 2;
        assert_ne!(mnist.speed_key(), bigger_batch.speed_key());
        let gpt = Settings::for_task(Task::Gpt);
        let mut deeper = gpt.clone();
        deeper.gpt.layers += 1;
        assert_ne!(gpt.speed_key(), deeper.speed_key());
        assert_ne!(gpt.speed_key(), mnist.speed_key());
    }

    #[test]
    fn the_digest_is_stable() {
        // Stored verdicts outlive a build: the digest must not change between releases.
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
