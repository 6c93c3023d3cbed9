//! The chosen columns of a design: found by name, checked against their summaries, and
//! turned into inputs (a number, or one 0/1 column per class of a text column).

use super::cells::{is_missing, number};
use super::summary::{ColumnKind, ColumnSummary};
use super::{MAX_CLASSES, TableError, parse::Table};

/// One chosen feature column and the input columns it becomes.
#[derive(Clone, Debug, PartialEq)]
pub enum Input {
    /// A numeric column: one input, its value.
    Number { col: usize, name: String },
    /// A numeric column raised to a power (2…5): one input, `name^power`.
    Power {
        col: usize,
        name: String,
        power: u32,
    },
    /// A text column: one input per class, 1 where the cell is that class, else 0.
    OneHot {
        col: usize,
        name: String,
        classes: Vec<String>,
    },
}

impl Input {
    /// The table column it reads.
    pub fn col(&self) -> usize {
        match self {
            Input::Number { col, .. } | Input::Power { col, .. } | Input::OneHot { col, .. } => {
                *col
            }
        }
    }

    /// How many input columns it becomes.
    pub fn width(&self) -> usize {
        match self {
            Input::Number { .. } | Input::Power { .. } => 1,
            Input::OneHot { classes, .. } => classes.len(),
        }
    }

    /// The name of its `k`-th input column, and the text column it one-hot encodes.
    pub fn name(&self, k: usize) -> (String, Option<String>) {
        match self {
            Input::Number { name, .. } => (name.clone(), None),
            Input::Power { name, power, .. } => (format!("{name}^{power}"), None),
            Input::OneHot { name, classes, .. } => {
                let class = classes.get(k).map_or("", String::as_str);
                (format!("{name}={class}"), Some(name.clone()))
            }
        }
    }

    /// Its `k`-th input's value in table row `r`; `None` when the cell is missing.
    pub fn value(&self, table: &Table, r: usize, k: usize) -> Option<f64> {
        let cell = cell(table, r, self.col());
        if is_missing(cell) {
            return None;
        }
        match self {
            Input::Number { .. } => number(cell, table.decimal_comma),
            Input::Power { power, .. } => {
                number(cell, table.decimal_comma).map(|v| v.powi(*power as i32))
            }
            Input::OneHot { classes, .. } => Some(f64::from(u8::from(
                classes.get(k).is_some_and(|c| c == cell),
            ))),
        }
    }
}

/// The cell at row `r`, column `col` (empty when out of range).
pub fn cell(table: &Table, r: usize, col: usize) -> &str {
    table
        .rows
        .get(r)
        .and_then(|row| row.get(col))
        .map_or("", String::as_str)
}

/// The index and summary of the column named `name`, unless it is unknown or mixed.
pub fn find<'s>(
    table: &Table,
    summaries: &'s [ColumnSummary],
    name: &str,
) -> Result<(usize, &'s ColumnSummary), TableError> {
    let Some(j) = table.names.iter().position(|n| n == name) else {
        let names = table.names.join("\", \"");
        return Err(TableError::in_column(
            name,
            format!("there is no column \"{name}\" — the columns are \"{names}\""),
        ));
    };
    match summaries.get(j) {
        Some(s) if s.name == name => match &s.kind {
            ColumnKind::Mixed { line, text } => Err(TableError::at_cell(
                *line,
                name,
                &format!(
                    "\"{text}\" is not a number — correct the cell, or clear it to treat it \
                     as missing"
                ),
            )),
            _ => Ok((j, s)),
        },
        _ => Err(TableError::whole(
            "the column summaries do not belong to this table — summarize it again",
        )),
    }
}

/// The classes of a text column (empty for a numeric one), if it has at most
/// [`MAX_CLASSES`]; `role` and `fix` complete the error otherwise.
pub fn classes<'s>(
    s: &'s ColumnSummary,
    role: &str,
    fix: &str,
) -> Result<&'s [String], TableError> {
    match &s.kind {
        ColumnKind::Categorical { distinct, .. } if *distinct > MAX_CLASSES => {
            Err(TableError::in_column(
                &s.name,
                format!(
                    "column \"{}\" has {distinct} distinct values; {role} may have at most \
                     {MAX_CLASSES} — {fix}",
                    s.name
                ),
            ))
        }
        ColumnKind::Categorical { classes, .. } => Ok(classes),
        _ => Ok(&[]),
    }
}
