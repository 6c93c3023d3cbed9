//! Where the run stands (step k / n, tokens/s, ETA, α now) and its headline numbers: the
//! training and validation loss against the uniform guess, and a synthetic task's exact match.

use yew::prelude::*;

use crate::protocol::gpt::{GptEvaluation, GptSnapshot};
use crate::settings::Settings;
use crate::ui::progress::{bar, status, step_and_rate};
use crate::ui::readout::readout;

#[derive(Properties, PartialEq)]
pub struct ReadoutsProps {
    pub snapshot: Option<GptSnapshot>,
    pub train_loss: Option<f32>,
    pub evaluation: Option<GptEvaluation>,
    pub settings: Settings,
}

fn loss(v: Option<f32>) -> String {
    v.filter(|v| v.is_finite())
        .map_or("—".into(), |v| format!("{v:.3}"))
}

#[component]
pub fn Readouts(props: &ReadoutsProps) -> Html {
    let total = props.settings.gpt.steps;
    let snap = props.snapshot.as_ref();
    let (step, running_status, rate, lr) = snap.map_or((0, "—".to_string(), 0.0, None), |s| {
        let p = &s.progress;
        (p.step, status(p), p.samples_per_sec, Some(s.lr))
    });
    let tokens = snap.map_or(0.0, |s| {
        rate * s.info.tokens_per_step as f64 / props.settings.batch_size.max(1) as f64
    });
    let uniform = snap.map(|s| s.info.uniform_loss);
    let e = props.evaluation.as_ref();
    let exact = e.and_then(|e| e.exact);
    html! {
        <>
            <div class="progress">
                {bar("The whole run", "progress", step, total, "")}
                <div class="counters">
                    {step_and_rate(step, total, tokens, "tokens/s", "tokens-per-sec")}
                    <span data-testid="gpt-lr">{lr.map_or("α —".into(), |a| format!("α now {a:.2e}"))}</span>
                    <span data-testid="eta">{running_status}</span>
                    if let Some(bytes) = snap.map(|s| s.memory_bytes).filter(|&b| b > 0) {
                        <span data-testid="gpt-memory" data-bytes={bytes.to_string()}
                            title="The training worker's WebAssembly memory (it only grows, so it is the heap's high-water mark)">
                            {format!("worker memory {:.0} MB", bytes as f64 / 1_048_576.0)}
                        </span>
                    }
                </div>
            </div>
            <div class="readouts gpt-readouts">
                { readout("train loss", "gpt-train-loss", loss(props.train_loss), "mean of the batches since the last point".into()) }
                { readout("validation loss", "gpt-val-loss", loss(e.map(|e| e.validation_loss)),
                    e.map_or("no evaluation yet".into(), |e| format!("held-out text, step {}", e.step))) }
                { readout("uniform guess", "gpt-uniform", uniform.map_or("—".into(), |u| format!("{u:.3}")), "ln |V|: every token equally likely".into()) }
                if let Some((right, of)) = exact {
                    { readout("exact match", "gpt-exact", format!("{:.1} %", 100.0 * right as f64 / of.max(1) as f64),
                        format!("{right} / {of} held-out prompts, every answer token right")) }
                }
            </div>
        </>
    }
}
