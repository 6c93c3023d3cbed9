//! Engine errors: values with messages that say what went wrong and what to do.

use std::fmt;

#[derive(Clone, Debug, PartialEq)]
pub struct EngineError(pub String);

impl fmt::Display for EngineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for EngineError {}

impl EngineError {
    pub fn readback(detail: impl fmt::Debug) -> Self {
        Self(format!(
            "Reading results back from the device failed ({detail:?}). The device may have been lost; \
             the run continues on the CPU from the last parameters."
        ))
    }
}
