//! Which device trains, and why.

use yew::prelude::*;

use super::state::WorkerStatus;
use crate::protocol::{BackendInfo, BackendKind};

#[derive(Properties, PartialEq)]
pub struct BackendBadgeProps {
    pub backend: Option<BackendInfo>,
    pub status: WorkerStatus,
}

#[component]
pub fn BackendBadge(props: &BackendBadgeProps) -> Html {
    let (class, text, title) = match (&props.status, &props.backend) {
        (WorkerStatus::Ready, Some(b)) => match b.kind {
            BackendKind::WebGpu => (
                "badge gpu",
                format!("WebGPU ({})", b.name),
                "Burn's WebGPU runtime".to_string(),
            ),
            BackendKind::Cpu => {
                let reason = b.reason.clone().unwrap_or_default();
                (
                    "badge cpu",
                    format!("CPU (reason: {reason})"),
                    format!("{}: {reason}", b.name),
                )
            }
        },
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
    html! {
        <div class={class} data-testid="backend" title={title} role="status">
            <span class="dot"></span>{text}
        </div>
    }
}
