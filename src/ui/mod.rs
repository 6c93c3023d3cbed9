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
mod linreg_page;
mod math_panel;
mod mnist;
mod nav;
mod neuron;
mod notices;
mod params_panel;
mod progress;
mod reference;
mod state;
mod sub_step;
mod transport;
mod url;
mod worker_bridge;

pub use app::App;
