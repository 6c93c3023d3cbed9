//! Playback speed and device choice, shared by every task (`children` go between them).

use yew::prelude::*;

use super::{select_value, updater};
use crate::settings::{BackendChoice, Settings};

#[derive(Properties, PartialEq)]
pub struct PlaybackFieldsProps {
    pub settings: Settings,
    pub on_change: Callback<Settings>,
    #[prop_or_default]
    pub children: Html,
}

const SPEEDS: [(u32, &str); 5] = [
    (0, "max"),
    (200, "200 steps/s"),
    (50, "50 steps/s"),
    (10, "10 steps/s"),
    (2, "2 steps/s"),
];

#[component]
pub fn PlaybackFields(props: &PlaybackFieldsProps) -> Html {
    let (s, on) = (&props.settings, &props.on_change);
    let on_backend = updater(s, on, |s, v: Event| {
        if let Some(b) = BackendChoice::from_key(&select_value(v)) {
            s.backend = b;
        }
    });
    let on_speed = updater(s, on, |s, v: Event| {
        if let Ok(n) = select_value(v).parse() {
            s.live.speed = n;
        }
    });
    html! {
        <>
            <label class="field" title="Optimizer steps per second while playing (max: as fast as the device can)">
                <span>{"speed"}</span>
                <select data-testid="speed" onchange={on_speed}>
                    for (v, label) in SPEEDS {
                        <option value={v.to_string()} selected={v == s.live.speed}>{label}</option>
                    }
                    if !SPEEDS.iter().any(|(v, _)| *v == s.live.speed) {
                        <option value={s.live.speed.to_string()} selected=true>{format!("{} steps/s", s.live.speed)}</option>
                    }
                </select>
            </label>
            { props.children.clone() }
            <label class="field" title="auto: the faster of WebGPU and the CPU for this task, measured on this machine (the CPU trains meanwhile)">
                <span>{"device"}</span>
                <select data-testid="backend-choice" onchange={on_backend}>
                    <option value="auto" selected={s.backend == BackendChoice::Auto}>{"auto"}</option>
                    <option value="webgpu" selected={s.backend == BackendChoice::WebGpu}>{"WebGPU"}</option>
                    <option value="cpu" selected={s.backend == BackendChoice::Cpu}>{"CPU"}</option>
                </select>
            </label>
        </>
    }
}
