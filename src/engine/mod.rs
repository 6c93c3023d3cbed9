//! The ML engine: Burn only (no UI, no browser APIs except device initialization).
//!
//! Tensors never leave this module; callers get plain numbers back through async readback.

pub mod device;
mod error;
pub mod linreg;
pub mod mnist;
pub mod optimizer;
pub mod readback;
mod trace_readout;
pub mod trainer;

pub use error::EngineError;
pub use readback::Readback;
