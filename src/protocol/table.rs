//! "Your data"'s messages: the table the page read (already split and standardized) and the
//! regression's snapshots, with one row of the last step followed through it.

use serde::{Deserialize, Serialize};

use super::event::Progress;
use super::trace::{OptimizerHyper, ParamUpdate};
use crate::data::table::design::{Design, DesignSpec};

/// The design matrix the page built from the learner's table, with what it was built from (the
/// worker trains on it only while the settings still ask for that target and those features).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TableData {
    pub spec: DesignSpec,
    /// Where the table came from, for messages ("iris", "my.csv").
    pub source: String,
    pub design: Design,
}

/// Page → worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum TableCommand {
    /// Train on this table (replaces the one before; the run starts over).
    Data(Box<TableData>),
}

/// Worker → page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum TableEvent {
    Snapshot(Box<TableSnapshot>),
    /// A class target's snapshot (softmax regression).
    Classes(Box<super::table_classes::ClassSnapshot>),
}

/// The loss on the whole training and test splits after `step` steps.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct TablePoint {
    pub step: u64,
    pub train_mse: f32,
    pub test_mse: f32,
}

/// Where the regression stands, read back from Burn.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TableSnapshot {
    pub progress: Progress,
    /// One weight per (standardized) feature, and the bias.
    pub w: Vec<f32>,
    pub b: f32,
    /// The losses now (one point per snapshot).
    pub point: TablePoint,
    pub last: Option<RowStep>,
    /// With one feature: (w, b) after every step since the previous snapshot (the first also
    /// holds the start), the path across the loss surface.
    #[serde(default)]
    pub path: Vec<super::surface::PathPoint>,
}

/// The last step, with the first row of its batch followed: ŷ = w·x + b for that row, the batch's
/// loss and every parameter's gradient and update.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RowStep {
    /// 1-based step.
    pub step: u64,
    /// Rows in the batch (m).
    pub batch: usize,
    /// The followed row's line in the file, its standardized features and its target.
    pub line: usize,
    pub x: Vec<f32>,
    pub y: f32,
    /// w·x + b for the followed row, before the update.
    pub y_hat: f32,
    /// The batch's mean squared error and loss (MSE + λ₂‖w‖²) before the update.
    pub mse: f32,
    pub loss: f32,
    pub l2: f64,
    pub optimizer: OptimizerHyper,
    /// One update per weight (Adam's t shared), and the bias's.
    pub w: Vec<ParamUpdate>,
    pub b: ParamUpdate,
}
