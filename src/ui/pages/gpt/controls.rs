//! The GPT's settings: the data (each with its recipe), the Transformer's shape, the schedule
//! and AdamW, playback and device. Every field checks and commits through its settings row.

use yew::prelude::*;

use crate::settings::gpt_shape::FfnActivation;
use crate::settings::{Settings, TextData};
use crate::ui::controls::{
    NumberField, PlaybackFields, row_check, row_commit, select_value, updater,
};
use crate::ui::embed::Show;

#[derive(Properties, PartialEq)]
pub struct GptControlsProps {
    pub settings: Settings,
    pub on_change: Callback<Settings>,
    /// Trainable numbers of the model built (once known).
    pub parameters: Option<usize>,
}

fn title(d: TextData) -> &'static str {
    match d {
        TextData::Sort => {
            "minGPT's demo: sort six digits from {0,1,2}. 3 layers, 3 heads, d 48 (gpt-nano), batch 64"
        }
        TextData::Reverse => {
            "Reverse six digits: attention must look back at the mirrored position. gpt-nano, batch 64"
        }
        TextData::Add => "Add two two-digit numbers (23+45=068). gpt-nano, batch 64, 2,000 steps",
        TextData::Names => "32k names (makemore): 4 layers, 4 heads, d 64, context 16, batch 32",
        TextData::Shakespeare => {
            "Tiny Shakespeare (nanoGPT's CPU setting): 4 layers, 4 heads, d 128, context 64, batch 12, 2,000 steps"
        }
    }
}

#[component]
pub fn GptControls(props: &GptControlsProps) -> Html {
    let (s, on) = (&props.settings, &props.on_change);
    let g = &s.gpt;
    let matching = TextData::matching(s);
    let recipe = |d: TextData| {
        let (settings, on) = (s.clone(), on.clone());
        let onclick = Callback::from(move |_: MouseEvent| {
            let mut next = settings.clone();
            d.apply(&mut next);
            on.emit(next);
        });
        let active = matching == Some(d);
        html! {
            <button class={classes!("preset", active.then_some("active"), (g.text == d).then_some("chosen"))}
                data-testid={format!("gpt-data-{}", d.key())} aria-pressed={active.to_string()} title={title(d)} {onclick}>
                <b>{d.label()}</b>
            </button>
        }
    };
    let field = |label: &'static str,
                 key: &'static str,
                 value: String,
                 step: &'static str,
                 hint: &'static str| {
        html! {
            <NumberField {label} testid={format!("gpt-{key}")} key_name={key} {value} {step} {hint}
                on_commit={row_commit(key, s, on)} validate={row_check(key)} />
        }
    };
    let restart = "Changing this starts the run over.";
    html! {
        <div class="controls">
            <Show name="presets">
                <h2>{"Data and its recipe"}</h2>
                <div class="presets gpt-presets">
                    for d in TextData::ALL { { recipe(d) } }
                </div>
                <p class="hint">{"Each choice loads its recipe (the model, batch and schedule below); change any of them after."}</p>
            </Show>

            <h2>{"Transformer"}</h2>
            { field("layers", "layers", g.layers.to_string(), "1", "Blocks of attention + feed-forward, 1–6.") }
            { field("heads", "heads", g.heads.to_string(), "1", "Attention heads per block, 1–8; they must divide d_model.") }
            { field("d_model", "d", g.d_model.to_string(), "8", "Width of every token's vector, 16–256.") }
            { field("context", "ctx", g.context.to_string(), "8", "The longest sequence the model reads, 8–128.") }
            <Show name="ffn"><label class="field">
                <span>{"FFN activation"}</span>
                <select data-testid="gpt-ffn" onchange={updater(s, on, |s, e: Event| {
                    let key = select_value(e);
                    if let Some(a) = FfnActivation::ALL.into_iter().find(|a| a.key() == key) { s.gpt.ffn = a; }
                })}>
                    for a in FfnActivation::ALL {
                        <option value={a.key()} selected={a == g.ffn}>{a.key()}</option>
                    }
                </select>
            </label></Show>
            { field("dropout", "dropout", g.dropout.to_string(), "0.05", "0 keeps every number exact (shown and checked); up to 0.5.") }
            <p class="hint arch" data-testid="gpt-arch">
                {format!("tokens → embed {d} + position → {n} × [LN → {h}-head attention (d_k {dk}) → + → LN → FFN {ff} → +] → LN → logits",
                    d = g.d_model, n = g.layers, h = g.heads, dk = g.d_model / g.heads.max(1), ff = 4 * g.d_model)}
                if let Some(p) = props.parameters {
                    <br /><span data-testid="gpt-parameters">{format!("{p} trainable numbers")}</span>
                }
            </p>

            <h2>{"Training (AdamW)"}</h2>
            { field("steps", "steps", g.steps.to_string(), "100", restart) }
            <NumberField label="peak α" testid="lr" value={s.live.lr.to_string()} step="0.0001"
                hint="The learning rate after warm-up; a change applies at the next step."
                on_commit={row_commit("lr", s, on)} validate={row_check("lr")} />
            { field("warm-up steps", "warmup", g.warmup.to_string(), "10", "α rises linearly from α/W to α over the first W steps.") }
            <Show name="cosine"><label class="field check">
                <input type="checkbox" data-testid="gpt-cosine" checked={g.cosine}
                    onchange={updater(s, on, |s, _: Event| s.gpt.cosine = !s.gpt.cosine)} />
                <span>{"cosine decay to α/10"}</span>
            </label></Show>
            <NumberField label="batch" testid="batch" value={s.batch_size.to_string()} step="1" hint={restart}
                on_commit={row_commit("batch", s, on)} validate={row_check("batch")} />
            { field("weight decay λ", "wd", g.weight_decay.to_string(), "0.01", "θ ← θ(1 − αλ) − α m̂/(√v̂ + ε), for the matrices only (nanoGPT: 0.1).") }
            { field("β₂", "beta2", g.beta2.to_string(), "0.001", "AdamW's second-moment decay (nanoGPT's Shakespeare: 0.99); β₁ = 0.9.") }
            <NumberField label="seed" testid="seed" value={s.seed.to_string()} step="1" hint="Same seed ⇒ same weights, same batches, same run."
                on_commit={row_commit("seed", s, on)} validate={row_check("seed")} />

            <h2>{"Playback and device"}</h2>
            <PlaybackFields settings={s.clone()} on_change={on.clone()} />
        </div>
    }
}
