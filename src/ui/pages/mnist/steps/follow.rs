//! The "Follow one sample" panel: asks the worker for a trace when the learner picks a sample
//! or a neuron, keeps following the run when asked (one request at a time), shows the moment,
//! the export, and a clear empty state or error.

use std::rc::Rc;

use yew::prelude::*;

use super::sample_view::SampleView;
use super::{TraceRequest, next_serial};
use crate::explain::nn_export::nn_export_text;
use crate::protocol::{Command, MnistCommand, SampleTrace, TraceFocus, TraceSample};
use crate::ui::download::download_text;

#[derive(Properties, PartialEq)]
pub struct FollowProps {
    pub request: Option<TraceRequest>,
    pub trace: Option<Rc<SampleTrace>>,
    /// The page's error list (a failed trace request arrives there).
    pub errors: Vec<String>,
    /// The run's current step (snapshots) and how many evaluations it has had.
    pub run_step: Option<u64>,
    pub evaluations: usize,
    pub ready: bool,
    pub send: Callback<Command>,
    pub on_request: Callback<TraceRequest>,
}

fn command(r: &TraceRequest) -> Command {
    Command::from(MnistCommand::Trace {
        sample: r.sample.clone(),
        focus: r.focus.clone(),
    })
}

fn scroll_to(node: &NodeRef) {
    if let Some(el) = node.cast::<web_sys::Element>() {
        el.scroll_into_view();
    }
}

#[component]
pub fn FollowSample(props: &FollowProps) -> Html {
    let pending = use_state(|| false);
    let error = use_state(|| None::<String>);
    let live = use_state(|| false);
    // The page's errors when the request went out, and the sample asked for last.
    let errors_at_send = use_mut_ref(|| (0usize, None::<String>));
    let last_sample = use_mut_ref(|| None::<TraceSample>);
    let node = use_node_ref();
    let send_now = {
        let (send, pending, error, errors_at_send) = (
            props.send.clone(),
            pending.clone(),
            error.clone(),
            errors_at_send.clone(),
        );
        let errors = (props.errors.len(), props.errors.last().cloned());
        Rc::new(move |r: &TraceRequest| {
            *errors_at_send.borrow_mut() = errors.clone();
            pending.set(true);
            error.set(None);
            send.emit(command(r));
        })
    };
    {
        // A new request: send it; a new sample also brings the panel into view.
        let (send_now, node, last_sample) = (send_now.clone(), node.clone(), last_sample.clone());
        use_effect_with(props.request.clone(), move |request| {
            if let Some(r) = request {
                send_now(r);
                if last_sample.borrow().as_ref() != Some(&r.sample) {
                    scroll_to(&node);
                    *last_sample.borrow_mut() = Some(r.sample.clone());
                }
            }
        });
    }
    {
        let pending = pending.clone();
        let ptr = props.trace.as_ref().map_or(0, |t| Rc::as_ptr(t) as usize);
        use_effect_with(ptr, move |_| pending.set(false));
    }
    {
        // An error that arrived while waiting is this request's answer.
        let (pending, error, at_send) = (pending.clone(), error.clone(), errors_at_send.clone());
        let now = (props.errors.len(), props.errors.last().cloned());
        use_effect_with(now, move |now| {
            if *pending && *now != *at_send.borrow() {
                pending.set(false);
                error.set(now.1.clone());
            }
        });
    }
    {
        // Following the run: ask again for each new step or evaluation, one request at a time.
        let (send_now, request, trace_step) = (
            send_now.clone(),
            props.request.clone(),
            props.trace.as_ref().map(|t| t.step),
        );
        let due = *live
            && !*pending
            && props.ready
            && props.run_step.is_some()
            && props.run_step != trace_step;
        use_effect_with((props.run_step, props.evaluations, due), move |_| {
            if let (true, Some(r)) = (due, request) {
                send_now(&r);
            }
        });
    }
    let refocus = {
        let (request, on_request) = (props.request.clone(), props.on_request.clone());
        Callback::from(move |focus: TraceFocus| {
            if let Some(r) = &request {
                on_request.emit(TraceRequest {
                    sample: r.sample.clone(),
                    focus,
                    serial: next_serial(),
                });
            }
        })
    };
    let retry = {
        let (request, send_now) = (props.request.clone(), send_now.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(r) = &request {
                send_now(r);
            }
        })
    };
    let toggle_live = {
        let live = live.clone();
        Callback::from(move |_: Event| live.set(!*live))
    };
    let export = {
        let trace = props.trace.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(t) = &trace {
                let which = match &t.sample {
                    TraceSample::Test { index } => format!("test{index}"),
                    TraceSample::Drawn { .. } => "drawn".into(),
                };
                download_text(
                    &format!("mnist-sample-{which}-step{}.json", t.step),
                    &nn_export_text(t),
                    "application/json",
                );
            }
        })
    };
    let update_layer = props.request.as_ref().and_then(|r| r.focus.layer);
    html! {
        <section class="panel steps-panel" data-testid="steps-panel" ref={node} aria-label="Follow one sample">
            <div class="panel-head steps-head">
                <h2>{"Follow one sample"}</h2>
                if let Some(t) = &props.trace {
                    <span class="steps-moment" data-testid="steps-moment" data-step={t.step.to_string()}>
                        {format!("at step {} (epoch {})", t.step, t.epoch)}
                        if props.run_step.is_some_and(|s| s != t.step) && !*live {
                            <span class="steps-stale">{format!(" · the run is at step {}", props.run_step.unwrap_or(0))}</span>
                        }
                    </span>
                }
                if *pending { <span class="steps-pending" data-testid="steps-pending">{"following…"}</span> }
                <label class="steps-live" title="While training runs, follow the same sample through the newest model">
                    <input type="checkbox" data-testid="steps-follow-live" checked={*live} onchange={toggle_live} />
                    {"Follow the current step"}
                </label>
                <button class="secondary" data-testid="steps-export" disabled={props.trace.is_none()} onclick={export}>
                    {"Export this step as JSON"}
                </button>
            </div>
            if let Some(e) = &*error {
                <div class="steps-error" data-testid="steps-error" role="alert">
                    <span>{format!("Could not follow the sample: {e}")}</span>
                    <button onclick={retry.clone()}>{"Try again"}</button>
                </div>
            }
            <SampleView trace={props.trace.clone()} request={props.request.clone()} ready={props.ready}
                {update_layer} on_focus={refocus} on_retry={retry} />
        </section>
    }
}
