//! The network as a column of heat strips, one per layer: z or a in the forward sub-steps,
//! the probabilities at the output, δ in the backward ones. Layers not reached yet are dimmed.

use std::rc::Rc;

use yew::prelude::*;

use super::link::{Hovered, hovered};
use super::strip::Strip;
use crate::explain::nn_steps::{Stage, Target, Term};
use crate::protocol::SampleTrace;

#[derive(Properties)]
pub struct NetworkProps {
    pub trace: Rc<SampleTrace>,
    pub stage: Stage,
    /// The sub-step's written-out terms (their neurons are tinted in the chip's colour).
    pub terms: Rc<Vec<Term>>,
    pub hover: Hovered,
    pub on_hover: Callback<Hovered>,
    pub on_target: Callback<Target>,
    pub on_channel: Callback<usize>,
}

impl PartialEq for NetworkProps {
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.trace, &o.trace)
            && Rc::ptr_eq(&self.terms, &o.terms)
            && self.stage == o.stage
            && self.hover == o.hover
    }
}

/// Has the forward pass reached dense layer `k` at this sub-step?
fn reached(stage: Stage, k: usize) -> bool {
    match stage {
        Stage::Input | Stage::Conv | Stage::ConvRelu | Stage::Pool | Stage::Middle => false,
        Stage::Dense(m) | Stage::Activation(m) => k <= m,
        _ => true,
    }
}

/// (values, symbol, JSON key, label) of layer k's strip at this sub-step.
fn quantity(t: &SampleTrace, stage: Stage, k: usize) -> (Vec<f32>, &'static str, String, String) {
    let l = &t.layers[k];
    let n = l.outputs;
    let last = k + 1 == t.layers.len();
    let name = if last {
        "output".to_string()
    } else {
        format!("layer {}", k + 1)
    };
    if !stage.is_forward() {
        return (
            l.d_z.clone(),
            "δ",
            format!("layers[{k}].delta"),
            format!("{name} · δ = ∂L/∂z ({n})"),
        );
    }
    if last && matches!(stage, Stage::Softmax | Stage::Loss) {
        return (
            t.probs.clone(),
            "p",
            "output.probs".into(),
            format!("{name} · p = softmax(z) ({n})"),
        );
    }
    if stage == Stage::Dense(k) || !l.activated {
        (
            l.z.clone(),
            "z",
            format!("layers[{k}].z"),
            format!("{name} · z ({n})"),
        )
    } else {
        (
            l.a.clone(),
            "a",
            format!("layers[{k}].a"),
            format!("{name} · a = act(z) ({n})"),
        )
    }
}

#[component]
pub fn Network(props: &NetworkProps) -> Html {
    let t = &*props.trace;
    let linked = |layer: usize| -> Vec<usize> {
        props
            .hover
            .iter()
            .filter_map(|h| match *h {
                Target::Neuron { layer: l, neuron } if l == layer => Some(neuron),
                _ => None,
            })
            .collect()
    };
    let tinted = |layer: usize| -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for (i, term) in props.terms.iter().enumerate() {
            for target in &term.targets {
                if let Target::Neuron { layer: l, neuron } = *target
                    && l == layer
                {
                    out.push((neuron, i));
                }
            }
        }
        out
    };
    let strips = (0..t.layers.len()).map(|k| {
        let (values, symbol, key, label) = quantity(t, props.stage, k);
        let on_hover = props.on_hover.reform(move |j: Option<usize>| {
            hovered(j.map(|neuron| Target::Neuron { layer: k, neuron }).into_iter().collect())
        });
        let on_click = props.on_target.reform(move |neuron| Target::Neuron { layer: k, neuron });
        html! {
            <Strip testid={format!("steps-strip-{k}")} label={label} symbol={symbol} values={Rc::new(values)}
                json_key={key} focus={Some(t.layers[k].neuron)} linked={linked(k)} tinted={tinted(k)}
                dim={props.stage.is_forward() && !reached(props.stage, k)} {on_hover} {on_click} />
        }
    });
    html! {
        <div class="network" data-testid="steps-network">
            if let Some(c) = &t.conv {
                <Strip testid="steps-strip-conv" label={format!("convolution 1 · largest a per channel ({})", c.channels)}
                    symbol="max a" values={Rc::new(c.channel_max.clone())} json_key="conv.channel_max"
                    focus={Some(c.channel)} linked={Vec::<usize>::new()} dim={props.stage == Stage::Input}
                    on_hover={props.on_hover.reform(|_| hovered(vec![]))} on_click={props.on_channel.clone()} />
            }
            { for strips }
            <p class="hint strip-hint">{"Click a neuron to write out its row; point at one to find it in the formulas."}</p>
        </div>
    }
}
