//! The training worker (browser only): receives [`Command`]s, runs the engine, and sends
//! throttled plain-data [`Event`]s back. Tensors never leave it.
//!
//! [`Command`]: crate::protocol::Command
//! [`Event`]: crate::protocol::Event

mod agent;
mod auto_backend;
pub mod backend;
mod checkpoint_store;
mod checkpointing;
mod rate;
mod resumption;
mod run_loop;
mod session;
mod step_timing;
mod task_run;
mod tasks;
mod yield_now;

pub use agent::TrainWorker;
