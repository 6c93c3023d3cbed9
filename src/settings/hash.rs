//! Settings ⇄ URL hash (`#task=linreg&lr=0.1&…`).
//!
//! Parsing is tolerant: unknown keys are ignored, and a bad value is replaced by its default
//! with a [`Notice`] that says what was wrong. It never fails and never panics.

use std::fmt::Display;
use std::str::FromStr;

use super::cnn::{filters_from_text, filters_to_text};
use super::mnist::{
    self, Activation, ModelKind, Preprocess, Preset, hidden_from_text, hidden_to_text,
};
use super::model::{BackendChoice, OptimizerKind, Settings, Task, range};
use super::neuron::{self as neuron, list_from_text, list_to_text, value_from_text};

/// A value from the URL that could not be used, and what was used instead.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub key: String,
    pub message: String,
}

/// The canonical hash for `settings`: every key of its task, in a fixed order, so it
/// round-trips exactly.
pub fn to_hash(s: &Settings) -> String {
    let mut pairs: Vec<(&str, String)> = vec![("task", s.task.key().to_string())];
    match s.task {
        Task::LinearRegression => pairs.extend([
            ("points", s.points.to_string()),
            ("noise", s.noise.to_string()),
        ]),
        Task::Mnist => pairs.extend([
            ("model", s.model.key().to_string()),
            ("hidden", hidden_to_text(&s.hidden)),
            ("filters", filters_to_text(s.filters)),
            ("act", s.activation.key().to_string()),
            ("prep", s.preprocess.key().to_string()),
            ("subset", s.subset.to_string()),
            ("decay", s.lr_decay.to_string()),
        ]),
        Task::Neuron | Task::Formulas => pairs.extend([
            ("x", list_to_text(&s.neuron.x)),
            ("w", list_to_text(&s.neuron.w)),
            ("b", s.neuron.b.to_string()),
            ("y", s.neuron.y.to_string()),
        ]),
    }
    match s.task {
        Task::Neuron => pairs.extend([
            ("optimizer", s.optimizer.key().to_string()),
            ("lr", s.lr.to_string()),
            ("momentum", s.momentum.to_string()),
            ("backend", s.backend.key().to_string()),
        ]),
        Task::Formulas => pairs.push(("backend", s.backend.key().to_string())),
        Task::LinearRegression | Task::Mnist => {
            pairs.extend([
                ("seed", s.seed.to_string()),
                ("lr", s.lr.to_string()),
                ("batch", s.batch_size.to_string()),
                ("epochs", s.epochs.to_string()),
                ("optimizer", s.optimizer.key().to_string()),
                ("momentum", s.momentum.to_string()),
                ("l1", s.l1.to_string()),
                ("l2", s.l2.to_string()),
                ("backend", s.backend.key().to_string()),
            ]);
            if s.task == Task::LinearRegression {
                pairs.push(("test", u8::from(s.show_test).to_string()));
                pairs.push(("walk", u8::from(s.walk).to_string()));
            }
            pairs.push(("speed", s.speed.to_string()));
        }
    }
    let body: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect();
    format!("#{}", body.join("&"))
}

