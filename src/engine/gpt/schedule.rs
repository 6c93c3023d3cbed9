//! The learning rate over a run: optional linear warm-up, then optional cosine decay to a
//! tenth of the peak (nanoGPT's `get_lr`), in closed form so any step's α can be shown.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct LrSchedule {
    /// α_max.
    pub peak: f64,
    /// Warm-up steps (0: none).
    pub warmup: u64,
    /// Steps of the whole run (the cosine reaches its floor there).
    pub total: u64,
    /// Cosine decay after the warm-up (else α stays at the peak).
    pub cosine: bool,
}

/// The cosine's floor, as a fraction of the peak.
pub const MIN_RATIO: f64 = 0.1;

impl LrSchedule {
    /// α at step `step` (0-based):
    /// - warm-up, step < W: α_max·(step + 1)/W;
    /// - cosine: α_min + ½(1 + cos(π·p))(α_max − α_min), p = (step − W)/(total − W) ≤ 1.
    pub fn lr(&self, step: u64) -> f64 {
        if step < self.warmup {
            return self.peak * (step + 1) as f64 / self.warmup as f64;
        }
        if !self.cosine || self.total <= self.warmup {
            return self.peak;
        }
        let p = ((step - self.warmup) as f64 / (self.total - self.warmup) as f64).min(1.0);
        let floor = self.peak * MIN_RATIO;
        floor + 0.5 * (1.0 + (std::f64::consts::PI * p).cos()) * (self.peak - floor)
    }
}
