//! Data sets and exact reference answers: plain Rust, no Burn, no UI.

pub mod idx;
pub mod least_squares;
pub mod linreg;
pub mod rng;
