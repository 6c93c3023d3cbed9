//! "Your data"'s settings: the source of the table, then the optimizer, batch, epochs, L2,
//! seed, playback and device. Every field checks and commits through its settings row.

use yew::prelude::*;

use crate::settings::Settings;
use crate::ui::controls::{NumberField, OptimizerFields, PlaybackFields, row_check, row_commit};

#[derive(Properties, PartialEq)]
pub struct TableControlsProps {
    pub settings: Settings,
    pub on_change: Callback<Settings>,
    /// The source panel (it reads files, so the page owns it).
    pub children: Html,
}

#[component]
pub fn TableControls(props: &TableControlsProps) -> Html {
    let (s, on) = (&props.settings, &props.on_change);
    let restart = "Changing this starts the run over.";
    html! {
        <div class="controls">
            <h2>{"Data"}</h2>
            { props.children.clone() }
            <h2>{"Model and optimizer"}</h2>
            <p class="hint">{"A number target: linear regression on the chosen features, ŷ = w·x′ + b, mean squared error. A class target: softmax regression, p = softmax(Wᵀx′ + b), cross-entropy."}</p>
            <OptimizerFields settings={s.clone()} on_change={on.clone()} lr_hint="Can change while training runs." />
            <NumberField label="batch size" testid="batch" value={s.batch_size.to_string()} step="1" hint={restart}
                on_commit={row_commit("batch", s, on)} validate={row_check("batch")} />
            <NumberField label="epochs" testid="epochs" value={s.epochs.to_string()} step="1" hint={restart}
                on_commit={row_commit("epochs", s, on)} validate={row_check("epochs")} />
            <NumberField label="L2 λ₂" testid="l2" value={s.live.l2.to_string()} step="0.01"
                hint="Penalty λ₂‖w‖² (0 = off). Can change while training runs."
                on_commit={row_commit("l2", s, on)} validate={row_check("l2")} />
            <NumberField label="seed" testid="seed" value={s.seed.to_string()} step="1"
                hint="Same seed ⇒ same split, same initial weights, same batches."
                on_commit={row_commit("seed", s, on)} validate={row_check("seed")} />
            <h2>{"Playback and device"}</h2>
            <PlaybackFields settings={s.clone()} on_change={on.clone()} />
        </div>
    }
}
