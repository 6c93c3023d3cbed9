//! The loss-surface panel: asks the worker for L(w, b) over a grid around the minimum and the
//! start whenever the data or the penalty changes, and draws the run's path across it.

mod range;

use std::rc::Rc;

use yew::prelude::*;

use crate::data::least_squares;
use crate::protocol::surface::SurfaceGrid;
use crate::protocol::table::RowStep;
use crate::protocol::{Command, ParamUpdate, StepTrace, TaskCommand};
use crate::ui::charts::{LossSurface, SurfacePath};

#[derive(Properties, PartialEq)]
pub struct SurfacePanelProps {
    /// The training points the loss is taken over.
    pub x: Rc<Vec<f32>>,
    pub y: Rc<Vec<f32>>,
    /// λ₁, λ₂ in force.
    pub penalty: (f64, f64),
    /// Where every run starts (w₀, b₀), once known (the map waits for it).
    pub start: Option<(f64, f64)>,
    /// The worker can compute (a device is ready).
    pub ready: bool,
    /// The newest grid the worker sent (shown only if it answers the current request).
    pub grid: Option<Rc<SurfaceGrid>>,
    pub paths: Vec<SurfacePath>,
    /// The followed run's last step: its −α∇L is drawn as an arrow.
    pub gradient: Option<Gradient>,
    pub send: Callback<Command>,
}

/// A step's θ = (w, b) before the update, its ∇L and α, as Burn computed them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Gradient {
    pub w: ParamUpdate,
    pub b: ParamUpdate,
    pub lr: f64,
}

impl From<&StepTrace> for Gradient {
    fn from(t: &StepTrace) -> Self {
        Self {
            w: t.w,
            b: t.b,
            lr: t.optimizer.lr,
        }
    }
}

impl Gradient {
    /// "Your data"'s step, when it has exactly one weight.
    pub fn of_row_step(t: &RowStep) -> Option<Self> {
        match t.w.as_slice() {
            [w] => Some(Self {
                w: *w,
                b: t.b,
                lr: t.optimizer.lr,
            }),
            _ => None,
        }
    }

    /// θ → θ − α∇L (what plain gradient descent would do from where the step began).
    fn arrow(&self) -> ((f64, f64), (f64, f64)) {
        let (w, b) = (f64::from(self.w.theta), f64::from(self.b.theta));
        let (dw, db) = (f64::from(self.w.grad), f64::from(self.b.grad));
        ((w, b), (w - self.lr * dw, b - self.lr * db))
    }
}

#[component]
pub fn SurfacePanel(p: &SurfacePanelProps) -> Html {
    let least = least_squares::fit(&p.x, &p.y).map(|m| (m.w, m.b));
    let penalized = p.penalty != (0.0, 0.0);
    let regularized = penalized
        .then(|| least_squares::regularized(&p.x, &p.y, p.penalty.0, p.penalty.1))
        .flatten()
        .map(|m| (m.w, m.b));
    let corners: Vec<(f64, f64)> = [least, regularized, p.start]
        .into_iter()
        .flatten()
        .collect();
    let request = range::request(&p.x, &p.y, p.penalty, range::square_around(&corners));
    let current = p.grid.clone().filter(|g| g.id == request.id);
    {
        let (send, wanted) = (
            p.send.clone(),
            (!p.x.is_empty() && p.ready && p.start.is_some() && current.is_none())
                .then_some(request.clone()),
        );
        use_effect_with(wanted.as_ref().map(|r| r.id), move |_| {
            if let Some(r) = wanted {
                send.emit(Command::Task(TaskCommand::Surface(r)));
            }
        });
    }
    let Some(grid) = current else {
        return html! { <p class="muted" data-testid="surface-pending">{"Computing the loss surface…"}</p> };
    };
    let arrow = p.gradient.as_ref().map(Gradient::arrow);
    let caption = format!(
        "L(w, b) = (1/n) Σ (yᵢ − w xᵢ − b)²{} on {} × {} points, computed by Burn in one batched pass ({:.0} ms); contours on a log scale.",
        if penalized {
            " + λ₁|w| + λ₂w²"
        } else {
            ""
        },
        grid.side,
        grid.side,
        grid.ms
    );
    html! {
        <div class="surface-panel">
            <LossSurface grid={grid.clone()} paths={p.paths.clone()} least_squares={least} {regularized} {arrow} />
            <p class="muted surface-caption" data-testid="surface-caption">{caption}</p>
            <ul class="surface-legend">
                <li><span class="key min" />{"least squares (ŵ, b̂)"}</li>
                if regularized.is_some() { <li><span class="key min regularized" />{"minimum with the penalty"}</li> }
                <li><span class="key arrow" />{"−α∇L of the last step"}</li>
                for path in p.paths.iter() { <li><span class={classes!("key", "path", path.class)} />{path.label.clone()}</li> }
            </ul>
        </div>
    }
}
