//! "Your data": linear regression with n features on the learner's table, in Burn.

mod readout;
pub mod regression;
pub mod run;

pub use run::TableRun;
