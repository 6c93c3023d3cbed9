//! A followed sample on screen: the pictures and the network's strips on the left, the
//! navigator and the current sub-step on the right, all linked by what the pointer is on.

use std::rc::Rc;

use yew::prelude::*;

use super::link::{Hovered, channel_focus, focus_for, hovered};
use super::nav::{NavAction, NavState, Navigator};
use super::network::Network;
use super::pictures::Pictures;
use super::substep::SubStepView;
use crate::explain::nn_steps::{NnStep, Target, nn_steps};
use crate::protocol::{SampleTrace, TraceFocus};

#[derive(Properties)]
pub struct StepsViewProps {
    pub trace: Rc<SampleTrace>,
    /// The dense layer whose weight update is derived in full (the learner's focus).
    pub update_layer: Option<usize>,
    pub on_focus: Callback<TraceFocus>,
}

impl PartialEq for StepsViewProps {
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.trace, &o.trace) && self.update_layer == o.update_layer
    }
}

fn phase(step: &NnStep) -> &'static str {
    match step.stage {
        crate::explain::nn_steps::Stage::Update => "upd",
        s if s.is_forward() => "fwd",
        _ => "bwd",
    }
}

#[component]
pub fn StepsView(props: &StepsViewProps) -> Html {
    let nav = use_reducer(NavState::default);
    let speed = use_state(|| 2000u32);
    let hover = use_state_eq(|| hovered(vec![]));
    let steps = {
        let trace = props.trace.clone();
        let deps = (Rc::as_ptr(&props.trace) as usize, props.update_layer);
        use_memo(deps, move |&(_, layer)| match nn_steps(&trace, layer) {
            Ok(steps) => Ok(steps.into_iter().map(Rc::new).collect::<Vec<_>>()),
            Err(e) => Err(e),
        })
    };
    let count = steps.as_ref().as_ref().map_or(0, Vec::len);
    {
        let d = nav.dispatcher();
        use_effect_with(count, move |&n| d.dispatch(NavAction::Count(n)));
    }
    let current: Option<Rc<NnStep>> = steps.as_ref().as_ref().ok().and_then(|list| {
        list.get(nav.index.min(list.len().saturating_sub(1)))
            .cloned()
    });
    let terms = {
        let current = current.clone();
        let deps = current.as_ref().map_or(0, |s| Rc::as_ptr(s) as usize);
        use_memo(deps, move |_| {
            current.map(|s| s.terms.clone()).unwrap_or_default()
        })
    };
    let (list, step) = match (steps.as_ref(), current) {
        (Ok(list), Some(step)) => (list, step),
        (Ok(_), None) => {
            return html! { <p class="empty-note">{"This trace has no sub-steps."}</p> };
        }
        (Err(e), _) => {
            return html! { <p class="steps-error" data-testid="steps-error" role="alert">{e.clone()}</p> };
        }
    };
    let titles: Rc<Vec<(String, &'static str)>> =
        Rc::new(list.iter().map(|s| (s.title.clone(), phase(s))).collect());
    let on_hover = {
        let hover = hover.clone();
        Callback::from(move |h: Hovered| hover.set(h))
    };
    let on_target = {
        let (trace, cb) = (props.trace.clone(), props.on_focus.clone());
        Callback::from(move |target: Target| cb.emit(focus_for(&trace, target)))
    };
    let on_channel = props.on_focus.reform(channel_focus);
    let on_speed = {
        let speed = speed.clone();
        Callback::from(move |ms: u32| speed.set(ms))
    };
    html! {
        <div class="steps-body">
            <div class="steps-left">
                <Pictures trace={props.trace.clone()} stage={step.stage} terms={terms.clone()} hover={(*hover).clone()}
                    on_hover={on_hover.clone()} on_target={on_target.clone()} />
                <Network trace={props.trace.clone()} stage={step.stage} terms={terms.clone()} hover={(*hover).clone()}
                    on_hover={on_hover.clone()} on_target={on_target.clone()} {on_channel} />
            </div>
            <div class="steps-right">
                <Navigator nav={nav.clone()} steps={titles} speed_ms={*speed} {on_speed} />
                <SubStepView step={step} terms={terms} hover={(*hover).clone()} {on_hover} {on_target} />
            </div>
        </div>
    }
}
