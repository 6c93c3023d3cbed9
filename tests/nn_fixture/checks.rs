//! Checks shared by the sub-step tests: a sub-step's substituted LaTeX, finding a stage, and
//! that every sub-step typesets and its keyed terms are the exported numbers.

use ml_playground::explain::mathml::to_mathml;
use ml_playground::explain::nn_export::{lookup, nn_export};
use ml_playground::explain::nn_steps::{NnStep, Stage};
use ml_playground::protocol::SampleTrace;

pub fn latex(step: &NnStep) -> String {
    step.substituted
        .iter()
        .map(|l| l.latex.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

pub fn find(steps: &[NnStep], stage: Stage) -> &NnStep {
    steps
        .iter()
        .find(|s| s.stage == stage)
        .unwrap_or_else(|| panic!("no {stage:?}"))
}

/// Typesets, has words, and each term with a key is exactly the exported number.
pub fn well_formed(t: &SampleTrace, steps: &[NnStep]) {
    let doc = serde_json::to_value(nn_export(t)).unwrap();
    for s in steps {
        assert!(!s.title.is_empty() && !s.summary.is_empty(), "{s:?}");
        assert!(!s.substituted.is_empty(), "{}", s.title);
        for l in s.symbolic.iter().chain(&s.substituted) {
            to_mathml(&l.latex).unwrap_or_else(|e| panic!("{}: {e}", s.title));
        }
        for term in &s.terms {
            if let Some(key) = &term.key {
                let exported = lookup(&doc, key).unwrap_or_else(|| panic!("{key} not exported"));
                assert_eq!(exported as f32, term.value as f32, "{key}");
            }
        }
    }
}
