//! The tiny GPT's page: the data and its recipe, the Transformer's shape, training with its
//! loss curves, the text the model writes, and its vocabulary.

mod attention;
mod controls;
mod data_state;
mod follow;
pub mod loss_chart;
mod page;
mod readouts;
mod recipe_notes;
mod samples;
mod view_state;
mod vocab;
mod writer;

pub use page::GptPage;
pub use view_state::GptView;
