//! The first layer's weights as pictures: one 28×28 image per hidden unit of an MLP (what
//! each unit looks for in the input), one 5×5 image per filter of the CNN. Blue negative,
//! red positive, each image scaled by its largest |w|.

use std::rc::Rc;

use yew::prelude::*;

use super::pixels::{Pixels, weights_rgba};
use crate::protocol::mnist::Evaluation;
use crate::settings::ModelKind;

#[derive(Properties)]
pub struct WeightsProps {
    /// The evaluation whose first layer is shown.
    pub evaluation: Option<Rc<Evaluation>>,
    pub model: ModelKind,
}

impl PartialEq for WeightsProps {
    /// Evaluations never change once made: the same one is the same picture.
    fn eq(&self, other: &Self) -> bool {
        self.model == other.model && same(&self.evaluation, &other.evaluation)
    }
}

/// The same evaluation (by identity, not by comparing every weight).
pub fn same(a: &Option<Rc<Evaluation>>, b: &Option<Rc<Evaluation>>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => Rc::ptr_eq(a, b),
        (None, None) => true,
        _ => false,
    }
}

#[component]
pub fn WeightsGrid(props: &WeightsProps) -> Html {
    let what = match props.model {
        ModelKind::Mlp => "hidden units",
        ModelKind::Cnn => "filters",
    };
    let body = match props.evaluation.as_ref().map(|e| &e.first_layer) {
        Some(p) if !p.images.is_empty() => {
            let (w, h) = (p.width as u32, p.height as u32);
            let caption = format!(
                "{} of {} {what} of the first layer, each as its {}×{} weights",
                p.images.len(),
                p.units_total,
                p.width,
                p.height
            );
            html! {
                <>
                    <p class="hint" data-testid="weights-caption">{caption}</p>
                    <div class={classes!("weights", (p.width <= 8).then_some("small"))} data-testid="weights-grid">
                        for (unit, weights) in p.images.iter() {
                            <Pixels width={w} height={h} rgba={weights_rgba(weights)} class="weight"
                                title={format!("unit {unit}")} />
                        }
                    </div>
                    <div class="diverging-legend" aria-hidden="true">
                        <span>{"negative"}</span><span class="ramp"></span><span>{"positive"}</span>
                    </div>
                </>
            }
        }
        _ => html! {
            <p class="empty-note">{"Shown after the first evaluation."}</p>
        },
    };
    html! {
        <div class="panel weights-panel">
            <h2>{"First-layer weights"}</h2>
            {body}
        </div>
    }
}
