//! A race: two or three linear-regression runs in one worker, on the same data from the same
//! initial weights, each with its own settings. One snapshot carries every run.

use serde::{Deserialize, Serialize};

use super::{Progress, Readout};

/// Every run of the race, read back together.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RaceSnapshot {
    /// The race's progress (the longest run's steps).
    pub progress: Progress,
    pub runs: Vec<RaceRun>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RaceRun {
    /// Its overrides, as the link wrote them (`optimizer=adam`).
    pub label: String,
    /// Everything a solo run's snapshot says (its own steps, path, curve and last step).
    pub readout: Readout,
    /// Its w, b or loss went to NaN/∞: it stopped there; the others go on.
    pub diverged: bool,
}
