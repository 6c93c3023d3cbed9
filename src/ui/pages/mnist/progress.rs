//! Where the run stands: images done in this epoch, epoch k / n, samples/s, ETA.

use yew::prelude::*;

use super::fmt::{fraction, thousands};
use crate::protocol::mnist::MnistSnapshot;
use crate::settings::Settings;
use crate::ui::progress::duration;

#[derive(Properties, PartialEq)]
pub struct MnistProgressProps {
    pub snapshot: Option<MnistSnapshot>,
    pub settings: Settings,
}

#[component]
pub fn MnistProgress(props: &MnistProgressProps) -> Html {
    let s = &props.settings;
    let planned_steps = s.steps_per_epoch() as u64 * s.epochs as u64;
    let (epoch, epochs, done, per_epoch, step, total, rate, eta, finished) = match &props.snapshot {
        Some(snap) => {
            let p = &snap.progress;
            (
                p.epoch,
                p.epochs,
                snap.epoch_samples,
                snap.epoch_total,
                p.step,
                p.total_steps,
                p.samples_per_sec,
                p.eta_ms,
                p.finished,
            )
        }
        None => (
            1,
            s.epochs,
            0,
            s.train_points() as u64,
            0,
            planned_steps,
            0.0,
            None,
            false,
        ),
    };
    let epoch_fraction = fraction(done, per_epoch);
    let status = if finished {
        "done".to_string()
    } else {
        eta.map_or("—".into(), |ms| format!("about {} left", duration(ms)))
    };
    html! {
        <div class="progress mnist-progress">
            <div class="bar" role="progressbar" aria-label="This epoch" aria-valuemin="0"
                aria-valuemax={per_epoch.to_string()} aria-valuenow={done.to_string()} data-testid="epoch-progress">
                <div class="fill" style={format!("width: {:.2}%", epoch_fraction * 100.0)}></div>
            </div>
            <div class="bar thin" role="progressbar" aria-label="The whole run" aria-valuemin="0"
                aria-valuemax={total.to_string()} aria-valuenow={step.to_string()} data-testid="progress">
                <div class="fill" style={format!("width: {:.2}%", fraction(step, total) * 100.0)}></div>
            </div>
            <div class="counters">
                <span>{"epoch "}<b data-testid="epoch">{epoch}</b>{format!(" / {epochs}")}</span>
                <span data-testid="epoch-samples">{format!("{} / {} images this epoch", thousands(done), thousands(per_epoch))}</span>
                <span>{"step "}<b data-testid="step-count">{step}</b>{format!(" / {total}")}</span>
                <span data-testid="samples-per-sec">{if rate > 0.0 { format!("{rate:.0} samples/s") } else { "— samples/s".into() }}</span>
                <span data-testid="eta">{status}</span>
            </div>
        </div>
    }
}
