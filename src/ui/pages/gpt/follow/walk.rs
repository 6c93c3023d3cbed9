//! The followed token's sub-steps: the navigator, the current sub-step's formulas (symbolic,
//! then with Burn's numbers) and its terms; pointing at a term lights up its tokens.

use std::rc::Rc;

use yew::prelude::*;

use crate::explain::gpt_follow::{GptStep, Phase, TokenTerm, gpt_steps};
use crate::explain::nn_text::plain;
use crate::protocol::gpt_follow::TokenTrace;
use crate::ui::pages::mnist::steps::nav::{NavAction, NavState, Navigator};
use crate::ui::pages::mnist::steps::substep::{Written, frame};

#[derive(Properties)]
pub struct WalkProps {
    pub trace: Rc<TokenTrace>,
    pub on_hover: Callback<Vec<usize>>,
}

impl PartialEq for WalkProps {
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.trace, &o.trace)
    }
}

fn phase_class(p: Phase) -> &'static str {
    match p {
        Phase::Forward => "fwd",
        Phase::Backward => "bwd",
        Phase::Update => "upd",
    }
}

fn chip(i: usize, term: &TokenTerm, on_hover: &Callback<Vec<usize>>) -> Html {
    let tokens = term.tokens.clone();
    let enter = on_hover.reform(move |_: MouseEvent| tokens.clone());
    let leave = on_hover.reform(|_: MouseEvent| Vec::new());
    let title = if term.key.is_some() {
        "Burn's number (in the exported JSON)"
    } else {
        "computed here from Burn's numbers"
    };
    html! {
        <button class={classes!("term", format!("term-c{}", i % 6), term.tokens.is_empty().then_some("inert"))}
            data-testid={format!("steps-term-{i}")} data-value={term.value.to_string()} data-key={term.key.clone()}
            {title} onmouseenter={enter} onmouseleave={leave}>
            <span class="term-name">{term.name.clone()}</span>
            <b class="term-value">{plain(term.value)}</b>
        </button>
    }
}

fn sub_step(s: &GptStep, on_hover: &Callback<Vec<usize>>) -> Html {
    let phase = match s.phase {
        Phase::Forward => "forward",
        Phase::Backward => "backward",
        Phase::Update => "update",
    };
    let chips = html! {
        if !s.terms.is_empty() {
            <div class="terms" data-testid="steps-terms">
                <div class="numbers-title">{"the terms — point at one to find its token"}</div>
                <div class="term-list">
                    for (i, term) in s.terms.iter().enumerate() { { chip(i, term, on_hover) } }
                </div>
            </div>
        }
    };
    let written = Written {
        phase,
        title: &s.title,
        summary: &s.summary,
        symbolic: &s.symbolic,
        numbers_title: "with this token's numbers",
        substituted: &s.substituted,
    };
    frame(written, chips)
}

#[component]
pub fn Walk(props: &WalkProps) -> Html {
    let nav = use_reducer(NavState::default);
    let speed = use_state(|| 2000u32);
    let steps = {
        let trace = props.trace.clone();
        use_memo(Rc::as_ptr(&props.trace) as usize, move |_| {
            gpt_steps(&trace)
        })
    };
    let count = steps.as_ref().as_ref().map_or(0, Vec::len);
    {
        let d = nav.dispatcher();
        use_effect_with(count, move |&n| d.dispatch(NavAction::Count(n)));
    }
    let list = match steps.as_ref() {
        Ok(list) if !list.is_empty() => list,
        Ok(_) => return html! { <p class="empty-note">{"This trace has no sub-steps."}</p> },
        Err(e) => {
            return html! { <p class="steps-error" data-testid="steps-error" role="alert">{e.clone()}</p> };
        }
    };
    let titles: Rc<Vec<(String, &'static str)>> = Rc::new(
        list.iter()
            .map(|s| (s.title.clone(), phase_class(s.phase)))
            .collect(),
    );
    let current = &list[nav.index.min(list.len() - 1)];
    let on_speed = {
        let speed = speed.clone();
        Callback::from(move |ms: u32| speed.set(ms))
    };
    html! {
        <div class="follow-walk">
            <Navigator nav={nav.clone()} steps={titles} speed_ms={*speed} {on_speed} />
            { sub_step(current, &props.on_hover) }
        </div>
    }
}
