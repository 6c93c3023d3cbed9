//! The tiny GPT, natively: its text data, its numbers against the f64 oracle (forward, loss,
//! every gradient, AdamW's update), and that it learns.

mod adamw_oracle;
mod burn_params;
mod model_oracle;
mod oracle;
mod tape;
mod text_data;
mod training;
