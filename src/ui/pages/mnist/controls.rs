//! The MNIST settings: presets, the network, the data, the optimizer, playback and device.

use yew::prelude::*;

use crate::settings::cnn::filters_to_text;
use crate::settings::mnist::hidden_to_text;
use crate::settings::{Activation, ModelKind, Preprocess, Preset, Settings};
use crate::ui::controls::{
    NumberField, PlaybackFields, TrainingFields, row_check, row_commit, select_value, updater,
};
use crate::ui::embed::Show;

#[derive(Properties, PartialEq)]
pub struct MnistControlsProps {
    pub settings: Settings,
    pub on_change: Callback<Settings>,
}

/// The subset choices offered directly.
const SUBSETS: [(usize, &str); 3] = [(1_000, "1,000"), (10_000, "10,000"), (60_000, "all 60,000")];
const CUSTOM: &str = "custom";

#[component]
pub fn MnistControls(props: &MnistControlsProps) -> Html {
    let (s, on) = (&props.settings, &props.on_change);
    let matching = Preset::matching(s);
    let preset = |p: Preset| {
        let (settings, on) = (s.clone(), on.clone());
        let onclick = Callback::from(move |_: MouseEvent| {
            let mut next = settings.clone();
            p.apply(&mut next);
            on.emit(next);
        });
        let name = match p {
            Preset::Seed001 => "seed 001",
            Preset::Seed001Short => "seed 001 ×10",
            Preset::Seed002 => "seed 002",
            Preset::Seed003 => "seed 003",
            Preset::SmallCnn => "CNN",
        };
        let title = match p {
            Preset::Seed001 => {
                "Seed 001 as its code reads: MLP 784-128-10, ReLU, SGD lr 0.001 momentum 0.9, batch 64, x/255, 1000 epochs (about 40 min on a laptop CPU)"
            }
            Preset::Seed001Short => {
                "Seed 001 for 10 epochs (about 25 s): the same network, optimizer and x/255 scaling"
            }
            Preset::Seed002 => {
                "Seed 002: MLP 784-256-128-64-10, ReLU, Normalize(0.5, 0.5), Adam lr 0.001, batch 64, 10 epochs"
            }
            Preset::Seed003 => "Seed 003: MLP 784-128-10, ReLU/softmax, Adam, 5 epochs, x/255",
            Preset::SmallCnn => "conv-relu-pool ×2 → dense 10, Adam lr 0.001, batch 64, 2 epochs",
        };
        html! {
            <button class={classes!("preset", (matching == Some(p)).then_some("active"))}
                data-testid={format!("preset-{}", p.key())} aria-pressed={(matching == Some(p)).to_string()}
                title={title} {onclick}>
                <b>{name}</b><small>{p.label()}</small>
            </button>
        }
    };
    let custom_subset = use_state(|| false);
    let is_listed = SUBSETS.iter().any(|(n, _)| *n == s.mnist.subset);
    let show_custom = *custom_subset || !is_listed;
    let on_subset = {
        let (settings, on, custom) = (s.clone(), on.clone(), custom_subset.clone());
        Callback::from(move |e: Event| {
            let value = select_value(e);
            if value == CUSTOM {
                custom.set(true);
            } else if let Ok(n) = value.parse() {
                custom.set(false);
                let mut next = settings.clone();
                next.mnist.subset = n;
                on.emit(next);
            }
        })
    };
    let restart_hint = "Changing this starts the run over.";
    html! {
        <div class="controls">
            <Show name="presets">
                <h2>{"Presets"}</h2>
                <div class="presets">
                    for p in Preset::ALL { { preset(p) } }
                </div>
            </Show>

            <h2>{"Network"}</h2>
            <Show name="model"><label class="field">
                <span>{"model"}</span>
                <select data-testid="model" onchange={updater(s, on, |s, e: Event| {
                    if let Some(m) = ModelKind::from_key(&select_value(e)) { s.mnist.model = m; }
                })}>
                    <option value="mlp" selected={s.mnist.model == ModelKind::Mlp}>{"MLP"}</option>
                    <option value="cnn" selected={s.mnist.model == ModelKind::Cnn}>{"small CNN"}</option>
                </select>
            </label></Show>
            if s.mnist.model == ModelKind::Mlp {
                <NumberField label="hidden layers" testid="hidden" text=true value={hidden_to_text(&s.mnist.hidden)}
                    hint="Sizes of the hidden layers, e.g. 256-128-64 (empty: no hidden layer)."
                    on_commit={row_commit("hidden", s, on)} validate={row_check("hidden")} />
                <p class="hint arch">{format!("784 → {}10", s.mnist.hidden.iter().map(|h| format!("{h} → ")).collect::<String>())}</p>
                <Show name="act"><label class="field">
                    <span>{"activation"}</span>
                    <select data-testid="activation" onchange={updater(s, on, |s, e: Event| {
                        if let Some(a) = Activation::from_key(&select_value(e)) { s.mnist.activation = a; }
                    })}>
                        for a in Activation::ALL {
                            <option value={a.key()} selected={a == s.mnist.activation}>{a.key()}</option>
                        }
                    </select>
                </label></Show>
            } else {
                <NumberField label="filters" testid="filters" text=true value={filters_to_text(s.mnist.filters)}
                    hint="Filters of the two 5×5 convolutions, e.g. 16-32 (8-16: TF.js's tutorial CNN)."
                    on_commit={row_commit("filters", s, on)} validate={row_check("filters")} />
                <p class="hint arch">{format!("conv 5×5 ×{} → ReLU → max-pool → conv 5×5 ×{} → ReLU → max-pool → dense 10", s.mnist.filters[0], s.mnist.filters[1])}</p>
            }

            <h2>{"Data"}</h2>
            <Show name="prep"><label class="field">
                <span>{"input scaling"}</span>
                <select data-testid="preprocess" onchange={updater(s, on, |s, e: Event| {
                    if let Some(p) = Preprocess::from_key(&select_value(e)) { s.mnist.preprocess = p; }
                })}>
                    for p in Preprocess::ALL {
                        <option value={p.key()} selected={p == s.mnist.preprocess}>{p.label()}</option>
                    }
                </select>
            </label></Show>
            <Show name="prep"><p class="hint" data-testid="preprocess-note">{s.mnist.preprocess.note()}</p></Show>
            <Show name="subset"><label class="field" title="Train on the first n of the 60,000 training images (quick demos); the test set is always all 10,000.">
                <span>{"training images"}</span>
                <select data-testid="subset" onchange={on_subset}>
                    for (n, label) in SUBSETS {
                        <option value={n.to_string()} selected={!show_custom && n == s.mnist.subset}>{label}</option>
                    }
                    <option value={CUSTOM} selected={show_custom}>{"custom…"}</option>
                </select>
            </label></Show>
            if show_custom {
                <NumberField label="how many" testid="subset-custom" key_name="subset" value={s.mnist.subset.to_string()} step="100" hint={restart_hint}
                    on_commit={row_commit("subset", s, on)} validate={row_check("subset")} />
            }
            <NumberField label="seed" testid="seed" value={s.seed.to_string()} step="1" hint="Same seed ⇒ same initial weights, same batch order, same run."
                on_commit={row_commit("seed", s, on)} validate={row_check("seed")} />

            <h2>{"Optimizer"}</h2>
            <TrainingFields settings={s.clone()} on_change={on.clone()} />
            <NumberField label="α decay γ" testid="lr-decay" key_name="decay" value={s.mnist.lr_decay.to_string()} step="0.1"
                hint="After each epoch α is multiplied by γ (1 = constant): α above is the base rate, epoch e trains with α·γ^(e−1), also after a live change of α."
                on_commit={row_commit("decay", s, on)} validate={row_check("decay")} />

            <h2>{"Playback and device"}</h2>
            <PlaybackFields settings={s.clone()} on_change={on.clone()} />
        </div>
    }
}
