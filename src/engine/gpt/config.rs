//! The tiny GPT's shape. It is plain data owned by the settings (the page, built without
//! Burn, checks it too); the engine builds what it describes.

pub use crate::settings::gpt_shape::*;
