//! The training worker (browser only): receives [`Command`]s, runs the engine, and sends
//! throttled plain-data [`Event`]s back. Tensors never leave it.
//!
//! [`Command`]: crate::protocol::Command
//! [`Event`]: crate::protocol::Event

mod agent;
pub mod backend;
mod mnist_commands;
mod mnist_loader;
mod mnist_snapshot;
mod rate;
mod reference_commands;
mod run;
mod run_loop;
mod session;
mod yield_now;

pub use agent::TrainWorker;
