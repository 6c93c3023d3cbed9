//! The single neuron's settings: the sample and parameters, the optimizer, the device.

use yew::prelude::*;

use super::inputs::NeuronInputs;
use crate::settings::{BackendChoice, OptimizerKind, Settings, range};
use crate::ui::controls::{NumberField, parse_in, select_value, updater};
use crate::ui::embed::Show;

#[derive(Properties, PartialEq)]
pub struct NeuronControlsProps {
    pub settings: Settings,
    pub on_change: Callback<Settings>,
}

#[component]
pub fn NeuronControls(props: &NeuronControlsProps) -> Html {
    let (s, on) = (&props.settings, &props.on_change);
    let on_optimizer = updater(s, on, |s, v: Event| {
        if let Some(o) = OptimizerKind::from_key(&select_value(v)) {
            s.optimizer = o;
        }
    });
    let on_backend = updater(s, on, |s, v: Event| {
        if let Some(b) = BackendChoice::from_key(&select_value(v)) {
            s.backend = b;
        }
    });
    html! {
        <div class="controls">
            <h2>{"The sample and the neuron"}</h2>
            <p class="hint">{"ŷ = σ(w·x + b), trained on this one sample with binary cross-entropy. Changing a value starts over."}</p>
            <NeuronInputs settings={s.clone()} on_change={on.clone()} />

            <h2>{"Optimizer"}</h2>
            <Show name="optimizer"><label class="field">
                <span>{"optimizer"}</span>
                <select data-testid="optimizer" onchange={on_optimizer}>
                    for o in OptimizerKind::ALL {
                        <option value={o.key()} selected={o == s.optimizer}>{o.label()}</option>
                    }
                </select>
            </label></Show>
            <NumberField label="learning rate α" testid="lr" value={s.lr.to_string()} step="0.1" hint="Applies from the next step."
                on_commit={updater(s, on, |s, v: String| s.lr = v.parse().unwrap_or(s.lr))}
                validate={parse_in::<f64>(range::LR)} />
            if s.optimizer == OptimizerKind::Momentum {
                <NumberField label="momentum μ" testid="momentum" value={s.momentum.to_string()} step="0.05" hint="Changing this starts over."
                    on_commit={updater(s, on, |s, v: String| s.momentum = v.parse().unwrap_or(s.momentum))}
                    validate={parse_in::<f64>(range::MOMENTUM)} />
            }

            <h2>{"Device"}</h2>
            <label class="field" title="auto: WebGPU when the browser offers a working adapter, else the CPU">
                <span>{"device"}</span>
                <select data-testid="backend-choice" onchange={on_backend}>
                    for b in BackendChoice::ALL {
                        <option value={b.key()} selected={b == s.backend}>{b.key()}</option>
                    }
                </select>
            </label>
        </div>
    }
}
