//! What the "Your data" views show: the table the page read (kept across runs) and plain data
//! folded from the worker's [`TableEvent`]s.

use std::rc::Rc;

use crate::data::table::parse::Table;
use crate::data::table::summary::{ColumnSummary, summarize};
use crate::protocol::Progress;
use crate::protocol::surface::PathPoint;
use crate::protocol::table::{TableEvent, TablePoint, TableSnapshot};
use crate::protocol::table_classes::{ClassPoint, ClassSnapshot};

/// At most this many curve points are kept (thinned by half when full).
pub const MAX_POINTS: usize = 600;

impl crate::history::AtStep for TablePoint {
    fn step(&self) -> u64 {
        self.step
    }
}

impl crate::history::AtStep for ClassPoint {
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
    /// With one feature: the path across the loss surface.
    pub path: Vec<PathPoint>,
    /// A class target's run (softmax regression).
    pub classes: Option<ClassSnapshot>,
    pub class_curve: Vec<ClassPoint>,
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
                for &p in &snapshot.path {
                    crate::history::push(&mut self.path, p, crate::ui::state::MAX_PATH);
                }
                self.snapshot = Some(*snapshot);
            }
            TableEvent::Classes(snapshot) => {
                crate::history::push(&mut self.class_curve, snapshot.point, MAX_POINTS);
                self.classes = Some(*snapshot);
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
        self.path.clear();
        self.classes = None;
        self.class_curve.clear();
    }

    /// The run continues from `step` (after a failure): later points go.
    pub fn rewind(&mut self, step: u64) {
        crate::history::rewind(&mut self.curve, step);
        crate::history::rewind(&mut self.path, step);
        crate::history::rewind(&mut self.class_curve, step);
    }

    /// The run's progress, whichever model trains.
    pub fn progress(&self) -> Option<&Progress> {
        let classes = self.classes.as_ref().map(|c| &c.progress);
        self.snapshot.as_ref().map(|t| &t.progress).or(classes)
    }

    /// The worker was given up on: nothing runs.
    pub fn stop(&mut self) {
        let classes = self.classes.as_mut().map(|c| &mut c.progress);
        if let Some(p) = self.snapshot.as_mut().map(|t| &mut t.progress).or(classes) {
            p.running = false;
        }
    }

    /// The numbers a host page gets (`metrics`).
    pub fn host_metrics(&self) -> serde_json::Value {
        use serde_json::json;
        match (&self.snapshot, &self.classes) {
            (Some(t), _) => {
                json!({"w": t.w, "b": t.b, "trainMse": t.point.train_mse, "testMse": t.point.test_mse})
            }
            (None, Some(c)) => json!({
                "trainLoss": c.point.train_ce, "testLoss": c.point.test_ce,
                "trainAccuracy": c.point.train_accuracy, "testAccuracy": c.point.test_accuracy,
            }),
            (None, None) => json!({}),
        }
    }
}
