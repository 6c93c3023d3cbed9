//! The single neuron's settings: the sample and parameters, the optimizer, the device.

use yew::prelude::*;

use super::inputs::NeuronInputs;
use crate::settings::{BackendChoice, Settings};
use crate::ui::controls::{OptimizerFields, select_value, updater};

#[derive(Properties, PartialEq)]
pub struct NeuronControlsProps {
    pub settings: Settings,
    pub on_change: Callback<Settings>,
}

#[component]
pub fn NeuronControls(props: &NeuronControlsProps) -> Html {
    let (s, on) = (&props.settings, &props.on_change);
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
            <OptimizerFields settings={s.clone()} on_change={on.clone()} lr_hint="Applies from the next step." lr_step="0.1" />

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
