//! Where the run stands: images done in this epoch, epoch k / n, samples/s, ETA.

use yew::prelude::*;

use super::fmt::{fraction, thousands};
use crate::protocol::mnist::MnistSnapshot;
use crate::settings::Settings;
use crate::ui::progress::{planned, status};

#[derive(Properties, PartialEq)]
pub struct MnistProgressProps {
    pub snapshot: Option<MnistSnapshot>,
    pub settings: Settings,
}

#[component]
pub fn MnistProgress(props: &MnistProgressProps) -> Html {
    let s = &props.settings;
    let progress = props
        .snapshot
        .as_ref()
        .map_or_else(|| planned(s), |snap| snap.progress.clone());
    let (done, per_epoch) = props
        .snapshot
        .as_ref()
        .map_or((0, s.train_points() as u64), |snap| {
            (snap.epoch_samples, snap.epoch_total)
        });
    let (step, total, rate) = (
        progress.step,
        progress.total_steps,
        progress.samples_per_sec,
    );
    let epoch_fraction = fraction(done, per_epoch);
    let status = status(&progress);
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
                <span>{"epoch "}<b data-testid="epoch">{progress.epoch}</b>{format!(" / {}", progress.epochs)}</span>
                <span data-testid="epoch-samples">{format!("{} / {} images this epoch", thousands(done), thousands(per_epoch))}</span>
                <span>{"step "}<b data-testid="step-count">{step}</b>{format!(" / {total}")}</span>
                <span data-testid="samples-per-sec">{if rate > 0.0 { format!("{rate:.0} samples/s") } else { "— samples/s".into() }}</span>
                <span data-testid="eta">{status}</span>
            </div>
        </div>
    }
}
