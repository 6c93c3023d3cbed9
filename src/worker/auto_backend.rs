//! `backend=auto`: the run starts on the CPU at once; meanwhile WebGPU is probed, and this
//! task's real training step is timed on both devices (throwaway copies of the run, the play
//! loop held for the few seconds of timing). The faster device trains: if it is WebGPU the run
//! moves there from a checkpoint of where it stands. The verdict is remembered per adapter,
//! task and model shape (the page stores it), so a later visit does not measure again.

use std::future::Future;

use burn::tensor::Device;
use wasm_bindgen_futures::spawn_local;

use super::session::{Saved, Shared, snapshot_events};
use super::step_timing::{Timing, time_steps, warm_up};
use super::tasks;
use super::{backend, resumption};
use crate::engine::device;
use crate::protocol::{BackendInfo, BackendKind, Event, Measured};
use crate::settings::{BackendChoice, Task};

/// Settles the device for the current run (after Init, Reset, or its data arriving).
pub fn settle(shared: &Shared, send: impl Fn(Event) + Clone + 'static) {
    spawn_local(settle_now(shared.clone(), send));
}

/// Forgets the current task's verdict and measures again.
pub fn measure_again(shared: &Shared, send: impl Fn(Event) + Clone + 'static) {
    shared.borrow_mut().forget_verdict = true;
    settle(shared, send);
}

fn is_current(shared: &Shared, ticket: u64) -> bool {
    shared.borrow().measure_ticket == ticket
}

async fn settle_now(shared: Shared, send: impl Fn(Event) + Clone + 'static) {
    let (ticket, settings, trains) = {
        let mut s = shared.borrow_mut();
        if s.settings.backend != BackendChoice::Auto || s.cpu_only || s.trainer.is_none() {
            return;
        }
        s.measure_ticket += 1;
        let trains = s.settings.task != Task::Formulas
            && s.trainer.as_ref().is_some_and(|t| !t.steps_on_request());
        (s.measure_ticket, s.settings.clone(), trains)
    };
    if !trains {
        let info = BackendInfo::cpu(
            "single steps here, answered at once (no shaders to compile)",
            None,
        );
        return install(&shared, ticket, device::cpu(), info, &send).await;
    }
    let (webgpu, adapter) = match backend::probe_webgpu().await {
        Ok(found) => found,
        Err(info) => return install(&shared, ticket, device::cpu(), info, &send).await,
    };
    let key = format!("{adapter}|{}", settings.speed_key());
    let remembered = {
        let mut s = shared.borrow_mut();
        if std::mem::take(&mut s.forget_verdict) {
            s.verdicts.retain(|m| m.key != key);
        }
        s.verdicts.iter().find(|m| m.key == key).cloned()
    };
    let measured = match remembered {
        Some(m) => Measured {
            remembered: true,
            ..m
        },
        None => {
            say_measuring(&shared, ticket, &send);
            let Some(m) = measure(&shared, ticket, webgpu.clone(), adapter, key).await else {
                // A newer settle took over, or the CPU's own timing failed: then the badge
                // settles on the CPU (it trains there) instead of saying "measuring" forever.
                if is_current(&shared, ticket) {
                    let info =
                        BackendInfo::cpu("the devices could not be timed on this task", None);
                    install(&shared, ticket, device::cpu(), info, &send).await;
                }
                return;
            };
            let mut s = shared.borrow_mut();
            s.verdicts.retain(|v| v.key != m.key);
            s.verdicts.push(m.clone());
            send(Event::Measured(m.clone()));
            m
        }
    };
    let (device, mut info) = match measured.choice() {
        BackendKind::Cpu => (device::cpu(), BackendInfo::cpu(measured.summary(), None)),
        BackendKind::WebGpu => (webgpu, BackendInfo::webgpu(measured.adapter.clone())),
    };
    info.measured = Some(measured);
    install(&shared, ticket, device, info, &send).await;
}

/// The badge says "measuring" while the current device trains on.
fn say_measuring(shared: &Shared, ticket: u64, send: &impl Fn(Event)) {
    let mut s = shared.borrow_mut();
    if s.measure_ticket != ticket {
        return;
    }
    if let Some((_, info)) = s.device.as_mut() {
        info.measuring = true;
        info.measured = None;
        send(Event::Ready {
            backend: info.clone(),
        });
    }
}

