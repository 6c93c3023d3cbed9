//! The training worker (a dedicated Web Worker): Burn runs here, never on the UI thread.

// Static constructors (the `inventory` registrations of Burn's GPU compiler, cubecl) must
// run once. A wasm binary with a `main` is a "command" to wasm-ld, which then wraps *every*
// export — each call from JavaScript into the worker, every promise callback — in a call
// to all constructors: measured at about a third of the worker's time while training.
// Calling `__wasm_call_ctors` explicitly tells wasm-ld not to wrap the exports; `main` (run
// once, before anything else, by wasm-bindgen's start function) then runs them once.
#[cfg(target_arch = "wasm32")]
unsafe extern "C" {
    fn __wasm_call_ctors();
}

fn main() {
    #[cfg(target_arch = "wasm32")]
    {
        // SAFETY: the linker-synthesized constructor runner, called exactly once, first.
        unsafe { __wasm_call_ctors() };
        use gloo_worker::Registrable;
        ml_playground::worker::TrainWorker::registrar().register();
    }
}
