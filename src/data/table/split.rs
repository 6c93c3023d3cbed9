//! The rows of a design: which are kept (missing values), which are test rows (a seeded
//! shuffle), and the training μ and σ that standardize every input column.

use std::collections::HashMap;

use super::cells::{is_missing, number};
use super::design::{Missing, Target};
use super::inputs::{Input, cell};
use super::{MIN_ROWS, TableError, parse::Table};
use crate::data::rng::Rng;

/// The stream of [`Rng::derived`] that shuffles the rows before the split.
pub const SPLIT_STREAM: u64 = 0x7AB1_E5B1_1700;

/// The rows that have every value a design needs.
pub struct Kept {
    /// Table row indices, in file order.
    pub rows: Vec<usize>,
    /// Each kept row's target: the value, or the class index.
    pub y: Vec<f32>,
    /// How many rows were left out.
    pub dropped: usize,
}

/// Keeps the rows with a target and, per `missing`, with every feature; reads the targets.
pub fn keep_rows(
    table: &Table,
    target_col: usize,
    target: &Target,
    inputs: &[Input],
    missing: Missing,
) -> Result<Kept, TableError> {
    let target_name = table.names.get(target_col).map_or("", String::as_str);
    let index: HashMap<&str, usize> = match target {
        Target::Classes(classes) => classes
            .iter()
            .enumerate()
            .map(|(i, c)| (c.as_str(), i))
            .collect(),
        Target::Numeric => HashMap::new(),
    };
    let mut kept = Kept {
        rows: Vec::new(),
        y: Vec::new(),
        dropped: 0,
    };
    // Rows dropped because of each column (the first missing one), to name the worst.
    let mut blame: HashMap<usize, usize> = HashMap::new();
    for (r, &line) in table.lines.iter().enumerate().take(table.rows.len()) {
        let fillable = |input: &Input| {
            matches!(input, Input::Number { .. } | Input::Power { .. })
                && missing == Missing::FillMean
        };
        let gap = std::iter::once(target_col)
            .chain(inputs.iter().filter(|i| !fillable(i)).map(Input::col))
            .find(|&col| is_missing(cell(table, r, col)));
        if let Some(col) = gap {
            kept.dropped += 1;
            *blame.entry(col).or_default() += 1;
            continue;
        }
        let text = cell(table, r, target_col);
        let y = match target {
            Target::Numeric => number(text, table.decimal_comma).map(|y| y as f32),
            Target::Classes(_) => index.get(text).map(|&i| i as f32),
        };
        match y.filter(|y| y.is_finite()) {
            Some(y) => {
                kept.rows.push(r);
                kept.y.push(y);
            }
            None => {
                return Err(TableError::at_cell(
                    line,
                    target_name,
                    &format!("\"{text}\" cannot be a target value — correct the cell, or clear it"),
                ));
            }
        }
    }
    if kept.rows.len() < MIN_ROWS {
        let n = kept.rows.len();
        let worst = blame.iter().max_by_key(|&(&col, &n)| (n, usize::MAX - col));
        let Some(name) = worst.and_then(|(&col, _)| table.names.get(col)) else {
            return Err(TableError::whole(format!(
                "the table has {n} rows; at least {MIN_ROWS} are needed — add more rows"
            )));
        };
        return Err(TableError::in_column(
            name,
            format!(
                "{} rows are left out for a missing value (most for column \"{name}\"), so \
                 {n} remain; at least {MIN_ROWS} are needed — fill the missing cells, fill \
                 numbers with the mean, or choose other columns",
                kept.dropped
            ),
        ));
    }
    Ok(kept)
}

/// Positions `0..n` split into (train, test), each in increasing order: a shuffle seeded by
/// `seed`, the first `round(test_fraction · n)` (at least 1, at most n − 1) are test.
pub fn split_rows(
    n: usize,
    seed: u64,
    test_fraction: f64,
) -> Result<(Vec<usize>, Vec<usize>), TableError> {
    if !(test_fraction > 0.0 && test_fraction < 1.0) {
        return Err(TableError::whole(format!(
            "the test fraction is {test_fraction}; it must lie between 0 and 1 (e.g. 0.2)"
        )));
    }
    let n_test = ((test_fraction * n as f64).round() as usize).clamp(1, n.saturating_sub(1).max(1));
    let mut order: Vec<usize> = (0..n).collect();
    Rng::derived(seed, SPLIT_STREAM).shuffle(&mut order);
    let (test, train) = order.split_at(n_test.min(n));
    let (mut train, mut test) = (train.to_vec(), test.to_vec());
    train.sort_unstable();
    test.sort_unstable();
    Ok((train, test))
}
