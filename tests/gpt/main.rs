//! The tiny GPT, natively: its text data, its numbers against the f64 oracle (forward, loss,
//! every gradient, AdamW's update), that it learns, and the run the worker drives.

mod adamw_oracle;
mod burn_params;
mod follow;
mod follow_check;
mod model_oracle;
mod oracle;
mod run;
mod tape;
mod text_data;
mod training;
