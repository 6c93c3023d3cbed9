//! "Export this step as JSON": the whole step in named fields, full precision, so anyone can
//! check the arithmetic (and tutorial authors can paste it).

use serde_json::{Value, json};

use crate::protocol::{ParamState, StepTrace};
use crate::settings::OptimizerKind;

fn state(s: ParamState) -> Value {
    match s {
        ParamState::None => Value::Null,
        ParamState::Momentum { v } => json!({ "velocity": v }),
        ParamState::Adam { t, m, v } => json!({ "t": t, "m": m, "v": v }),
    }
}

/// The step as a JSON document.
pub fn step_json(t: &StepTrace) -> Value {
    let h = &t.optimizer;
    let mut optimizer = json!({ "kind": h.kind.key(), "lr": h.lr });
    match h.kind {
        OptimizerKind::Sgd => {}
        OptimizerKind::Momentum => {
            optimizer["momentum"] = json!(h.momentum);
            optimizer["convention"] = json!("v <- momentum * v + g; theta <- theta - lr * v");
        }
        OptimizerKind::Adam => {
            optimizer["beta_1"] = json!(h.beta_1);
            optimizer["beta_2"] = json!(h.beta_2);
            optimizer["epsilon"] = json!(h.epsilon);
        }
    }
    optimizer["state_before"] =
        json!({ "w": state(t.w.state_before), "b": state(t.b.state_before) });
    optimizer["state_after"] = json!({ "w": state(t.w.state_after), "b": state(t.b.state_after) });
    json!({
        "model": "y_hat = w * x + b",
        "loss_formula": "L = mean((y - y_hat)^2) + l1 * |w| + l2 * w^2",
        "step": t.step,
        "epoch": t.epoch,
        "parameters": { "w": t.w.theta, "b": t.b.theta },
        "batch": { "n": t.x.len(), "x": t.x, "y": t.y },
        "forward": { "y_hat": t.y_hat },
        "loss": { "mse": t.mse, "l1": t.l1, "l2": t.l2, "total": t.loss },
        "gradients": { "d_loss_d_w": t.w.grad, "d_loss_d_b": t.b.grad },
        "optimizer": optimizer,
        "new_parameters": { "w": t.w.theta_new, "b": t.b.theta_new },
    })
}

/// Pretty-printed [`step_json`].
pub fn step_json_text(t: &StepTrace) -> String {
    serde_json::to_string_pretty(&step_json(t)).unwrap_or_default()
}
