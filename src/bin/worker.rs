//! The training worker (a dedicated Web Worker): Burn runs here, never on the UI thread.

fn main() {
    #[cfg(target_arch = "wasm32")]
    {
        use gloo_worker::Registrable;
        ml_playground::worker::TrainWorker::registrar().register();
    }
}
