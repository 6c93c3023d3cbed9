//! Where the run stands: images done in this epoch, epoch k / n, samples/s, ETA.

use yew::prelude::*;

use super::fmt::thousands;
use crate::protocol::mnist::MnistSnapshot;
use crate::settings::Settings;
use crate::ui::progress::{bar, planned, status, step_and_rate};

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
    let status = status(&progress);
    html! {
        <div class="progress mnist-progress">
            {bar("This epoch", "epoch-progress", done, per_epoch, "")}
            {bar("The whole run", "progress", step, total, "thin")}
            <div class="counters">
                <span>{"epoch "}<b data-testid="epoch">{progress.epoch}</b>{format!(" / {}", progress.epochs)}</span>
                <span data-testid="epoch-samples">{format!("{} / {} images this epoch", thousands(done), thousands(per_epoch))}</span>
                {step_and_rate(step, total, rate, "samples/s", "samples-per-sec")}
                <span data-testid="eta">{status}</span>
            </div>
        </div>
    }
}
