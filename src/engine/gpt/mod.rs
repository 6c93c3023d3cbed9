//! The tiny GPT: a decoder-only Transformer language model from Burn's modules, trained with
//! AdamW, its attention written out so every intermediate can be shown.

pub mod adamw;
pub mod attention;
pub mod block;
pub mod config;
pub mod evaluate;
pub mod loss;
pub mod model;
pub mod schedule;
pub mod trainer;
