//! The optimizer, its learning rate α and (for momentum) μ: the fields every task shares.

use yew::prelude::*;

use super::field::NumberField;
use super::row_field::{row_check, row_commit};
use super::{select_value, updater};
use crate::settings::{OptimizerKind, Settings};
use crate::ui::embed::Show;

#[derive(Properties, PartialEq)]
pub struct OptimizerFieldsProps {
    pub settings: Settings,
    pub on_change: Callback<Settings>,
    /// What a change of α does in this task.
    pub lr_hint: AttrValue,
    #[prop_or("0.01".into())]
    pub lr_step: AttrValue,
}

#[component]
pub fn OptimizerFields(props: &OptimizerFieldsProps) -> Html {
    let (s, on) = (&props.settings, &props.on_change);
    let on_optimizer = updater(s, on, |s, v: Event| {
        if let Some(o) = OptimizerKind::from_key(&select_value(v)) {
            s.optimizer = o;
        }
    });
    html! {
        <>
            <Show name="optimizer"><label class="field">
                <span>{"optimizer"}</span>
                <select data-testid="optimizer" onchange={on_optimizer}>
                    for o in OptimizerKind::ALL {
                        <option value={o.key()} selected={o == s.optimizer}>{o.label()}</option>
                    }
                </select>
            </label></Show>
            <NumberField label="learning rate α" testid="lr" value={s.live.lr.to_string()} step={props.lr_step.clone()}
                hint={props.lr_hint.clone()}
                on_commit={row_commit("lr", s, on)} validate={row_check("lr")} />
            if s.optimizer == OptimizerKind::Momentum {
                <NumberField label="momentum μ" testid="momentum" value={s.momentum.to_string()} step="0.05"
                    hint="Changing this starts the run over."
                    on_commit={row_commit("momentum", s, on)} validate={row_check("momentum")} />
            }
        </>
    }
}
