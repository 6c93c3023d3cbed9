//! "Your data"'s requests: the page sends the table it read (parsed, split and standardized
//! there); the run is then prepared and its first snapshot sent.

use std::rc::Rc;

use wasm_bindgen_futures::spawn_local;

use crate::protocol::table::TableData;
use crate::protocol::{Event, TableCommand};
use crate::settings::Settings;
use crate::worker::session::{Shared, snapshot_events};

/// Whether `data` is the table the settings ask for (target, features, missing values, seed).
pub fn fits(data: &TableData, s: &Settings) -> bool {
    let spec = &data.spec;
    spec.target == s.table.y
        && spec.features == s.table.x
        && spec.missing == s.table.missing
        && spec.seed == s.seed
}

/// Answers one request of the "Your data" page.
pub fn handle(shared: &Shared, command: TableCommand, send: impl Fn(Event) + Clone + 'static) {
    match command {
        TableCommand::Data(data) => {
            {
                let mut s = shared.borrow_mut();
                // A worker started after a crash continues from its checkpoint once the table
                // is back; a table that replaces another starts over.
                let saved = s.table.is_none().then(|| s.checkpoint.clone()).flatten();
                s.table = Some(Rc::new(*data));
                let settings = s.settings.clone();
                s.reset(settings, saved.as_ref());
            }
            let shared = shared.clone();
            spawn_local(async move {
                snapshot_events(&shared).await.into_iter().for_each(&send);
                crate::worker::auto_backend::settle(&shared, send.clone());
                crate::worker::resumption::play_if_asked(&shared, send);
            });
        }
    }
}
