//! The settings panels. Linear regression's is here; the pieces every task shares
//! (training fields, playback and device, the validated input) are reused by the MNIST page.

mod device;
mod field;
mod optimizer;
mod row_field;
mod training;

use web_sys::HtmlSelectElement;
use yew::prelude::*;

pub use device::PlaybackFields;
pub use field::{NumberField, parse_in};
pub use optimizer::OptimizerFields;
pub use row_field::{row_check, row_commit};
pub use training::TrainingFields;

use crate::settings::Settings;

#[derive(Properties, PartialEq)]
pub struct ControlsProps {
    pub settings: Settings,
    pub on_change: Callback<Settings>,
    pub running: bool,
}

/// A callback that applies `edit` to a copy of the settings and reports the result.
pub fn updater<T: 'static>(
    settings: &Settings,
    on_change: &Callback<Settings>,
    edit: fn(&mut Settings, T),
) -> Callback<T> {
    let (settings, on_change) = (settings.clone(), on_change.clone());
    Callback::from(move |value: T| {
        let mut s = settings.clone();
        edit(&mut s, value);
        on_change.emit(s);
    })
}

pub fn select_value(e: Event) -> String {
    e.target_dyn_into::<HtmlSelectElement>()
        .map(|s| s.value())
        .unwrap_or_default()
}

#[component]
pub fn Controls(props: &ControlsProps) -> Html {
    let (s, on) = (&props.settings, &props.on_change);
    let on_show_test = updater(s, on, |s, _: Event| {
        s.linreg.show_test = !s.linreg.show_test
    });
    let regenerate = updater(s, on, |s, _: MouseEvent| {
        // A fresh seed: new points and new initial weights, everything else kept.
        s.seed = (js_sys::Math::random() * 1_000_000.0) as u64;
    });
    let restart_hint = "Changing this starts the run over.";
    html! {
        <div class="controls">
            <h2>{"Data"}</h2>
            <p class="hint">{"y = 2x + 1 + ε,  x ~ U(0, 1),  ε ~ N(0, σ²); 80 % train / 20 % test."}</p>
            <NumberField label="points" testid="points" value={s.linreg.points.to_string()} step="10" hint={restart_hint}
                on_commit={row_commit("points", s, on)} validate={row_check("points")} />
            <NumberField label="noise σ" testid="noise" value={s.linreg.noise.to_string()} step="0.05" hint={restart_hint}
                on_commit={row_commit("noise", s, on)} validate={row_check("noise")} />
            <NumberField label="seed" testid="seed" value={s.seed.to_string()} step="1" hint="Same seed ⇒ same data, same initial weights, same run."
                on_commit={row_commit("seed", s, on)} validate={row_check("seed")} />
            <button class="secondary wide" data-testid="regenerate" onclick={regenerate}>{"↻ Regenerate data"}</button>

            <h2>{"Model and optimizer"}</h2>
            <TrainingFields settings={s.clone()} on_change={on.clone()} />

            <h2>{"Playback and device"}</h2>
            <PlaybackFields settings={s.clone()} on_change={on.clone()}>
                <label class="field check">
                    <input type="checkbox" data-testid="show-test" checked={s.linreg.show_test} onchange={on_show_test} />
                    <span>{"show test points"}</span>
                </label>
            </PlaybackFields>
        </div>
    }
}
