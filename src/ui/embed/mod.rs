//! Embedding in tutorials: the host page's postMessage API, `hide=` and the Share dialog.

mod host;
mod share;
mod visibility;

pub use host::EmbedHost;
pub use share::ShareDialog;
pub use visibility::{Show, use_hidden};
