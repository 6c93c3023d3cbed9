//! The optimizer and schedule fields shared by every task: optimizer, α, μ, batch, epochs, L1, L2.

use yew::prelude::*;

use super::field::NumberField;
use super::optimizer::OptimizerFields;
use super::row_field::{row_check, row_commit};
use crate::settings::{Settings, Task};

#[derive(Properties, PartialEq)]
pub struct TrainingFieldsProps {
    pub settings: Settings,
    pub on_change: Callback<Settings>,
}

#[component]
pub fn TrainingFields(props: &TrainingFieldsProps) -> Html {
    let (s, on) = (&props.settings, &props.on_change);
    let restart_hint = "Changing this starts the run over.";
    // Linear regression has one weight; a network sums over all of its weights.
    let (l1_hint, l2_hint) = if s.task == Task::LinearRegression {
        (
            "Penalty λ₁|w| (0 = off). Can change while training runs.",
            "Penalty λ₂w² (0 = off). Can change while training runs.",
        )
    } else {
        (
            "Penalty λ₁ Σ|w| over the weights (0 = off). Can change while training runs.",
            "Penalty λ₂ Σw² over the weights (0 = off). Can change while training runs.",
        )
    };
    html! {
        <>
            <OptimizerFields settings={s.clone()} on_change={on.clone()} lr_hint="Can change while training runs." />
            <NumberField label="batch size" testid="batch" value={s.batch_size.to_string()} step="1" hint={restart_hint}
                on_commit={row_commit("batch", s, on)} validate={row_check("batch")} />
            <NumberField label="epochs" testid="epochs" value={s.epochs.to_string()} step="1" hint={restart_hint}
                on_commit={row_commit("epochs", s, on)} validate={row_check("epochs")} />
            <NumberField label="L1 λ₁" testid="l1" value={s.live.l1.to_string()} step="0.01" hint={l1_hint}
                on_commit={row_commit("l1", s, on)} validate={row_check("l1")} />
            <NumberField label="L2 λ₂" testid="l2" value={s.live.l2.to_string()} step="0.01" hint={l2_hint}
                on_commit={row_commit("l2", s, on)} validate={row_check("l2")} />
        </>
    }
}
