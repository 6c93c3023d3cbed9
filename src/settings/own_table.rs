//! "Your data"'s settings: where the table comes from (`data=`), the target column (`y=`), the
//! feature columns (`x=`) and what to do with a missing value (`missing=`). Column names and
//! URLs are percent-encoded in the hash, so any header text round-trips.

use serde::{Deserialize, Serialize};

use super::table::{Change::Restart, Row, TaskSpec, pick, r, text};
use super::{Settings, Task};
use crate::data::table::design::Missing;

/// The built-in tables (`www/data/tables/`), by the name a link gives (`data=iris`).
pub const EXAMPLES: [(&str, &str); 3] = [
    ("iris", "Fisher's iris flowers (150 rows)"),
    ("stackloss", "Brownlee's stack loss (21 rows)"),
    ("longley", "Longley's US employment 1947–62 (16 rows)"),
];

/// A built-in table's target and features (what choosing it in the page selects).
pub fn example_columns(name: &str) -> Option<(&'static str, &'static [&'static str])> {
    match name {
        "iris" => Some(("petal_width", &["petal_length"])),
        "stackloss" => Some(("stackloss", &["airflow", "watertemp", "acidconc"])),
        "longley" => Some((
            "TOTEMP",
            &["GNPDEFL", "GNP", "UNEMP", "ARMED", "POP", "YEAR"],
        )),
        _ => None,
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TableSettings {
    /// A built-in table's name, a same-origin URL of a CSV, or empty (a file dropped in, or
    /// nothing yet).
    pub data: String,
    /// The target column ("" = the table's last column).
    pub y: String,
    /// The feature columns ([] = every other numeric or class column).
    pub x: Vec<String>,
    pub missing: Missing,
}

impl Default for TableSettings {
    fn default() -> Self {
        Self {
            data: "iris".into(),
            y: "petal_width".into(),
            x: vec!["petal_length".into()],
            missing: Missing::DropRows,
        }
    }
}

impl Missing {
    pub const ALL: [Missing; 2] = [Missing::DropRows, Missing::FillMean];

    pub fn key(self) -> &'static str {
        match self {
            Missing::DropRows => "drop",
            Missing::FillMean => "mean",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Missing::DropRows => "drop the row",
            Missing::FillMean => "fill with the column's training mean",
        }
    }
}

/// `text` with every byte outside `[A-Za-z0-9-_.~/:]` written `%XX` (so `&`, `=`, `,`, `#`,
/// spaces and non-ASCII survive the hash).
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~/:".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The inverse of [`encode`] (also accepts unencoded text); bad escapes or bytes are an error.
pub fn decode(text: &str) -> Result<String, String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok());
            let Some(b) = hex else {
                return Err(format!("{} has a bad %-escape", super::value::shown(text)));
            };
            out.push(b);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| format!("{} is not UTF-8", super::value::shown(text)))
}

fn names_text(names: &[String]) -> String {
    names
        .iter()
        .map(|n| encode(n))
        .collect::<Vec<_>>()
        .join(",")
}

fn names_from_text(text: &str) -> Result<Vec<String>, String> {
    let names: Vec<String> = text
        .split(',')
        .filter(|n| !n.is_empty())
        .map(decode)
        .collect::<Result<_, _>>()?;
    if names.len() > 64 {
        return Err(format!("{} features; at most 64", names.len()));
    }
    Ok(names)
}

#[rustfmt::skip]
const ROWS: &[Row] = &[
    r("data", "Data source", Restart, true, text!(table.data, encode, decode)),
    r("y", "Target column", Restart, true, text!(table.y, encode, decode)),
    r("x", "Feature columns", Restart, true, text!(table.x, names_text, names_from_text)),
    r("missing", "Missing values", Restart, true, pick!(table.missing, Missing)),
];

fn defaults() -> Settings {
    Settings {
        task: Task::Table,
        batch_size: 16,
        epochs: 100,
        live: super::Live {
            lr: 0.05,
            ..super::Live::default()
        },
        ..Settings::default()
    }
}

/// The target among the features is left out of them (the learner sees why).
fn mend(s: &mut Settings) -> Option<(&'static str, String)> {
    let t = &mut s.table;
    let before = t.x.len();
    let y = t.y.clone();
    t.x.retain(|x| *x != y);
    (t.x.len() < before).then(|| {
        let why = format!("the target {y:?} cannot also be a feature; it was left out of x");
        ("x", why)
    })
}

pub const SPEC: TaskSpec = TaskSpec {
    key: "table",
    rows: ROWS,
    preset_first: false,
    shared: &[
        "seed",
        "lr",
        "batch",
        "epochs",
        "optimizer",
        "momentum",
        "l2",
        "backend",
        "speed",
    ],
    defaults,
    // Unknown until the table is in (the run counts its own steps); at most this many, so the
    // batch is never clamped by it.
    train_points: |_| crate::data::table::MAX_ROWS,
    mend,
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_through_the_hash_text() {
        let names = vec![
            "a b".to_string(),
            "x,y&z=1".into(),
            "é%".into(),
            "petal_width".into(),
        ];
        let text = names_text(&names);
        assert!(!text.contains(['&', '=', ' ', '#']), "{text}");
        assert_eq!(names_from_text(&text).unwrap(), names);
        assert_eq!(decode("petal%20width").unwrap(), "petal width");
        assert!(decode("bad%2").is_err() && decode("%FF").is_err());
    }

    #[test]
    fn the_target_is_not_a_feature() {
        let mut s = defaults();
        s.table.x = vec!["petal_width".into(), "sepal_length".into()];
        assert_eq!(mend(&mut s).map(|m| m.0), Some("x"));
        assert_eq!(s.table.x, ["sepal_length"]);
    }
}
