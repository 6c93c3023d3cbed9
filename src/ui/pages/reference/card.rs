//! One formula card: name and value, the formula, one sentence, the worked example with Burn's
//! numbers, and the correction where a published version is wrong.

use yew::prelude::*;

use crate::explain::reference::FormulaCard;
use crate::ui::formula::Formula;

#[derive(Properties, PartialEq)]
pub struct CardProps {
    pub card: FormulaCard,
}

#[component]
pub fn FormulaCardView(props: &CardProps) -> Html {
    let c = &props.card;
    html! {
        <article class="formula-card" data-testid={format!("formula-card-{}", c.name)}>
            <header class="card-head">
                <h3>{c.title}</h3>
                <span class="card-value" title="Computed by Burn on this page's device">
                    <span class="chip-label">{c.value_label.clone()}{" ="}</span>
                    <b data-testid={format!("formula-value-{}", c.name)}>{c.value.clone()}</b>
                </span>
            </header>
            <p class="card-sentence">{c.sentence.clone()}</p>
            for line in c.symbolic.iter() {
                <Formula latex={line.latex.clone()} caption={line.caption.clone()} />
            }
            <div class="numbers-title">{"worked example · Burn's numbers"}</div>
            for line in c.example.iter() {
                <Formula latex={line.latex.clone()} caption={line.caption.clone()} />
            }
            if let Some(text) = &c.correction {
                <aside class="correction" data-testid={format!("formula-correction-{}", c.name)}>
                    <b>{"Correction"}</b>
                    <p>{text.clone()}</p>
                </aside>
            }
        </article>
    }
}
