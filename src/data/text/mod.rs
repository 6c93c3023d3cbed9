//! Text for the tiny GPT: the character tokenizer, the synthetic tasks, the shipped corpora and
//! their batches. Plain Rust, no Burn.

pub mod batch;
pub mod corpus;
pub mod source;
pub mod synthetic;
pub mod vocab;
