//! The settings panel: data, model and optimizer, playback, device.

mod field;

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::settings::range;
use crate::settings::{BackendChoice, OptimizerKind, Settings};
use field::{NumberField, parse_in};

#[derive(Properties, PartialEq)]
pub struct ControlsProps {
    pub settings: Settings,
    pub on_change: Callback<Settings>,
    pub running: bool,
}

/// A callback that applies `edit` to a copy of the settings and reports the result.
fn updater<T: 'static>(props: &ControlsProps, edit: fn(&mut Settings, T)) -> Callback<T> {
    let (settings, on_change) = (props.settings.clone(), props.on_change.clone());
    Callback::from(move |value: T| {
        let mut s = settings.clone();
        edit(&mut s, value);
        on_change.emit(s);
    })
}

fn select_value(e: Event) -> String {
    e.target_dyn_into::<HtmlSelectElement>()
        .map(|s| s.value())
        .unwrap_or_default()
}

#[component]
pub fn Controls(props: &ControlsProps) -> Html {
    let s = &props.settings;
    let on_optimizer = updater(props, |s, v: Event| {
        if let Some(o) = OptimizerKind::from_key(&select_value(v)) {
            s.optimizer = o;
        }
    });
    let on_backend = updater(props, |s, v: Event| {
        if let Some(b) = BackendChoice::from_key(&select_value(v)) {
            s.backend = b;
        }
    });
    let on_speed = updater(props, |s, v: Event| {
        if let Ok(n) = select_value(v).parse() {
            s.speed = n;
        }
    });
    let on_show_test = updater(props, |s, _: Event| s.show_test = !s.show_test);
    let regenerate = updater(props, |s, _: MouseEvent| {
        // A fresh seed: new points and new initial weights, everything else kept.
        s.seed = (js_sys::Math::random() * 1_000_000.0) as u64;
    });
    let restart_hint = "Changing this starts the run over.";
    html! {
        <div class="controls">
            <h2>{"Data"}</h2>
            <p class="hint">{"y = 2x + 1 + ε,  x ~ U(0, 1),  ε ~ N(0, σ²); 80 % train / 20 % test."}</p>
            <NumberField label="points" testid="points" value={s.points.to_string()} step="10" hint={restart_hint}
                on_commit={updater(props, |s, v: String| s.points = v.parse().unwrap_or(s.points))}
                validate={parse_in::<usize>(range::POINTS)} />
            <NumberField label="noise σ" testid="noise" value={s.noise.to_string()} step="0.05" hint={restart_hint}
                on_commit={updater(props, |s, v: String| s.noise = v.parse().unwrap_or(s.noise))}
                validate={parse_in::<f64>(range::NOISE)} />
            <NumberField label="seed" testid="seed" value={s.seed.to_string()} step="1" hint="Same seed ⇒ same data, same initial weights, same run."
                on_commit={updater(props, |s, v: String| s.seed = v.parse().unwrap_or(s.seed))}
                validate={parse_in::<u64>((0, u64::from(u32::MAX)))} />
            <button class="secondary wide" data-testid="regenerate" onclick={regenerate}>{"↻ Regenerate data"}</button>

            <h2>{"Model and optimizer"}</h2>
            <label class="field">
                <span>{"optimizer"}</span>
                <select data-testid="optimizer" onchange={on_optimizer}>
                    for o in OptimizerKind::ALL {
                        <option value={o.key()} selected={o == s.optimizer}>{o.label()}</option>
                    }
                </select>
            </label>
            <NumberField label="learning rate α" testid="lr" value={s.lr.to_string()} step="0.01" hint="Can change while training runs."
                on_commit={updater(props, |s, v: String| s.lr = v.parse().unwrap_or(s.lr))}
                validate={parse_in::<f64>(range::LR)} />
            if s.optimizer == OptimizerKind::Momentum {
                <NumberField label="momentum μ" testid="momentum" value={s.momentum.to_string()} step="0.05" hint={restart_hint}
                    on_commit={updater(props, |s, v: String| s.momentum = v.parse().unwrap_or(s.momentum))}
                    validate={parse_in::<f64>(range::MOMENTUM)} />
            }
            <NumberField label="batch size" testid="batch" value={s.batch_size.to_string()} step="1" hint={restart_hint}
                on_commit={updater(props, |s, v: String| s.batch_size = v.parse().unwrap_or(s.batch_size))}
                validate={parse_in::<usize>(range::BATCH)} />
            <NumberField label="epochs" testid="epochs" value={s.epochs.to_string()} step="1" hint={restart_hint}
                on_commit={updater(props, |s, v: String| s.epochs = v.parse().unwrap_or(s.epochs))}
                validate={parse_in::<usize>(range::EPOCHS)} />
            <NumberField label="L1 λ₁" testid="l1" value={s.l1.to_string()} step="0.01" hint="Penalty λ₁|w| (0 = off). Can change while training runs."
                on_commit={updater(props, |s, v: String| s.l1 = v.parse().unwrap_or(s.l1))}
                validate={parse_in::<f64>(range::REG)} />
            <NumberField label="L2 λ₂" testid="l2" value={s.l2.to_string()} step="0.01" hint="Penalty λ₂w² (0 = off). Can change while training runs."
                on_commit={updater(props, |s, v: String| s.l2 = v.parse().unwrap_or(s.l2))}
                validate={parse_in::<f64>(range::REG)} />

            <h2>{"Playback and device"}</h2>
            <label class="field" title="Optimizer steps per second while playing (max: as fast as the device can)">
                <span>{"speed"}</span>
                <select data-testid="speed" onchange={on_speed}>
                    for (v, label) in [(0u32, "max"), (200, "200 steps/s"), (50, "50 steps/s"), (10, "10 steps/s"), (2, "2 steps/s")] {
                        <option value={v.to_string()} selected={v == s.speed}>{label}</option>
                    }
                    if ![0u32, 200, 50, 10, 2].contains(&s.speed) {
                        <option value={s.speed.to_string()} selected=true>{format!("{} steps/s", s.speed)}</option>
                    }
                </select>
            </label>
            <label class="field check">
                <input type="checkbox" data-testid="show-test" checked={s.show_test} onchange={on_show_test} />
                <span>{"show test points"}</span>
            </label>
            <label class="field" title="auto: WebGPU when the browser offers a working adapter, else the CPU">
                <span>{"device"}</span>
                <select data-testid="backend-choice" onchange={on_backend}>
                    <option value="auto" selected={s.backend == BackendChoice::Auto}>{"auto"}</option>
                    <option value="webgpu" selected={s.backend == BackendChoice::WebGpu}>{"WebGPU"}</option>
                    <option value="cpu" selected={s.backend == BackendChoice::Cpu}>{"CPU"}</option>
                </select>
            </label>
        </div>
    }
}
