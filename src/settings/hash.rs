//! Settings ⇄ URL hash (`#task=linreg&lr=0.1&…`), driven by the [settings table](super::table).
//!
//! Parsing is tolerant: unknown keys (and keys of another task) are ignored, and a bad value is
//! replaced by its default with a [`Notice`] that names key and value. It never fails and
//! never panics.

use super::table::{self, Row};
use super::value::shown;
use super::{Settings, Task};

/// A value from the URL that could not be used, and what was used instead.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub key: String,
    pub message: String,
}

/// The canonical hash for `settings`: every key of its task, in the table's order, so it
/// round-trips exactly.
pub fn to_hash(s: &Settings) -> String {
    let body: Vec<String> = table::rows_of(s.task)
        .filter_map(|row| Some(format!("{}={}", row.key, (row.get)(s)?)))
        .collect();
    format!("#{}", body.join("&"))
}

/// Reads settings from a URL hash (with or without the leading `#`). The task's defaults
/// apply to every key the hash does not give; the task's leading key (`preset=seed001`,
/// `text=names`) applies its preset first.
pub fn from_hash(hash: &str) -> (Settings, Vec<Notice>) {
    let pairs = pairs(hash);
    let mut notices = Vec::new();
    let mut s = Settings::default();
    read(&mut s, &pairs, |k| k == "task", &mut notices);
    // A link with a table and no task (`#data=lessons/t.csv`) opens "Your data" on it.
    let given = |key: &str| pairs.iter().find(|(k, _)| *k == key).map(|(_, v)| *v);
    if given("task").is_none() && given("data").is_some_and(|v| !v.is_empty()) {
        s.task = Task::Table;
    }
    let mut s = Settings::for_task(s.task);
    let leading = table::leading_key(s.task);
    read(&mut s, &pairs, |k| Some(k) == leading, &mut notices);
    read(
        &mut s,
        &pairs,
        |k| k != "task" && Some(k) != leading,
        &mut notices,
    );
    if let Some((key, message)) = (s.task.spec().mend)(&mut s) {
        notices.push(Notice {
            key: key.into(),
            message,
        });
    }
    (s, notices)
}

/// The `key=value` pairs of a hash, in order (a pair without `=` has an empty value).
pub(super) fn pairs(hash: &str) -> Vec<(&str, &str)> {
    let body = hash.strip_prefix('#').unwrap_or(hash);
    body.split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| pair.split_once('=').unwrap_or((pair, "")))
        .collect()
}

/// Applies the pairs whose key passes `which`, through their rows; a bad value leaves the
/// setting as it was and becomes a notice.
fn read(
    s: &mut Settings,
    pairs: &[(&str, &str)],
    which: impl Fn(&str) -> bool,
    notices: &mut Vec<Notice>,
) {
    for &(key, value) in pairs.iter().filter(|(k, _)| which(k)) {
        let Some(row) = table::row_of(s.task, key) else {
            continue; // Unknown keys are ignored: links from newer versions still open.
        };
        if let Err(expected) = set(row, s, value) {
            notices.push(Notice {
                key: key.to_string(),
                message: expected,
            });
        }
    }
}

/// Sets one row's value, or says what is wrong and what is used instead.
fn set(row: &Row, s: &mut Settings, value: &str) -> Result<(), String> {
    let before = (row.get)(s);
    (row.set)(s, value).map_err(|expected| {
        let instead = match before {
            Some(v) => format!("using the default {v}"),
            None => "it is left out".to_string(),
        };
        format!(
            "“{}={}” is not valid ({expected}); {instead}.",
            row.key,
            shown(value)
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::{
        Activation, BackendChoice, LinregSettings, Live, ModelKind, OptimizerKind, Task,
    };

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
            seed: 123_456,
            batch_size: 32,
            epochs: 7,
            optimizer: OptimizerKind::Adam,
            momentum: 0.5,
            backend: BackendChoice::Cpu,
            live: Live {
                lr: 0.003,
                l1: 0.01,
                l2: 0.2,
                speed: 0,
            },
            linreg: LinregSettings {
                points: 250,
                noise: 0.75,
                show_test: false,
                walk: false,
                race: crate::settings::race::Race::parse("optimizer=adam,lr=0.01;batch=1").unwrap(),
            },
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
        assert_eq!(s.live.lr, 0.5);
        assert!(notices.is_empty());
    }

    #[test]
    fn bad_values_fall_back_to_defaults_with_a_notice() {
        let (s, notices) =
            from_hash("#lr=abc&batch=0&optimizer=rmsprop&noise=NaN&epochs=-3&seed=1e99");
        let d = Settings::default();
        assert_eq!(
            (s.live.lr, s.batch_size, s.optimizer),
            (d.live.lr, d.batch_size, d.optimizer)
        );
        assert_eq!(
            (s.linreg.noise, s.epochs, s.seed),
            (d.linreg.noise, d.epochs, d.seed)
        );
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
        (
            custom.mnist.hidden,
            custom.mnist.activation,
            custom.mnist.subset,
        ) = (vec![64, 32], Activation::Tanh, 1000);
        (custom.mnist.model, custom.mnist.filters) = (ModelKind::Cnn, [8, 16]);
        let (back, notices) = from_hash(&to_hash(&custom));
        assert_eq!((back, notices.len()), (custom, 0));
    }

    #[test]
    fn presets_and_bad_mnist_values() {
        let (s, _) = from_hash("#task=mnist&preset=seed002&subset=5000");
        assert_eq!(
            (s.mnist.hidden.as_slice(), s.mnist.subset),
            (&[256, 128, 64][..], 5000)
        );
        let (s, notices) = from_hash("#task=mnist&hidden=12-x&subset=7&model=rnn&filters=8");
        assert_eq!((s.mnist.hidden, s.mnist.filters), (vec![128], [16, 32]));
        let keys: Vec<&str> = notices.iter().map(|n| n.key.as_str()).collect();
        assert_eq!(keys, ["hidden", "subset", "model", "filters"]);
        assert!(notices[0].message.contains("“x”"), "{}", notices[0].message);
    }

    #[test]
    fn a_table_link_without_a_task_opens_your_data() {
        let (s, notices) = from_hash("#data=lessons%2Ft.csv&y=score");
        assert_eq!(
            (s.task, s.table.data.as_str(), s.table.y.as_str()),
            (Task::Table, "lessons/t.csv", "score")
        );
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(
            from_hash("#task=linreg&data=iris").0.task,
            Task::LinearRegression
        );
        assert_eq!(from_hash("#data=").0.task, Task::LinearRegression);
    }

    #[test]
    fn backend_override() {
        assert_eq!(from_hash("#backend=cpu").0.backend, BackendChoice::Cpu);
        assert_eq!(from_hash("backend=webgpu").0.backend, BackendChoice::WebGpu);
    }
}
