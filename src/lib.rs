//! An in-browser machine-learning playground.
//!
//! Layers, each a folder:
//! - [`data`]: data sets and exact reference answers (plain Rust);
//! - [`engine`]: the models and their training, in Burn (no UI);
//! - [`metrics`]: classification metrics (confusion matrix, precision, recall, F1);
//! - [`explain`]: the mathematics of a step as typeset formulas (plain data: no Burn, no UI);
//! - [`protocol`]: the messages between the UI and the training worker;
//! - [`settings`]: typed settings and their URL-hash form;
//! - [`history`]: the page's bounded curves (plain data);
//! - `worker` (browser): the training worker's event loop;
//! - `ui` (browser): the Yew interface, which never touches a tensor.

pub mod data;
#[cfg(feature = "engine")]
pub mod engine;
pub mod explain;
pub mod history;
pub mod metrics;
pub mod protocol;
pub mod settings;

#[cfg(any(target_arch = "wasm32", test))]
pub mod ui;
#[cfg(all(target_arch = "wasm32", feature = "engine"))]
pub mod worker;
