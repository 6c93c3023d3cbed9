//! Table → [`Design`]: the chosen feature columns as a standardized matrix (text columns
//! one-hot), the target as numbers or class indices, and a seeded train/test split.

use super::inputs::{Input, classes, find};
use super::powers::power_input;
use super::split::{keep_rows, split_rows};
use super::standardize::{Stats, standardize};
use super::summary::{ColumnKind, ColumnSummary};
use super::{TableError, parse::Table};

/// What to do with a row whose numeric feature is missing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, Default)]
pub enum Missing {
    /// Leave the row out.
    #[default]
    DropRows,
    /// Fill the cell with the feature's training mean (a missing text cell or target still
    /// drops its row).
    FillMean,
}

/// Which columns to learn from and how.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct DesignSpec {
    /// The column to predict.
    pub target: String,
    /// The input columns, in the order their features appear.
    pub features: Vec<String>,
    /// What to do with missing feature cells.
    pub missing: Missing,
    /// The seed of the train/test split.
    pub seed: u64,
    /// The share of rows held out for testing (0.2 by default).
    pub test_fraction: f64,
}

impl Default for DesignSpec {
    fn default() -> Self {
        Self {
            target: String::new(),
            features: Vec::new(),
            missing: Missing::default(),
            seed: 0,
            test_fraction: 0.2,
        }
    }
}

/// What the target is.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Target {
    /// A number to predict (regression); `y` is the value.
    Numeric,
    /// A class to predict; `y` is the index into these names (first-seen order).
    Classes(Vec<String>),
}

/// One standardized input column: x' = (x − μ) / σ, μ and σ from the training split only.
/// A one-hot column whose σ is 0 on the training split (its class is absent from, or in
/// every one of, the training rows) keeps σ = 1.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Standardized {
    /// The column's name; a one-hot column is `color=red`.
    pub name: String,
    /// The training mean μ.
    pub mu: f64,
    /// The training (population) standard deviation σ.
    pub sigma: f64,
    /// The text column a one-hot column stands for.
    pub one_hot_of: Option<String>,
}

/// A design matrix ready for training.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Design {
    /// The input columns after one-hot encoding: text feature `color` with classes red,
    /// blue becomes `color=red`, `color=blue` (every class, each standardized too).
    pub features: Vec<Standardized>,
    /// The target column's name.
    pub target_name: String,
    /// Numbers or classes.
    pub target: Target,
    /// Training inputs, row-major, standardized (`n_train × n_features`).
    pub x_train: Vec<f32>,
    /// Training targets: the value, or the class index as f32.
    pub y_train: Vec<f32>,
    /// Test inputs, row-major, standardized with the training μ and σ.
    pub x_test: Vec<f32>,
    /// Test targets.
    pub y_test: Vec<f32>,
    /// The file line of each training row (for "follow one row").
    pub lines_train: Vec<usize>,
    /// The file line of each test row.
    pub lines_test: Vec<usize>,
    /// Rows left out for a missing value (target, text feature, or any feature with
    /// [`Missing::DropRows`]).
    pub dropped_rows: usize,
    /// Numeric feature cells filled with the training mean ([`Missing::FillMean`]).
    pub filled_cells: usize,
}

impl Design {
    /// Input columns per row.
    pub fn n_features(&self) -> usize {
        self.features.len()
    }
    /// Training rows.
    pub fn n_train(&self) -> usize {
        self.y_train.len()
    }
    /// Test rows.
    pub fn n_test(&self) -> usize {
        self.y_test.len()
    }
}

/// Builds the design matrix of `spec` from `table` and its `summaries` (from
/// [`summarize`](super::summarize)). Every problem — an unknown or unusable column, too
/// many classes, a constant feature, too few rows left — is an error naming the column.
pub fn design(
    table: &Table,
    summaries: &[ColumnSummary],
    spec: &DesignSpec,
) -> Result<Design, TableError> {
    let (target_col, target_summary) = find(table, summaries, &spec.target)?;
    if spec.features.is_empty() {
        return Err(TableError::whole(
            "no feature columns are chosen — choose at least one column to learn from",
        ));
    }
    let mut inputs = Vec::with_capacity(spec.features.len());
    for (i, name) in spec.features.iter().enumerate() {
        if *name == spec.target || spec.features[..i].contains(name) {
            let why = if *name == spec.target {
                "is the target"
            } else {
                "is chosen twice"
            };
            return Err(TableError::in_column(
                name,
                format!("column \"{name}\" {why} — choose it once, as a feature or as the target"),
            ));
        }
        if let Some(power) = power_input(table, summaries, name, &spec.target)? {
            inputs.push(power);
            continue;
        }
        let (col, summary) = find(table, summaries, name)?;
        let name = name.clone();
        inputs.push(match summary.kind {
            ColumnKind::Numeric => Input::Number { col, name },
            _ => {
                let classes = classes(summary, "a text feature", "leave it out of the features")?;
                Input::OneHot {
                    col,
                    name,
                    classes: classes.to_vec(),
                }
            }
        });
    }
    let target = match target_summary.kind {
        ColumnKind::Numeric => Target::Numeric,
        _ => Target::Classes(
            classes(target_summary, "a class target", "pick another target")?.to_vec(),
        ),
    };
    let kept = keep_rows(table, target_col, &target, &inputs, spec.missing)?;
    let (train, test) = split_rows(kept.rows.len(), spec.seed, spec.test_fraction)?;
    let rows =
        |positions: &[usize]| -> Vec<usize> { positions.iter().map(|&p| kept.rows[p]).collect() };
    let (train_rows, test_rows) = (rows(&train), rows(&test));
    let Stats {
        features,
        x_train,
        x_test,
        filled_cells,
    } = standardize(table, &inputs, &train_rows, &test_rows)?;
    let y = |positions: &[usize]| positions.iter().map(|&p| kept.y[p]).collect();
    let lines = |rows: &[usize]| {
        rows.iter()
            .map(|&r| table.lines.get(r).copied().unwrap_or(0))
            .collect()
    };
    Ok(Design {
        features,
        target_name: spec.target.clone(),
        target,
        x_train,
        y_train: y(&train),
        x_test,
        y_test: y(&test),
        lines_train: lines(&train_rows),
        lines_test: lines(&test_rows),
        dropped_rows: kept.dropped,
        filled_cells,
    })
}
