//! The formula page: an introduction with the neuron example's inputs, then the cards in
//! sections. The worker computes every example when the page opens and when x, w, b, y change.

use yew::prelude::*;

use super::card::FormulaCardView;
use crate::explain::reference::card_groups;
use crate::explain::reference_gpt::transformer_group;
use crate::protocol::BackendKind;
use crate::settings::Settings;
use crate::ui::pages::neuron::NeuronInputs;
use crate::ui::state::State;

#[derive(Properties, PartialEq)]
pub struct FormulasPageProps {
    pub state: UseReducerHandle<State>,
    pub on_settings: Callback<Settings>,
}

fn scroll_to(id: String) -> Callback<MouseEvent> {
    Callback::from(move |_: MouseEvent| {
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&id))
        {
            el.scroll_into_view();
        }
    })
}

#[component]
pub fn FormulasPage(props: &FormulasPageProps) -> Html {
    let s = &*props.state;
    let device = match &s.backend {
        Some(b) if b.kind == BackendKind::WebGpu => format!("WebGPU ({})", b.name),
        Some(b) => b.name.clone(),
        None => "the device being chosen".into(),
    };
    let mut groups = s.views.reference.examples.as_deref().map(card_groups);
    // The Transformer cards use the Tiny GPT tab's model when a token was followed there.
    if let (Some(groups), Some(tr)) = (groups.as_mut(), &s.views.gpt.follow) {
        let origin = format!("your tiny GPT of the Tiny GPT tab at step {}", tr.step);
        let group = transformer_group(tr, &origin);
        match groups.iter_mut().find(|g| g.title == group.title) {
            Some(g) => *g = group,
            None => groups.push(group),
        }
    }
    html! {
        <main class="reference-page" data-testid="formulas-page">
            <section class="panel reference-intro">
                <div class="reference-intro-text">
                    <h2>{"Formula reference"}</h2>
                    <p class="hint">
                        {"Every formula of the playground, typeset, explained in a sentence and worked through on a small example. "}
                        {"The numbers are not typed in: the worker computes each example with Burn, here, on "}
                        <b data-testid="formulas-device">{device}</b>
                        {" — forward passes, losses, autodiff gradients and the optimizers' own steps. Where a widely shared version of a formula or result is wrong, the card says so."}
                    </p>
                    if let Some(groups) = &groups {
                        <nav class="reference-toc" aria-label="Sections">
                            for (i, g) in groups.iter().enumerate() {
                                <button class="secondary" onclick={scroll_to(format!("formula-group-{i}"))}>{g.title}</button>
                            }
                        </nav>
                    }
                </div>
                <div class="reference-neuron">
                    <h3>{"The single neuron's example"}</h3>
                    <p class="hint">{"Change x, w, b or y: the first cards are recomputed by Burn."}</p>
                    <NeuronInputs settings={s.settings.clone()} on_change={props.on_settings.clone()} compact=true />
                </div>
            </section>
            if let Some(groups) = groups {
                for (i, g) in groups.into_iter().enumerate() {
                    <section class="reference-group" id={format!("formula-group-{i}")}>
                        <h2 class="group-title">{g.title}</h2>
                        <div class="card-grid">
                            for card in g.cards {
                                <FormulaCardView card={card} />
                            }
                        </div>
                    </section>
                }
            } else {
                <p class="empty-note" data-testid="formulas-pending">{"Computing the worked examples with Burn…"}</p>
            }
        </main>
    }
}
