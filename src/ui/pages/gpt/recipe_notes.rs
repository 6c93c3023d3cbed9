//! What decides the numbers: the loss's tokens, the boundary token, the split, AdamW's
//! constants and how masked scores are filled.

use yew::prelude::*;

use crate::settings::{Settings, TextData};

#[derive(Properties, PartialEq)]
pub struct RecipeNotesProps {
    pub settings: Settings,
}

#[component]
pub fn RecipeNotes(props: &RecipeNotesProps) -> Html {
    let s = &props.settings;
    let synthetic = s.gpt.text.synthetic().is_some();
    html! {
        <div class="panel gpt-recipe" data-testid="gpt-recipe">
            <h2>{"What decides the numbers"}</h2>
            <ul class="hint">
                <li>{if synthetic { "The loss counts only the answer's tokens (after “=”); the prompt's are given." } else { "Every next character counts in the loss." }}</li>
                if s.gpt.text == TextData::Names {
                    <li>{"Each name is written between boundary tokens “.”, so the model learns where names start and end."}</li>
                }
                <li>{"90 % of the data trains, 10 % validates (synthetic tasks: by the prompt's hash, so validation prompts are never trained on)."}</li>
                <li>{format!("AdamW: β₁ 0.9, β₂ {}, ε 10⁻⁸, weight decay λ = {} on the matrices only (nanoGPT's grouping).", s.gpt.beta2, s.gpt.weight_decay)}</li>
                <li>{"Masked attention scores are filled with −10⁴ before the softmax (Burn's mask uses a large negative number, not −∞), so their weights are 0 to float precision."}</li>
            </ul>
        </div>
    }
}
