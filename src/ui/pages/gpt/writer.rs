//! "Let the model write": a prompt, temperature, top-k and length; the text it writes and the
//! probabilities of its next token after the prompt, as bars. Characters the vocabulary does
//! not hold are named, and the prompt is not sent.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::protocol::gpt::GptSample;
use crate::protocol::{Command, GptCommand};

/// Bars shown of the next-token distribution.
const BARS: usize = 10;

#[derive(Properties, PartialEq)]
pub struct WriterProps {
    /// The tokens as shown, by id (⏎ for a new line, ␣ for a space).
    pub vocab: Vec<String>,
    pub ready: bool,
    pub answer: Option<GptSample>,
    /// A prompt to start from (a corpus' boundary, a synthetic prompt).
    pub example: AttrValue,
    pub send: Callback<Command>,
}

/// The characters of `prompt` the vocabulary lacks, each once, in order.
pub fn unknown_chars(prompt: &str, vocab: &[String]) -> Vec<char> {
    let known = |c: char| {
        let shown = match c {
            '\n' => "⏎".to_string(),
            ' ' => "␣".to_string(),
            c => c.to_string(),
        };
        vocab.contains(&shown)
    };
    let mut out: Vec<char> = Vec::new();
    for c in prompt.chars().filter(|&c| !known(c)) {
        if !out.contains(&c) {
            out.push(c);
        }
    }
    out
}

fn input_value(e: &Event) -> String {
    e.target_dyn_into::<HtmlInputElement>()
        .map(|i| i.value())
        .unwrap_or_default()
}

#[component]
pub fn Writer(props: &WriterProps) -> Html {
    let prompt = use_state(|| props.example.to_string());
    let temperature = use_state(|| 0.8f64);
    let top_k = use_state(|| 0usize);
    let length = use_state(|| 120usize);
    let unknown = unknown_chars(&prompt, &props.vocab);
    let problem = if prompt.is_empty() {
        Some("Type a prompt: at least one character.".to_string())
    } else if !unknown.is_empty() {
        let list: Vec<String> = unknown.iter().map(|c| format!("“{c}”")).collect();
        Some(format!(
            "Not in this model's vocabulary: {}. Use only the characters in the table below.",
            list.join(", ")
        ))
    } else {
        None
    };
    let write = {
        let (send, prompt, temperature, top_k, length) = (
            props.send.clone(),
            prompt.clone(),
            *temperature,
            *top_k,
            *length,
        );
        Callback::from(move |_: MouseEvent| {
            send.emit(Command::from(GptCommand::Sample {
                prompt: (*prompt).clone(),
                count: length,
                temperature,
                top_k,
            }))
        })
    };
    let on_prompt = {
        let prompt = prompt.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(i) = e.target_dyn_into::<HtmlInputElement>() {
                prompt.set(i.value());
            }
        })
    };
    let number = |state: &UseStateHandle<f64>, lo: f64, hi: f64| {
        let state = state.clone();
        Callback::from(move |e: Event| {
            if let Ok(v) = input_value(&e).parse::<f64>() {
                state.set(v.clamp(lo, hi));
            }
        })
    };
    let count = |state: &UseStateHandle<usize>, hi: usize| {
        let state = state.clone();
        Callback::from(move |e: Event| {
            if let Ok(v) = input_value(&e).parse::<usize>() {
                state.set(v.min(hi));
            }
        })
    };
    let answer = props.answer.as_ref();
    let mut bars: Vec<(usize, f32)> = answer
        .map(|a| a.next.iter().copied().enumerate().collect())
        .unwrap_or_default();
    bars.sort_by(|a, b| b.1.total_cmp(&a.1));
    bars.truncate(BARS);
    let token = |id: usize| props.vocab.get(id).cloned().unwrap_or_else(|| "?".into());
    html! {
        <div class="gpt-writer">
            <div class="writer-fields">
                <label class="field wide"><span>{"prompt"}</span>
                    <input type="text" data-testid="gpt-prompt" value={(*prompt).clone()} oninput={on_prompt} spellcheck="false" />
                </label>
                <label class="field" title="Divides the logits: below 1 the likeliest tokens win more often, above 1 the text gets wilder">
                    <span>{"temperature"}</span>
                    <input type="number" data-testid="gpt-temperature" min="0.1" max="2" step="0.1"
                        value={temperature.to_string()} onchange={number(&temperature, 0.1, 2.0)} />
                </label>
                <label class="field" title="Sample only from the k likeliest tokens (0: from all)">
                    <span>{"top-k"}</span>
                    <input type="number" data-testid="gpt-top-k" min="0" max={props.vocab.len().to_string()} step="1"
                        value={top_k.to_string()} onchange={count(&top_k, props.vocab.len())} />
                </label>
                <label class="field"><span>{"tokens"}</span>
                    <input type="number" data-testid="gpt-length" min="1" max="500" step="10"
                        value={length.to_string()} onchange={count(&length, 500)} />
                </label>
                <button class="primary" data-testid="gpt-write" disabled={!props.ready || problem.is_some()} onclick={write}>
                    {"✎ Write"}
                </button>
            </div>
            if let Some(p) = problem {
                <p class="field-error" data-testid="gpt-prompt-error" role="alert">{p}</p>
            }
            if let Some(a) = answer {
                <pre class="gpt-written" data-testid="gpt-written"><b>{a.prompt.clone()}</b>{a.text.clone()}</pre>
                <p class="hint">{format!("Written by the model at step {}. The next token after the prompt, as the model sees it (temperature 1):", a.step)}</p>
                <div class="next-bars" data-testid="gpt-next-probs">
                    for (id, p) in bars {
                        <div class="next-bar" title={format!("id {id}: p = {p:.4}")}>
                            <code>{token(id)}</code>
                            <span class="bar-track"><span class="bar-fill" style={format!("width: {:.1}%", p * 100.0)}></span></span>
                            <span class="bar-value">{format!("{:.1} %", p * 100.0)}</span>
                        </div>
                    }
                </div>
            }
        </div>
    }
}
