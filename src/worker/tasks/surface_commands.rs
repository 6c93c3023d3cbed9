//! The loss surface: L(w, b) over the page's grid, computed on the session's device in one
//! batched pass and read back in one go.

use crate::engine::loss_surface;
use crate::protocol::surface::SurfaceRequest;
use crate::protocol::{Event, TaskEvent};
use crate::worker::session::{Shared, now_ms, read_with_fallback};

pub fn handle(shared: &Shared, request: SurfaceRequest, send: impl Fn(Event) + 'static) {
    if let Some(problem) = request.problem() {
        send(Event::Error {
            message: problem,
            fatal: false,
        });
        return;
    }
    let shared = shared.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let started = now_ms();
        read_with_fallback(
            &shared,
            |s| {
                let (device, _) = s.device.as_ref()?;
                let (request, device) = (request.clone(), device.clone());
                Some(async move { loss_surface::compute(&request, &device).await })
            },
            |_, mut grid| {
                grid.ms = now_ms() - started;
                Event::Task(TaskEvent::Surface(grid))
            },
        )
        .await
        .into_iter()
        .for_each(send);
    });
}
