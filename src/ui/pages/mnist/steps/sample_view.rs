//! The body of the panel: the followed sample's walk, or what is being waited for, or the
//! empty state that says how to start.

use std::rc::Rc;

use yew::prelude::*;

use super::TraceRequest;
use super::panel::StepsView;
use crate::explain::nn_text::{argmax, plain};
use crate::protocol::{SampleTrace, TraceFocus, TraceSample};

#[derive(Properties, PartialEq)]
pub struct SampleViewProps {
    pub trace: Option<Rc<SampleTrace>>,
    pub request: Option<TraceRequest>,
    pub ready: bool,
    pub update_layer: Option<usize>,
    pub on_focus: Callback<TraceFocus>,
    pub on_retry: Callback<MouseEvent>,
}

fn sample_name(s: &TraceSample) -> String {
    match s {
        TraceSample::Test { index } => format!("test image #{index}"),
        TraceSample::Drawn { label, .. } => format!("your drawing (a {label})"),
    }
}

#[component]
pub fn SampleView(props: &SampleViewProps) -> Html {
    let (refocus, retry, update_layer) = (
        props.on_focus.clone(),
        props.on_retry.clone(),
        props.update_layer,
    );
    match (&props.trace, &props.request) {
        (Some(t), _) => {
            let predicted = argmax(&t.probs);
            let p_y = t
                .probs
                .get(usize::from(t.label))
                .copied()
                .unwrap_or(f32::NAN);
            html! {
                <>
                    <p class="steps-sample" data-testid="steps-sample">
                        {sample_name(&t.sample)}{" · true digit "}<b data-testid="steps-label">{t.label}</b>
                        {" · the model says "}<b data-key="output.predicted" data-value={predicted.to_string()}>{predicted}</b>
                        {" · p_y = "}<b data-key={format!("output.probs[{}]", t.label)} data-value={p_y.to_string()}>{plain(p_y.into())}</b>
                        {" · L = "}<b data-key="output.loss" data-value={t.loss.to_string()}>{plain(t.loss.into())}</b>
                    </p>
                    <StepsView trace={t.clone()} {update_layer} on_focus={refocus} />
                </>
            }
        }
        (None, Some(r)) => html! {
            <div class="empty-note steps-empty" data-testid="steps-empty">
                {format!("Following {} through the current model… ", sample_name(&r.sample))}
                if !props.ready { {"(the model answers once MNIST is loaded)"} }
                <button onclick={retry}>{"Ask again"}</button>
            </div>
        },
        (None, None) => html! {
            <div class="empty-note steps-empty" data-testid="steps-empty">
                <b>{"Pick a test image in the gallery, a confusion cell or draw a digit"}</b>
                {" — then press its “Follow” button to see that sample go through the network: the input, each layer's z = W·a + b and activation, softmax and the loss, the gradients back to the first layer, and one weight's update, with every number Burn computed."}
            </div>
        },
    }
}
