//! `race=`: two or three runs of the same task on the same data from the same initial weights,
//! each with its own values of a few settings. `race=optimizer:sgd,momentum,adam` varies one
//! setting; `race=optimizer=sgd,lr=0.1;optimizer=adam,lr=0.01` gives each run its overrides.
//! A link's valid part is used; what was left out is said in a notice (never an error).

use serde::{Deserialize, Serialize};

use super::Settings;
use super::value::shown;

/// The settings a race may vary (each is a row of the settings table).
pub const KEYS: [&str; 6] = ["optimizer", "lr", "momentum", "batch", "l1", "l2"];
/// At most this many runs race.
pub const MAX_RUNS: usize = 3;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Race {
    /// The one key of the `KEY:v1,v2,v3` form (`None`: each run has its own overrides).
    pub varied: Option<String>,
    /// Each run's overrides (key, value), as the link wrote them. Empty: no race.
    pub runs: Vec<Vec<(String, String)>>,
    /// What a link asked for that could not be used (said once, then cleared).
    #[serde(skip)]
    pub dropped: Vec<String>,
}

impl Race {
    pub fn is_on(&self) -> bool {
        self.runs.len() >= 2
    }

    /// Reads a `race=` value: the valid runs, and in `dropped` what was left out and why.
    /// Fails only when fewer than two valid runs remain.
    pub fn parse(text: &str) -> Result<Self, String> {
        let mut race = Self::default();
        let first_eq = text.find('=').unwrap_or(usize::MAX);
        match text.find(':').filter(|&c| c < first_eq) {
            Some(colon) => {
                let key = &text[..colon];
                if !KEYS.contains(&key) {
                    return Err(format!(
                        "“{}” cannot be raced; a race varies one of {}",
                        shown(key),
                        KEYS.join(", ")
                    ));
                }
                race.varied = Some(key.to_string());
                for value in text[colon + 1..].split(',').filter(|v| !v.is_empty()) {
                    match check(key, value) {
                        Ok(()) => race.runs.push(vec![(key.into(), value.into())]),
                        Err(why) => race.dropped.push(why),
                    }
                }
            }
            None => {
                for run in text.split(';').filter(|r| !r.is_empty()) {
                    let mut overrides = Vec::new();
                    for pair in run.split(',').filter(|p| !p.is_empty()) {
                        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
                        match check(key, value) {
                            Ok(()) => overrides.push((key.to_string(), value.to_string())),
                            Err(why) => race.dropped.push(why),
                        }
                    }
                    if !overrides.is_empty() {
                        race.runs.push(overrides);
                    }
                }
            }
        }
        if race.runs.len() > MAX_RUNS {
            let extra = race.runs.split_off(MAX_RUNS);
            race.dropped.push(format!(
                "at most {MAX_RUNS} runs race: {} left out",
                extra
                    .iter()
                    .map(|r| write_run(r))
                    .collect::<Vec<_>>()
                    .join("; ")
            ));
        }
        if race.runs.len() < 2 {
            let mut why = "a race needs two or three valid runs".to_string();
            if !race.dropped.is_empty() {
                why += &format!(" ({})", listed(&race.dropped));
            }
            return Err(why);
        }
        Ok(race)
    }

    /// The value as a link writes it (`None`: no race, no key in the hash).
    pub fn write(&self) -> Option<String> {
        if !self.is_on() {
            return None;
        }
        Some(match &self.varied {
            Some(key) => format!(
                "{key}:{}",
                self.runs
                    .iter()
                    .filter_map(|r| r.first())
                    .map(|(_, v)| v.as_str())
                    .collect::<Vec<_>>()
                    .join(",")
            ),
            None => self
                .runs
                .iter()
                .map(|r| write_run(r))
                .collect::<Vec<_>>()
                .join(";"),
        })
    }

    /// Run `i`'s settings: `base` (the race itself left out) with its overrides.
    pub fn run_settings(&self, base: &Settings, i: usize) -> Settings {
        let mut s = base.clone();
        s.linreg.race = Self::default();
        if let Some(run) = self.runs.get(i) {
            apply(&mut s, run);
        }
        s
    }

    /// Whether run `i` sets `key` itself (a live change of it does not reach that run).
    pub fn overrides(&self, i: usize, key: &str) -> bool {
        self.runs
            .get(i)
            .is_some_and(|r| r.iter().any(|(k, _)| k == key))
    }

    /// Run `i`'s label: its overrides (`optimizer=adam, lr=0.01`).
    pub fn label(&self, i: usize) -> String {
        self.runs.get(i).map_or_else(String::new, |r| {
            r.iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect::<Vec<_>>()
                .join(", ")
        })
    }

    /// The notice for what was left out, once (the link's valid part is used).
    pub fn take_notice(&mut self) -> Option<String> {
        if self.dropped.is_empty() {
            return None;
        }
        let why = listed(&std::mem::take(&mut self.dropped));
        Some(format!(
            "The race uses {} runs ({}); left out: {why}.",
            self.runs.len(),
            self.write().unwrap_or_default()
        ))
    }
}

/// Applies overrides through the settings table's rows (already checked).
pub fn apply(s: &mut Settings, run: &[(String, String)]) {
    for (key, value) in run {
        if let Some(row) = super::table::row(key) {
            let _ = (row.set)(s, value);
        }
    }
}

/// What a race may vary, said once after the reasons.
const VARIES: &str = "a race varies optimizer, lr, momentum, batch, l1 or l2";

/// A value as a message quotes it: its first 12 characters.
fn short(value: &str) -> String {
    let s = shown(value);
    if s.chars().count() > 12 {
        s.chars().take(12).collect::<String>() + "…"
    } else {
        s
    }
}

/// The first two reasons (and how many more), and what a race may vary if a key was wrong.
fn listed(reasons: &[String]) -> String {
    let mut text = reasons
        .iter()
        .take(2)
        .cloned()
        .collect::<Vec<_>>()
        .join("; ");
    if reasons.len() > 2 {
        text += &format!("; {} more", reasons.len() - 2);
    }
    if reasons.iter().any(|r| r.ends_with("cannot be raced")) {
        text += &format!("; {VARIES}");
    }
    text
}

fn write_run(run: &[(String, String)]) -> String {
    run.iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join(",")
}

/// Whether `key=value` is a valid override, or why not.
fn check(key: &str, value: &str) -> Result<(), String> {
    if !KEYS.contains(&key) {
        return Err(format!(
            "“{}” cannot be raced (one of {})",
            shown(key),
            KEYS.join(", ")
        ));
    }
    let row = super::table::row(key).ok_or_else(|| format!("“{key}” is not a setting"))?;
    (row.set)(&mut Settings::default(), value)
        .map_err(|expected| format!("“{key}={}” is not valid ({expected})", short(value)))
}
