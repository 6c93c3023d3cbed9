//! Polynomial features: one number column and its powers up to a degree (2…5), written into
//! the settings' features as `col^2`, `col^3`, … (see `data::table::powers`).

use yew::prelude::*;

use crate::data::table::powers::{MAX_DEGREE, powers_in, with_powers};
use crate::data::table::summary::{ColumnKind, ColumnSummary};
use crate::settings::Settings;
use crate::ui::controls::select_value;

#[derive(Properties, PartialEq)]
pub struct PowersProps {
    pub summaries: std::rc::Rc<Vec<ColumnSummary>>,
    pub settings: Settings,
    pub on_change: Callback<Settings>,
}

#[component]
pub fn PowersPicker(props: &PowersProps) -> Html {
    let (s, on) = (&props.settings, &props.on_change);
    let (base, degree) = powers_in(&s.table.x);
    let base = base.map(str::to_string);
    let numbers: Vec<&str> = props
        .summaries
        .iter()
        .filter(|c| c.kind == ColumnKind::Numeric && c.name != s.table.y)
        .map(|c| c.name.as_str())
        .collect();
    let edit = |base: Option<String>, degree: Option<u32>| {
        let (s, on) = (s.clone(), on.clone());
        Callback::from(move |e: Event| {
            let picked = select_value(e);
            let mut next = s.clone();
            let (base, degree) = match (&base, degree) {
                (None, _) => (
                    (!picked.is_empty()).then_some(picked.as_str()),
                    degree.unwrap_or(2),
                ),
                (Some(b), _) => (Some(b.as_str()), picked.parse().unwrap_or(1)),
            };
            next.table.x = with_powers(&next.table.x, base, degree);
            on.emit(next);
        })
    };
    // Choosing the column keeps the degree (2 at first); choosing the degree keeps the column.
    let on_base = edit(None, Some(degree.max(2)));
    let on_degree = edit(base.clone(), None);
    html! {
        <>
            <label class="field" title="Add the powers x², x³, … of one number column as features: a curve instead of a line">
                <span>{"powers of"}</span>
                <select data-testid="table-power-column" onchange={on_base}>
                    <option value="" selected={base.is_none()}>{"none (linear)"}</option>
                    for name in numbers {
                        <option value={name.to_string()} selected={base.as_deref() == Some(name)}>{name.to_string()}</option>
                    }
                </select>
            </label>
            if base.is_some() {
                <label class="field">
                    <span>{"degree"}</span>
                    <select data-testid="table-power-degree" onchange={on_degree}>
                        for k in 2..=MAX_DEGREE {
                            <option value={k.to_string()} selected={k == degree}>{k.to_string()}</option>
                        }
                    </select>
                </label>
            }
        </>
    }
}
