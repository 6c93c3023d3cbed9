//! The single-neuron layout: settings on the left; transport, the neuron and its loss in the
//! middle; the math of the last step on the right.

use yew::prelude::*;

use super::controls::NeuronControls;
use super::diagram::NeuronDiagram;
use super::loss_chart::NeuronLossChart;
use super::math::NeuronMath;
use super::transport::NeuronTransport;
use crate::explain::reference::plain32;
use crate::protocol::Command;
use crate::settings::Settings;
use crate::ui::embed::Show;
use crate::ui::state::State;

#[derive(Properties, PartialEq)]
pub struct NeuronPageProps {
    pub state: UseReducerHandle<State>,
    pub send: Callback<Command>,
    pub on_settings: Callback<Settings>,
}

#[component]
pub fn NeuronPage(props: &NeuronPageProps) -> Html {
    let s = &*props.state;
    let now = s.views.reference.neuron.as_deref();
    let readout = |label: &str, testid: &str, value: String| {
        html! {
            <div>
                <div class="readout-label">{label}</div>
                <div class="readout-value" data-testid={testid.to_string()}>{value}</div>
            </div>
        }
    };
    let value = |f: fn(&crate::protocol::reference::NeuronSnapshot) -> f32| {
        now.map_or("…".to_string(), |n| plain32(f(n)))
    };
    html! {
        <main class="layout neuron-layout">
            <Show name="controls"><aside class="panel controls-panel">
                <NeuronControls settings={s.settings.clone()} on_change={props.on_settings.clone()} />
            </aside></Show>
            <section class="center">
                <Show name="transport"><div class="panel">
                    <NeuronTransport state={props.state.clone()} send={props.send.clone()} />
                </div></Show>
                <div class="panel">
                    <h2>{"The neuron now"}</h2>
                    <NeuronDiagram x={s.settings.neuron.x.clone()} w={now.map(|n| n.w.clone())}
                        b={now.map(|n| n.b)} y_hat={now.map(|n| n.y_hat)} y={s.settings.neuron.y} />
                    <div class="readouts neuron-readouts">
                        { readout("steps taken", "neuron-steps", now.map_or("…".into(), |n| n.steps.to_string())) }
                        { readout("prediction ŷ", "neuron-y-hat", value(|n| n.y_hat)) }
                        { readout("loss L", "neuron-loss", value(|n| n.loss)) }
                        { readout("label y", "neuron-label", plain32(s.settings.neuron.y as f32)) }
                    </div>
                </div>
                <Show name="charts"><div class="panel">
                    <h2>{"Binary cross-entropy per step"}</h2>
                    <NeuronLossChart losses={s.views.reference.losses.clone()} />
                    <p class="hint">{"The loss at the start of each step (the last point: where the neuron stands now). One sample, so the loss can go to 0 as ŷ → y."}</p>
                </div></Show>
            </section>
            <Show name="math"><section class="panel math">
                <NeuronMath state={props.state.clone()} />
            </section></Show>
        </main>
    }
}
