//! "Your data": a table the learner brings (a CSV/TSV file, pasted text, a link) or a built-in
//! one, read in the page; its columns, and linear regression on them trained by the worker.

mod cell_rows;
mod class_fit;
mod class_math;
mod columns;
mod controls;
mod design_input;
mod fit;
mod from_host;
mod loader;
mod math;
mod page;
mod powers;
mod scatter;
mod source;
mod view_state;

pub use from_host::from_host;
pub use page::TablePage;
pub use view_state::{TableAction, TableView};
