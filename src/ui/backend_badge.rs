//! Which device trains, and why: with `backend=auto`, how much faster it measured than the
//! other, the figures in the tooltip and "measure again" beside it.

use yew::prelude::*;

use super::state::WorkerStatus;
use crate::protocol::{BackendInfo, BackendKind, Command};

#[derive(Properties, PartialEq)]
pub struct BackendBadgeProps {
    pub backend: Option<BackendInfo>,
    pub status: WorkerStatus,
    pub send: Callback<Command>,
}

/// The badge's class, text and tooltip for a ready device.
fn describe(b: &BackendInfo) -> (&'static str, String, String) {
    let reason = b.reason.clone().unwrap_or_default();
    let figures = b.measured.as_ref().map(|m| m.figures());
    match (b.kind, b.measuring) {
        (BackendKind::Cpu, true) => (
            "badge cpu measuring",
            "CPU (measuring WebGPU against it…)".into(),
            "Training starts on the CPU at once; WebGPU is warmed up and this task's training \
             step timed on both in the background. The faster one trains."
                .into(),
        ),
        (BackendKind::WebGpu, true) => (
            "badge gpu measuring",
            format!("WebGPU ({}) (measuring the CPU against it…)", b.name),
            "This task's training step is being timed on both devices.".into(),
        ),
        (BackendKind::WebGpu, false) => match &b.measured {
            Some(m) => (
                "badge gpu",
                format!("WebGPU ({}) ({})", b.name, m.summary()),
                figures.unwrap_or_default(),
            ),
            None => (
                "badge gpu",
                format!("WebGPU ({})", b.name),
                "Burn's WebGPU runtime".into(),
            ),
        },
        (BackendKind::Cpu, false) => (
            "badge cpu",
            format!("CPU (reason: {reason})"),
            figures.unwrap_or_else(|| format!("{}: {reason}", b.name)),
        ),
    }
}

#[component]
pub fn BackendBadge(props: &BackendBadgeProps) -> Html {
    let (class, text, title) = match (&props.status, &props.backend) {
        (WorkerStatus::Ready, Some(b)) => describe(b),
        (WorkerStatus::Stopped, _) => (
            "badge stopped",
            "Training stopped".into(),
            "The training worker stopped (it kept crashing or did not start); reload the page"
                .into(),
        ),
        (WorkerStatus::Starting, _) => {
            ("badge pending", "Loading the engine…".into(), String::new())
        }
        _ => (
            "badge pending",
            "Choosing a device…".into(),
            "Trying WebGPU (up to 5 s), else the CPU".into(),
        ),
    };
    let measured = props
        .backend
        .as_ref()
        .and_then(|b| b.measured.as_ref())
        .filter(|_| props.status == WorkerStatus::Ready);
    let again = measured.map(|_| {
        let send = props.send.clone();
        Callback::from(move |_: MouseEvent| send.emit(Command::MeasureAgain))
    });
    let rate = |r: f64| format!("{r}");
    html! {
        <div class="backend">
            <div class={class} data-testid="backend" title={title} role="status"
                data-cpu-rate={measured.map(|m| rate(m.cpu_steps_per_sec))}
                data-webgpu-rate={measured.map(|m| rate(m.webgpu_steps_per_sec))}
                data-webgpu-at-most={measured.map(|m| m.webgpu_at_most.to_string())}
                data-key={measured.map(|m| m.key.clone())}>
                <span class="dot"></span>{text}
            </div>
            if let Some(onclick) = again {
                <button class="measure-again" data-testid="measure-again" {onclick}
                    title="Time this task's training step on both devices again">{"measure again"}</button>
            }
        </div>
    }
}
