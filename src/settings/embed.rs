//! How the page is shown when a tutorial embeds it: `embed=1` (minimal chrome), `hide=…`
//! (panels and controls to leave out), `autoplay=1` and `origin=…` (the host page allowed to
//! drive it by postMessage). These live in the URL hash beside the settings but never start a
//! new run, so they are kept apart from [`Settings`](super::Settings).

use std::collections::BTreeSet;

pub use super::apply::apply_pairs;
use super::hash::Notice;

use super::table;
use super::value::shown;

/// Panels that `hide=` can leave out, with what they are (for the Share dialog). Any setting's
/// hash key (e.g. `lr`, `optimizer`) also hides that one control, where
/// its [row](super::table::Row) says it can be hidden.
pub const PANELS: [(&str, &str); 19] = [
    ("tabs", "Task tabs"),
    ("controls", "Settings panel"),
    ("presets", "Preset buttons"),
    ("transport", "Play / pause / step / reset"),
    ("progress", "Progress bar"),
    ("charts", "Charts and curves"),
    ("math", "Step-by-step math"),
    ("params", "Parameter readouts"),
    ("surface", "Loss surface and the optimizer's path"),
    (
        "evaluation",
        "Evaluation (confusion matrix, scores, gallery)",
    ),
    ("draw", "Draw a digit"),
    ("weights", "Weights and model file"),
    ("samples", "Text the GPT writes as it trains"),
    ("writer", "Let the GPT write (prompt)"),
    ("vocab", "The GPT's vocabulary"),
    ("attention", "The GPT's attention maps"),
    ("follow", "The GPT's follow-one-token panel"),
    ("recipe", "The GPT's recipe notes"),
    ("share", "Share / Embed button"),
];

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EmbedOptions {
    /// Minimal chrome for an iframe (no header tagline, no footer beyond attribution).
    pub embed: bool,
    /// Start training as soon as the device and data are ready.
    pub autoplay: bool,
    /// Panels and controls left out.
    pub hide: BTreeSet<String>,
    /// The host origin whose commands are accepted (and to which events go); None: any.
    pub origin: Option<String>,
}

impl EmbedOptions {
    pub fn hides(&self, name: &str) -> bool {
        self.hide.contains(name)
    }

    /// The options from a URL hash; bad values become notices (never errors).
    pub fn from_hash(hash: &str) -> (Self, Vec<Notice>) {
        let mut options = Self::default();
        let mut notices = Vec::new();
        for (key, value) in super::hash::pairs(hash) {
            let mut notice = |message: String| {
                notices.push(Notice {
                    key: key.to_string(),
                    message,
                })
            };
            let flag = match value {
                "1" | "true" | "" => Some(true),
                "0" | "false" => Some(false),
                _ => None,
            };
            match (key, flag) {
                ("embed", Some(f)) => options.embed = f,
                ("autoplay", Some(f)) => options.autoplay = f,
                ("embed" | "autoplay", None) => notice(format!(
                    "“{key}={}” is not valid (expected 0 or 1); using 0.",
                    shown(value)
                )),
                ("hide", _) => {
                    for name in value.split(',').filter(|n| !n.is_empty()) {
                        if is_hideable(name) {
                            options.hide.insert(name.to_string());
                        } else {
                            notice(format!(
                                "“hide={}”: there is no panel or control called “{}”; it stays shown.",
                                shown(value),
                                shown(name)
                            ));
                        }
                    }
                }
                ("origin", _) => match valid_origin(value) {
                    Some(o) => options.origin = Some(o),
                    None => notice(format!(
                        "“origin={}” is not an origin like https://example.org; any host page may drive this one.",
                        shown(value)
                    )),
                },
                _ => {}
            }
        }
        (options, notices)
    }

    /// The options as hash pairs to append to the settings' hash (empty when all default).
    pub fn hash_suffix(&self) -> String {
        let mut s = String::new();
        if self.embed {
            s += "&embed=1";
        }
        if !self.hide.is_empty() {
            let names: Vec<&str> = self.hide.iter().map(String::as_str).collect();
            s += &format!("&hide={}", names.join(","));
        }
        if self.autoplay {
            s += "&autoplay=1";
        }
        if let Some(origin) = &self.origin {
            s += &format!("&origin={origin}");
        }
        s
    }
}

/// Whether `hide=` knows `name`: a panel, or a setting whose row says its control can be hidden.
fn is_hideable(name: &str) -> bool {
    PANELS.iter().any(|(p, _)| *p == name) || table::row(name).is_some_and(|r| r.hideable)
}

/// `https://host[:port]` or `http://…` (no path, no spaces), lower-cased; `*` is not accepted
/// (leave `origin` out for "any").
fn valid_origin(value: &str) -> Option<String> {
    let value = value.trim_end_matches('/').to_ascii_lowercase();
    let rest = value
        .strip_prefix("https://")
        .or_else(|| value.strip_prefix("http://"))?;
    let ok = !rest.is_empty()
        && rest
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'));
    ok.then_some(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::{Settings, Task};

    #[test]
    fn parses_and_round_trips() {
        let hash =
            "#task=mnist&lr=0.1&embed=1&hide=controls,lr&autoplay=1&origin=https://Example.org/";
        let (o, notices) = EmbedOptions::from_hash(hash);
        assert!(notices.is_empty(), "{notices:?}");
        assert!(o.embed && o.autoplay && o.hides("lr") && o.hides("controls"));
        assert_eq!(o.origin.as_deref(), Some("https://example.org"));
        let suffix = o.hash_suffix();
        assert_eq!(EmbedOptions::from_hash(&suffix).0, o);
        assert_eq!(EmbedOptions::default().hash_suffix(), "");
    }

    #[test]
    fn host_settings_apply_only_when_all_valid() {
        let current = Settings::default();
        let pair = |k: &str, v: &str| (k.to_string(), v.to_string());
        let s = apply_pairs(&current, &[pair("lr", "0.05"), pair("optimizer", "adam")]).unwrap();
        assert_eq!(
            (s.live.lr, s.optimizer),
            (0.05, crate::settings::OptimizerKind::Adam)
        );
        let s = apply_pairs(&current, &[pair("task", "mnist"), pair("preset", "cnn")]).unwrap();
        assert_eq!(
            (s.task, s.mnist.model),
            (Task::Mnist, crate::settings::ModelKind::Cnn)
        );
        for bad in [
            vec![pair("lr", "-3")],
            vec![pair("hidden", "128")],
            vec![pair("colour", "red")],
            vec![pair("task", "chess")],
        ] {
            let e = apply_pairs(&current, &bad).unwrap_err();
            assert!(!e.is_empty(), "{bad:?}");
        }
    }

    #[test]
    fn bad_values_are_notices() {
        let (o, notices) = EmbedOptions::from_hash(
            "embed=maybe&hide=curves,<b>x</b>,charts&origin=javascript:alert(1)",
        );
        assert_eq!(
            o,
            EmbedOptions {
                hide: ["charts".to_string()].into(),
                ..EmbedOptions::default()
            }
        );
        assert_eq!(notices.len(), 4, "{notices:?}");
        assert!(notices.iter().all(|n| !n.message.is_empty()));
    }
}
