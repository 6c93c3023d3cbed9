//! The single neuron's own settings: one sample x with its label y, and the starting
//! parameters w, b (logistic regression: ŷ = σ(w·x + b), binary cross-entropy).

use serde::{Deserialize, Serialize};

use super::table::{Change::Restart, Row, TaskSpec, num, r, text};
use super::{Settings, Task};

/// Bounds of the neuron's values.
pub mod range {
    /// How many inputs xᵢ (and weights wᵢ).
    pub const INPUTS: (usize, usize) = (1, 8);
    /// Each xᵢ, wᵢ and b.
    pub const VALUE: (f64, f64) = (-100.0, 100.0);
    /// The label y (a probability: 0 or 1, or a soft label between).
    pub const LABEL: (f64, f64) = (0.0, 1.0);
}

/// x, w, b and y of the single-neuron task (also the formula page's neuron example).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct NeuronSettings {
    pub x: Vec<f64>,
    pub w: Vec<f64>,
    pub b: f64,
    pub y: f64,
}

impl Default for NeuronSettings {
    /// The textbook example: x = w = [0.1, 0.2, 0.3, 0.4], b = 0.5, y = 1, so z = 0.8.
    fn default() -> Self {
        Self {
            x: vec![0.1, 0.2, 0.3, 0.4],
            w: vec![0.1, 0.2, 0.3, 0.4],
            b: 0.5,
            y: 1.0,
        }
    }
}

/// `0.1,0.2,0.3` as written in the URL.
pub fn list_to_text(values: &[f64]) -> String {
    values
        .iter()
        .map(f64::to_string)
        .collect::<Vec<_>>()
        .join(",")
}

/// One value of x, w or b: a finite number within [`range::VALUE`].
pub fn value_from_text(text: &str) -> Result<f64, String> {
    let (low, high) = range::VALUE;
    match text.trim().parse::<f64>() {
        Ok(v) if v.is_finite() && (low..=high).contains(&v) => Ok(v),
        _ => Err(format!(
            "“{}” is not a number from {low} to {high}",
            text.trim().chars().take(20).collect::<String>()
        )),
    }
}

/// Parses `0.1,0.2,0.3` (commas or spaces); says what is wrong otherwise.
pub fn list_from_text(text: &str) -> Result<Vec<f64>, String> {
    let (fewest, most) = range::INPUTS;
    let parts: Vec<&str> = text
        .split([',', ' '])
        .filter(|p| !p.trim().is_empty())
        .collect();
    if !(fewest..=most).contains(&parts.len()) {
        return Err(format!(
            "give {fewest} to {most} numbers separated by commas (got {})",
            parts.len()
        ));
    }
    parts.iter().map(|p| value_from_text(p)).collect()
}

impl NeuronSettings {
    /// Makes w as long as x (padding with 0 or dropping the extra weights); says what changed.
    pub fn match_lengths(&mut self) -> Option<String> {
        let (n, m) = (self.x.len(), self.w.len());
        if n == m {
            return None;
        }
        self.w.resize(n, 0.0);
        Some(format!(
            "w has {m} values but x has {n}; using w = [{}].",
            list_to_text(&self.w)
        ))
    }
}

/// x, w, b and y: the neuron's rows (the formula page's neuron example reads them too).
#[rustfmt::skip]
pub const ROWS: &[Row] = &[
    r("x", "Inputs x", Restart, true, text!(neuron.x, list_to_text, list_from_text)),
    r("w", "Weights w", Restart, true, text!(neuron.w, list_to_text, list_from_text)),
    r("b", "Bias b", Restart, true, text!(neuron.b, f64::to_string, value_from_text)),
    r("y", "Label y", Restart, true, num!(neuron.y, range::LABEL)),
];

/// The single neuron's starting point: the textbook example, plain SGD with α = 0.5 (large
/// enough that one step visibly moves w and b).
fn defaults() -> Settings {
    let mut s = Settings {
        task: Task::Neuron,
        ..Settings::default()
    };
    s.live.lr = 0.5;
    s
}

/// w made as long as x (see [`NeuronSettings::match_lengths`]).
pub fn mend(s: &mut Settings) -> Option<(&'static str, String)> {
    s.neuron.match_lengths().map(|m| ("w", m))
}

pub const SPEC: TaskSpec = TaskSpec {
    key: "neuron",
    rows: ROWS,
    preset_first: false,
    shared: &["lr", "optimizer", "momentum", "backend"],
    defaults,
    // One sample.
    train_points: |_| 1,
    mend,
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_round_trip_and_reject_nonsense() {
        assert_eq!(list_from_text("0.1,0.2, 0.3"), Ok(vec![0.1, 0.2, 0.3]));
        assert_eq!(list_to_text(&[0.1, -2.0]), "0.1,-2");
        assert!(list_from_text("").is_err());
        assert!(list_from_text("1,2,3,4,5,6,7,8,9").is_err());
        assert!(list_from_text("1,x").unwrap_err().contains("“x”"));
        assert!(list_from_text("NaN").is_err());
        assert!(list_from_text("1e300").is_err());
    }

    #[test]
    fn w_follows_the_length_of_x() {
        let mut s = NeuronSettings {
            x: vec![1.0, 2.0],
            ..NeuronSettings::default()
        };
        let note = s.match_lengths().unwrap();
        assert_eq!(s.w, vec![0.1, 0.2]);
        assert!(note.contains("w has 4 values but x has 2"), "{note}");
        s.x = vec![1.0, 2.0, 3.0];
        s.match_lengths();
        assert_eq!(s.w, vec![0.1, 0.2, 0.0]);
        assert_eq!(s.match_lengths(), None);
    }
}
