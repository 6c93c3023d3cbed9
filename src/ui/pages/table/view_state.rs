//! What the "Your data" views show: the table the page read (kept across runs) and plain data
//! folded from the worker's [`TableEvent`]s.

use std::rc::Rc;

use crate::data::table::parse::Table;
use crate::data::table::summary::{ColumnSummary, summarize};
use crate::protocol::table::{TableEvent, TablePoint, TableSnapshot};

/// At most this many curve points are kept (thinned by half when full).
pub const MAX_POINTS: usize = 600;

impl crate::history::AtStep for TablePoint {
    fn step(&self) -> u64 {
        self.step
    }
}

/// A table read and summarized, and where it came from.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    /// The built-in table's name, the URL, or the file's name.
    pub source: String,
    pub table: Rc<Table>,
    pub summaries: Rc<Vec<ColumnSummary>>,
}

impl Loaded {
    pub fn new(source: String, table: Table) -> Self {
        let summaries = Rc::new(summarize(&table));
        Self {
            source,
            table: Rc::new(table),
            summaries,
        }
    }
}

/// Where reading the table stands.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Reading {
    #[default]
    Nothing,
    /// Fetching or reading `source`.
    Busy(String),
    /// What was wrong with `source`, and what to do.
    Failed { source: String, message: String },
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct TableView {
    pub loaded: Option<Loaded>,
    pub reading: Reading,
    pub snapshot: Option<TableSnapshot>,
    pub curve: Vec<TablePoint>,
}

/// What the page does to its part of the state.
#[derive(Clone, Debug, PartialEq)]
pub enum TableAction {
    Reading(String),
    Loaded(Loaded),
    Failed { source: String, message: String },
}

impl TableView {
    pub fn apply(&mut self, event: TableEvent) {
        match event {
            TableEvent::Snapshot(snapshot) => {
                crate::history::push(&mut self.curve, snapshot.point, MAX_POINTS);
                self.snapshot = Some(*snapshot);
            }
        }
    }

    pub fn act(&mut self, action: TableAction) {
        match action {
            TableAction::Reading(source) => self.reading = Reading::Busy(source),
            TableAction::Loaded(loaded) => {
                self.reading = Reading::Nothing;
                self.loaded = Some(loaded);
                self.clear_run();
            }
            TableAction::Failed { source, message } => {
                self.reading = Reading::Failed { source, message }
            }
        }
    }

    /// A new run: its snapshot and curve go, the table stays.
    pub fn clear_run(&mut self) {
        self.snapshot = None;
        self.curve.clear();
    }

    /// The run continues from `step` (after a failure): later points go.
    pub fn rewind(&mut self, step: u64) {
        crate::history::rewind(&mut self.curve, step);
    }
}