/// Reads settings from a URL hash (with or without the leading `#`). The task's defaults
/// apply to every key the hash does not give; `preset=seed001` etc. applies a preset first.
pub fn from_hash(hash: &str) -> (Settings, Vec<Notice>) {
    let mut notices = Vec::new();
    let body = hash.strip_prefix('#').unwrap_or(hash);
    let pairs: Vec<(&str, &str)> = body
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| pair.split_once('=').unwrap_or((pair, "")))
        .collect();
    let mut task = Task::LinearRegression;
    for &(key, value) in pairs.iter().filter(|(k, _)| *k == "task") {
        Parser::new(key, value, &mut notices).choice(
            &mut task,
            Task::from_key,
            "linreg, neuron, mnist or formulas",
        );
    }
    let mut s = Settings::for_task(task);
    let mut preset = None;
    for &(key, value) in pairs.iter().filter(|(k, _)| *k == "preset") {
        Parser::new(key, value, &mut notices).choice(
            &mut preset,
            |v| Preset::from_key(v).map(Some),
            "seed001, seed002, seed003 or cnn",
        );
    }
    if let Some(p) = preset.filter(|_| task == Task::Mnist) {
        p.apply(&mut s);
    }
    for &(key, value) in &pairs {
        let mut parser = Parser::new(key, value, &mut notices);
        match key {
            "points" => parser.number(&mut s.points, range::POINTS),
            "noise" => parser.number(&mut s.noise, range::NOISE),
            "seed" => parser.number(&mut s.seed, (0, u64::from(u32::MAX))),
            "lr" => parser.number(&mut s.lr, range::LR),
            "batch" => parser.number(&mut s.batch_size, range::BATCH),
            "epochs" => parser.number(&mut s.epochs, range::EPOCHS),
            "optimizer" => parser.choice(
                &mut s.optimizer,
                OptimizerKind::from_key,
                "sgd, momentum or adam",
            ),
            "momentum" => parser.number(&mut s.momentum, range::MOMENTUM),
            "l1" => parser.number(&mut s.l1, range::REG),
            "l2" => parser.number(&mut s.l2, range::REG),
            "backend" => parser.choice(
                &mut s.backend,
                BackendChoice::from_key,
                "auto, webgpu or cpu",
            ),
            "test" => parser.choice(
                &mut s.show_test,
                |v| match v {
                    "1" | "true" => Some(true),
                    "0" | "false" => Some(false),
                    _ => None,
                },
                "0 or 1",
            ),
            "walk" => parser.choice(
                &mut s.walk,
                |v| match v {
                    "1" | "true" => Some(true),
                    "0" | "false" => Some(false),
                    _ => None,
                },
                "0 or 1",
            ),
            "speed" => parser.number(&mut s.speed, range::SPEED),
            "model" => parser.choice(&mut s.model, ModelKind::from_key, "mlp or cnn"),
            "filters" => match filters_from_text(value) {
                Ok(f) => s.filters = f,
                Err(why) => parser.reject(why, filters_to_text(s.filters)),
            },
            "hidden" => match hidden_from_text(value) {
                Ok(h) => s.hidden = h,
                Err(why) => parser.reject(why, hidden_to_text(&s.hidden)),
            },
            "act" => parser.choice(
                &mut s.activation,
                Activation::from_key,
                "relu, sigmoid or tanh",
            ),
            "prep" => parser.choice(
                &mut s.preprocess,
                Preprocess::from_key,
                "unit, symmetric or standardize",
            ),
            "subset" => parser.number(&mut s.subset, mnist::range::SUBSET),
            "decay" => parser.number(&mut s.lr_decay, range::LR_DECAY),
            "x" | "w" => match list_from_text(value) {
                Ok(list) if key == "x" => s.neuron.x = list,
                Ok(list) => s.neuron.w = list,
                Err(why) => {
                    let default = if key == "x" { &s.neuron.x } else { &s.neuron.w };
                    let default = format!("[{}]", list_to_text(default));
                    parser.reject(why, default)
                }
            },
            "b" => match value_from_text(value) {
                Ok(b) => s.neuron.b = b,
                Err(why) => parser.reject(why, s.neuron.b),
            },
            "y" => parser.number(&mut s.neuron.y, neuron::range::LABEL),
            _ => {} // Unknown keys are ignored: links from newer versions still open.
        }
    }
    if let Some(message) = s.neuron.match_lengths() {
        notices.push(Notice {
            key: "w".into(),
            message,
        });
    }
    (s, notices)
}

struct Parser<'a> {
    key: &'a str,
    value: &'a str,
    notices: &'a mut Vec<Notice>,
}

impl<'a> Parser<'a> {
    fn new(key: &'a str, value: &'a str, notices: &'a mut Vec<Notice>) -> Self {
        Self {
            key,
            value,
            notices,
        }
    }

    fn reject(&mut self, expected: String, default: impl Display) {
        // The value is shown as text by the UI (never as HTML); cap its length anyway.
        let shown: String = self.value.chars().take(40).collect();
        self.notices.push(Notice {
            key: self.key.to_string(),
            message: format!(
                "“{}={shown}” is not valid ({expected}); using the default {default}.",
                self.key
            ),
        });
    }

    fn number<T>(&mut self, slot: &mut T, (low, high): (T, T))
    where
        T: FromStr + PartialOrd + Display + Copy,
    {
        match self.value.parse::<T>() {
            Ok(v) if v >= low && v <= high => *slot = v,
            _ => self.reject(format!("expected a number from {low} to {high}"), *slot),
        }
    }

