//! "Your data" in Burn: linear regression with n features on a number target, softmax
//! regression on a class target.

mod classes_readout;
mod readout;
pub mod regression;
pub mod run;
pub mod softmax;
pub mod update;

pub use classes_readout::PendingClasses;
pub use readout::PendingTable;
pub use run::TableRun;
