//! One summary per column: what kind of values it holds, how many are missing, and the
//! range and mean of its numbers.

use std::collections::HashSet;

pub use super::cells::{MISSING_MARKERS, is_missing, number};
use super::parse::Table;

/// The most distinct values a [`ColumnKind::Categorical`] lists (it counts them all).
pub const MAX_LISTED_CLASSES: usize = 1000;
/// The share of present cells that must be numbers for a column to count as numbers with
/// a few mistakes ([`ColumnKind::Mixed`]) rather than text.
pub const MIXED_SHARE: f64 = 0.8;

/// What a column holds.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum ColumnKind {
    /// Every present cell is a number.
    Numeric,
    /// Mostly numbers (≥ 80 % of present cells) but some are not: unusable until fixed.
    /// `line` and `text` are the first offender's.
    Mixed { line: usize, text: String },
    /// Text or labels: its distinct values in first-seen order (at most
    /// [`MAX_LISTED_CLASSES`] of them) and how many distinct values there are in all.
    Categorical {
        classes: Vec<String>,
        distinct: usize,
    },
}

/// A column at a glance.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ColumnSummary {
    /// The column's header name.
    pub name: String,
    /// Numbers, numbers with mistakes, or text.
    pub kind: ColumnKind,
    /// Present (not missing) cells.
    pub count: usize,
    /// Missing cells: empty, `NA`, `N/A`, `NaN`, `null`, `?` or `-` (any case).
    pub missing: usize,
    /// The smallest number (numeric and mixed columns).
    pub min: Option<f64>,
    /// The largest number (numeric and mixed columns).
    pub max: Option<f64>,
    /// The mean of the numbers (numeric and mixed columns).
    pub mean: Option<f64>,
}

/// Summarizes column `j` of `table`.
fn column(table: &Table, j: usize) -> ColumnSummary {
    let (mut count, mut missing, mut numbers) = (0, 0, 0usize);
    let (mut min, mut max, mut sum) = (f64::INFINITY, f64::NEG_INFINITY, 0.0);
    let mut first_text: Option<(usize, &str)> = None;
    let mut seen = HashSet::new();
    let mut classes = Vec::new();
    for (row, &line) in table.rows.iter().zip(&table.lines) {
        let cell = row.get(j).map_or("", String::as_str);
        if is_missing(cell) {
            missing += 1;
            continue;
        }
        count += 1;
        if seen.insert(cell) && classes.len() < MAX_LISTED_CLASSES {
            classes.push(cell.to_string());
        }
        match number(cell, table.decimal_comma) {
            Some(x) => {
                numbers += 1;
                min = min.min(x);
                max = max.max(x);
                sum += x;
            }
            None => {
                first_text.get_or_insert((line, cell));
            }
        }
    }
    let kind = match first_text {
        None if count > 0 => ColumnKind::Numeric,
        Some((line, text)) if numbers as f64 >= MIXED_SHARE * count as f64 => ColumnKind::Mixed {
            line,
            text: text.to_string(),
        },
        _ => ColumnKind::Categorical {
            classes,
            distinct: seen.len(),
        },
    };
    let numeric = !matches!(kind, ColumnKind::Categorical { .. });
    let stat = |x: f64| (numeric && numbers > 0).then_some(x);
    ColumnSummary {
        name: table.names.get(j).cloned().unwrap_or_default(),
        kind,
        count,
        missing,
        min: stat(min),
        max: stat(max),
        mean: stat(sum / numbers.max(1) as f64),
    }
}

/// One summary per column of `table`, in column order. A column with no present cell is
/// an empty [`ColumnKind::Categorical`].
pub fn summarize(table: &Table) -> Vec<ColumnSummary> {
    (0..table.names.len()).map(|j| column(table, j)).collect()
}
