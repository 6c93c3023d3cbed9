//! The sample x with its label y, and the starting weights w and bias b — validated inputs,
//! shared by the single-neuron task and the formula page.

use yew::prelude::*;

use crate::settings::Settings;
use crate::settings::neuron::{NeuronSettings, range};
use crate::ui::controls::{NumberField, parse_in, row_check, row_commit};

#[derive(Properties, PartialEq)]
pub struct NeuronInputsProps {
    pub settings: Settings,
    pub on_change: Callback<Settings>,
    /// Lay the fields out in a row (the formula page).
    #[prop_or_default]
    pub compact: bool,
}

/// "x₁", "w₂", …
pub fn indexed(name: &str, i: usize) -> String {
    let digits: String = (i + 1)
        .to_string()
        .chars()
        .map(|c| char::from_u32(0x2080 + c.to_digit(10).unwrap_or(0)).unwrap_or(c))
        .collect();
    format!("{name}{digits}")
}

/// A callback that applies `edit` with the committed (already validated) number.
fn commit(
    settings: &Settings,
    on_change: &Callback<Settings>,
    edit: impl Fn(&mut NeuronSettings, f64) + 'static,
) -> Callback<String> {
    let (settings, on_change) = (settings.clone(), on_change.clone());
    Callback::from(move |text: String| {
        if let Ok(v) = text.parse::<f64>() {
            let mut s = settings.clone();
            edit(&mut s.neuron, v);
            on_change.emit(s);
        }
    })
}

fn resize(settings: &Settings, on_change: &Callback<Settings>, grow: bool) -> Callback<MouseEvent> {
    let (settings, on_change) = (settings.clone(), on_change.clone());
    Callback::from(move |_: MouseEvent| {
        let mut s = settings.clone();
        let n = &mut s.neuron;
        if grow && n.x.len() < range::INPUTS.1 {
            n.x.push(0.5);
            n.w.push(0.0);
        } else if !grow && n.x.len() > range::INPUTS.0 {
            n.x.pop();
            n.w.pop();
        }
        on_change.emit(s);
    })
}

#[component]
pub fn NeuronInputs(props: &NeuronInputsProps) -> Html {
    let (s, on) = (&props.settings, &props.on_change);
    let n = &s.neuron;
    let value = parse_in::<f64>(range::VALUE);
    let hint = "Changing this starts the neuron over from these values.";
    html! {
        <div class={classes!("neuron-inputs", props.compact.then_some("compact"))}>
            <div class="neuron-vectors">
                for i in 0..n.x.len() {
                    <div class="neuron-pair">
                        <NumberField label={indexed("x", i)} testid={format!("neuron-x-{i}")} key_name="x" value={n.x[i].to_string()} step="0.1" hint={hint}
                            on_commit={commit(s, on, move |n, v| n.x[i] = v)} validate={value.clone()} />
                        <NumberField label={indexed("w", i)} testid={format!("neuron-w-{i}")} key_name="w" value={n.w.get(i).copied().unwrap_or(0.0).to_string()} step="0.1" hint={hint}
                            on_commit={commit(s, on, move |n, v| if let Some(w) = n.w.get_mut(i) { *w = v })} validate={value.clone()} />
                    </div>
                }
            </div>
            <div class="neuron-scalars">
                <NumberField label="bias b" testid="neuron-b" key_name="b" value={n.b.to_string()} step="0.1" hint={hint}
                    on_commit={commit(s, on, |n, v| n.b = v)} validate={value.clone()} />
                <NumberField label="label y" testid="neuron-y" key_name="y" value={n.y.to_string()} step="1" hint="The true label: 1 or 0 (or a soft label between)."
                    on_commit={row_commit("y", s, on)} validate={row_check("y")} />
                <div class="neuron-resize">
                    <button data-testid="neuron-remove-input" disabled={n.x.len() <= range::INPUTS.0}
                        onclick={resize(s, on, false)} title="One input fewer">{"− input"}</button>
                    <button data-testid="neuron-add-input" disabled={n.x.len() >= range::INPUTS.1}
                        onclick={resize(s, on, true)} title="One more input (x = 0.5, w = 0)">{"+ input"}</button>
                </div>
            </div>
        </div>
    }
}
