//! Data sets and exact reference answers: plain Rust, no Burn, no UI.

pub mod digit_prep;
pub mod idx;
pub mod least_squares;
pub mod least_squares_multi;
pub mod linreg;
pub mod mnist;
pub mod rng;
pub mod table;
pub mod text;
