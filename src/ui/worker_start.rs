//! A worker that never starts (its script or its wasm missing or refused, a browser that
//! cannot run it) sends nothing, and gloo-worker reports no error: the page waits for the
//! worker's first message, `Event::Loaded`, and gives up after [`START_MS`] with a message that
//! says what to do, every control that needs the worker disabled.

use std::cell::Cell;

/// How long a worker may take to send its first message. Generous: on a first visit the
/// worker's wasm (several MB) is downloaded and compiled first.
const START_MS: u32 = 120_000;

/// The message shown when the worker did not start.
pub const DID_NOT_START: &str = "The training worker did not start, so nothing can be trained. \
    Reload the page; if it happens again, your browser may block workers or WebAssembly here, \
    or (if you host the playground yourself) worker-*.js and its .wasm are not served next to \
    the page.";

/// Which worker the page waits for: each start is a new generation, and `loaded` says whether
/// the current one has spoken.
#[derive(Default)]
pub struct StartWatch {
    generation: Cell<u32>,
    loaded: Cell<bool>,
}

impl StartWatch {
    /// A new worker was spawned: returns its generation, to pass to [`Self::timed_out`].
    pub fn started(&self) -> u32 {
        self.loaded.set(false);
        self.generation.set(self.generation.get() + 1);
        self.generation.get()
    }

    /// The current worker sent its first message.
    pub fn loaded(&self) {
        self.loaded.set(true);
    }

    /// Whether worker `generation` is still the current one and has not spoken.
    pub fn timed_out(&self, generation: u32) -> bool {
        self.generation.get() == generation && !self.loaded.get()
    }
}

/// [`START_MS`], unless a test set `window.__mlpgWorkerStartMs` before the page started
/// (tests/e2e/worker_start.test.mjs).
pub fn start_ms() -> u32 {
    web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &"__mlpgWorkerStartMs".into()).ok())
        .and_then(|v| v.as_f64())
        .filter(|ms| *ms >= 1.0)
        .map_or(START_MS, |ms| ms as u32)
}
