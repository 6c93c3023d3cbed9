//! Progress bar with epoch and step counters, samples/s and ETA.

use yew::prelude::*;

use crate::protocol::{Progress, Snapshot};
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

/// Where a run stands before its first snapshot: epoch 1 of the planned steps, none taken.
pub fn planned(settings: &Settings) -> Progress {
    Progress {
        epoch: 1,
        epochs: settings.epochs,
        step: 0,
        total_steps: settings.steps_per_epoch() as u64 * settings.epochs as u64,
        samples_per_sec: 0.0,
        eta_ms: None,
        running: false,
        finished: false,
    }
}

/// "done", "about 1 min 05 s left", or "—" before an estimate.
pub fn status(p: &Progress) -> String {
    if p.finished {
        "done".to_string()
    } else {
        p.eta_ms
            .map_or("—".into(), |ms| format!("about {} left", duration(ms)))
    }
}

/// One bar: `done` of `total`, labelled for screen readers, with its test id.
pub fn bar(
    label: &'static str,
    testid: &'static str,
    done: u64,
    total: u64,
    class: &'static str,
) -> Html {
    let fraction = if total == 0 {
        0.0
    } else {
        done as f64 / total as f64
    };
    html! {
        <div class={classes!("bar", class)} role="progressbar" aria-label={label} aria-valuemin="0"
            aria-valuemax={total.to_string()} aria-valuenow={done.to_string()} data-testid={testid}>
            <div class="fill" style={format!("width: {:.2}%", fraction.min(1.0) * 100.0)}></div>
        </div>
    }
}

/// "step 12 / 400" and the rate ("1234 samples/s", "— samples/s" before a measurement).
pub fn step_and_rate(
    step: u64,
    total: u64,
    rate: f64,
    unit: &'static str,
    testid: &'static str,
) -> Html {
    html! {
        <>
            <span>{"step "}<b data-testid="step-count">{step}</b>{format!(" / {total}")}</span>
            <span data-testid={testid}>{if rate > 0.0 { format!("{rate:.0} {unit}") } else { format!("— {unit}") }}</span>
        </>
    }
}

#[component]
pub fn ProgressBar(props: &ProgressProps) -> Html {
    let progress = props
        .snapshot
        .as_ref()
        .map_or_else(|| planned(&props.settings), |s| s.progress.clone());
    let Progress {
        epoch,
        epochs,
        step,
        total_steps: total,
        samples_per_sec: rate,
        ..
    } = progress;
    let status = status(&progress);
    html! {
        <div class="progress">
            {bar("The whole run", "progress", step, total, "")}
            <div class="counters">
                <span>{"epoch "}<b data-testid="epoch">{epoch}</b>{format!(" / {epochs}")}</span>
                {step_and_rate(step, total, rate, "samples/s", "samples-per-sec")}
                <span data-testid="eta">{status}</span>
            </div>
        </div>
    }
}

/// A run's whole progress: the bar, "step k / n", the rate in `unit` and the ETA ("—" before
/// the first snapshot).
pub fn whole_run(p: Option<&Progress>, unit: &'static str) -> Html {
    let (step, total, rate, left) = p.map_or((0, 0, 0.0, "—".to_string()), |p| {
        (p.step, p.total_steps, p.samples_per_sec, status(p))
    });
    html! {
        <div class="progress">
            {bar("The whole run", "progress", step, total, "")}
            <div class="counters">
                {step_and_rate(step, total, rate, unit, "samples-per-sec")}
                <span data-testid="eta">{left}</span>
            </div>
        </div>
    }
}
