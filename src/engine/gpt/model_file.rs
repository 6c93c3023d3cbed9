//! The GPT's model file: its checkpoint — every parameter with its AdamW moments, the step and
//! the settings as their canonical hash (so the shape, the data and with it the tokenizer come
//! back) — behind a magic line. Loading continues training where the file left off.

use crate::protocol::RunCheckpoint;
use crate::settings::{Settings, Task, from_hash};

pub const EXTENSION: &str = "mlpg";
/// The first bytes of every file (and its format's version).
const MAGIC: &[u8] = b"MLPG-GPT 1\n";

/// The file of `checkpoint`.
pub fn to_file(checkpoint: &RunCheckpoint) -> Vec<u8> {
    [MAGIC, &checkpoint.to_bytes()].concat()
}

/// The settings and checkpoint a file holds; else what is wrong and what to do.
pub fn from_file(bytes: &[u8]) -> Result<(Settings, RunCheckpoint), String> {
    let Some(body) = bytes.strip_prefix(MAGIC) else {
        return Err(
            "This is not a tiny-GPT model file of this playground (it does not start \
                    with “MLPG-GPT 1”): choose a file saved with “Save model” on the Tiny GPT tab."
                .into(),
        );
    };
    let checkpoint = RunCheckpoint::from_bytes(body)
        .map_err(|e| format!("The model file is damaged: {e}. Save it again from the run."))?;
    let (settings, notices) = from_hash(&checkpoint.hash);
    if settings.task != Task::Gpt || !notices.is_empty() {
        return Err(
            "The model file's settings are not a tiny GPT's of this version: save it again.".into(),
        );
    }
    Ok((settings, checkpoint))
}
