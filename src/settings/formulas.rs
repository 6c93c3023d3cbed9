//! The formula reference's settings: it trains nothing; its neuron example reads the single
//! neuron's rows (x, w, b, y).

use super::table::TaskSpec;
use super::{Settings, Task, neuron};

fn defaults() -> Settings {
    Settings {
        task: Task::Formulas,
        ..Settings::default()
    }
}

pub const SPEC: TaskSpec = TaskSpec {
    key: "formulas",
    rows: neuron::ROWS,
    preset_first: false,
    shared: &["backend"],
    defaults,
    train_points: |_| 1,
    mend: neuron::mend,
};
