//! "Export this step as JSON": the followed token's trace — its path, the numbers of every
//! sub-step and the followed head's weights — enough to recompute the head's attention and
//! the W_Q entry's update outside, not the whole model. The page's numbers carry their key
//! into this document.

use serde_json::{Value, json};

use crate::protocol::gpt_follow::TokenTrace;

/// The export's format label.
pub const FORMAT: &str = "mlpg-gpt-follow 1";

/// The document: the trace's fields at the top level, with a format label and a note.
pub fn export_value(tr: &TokenTrace) -> Value {
    let mut doc = serde_json::to_value(tr).unwrap_or(Value::Null);
    if let Value::Object(map) = &mut doc {
        map.insert("format".into(), json!(FORMAT));
        map.insert(
            "about".into(),
            json!(
                "One position (request.position) of one sequence of the next training batch, \
                 through one head of one block, by Burn: forward values, gradients of the \
                 batch loss L (autodiff), and AdamW's update of W_Q[entry.row, entry.column]. \
                 Matrices are [d_in][d_out] (y = x W + b); head_weights hold the head's columns \
                 of W_Q, W_K, W_V and its rows of W_O."
            ),
        );
    }
    doc
}

/// The document as pretty JSON.
pub fn export_text(tr: &TokenTrace) -> String {
    serde_json::to_string_pretty(&export_value(tr)).unwrap_or_default()
}

/// The file name: `gpt-follow-step12-t5-l1h2.json`.
pub fn file_name(tr: &TokenTrace) -> String {
    let r = &tr.request;
    format!(
        "gpt-follow-step{}-t{}-l{}h{}.json",
        tr.step,
        r.position,
        r.layer + 1,
        r.head + 1
    )
}
