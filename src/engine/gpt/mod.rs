//! The tiny GPT: a decoder-only Transformer language model from Burn's modules, trained with
//! AdamW, its attention written out so every intermediate can be shown.

pub mod adamw;
pub mod attention;
pub mod attention_maps;
pub mod block;
pub mod config;
pub mod evaluate;
pub mod follow;
mod follow_readout;
pub mod loss;
pub mod model;
pub mod model_file;
pub mod probe;
pub mod readout;
pub mod run;
mod run_checkpoint;
pub mod sampling;
pub mod schedule;
pub mod trainer;
