//! The learner's own table, for "train on your own data": the bytes of a CSV/TSV file →
//! a parsed [`Table`] ([`parse()`]) → one [`ColumnSummary`] per column ([`summarize`]) → a
//! standardized [`Design`] matrix with a train/test split ([`design()`]).
//!
//! Nothing here panics on any input: every problem is a [`TableError`] whose message names
//! the line and the column at fault and says what to do about it.
//!
//! Public: [`parse`](mod@parse), [`summary`], [`design`](mod@design), [`powers`]. Private parts:
//! `cells` (missing markers, numbers), `detect` (size, text, delimiter, decimal comma),
//! `inputs` (chosen columns, one-hot, powers), `split` (kept rows, seeded train/test split),
//! `standardize` (training μ and σ).

mod cells;
pub mod design;
mod detect;
mod inputs;
pub mod parse;
pub mod powers;
mod split;
mod standardize;
pub mod summary;

pub use design::{Design, DesignSpec, Missing, Standardized, Target, design};
pub use parse::{Table, parse};
pub use summary::{ColumnKind, ColumnSummary, MISSING_MARKERS, is_missing, number, summarize};

use std::fmt;

/// The largest file accepted, in bytes (20 MB).
pub const MAX_BYTES: usize = 20 * 1024 * 1024;
/// The most data rows accepted.
pub const MAX_ROWS: usize = 100_000;
/// The fewest data rows a table (and a design, after dropping rows) may have.
pub const MIN_ROWS: usize = 5;
/// The most classes of a class target, and of a text feature (one input per class).
pub const MAX_CLASSES: usize = 20;

/// What is wrong with a table, where, and what to do.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct TableError {
    /// 1-based line of the file (the header is line 1), when one line is at fault.
    pub line: Option<usize>,
    /// The column at fault, by its header name.
    pub column: Option<String>,
    /// The whole message for the learner, e.g. `line 7, column "age": "abc" is not a
    /// number — correct the cell, or clear it to treat it as missing`.
    pub message: String,
}

impl TableError {
    /// A problem with the whole file or table.
    pub fn whole(message: impl Into<String>) -> Self {
        Self {
            line: None,
            column: None,
            message: message.into(),
        }
    }

    /// A problem with one line; `message` already names it.
    pub fn at_line(line: usize, message: impl Into<String>) -> Self {
        Self {
            line: Some(line),
            ..Self::whole(message)
        }
    }

    /// A problem with one column; `message` already names it.
    pub fn in_column(column: &str, message: impl Into<String>) -> Self {
        Self {
            column: Some(column.to_string()),
            ..Self::whole(message)
        }
    }

    /// A problem with one cell: the message is `line L, column "C": {detail}`.
    pub fn at_cell(line: usize, column: &str, detail: &str) -> Self {
        Self {
            line: Some(line),
            column: Some(column.to_string()),
            message: format!("line {line}, column \"{column}\": {detail}"),
        }
    }
}

impl fmt::Display for TableError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for TableError {}
