//! Linear regression's own settings: the generated data (y = 2x + 1 + ε) and what the page
//! shows of it.

use serde::{Deserialize, Serialize};

use super::Settings;
use super::model::range;
use super::race::Race;
use super::table::{
    Change::Restart, Change::View, EVERY_SHARED, Get, Row, Set, TaskSpec, num, on_off, r,
};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LinregSettings {
    /// Number of generated points (train + test).
    pub points: usize,
    /// Standard deviation σ of the noise ε ~ N(0, σ²).
    pub noise: f64,
    /// Show the test points in the scatter plot.
    pub show_test: bool,
    /// Walk one iteration's sub-steps (forward, loss, backward, update).
    pub walk: bool,
    /// Two or three runs side by side (`race=`); none by default.
    pub race: Race,
}

impl Default for LinregSettings {
    fn default() -> Self {
        Self {
            points: 100,
            noise: 0.2,
            show_test: true,
            walk: false,
            race: Race::default(),
        }
    }
}

/// `race=`: written only while racing; an empty value ends the race.
const RACE_IO: (Get, Set) = (
    |s| s.linreg.race.write(),
    |s, v| {
        s.linreg.race = if v.is_empty() {
            Race::default()
        } else {
            Race::parse(v)?
        };
        Ok(())
    },
);

#[rustfmt::skip]
const ROWS: &[Row] = &[
    r("points", "Number of points", Restart, true, num!(linreg.points, range::POINTS)),
    r("noise", "Noise σ", Restart, true, num!(linreg.noise, range::NOISE)),
    r("test", "Show test points", View, true, on_off!(linreg.show_test)),
    r("walk", "Walk the sub-steps", View, true, on_off!(linreg.walk)),
    r("race", "Race of runs", Restart, true, RACE_IO),
];

pub const SPEC: TaskSpec = TaskSpec {
    key: "linreg",
    rows: ROWS,
    preset_first: false,
    shared: EVERY_SHARED,
    defaults: Settings::default,
    // The 80/20 split of the points.
    train_points: |s| (s.linreg.points * 4).div_ceil(5),
    mend: |s| s.linreg.race.take_notice().map(|n| ("race", n)),
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::Task;

    #[test]
    fn defaults_are_linear_regression() {
        let s = (SPEC.defaults)();
        assert_eq!((s.task, s.train_points()), (Task::LinearRegression, 80));
    }
}
