//! The Yew interface (browser only). It never touches a tensor: it sends commands to the
//! training worker and renders the plain snapshots it gets back.

mod app;
mod backend_badge;
mod charts;
mod controls;
mod download;
mod embed;
mod export_dialog;
mod formula;
mod math_panel;
mod model_file;
mod nav;
mod notices;
mod pages;
mod params_panel;
mod progress;
mod readout;
mod run_buttons;
mod state;
#[cfg(test)]
mod state_tests;
mod sub_step;
mod transport;
mod url;
mod verdict_store;
mod worker_bridge;
mod worker_start;

pub use app::App;
