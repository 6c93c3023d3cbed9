//! The character tokenizer's vocabulary: each token's id and character.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct VocabProps {
    pub vocab: Vec<String>,
}

#[component]
pub fn Vocabulary(props: &VocabProps) -> Html {
    html! {
        <div class="gpt-vocab" data-testid="gpt-vocab">
            <p class="hint">{format!(
                "{} tokens, one per character (⏎ a new line, ␣ a space). The model reads ids and \
                 writes a probability for every id.", props.vocab.len())}</p>
            <div class="vocab-grid">
                for (id, token) in props.vocab.iter().enumerate() {
                    <span class="vocab-cell" title={format!("id {id}")}>
                        <small>{id}</small><code>{token.clone()}</code>
                    </span>
                }
            </div>
        </div>
    }
}
