//! What the model writes as it trains: a corpus' newest sample, or a synthetic task's answers
//! to held-out prompts (right ones green, wrong ones red, with the right answer).

use yew::prelude::*;

use crate::protocol::gpt::GptEvaluation;

#[derive(Properties, PartialEq)]
pub struct SamplesProps {
    /// The newest sample and its step.
    pub sample: Option<(u64, String)>,
    pub evaluation: Option<GptEvaluation>,
    pub synthetic: bool,
}

#[component]
pub fn Samples(props: &SamplesProps) -> Html {
    if props.synthetic {
        let Some(e) = props.evaluation.as_ref().filter(|e| !e.answers.is_empty()) else {
            return html! { <p class="empty-note">{"Answers appear after the first evaluation."}</p> };
        };
        return html! {
            <table class="gpt-answers" data-testid="gpt-answers">
                <thead><tr><th>{"held-out prompt"}</th><th>{"model (greedy)"}</th><th>{"right answer"}</th></tr></thead>
                <tbody>
                    for a in e.answers.iter() {
                        <tr class={if a.got == a.want { "right" } else { "wrong" }}>
                            <td><code>{a.prompt.clone()}</code></td>
                            <td><code>{a.got.clone()}</code>{if a.got == a.want { " ✓" } else { " ✗" }}</td>
                            <td><code>{a.want.clone()}</code></td>
                        </tr>
                    }
                </tbody>
                <caption>{format!("Step {}: prompts never seen in training, answered one token at a time.", e.step)}</caption>
            </table>
        };
    }
    match &props.sample {
        Some((step, text)) => html! {
            <figure class="gpt-sample">
                <pre data-testid="gpt-sample">{text.clone()}</pre>
                <figcaption>{format!("Sampled at step {step} (temperature 1, all tokens); a new one every 200 steps.")}</figcaption>
            </figure>
        },
        None => html! { <p class="empty-note">{"A sample appears with the first evaluation."}</p> },
    }
}
