//! The sub-step navigator: previous / next, a stepper showing where you are (forward in blue,
//! backward in orange, the update in green), and a play-through at an adjustable pace.

use std::rc::Rc;

use gloo::timers::callback::Interval;
use yew::prelude::*;

/// Where the walk stands.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NavState {
    pub index: usize,
    pub count: usize,
    pub playing: bool,
}

pub enum NavAction {
    Next,
    Prev,
    Go(usize),
    Play,
    Pause,
    /// The number of sub-steps of the trace shown (the index stays, clamped).
    Count(usize),
    /// The play-through's clock: next, or stop at the end.
    Tick,
}

impl Reducible for NavState {
    type Action = NavAction;

    fn reduce(self: Rc<Self>, action: NavAction) -> Rc<Self> {
        let mut s = (*self).clone();
        let last = s.count.saturating_sub(1);
        match action {
            NavAction::Next => s.index = (s.index + 1).min(last),
            NavAction::Prev => s.index = s.index.saturating_sub(1),
            NavAction::Go(k) => s.index = k.min(last),
            NavAction::Play => {
                if s.index >= last {
                    s.index = 0;
                }
                s.playing = s.count > 1;
            }
            NavAction::Pause => s.playing = false,
            NavAction::Count(n) => {
                s.count = n;
                s.index = s.index.min(n.saturating_sub(1));
            }
            NavAction::Tick => {
                if s.index >= last {
                    s.playing = false;
                } else {
                    s.index += 1;
                }
            }
        }
        if s == *self { self } else { Rc::new(s) }
    }
}

/// Play-through paces: (milliseconds per sub-step, label).
pub const SPEEDS: [(u32, &str); 4] = [
    (4000, "slow · 4 s"),
    (2000, "normal · 2 s"),
    (1000, "fast · 1 s"),
    (400, "very fast · 0.4 s"),
];

#[derive(Properties, PartialEq)]
pub struct NavigatorProps {
    pub nav: UseReducerHandle<NavState>,
    /// Per sub-step: its title and its phase class ("fwd", "bwd", "upd").
    pub steps: Rc<Vec<(String, &'static str)>>,
    pub speed_ms: u32,
    pub on_speed: Callback<u32>,
}

#[component]
pub fn Navigator(props: &NavigatorProps) -> Html {
    let nav = &*props.nav;
    {
        let dispatcher = props.nav.dispatcher();
        use_effect_with((nav.playing, props.speed_ms), move |&(playing, ms)| {
            let clock =
                playing.then(|| Interval::new(ms, move || dispatcher.dispatch(NavAction::Tick)));
            move || drop(clock)
        });
    }
    let act = |a: fn() -> NavAction| {
        let d = props.nav.dispatcher();
        Callback::from(move |_: MouseEvent| d.dispatch(a()))
    };
    let on_speed = {
        let cb = props.on_speed.clone();
        Callback::from(move |e: Event| {
            let value = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            if let Ok(ms) = value.parse::<u32>() {
                cb.emit(ms);
            }
        })
    };
    let last = nav.count.saturating_sub(1);
    html! {
        <div class="steps-nav">
            <div class="steps-buttons">
                <button data-testid="steps-prev" disabled={nav.index == 0} onclick={act(|| NavAction::Prev)}
                    title="Previous sub-step">{"‹ Previous"}</button>
                if nav.playing {
                    <button class="primary" data-testid="steps-play" onclick={act(|| NavAction::Pause)}>{"❚❚ Pause"}</button>
                } else {
                    <button class="primary" data-testid="steps-play" disabled={nav.count < 2} onclick={act(|| NavAction::Play)}
                        title="Walk through the sub-steps on its own">{"▶ Play through"}</button>
                }
                <button data-testid="steps-next" disabled={nav.index >= last} onclick={act(|| NavAction::Next)}
                    title="Next sub-step">{"Next ›"}</button>
                <label class="steps-speed-label">{"pace "}
                    <select data-testid="steps-speed" onchange={on_speed} aria-label="Play-through pace">
                        for (ms, label) in SPEEDS {
                            <option value={ms.to_string()} selected={ms == props.speed_ms}>{label}</option>
                        }
                    </select>
                </label>
                <span class="steps-count" data-testid="steps-position">{format!("{} / {}", nav.index + 1, nav.count)}</span>
            </div>
            <ol class="stepper" data-testid="steps-stepper" aria-label="Sub-steps">
                for (k, (title, phase)) in props.steps.iter().enumerate() {
                    { pill(&props.nav, k, title, phase, nav.index) }
                }
            </ol>
        </div>
    }
}

fn pill(
    nav: &UseReducerHandle<NavState>,
    k: usize,
    title: &str,
    phase: &'static str,
    current: usize,
) -> Html {
    let d = nav.dispatcher();
    let onclick = Callback::from(move |_: MouseEvent| d.dispatch(NavAction::Go(k)));
    let state = if k == current {
        "current"
    } else if k < current {
        "done"
    } else {
        "todo"
    };
    html! {
        <li class={classes!("pill", phase, state)}>
            <button data-testid={format!("steps-substep-{k}")} title={title.to_string()} {onclick}
                aria-current={(k == current).then_some("step")}>{k + 1}</button>
        </li>
    }
}
