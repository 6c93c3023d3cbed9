//! Progress bar with epoch and step counters, samples/s and ETA.

use yew::prelude::*;

use crate::protocol::Snapshot;
use crate::settings::Settings;

#[derive(Properties, PartialEq)]
pub struct ProgressProps {
    pub snapshot: Option<Snapshot>,
    pub settings: Settings,
}

pub fn duration(ms: f64) -> String {
    let s = (ms / 1000.0).ceil() as u64;
    if s < 60 {
        format!("{s} s")
    } else {
        format!("{} min {:02} s", s / 60, s % 60)
    }
}

#[component]
pub fn ProgressBar(props: &ProgressProps) -> Html {
    let (epoch, epochs, step, total, rate, eta, finished) = match &props.snapshot {
        Some(s) => {
            let p = &s.progress;
            (
                p.epoch,
                p.epochs,
                p.step,
                p.total_steps,
                p.samples_per_sec,
                p.eta_ms,
                p.finished,
            )
        }
        None => (
            1,
            props.settings.epochs,
            0,
            props.settings.steps_per_epoch() as u64 * props.settings.epochs as u64,
            0.0,
            None,
            false,
        ),
    };
    let fraction = if total == 0 {
        0.0
    } else {
        step as f64 / total as f64
    };
    let status = if finished {
        "done".to_string()
    } else {
        eta.map_or("—".into(), |ms| format!("about {} left", duration(ms)))
    };
    html! {
        <div class="progress">
            <div class="bar" role="progressbar" aria-valuemin="0" aria-valuemax={total.to_string()}
                aria-valuenow={step.to_string()} data-testid="progress">
                <div class="fill" style={format!("width: {:.2}%", fraction * 100.0)}></div>
            </div>
            <div class="counters">
                <span>{"epoch "}<b data-testid="epoch">{epoch}</b>{format!(" / {epochs}")}</span>
                <span>{"step "}<b data-testid="step-count">{step}</b>{format!(" / {total}")}</span>
                <span data-testid="samples-per-sec">{if rate > 0.0 { format!("{rate:.0} samples/s") } else { "— samples/s".into() }}</span>
                <span data-testid="eta">{status}</span>
            </div>
        </div>
    }
}