/// Both devices' rates on throwaway copies of the run; None if a newer settle took over.
async fn measure(
    shared: &Shared,
    ticket: u64,
    webgpu: Device,
    adapter: String,
    key: String,
) -> Option<Measured> {
    // Each warm-up (WebGPU's shader compilation) runs beside the training; the timing holds it.
    let gpu = timed(shared, ticket, webgpu).await?;
    let cpu = timed(shared, ticket, device::cpu()).await?;
    let samples_per_step = shared.borrow().settings.effective_batch() as f64;
    let (cpu, gpu) = (
        cpu.ok()?,
        gpu.unwrap_or(Timing {
            steps_per_sec: 0.0,
            at_most: true,
        }),
    );
    Some(Measured {
        key,
        adapter,
        cpu_steps_per_sec: cpu.steps_per_sec,
        webgpu_steps_per_sec: gpu.steps_per_sec,
        webgpu_at_most: gpu.at_most,
        samples_per_step,
        remembered: false,
    })
}

/// One device timed on a fresh copy of the run, the play loop held meanwhile.
async fn timed(shared: &Shared, ticket: u64, device: Device) -> Option<Result<Timing, String>> {
    let run = {
        let s = shared.borrow();
        tasks::build(&s.settings, device, &s.datasets(), None).0
    };
    let mut run = run?;
    let timing = match warm_up(run.as_mut()).await {
        Ok(None) if is_current(shared, ticket) => held(shared, time_steps(run.as_mut())).await,
        Ok(None) => return None,
        Ok(Some(too_slow)) => Ok(too_slow),
        Err(e) => Err(e),
    };
    is_current(shared, ticket).then_some(timing)
}

/// Runs `work` with the play loop holding its steps (the devices are timed alone).
async fn held<T>(shared: &Shared, work: impl Future<Output = T>) -> T {
    shared.borrow_mut().hold += 1;
    let out = work.await;
    shared.borrow_mut().hold -= 1;
    out
}

/// Trains on `device` from now on, with `info` on the badge: the run moves there from a
/// checkpoint of where it stands if the device changes.
async fn install(
    shared: &Shared,
    ticket: u64,
    device: Device,
    info: BackendInfo,
    send: &impl Fn(Event),
) {
    let (moves, owner) = {
        let s = shared.borrow();
        let on = s.device.as_ref().map(|(_, i)| i.kind);
        (on.is_some_and(|k| k != info.kind), s.owner.clone())
    };
    if !is_current(shared, ticket) {
        return;
    }
    if !moves {
        if let Some(current) = shared.borrow_mut().device.as_mut() {
            current.1 = info.clone();
        }
        return send(Event::Ready { backend: info });
    }
    let saved = held(shared, async {
        let pending = {
            let s = shared.borrow();
            s.trainer
                .as_ref()
                .and_then(|t| t.prepare_checkpoint(&owner))
        };
        match pending {
            Some(p) => p.finish().await.ok().map(Saved::Run),
            None => {
                // Linear regression's checkpoint travels with every snapshot.
                snapshot_events(shared).await.into_iter().for_each(send);
                shared.borrow().checkpoint.clone()
            }
        }
    })
    .await;
    if !is_current(shared, ticket) {
        return;
    }
    let why_not = {
        let mut s = shared.borrow_mut();
        s.device = Some((device, info.clone()));
        let (settings, was_running) = (s.settings.clone(), s.running);
        let why_not = s.reset(settings, saved.as_ref());
        s.running = was_running;
        why_not
    };
    let step = saved.filter(|_| why_not.is_none()).map_or(0, |c| c.step());
    let to = match info.kind {
        BackendKind::WebGpu => "WebGPU",
        BackendKind::Cpu => "the CPU",
    };
    let why = info.measured.as_ref().map(Measured::summary);
    send(Event::Resumed { step });
    send(Event::Notice(format!(
        "Training moved to {to} ({}); it continues from step {step}.",
        why.unwrap_or_default()
    )));
    if let Some(why) = why_not {
        send(Event::Error {
            message: resumption::starts_over(&why),
            fatal: false,
        });
    }
    send(Event::Ready { backend: info });
    // The page shows the run again once it has its first snapshot from the new device.
    snapshot_events(shared).await.into_iter().for_each(send);
}