    fn choice<T: Copy + std::fmt::Debug>(
        &mut self,
        slot: &mut T,
        parse: impl Fn(&str) -> Option<T>,
        expected: &str,
    ) {
        match parse(self.value) {
            Some(v) => *slot = v,
            None => self.reject(
                format!("expected {expected}"),
                format!("{slot:?}").to_lowercase(),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_round_trips() {
        let s = Settings::default();
        let (back, notices) = from_hash(&to_hash(&s));
        assert_eq!(back, s);
        assert!(notices.is_empty());
    }

    #[test]
    fn every_field_round_trips() {
        let s = Settings {
            task: Task::LinearRegression,
            points: 250,
            noise: 0.75,
            seed: 123_456,
            lr: 0.003,
            batch_size: 32,
            epochs: 7,
            optimizer: OptimizerKind::Adam,
            momentum: 0.5,
            l1: 0.01,
            l2: 0.2,
            backend: BackendChoice::Cpu,
            show_test: false,
            speed: 0,
            ..Settings::default()
        };
        let hash = to_hash(&s);
        let (back, notices) = from_hash(&hash);
        assert_eq!(back, s);
        assert!(notices.is_empty());
        assert_eq!(to_hash(&back), hash, "canonical form is stable");
    }

    #[test]
    fn unknown_keys_are_ignored_silently() {
        let (s, notices) = from_hash("#lr=0.5&colour=blue&&=&novalue");
        assert_eq!(s.lr, 0.5);
        assert!(notices.is_empty());
    }

    #[test]
    fn bad_values_fall_back_to_defaults_with_a_notice() {
        let (s, notices) =
            from_hash("#lr=abc&batch=0&optimizer=rmsprop&noise=NaN&epochs=-3&seed=1e99");
        let d = Settings::default();
        assert_eq!(
            (s.lr, s.batch_size, s.optimizer),
            (d.lr, d.batch_size, d.optimizer)
        );
        assert_eq!((s.noise, s.epochs, s.seed), (d.noise, d.epochs, d.seed));
        let keys: Vec<&str> = notices.iter().map(|n| n.key.as_str()).collect();
        assert_eq!(
            keys,
            ["lr", "batch", "optimizer", "noise", "epochs", "seed"]
        );
        assert!(
            notices[0].message.contains("lr=abc"),
            "{}",
            notices[0].message
        );
    }

    #[test]
    fn hostile_values_are_capped_and_never_panic() {
        let long = "<script>".repeat(100);
        let (_, notices) = from_hash(&format!("#lr={long}&backend=%00%ff"));
        assert_eq!(notices.len(), 2);
        assert!(notices[0].message.len() < 200);
    }

    #[test]
    fn mnist_round_trips_with_its_own_defaults() {
        let (s, notices) = from_hash("#task=mnist");
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(s, Settings::mnist_default());
        let mut custom = Settings::mnist_default();
        (custom.hidden, custom.activation, custom.subset) = (vec![64, 32], Activation::Tanh, 1000);
        (custom.model, custom.filters) = (ModelKind::Cnn, [8, 16]);
        let (back, notices) = from_hash(&to_hash(&custom));
        assert_eq!((back, notices.len()), (custom, 0));
    }

    #[test]
    fn presets_and_bad_mnist_values() {
        let (s, _) = from_hash("#task=mnist&preset=seed002&subset=5000");
        assert_eq!((s.hidden.as_slice(), s.subset), (&[256, 128, 64][..], 5000));
        let (s, notices) = from_hash("#task=mnist&hidden=12-x&subset=7&model=rnn&filters=8");
        assert_eq!((s.hidden, s.filters), (vec![128], [16, 32]));
        let keys: Vec<&str> = notices.iter().map(|n| n.key.as_str()).collect();
        assert_eq!(keys, ["hidden", "subset", "model", "filters"]);
        assert!(notices[0].message.contains("“x”"), "{}", notices[0].message);
    }

    #[test]
    fn backend_override() {
        assert_eq!(from_hash("#backend=cpu").0.backend, BackendChoice::Cpu);
        assert_eq!(from_hash("backend=webgpu").0.backend, BackendChoice::WebGpu);
    }
}
