//! The neuron as a picture: inputs xᵢ, weighted edges wᵢ (width ∝ |wᵢ|, colour by sign) into
//! the sum, the bias, the sigmoid and the output ŷ against the label y.

use yew::prelude::*;

use super::inputs::indexed;
use crate::explain::reference::plain32;

#[derive(Properties, PartialEq)]
pub struct DiagramProps {
    pub x: Vec<f64>,
    /// Burn's current parameters (None before the first readback).
    pub w: Option<Vec<f32>>,
    pub b: Option<f32>,
    pub y_hat: Option<f32>,
    pub y: f64,
}

const W: f64 = 480.0;
const H: f64 = 250.0;
const SUM: (f64, f64) = (285.0, 125.0);
const SIGMA: (f64, f64) = (370.0, 125.0);
/// Where along its edge a weight's label sits (0 = at the input).
const LABEL_AT: f64 = 0.4;

fn show(v: Option<f32>) -> String {
    v.map_or("…".into(), plain32)
}

#[component]
pub fn NeuronDiagram(props: &DiagramProps) -> Html {
    let n = props.x.len().max(1);
    let gap = (H - 40.0) / n as f64;
    let y_of = |i: usize| 20.0 + gap * (i as f64 + 0.5);
    let w = |i: usize| props.w.as_ref().and_then(|w| w.get(i).copied());
    let biggest = (0..n).filter_map(w).fold(1e-6_f32, |m, v| m.max(v.abs()));
    html! {
        <svg class="chart neuron-diagram" viewBox={format!("0 0 {W} {H}")} role="img" data-testid="neuron-diagram"
            aria-label="The neuron: inputs, weights, sum, sigmoid and output">
            for i in 0..props.x.len() {
                <g>
                    <line class={classes!("edge", (w(i).unwrap_or(0.0) < 0.0).then_some("negative"))}
                        x1="62" y1={y_of(i).to_string()} x2={(SUM.0 - 26.0).to_string()} y2={SUM.1.to_string()}
                        stroke-width={(1.0 + 5.0 * w(i).unwrap_or(0.0).abs() / biggest).to_string()} />
                    <circle class="node input" cx="40" cy={y_of(i).to_string()} r="20" />
                    <text class="node-value" x="40" y={(y_of(i) + 4.0).to_string()} text-anchor="middle">{plain32(props.x[i] as f32)}</text>
                    <text class="node-name" x="8" y={(y_of(i) + 4.0).to_string()} text-anchor="middle">{indexed("x", i)}</text>
                    <text class="edge-label" x={(62.0 + (SUM.0 - 88.0) * LABEL_AT).to_string()} y={(y_of(i) + (SUM.1 - y_of(i)) * LABEL_AT - 5.0).to_string()}
                        text-anchor="middle">{format!("{} = {}", indexed("w", i), show(w(i)))}</text>
                </g>
            }
            <line class="edge bias" x1={SUM.0.to_string()} y1="28" x2={SUM.0.to_string()} y2={(SUM.1 - 26.0).to_string()} />
            <text class="edge-label" x={(SUM.0 + 8.0).to_string()} y="22" text-anchor="start" data-testid="neuron-b-now">{format!("b = {}", show(props.b))}</text>
            <circle class="node sum" cx={SUM.0.to_string()} cy={SUM.1.to_string()} r="26" />
            <text class="node-symbol" x={SUM.0.to_string()} y={(SUM.1 + 7.0).to_string()} text-anchor="middle">{"Σ"}</text>
            <line class="edge" x1={(SUM.0 + 26.0).to_string()} y1={SUM.1.to_string()} x2={(SIGMA.0 - 24.0).to_string()} y2={SIGMA.1.to_string()} />
            <text class="edge-label" x={((SUM.0 + SIGMA.0) / 2.0).to_string()} y={(SUM.1 - 8.0).to_string()} text-anchor="middle">{"z"}</text>
            <circle class="node sigma" cx={SIGMA.0.to_string()} cy={SIGMA.1.to_string()} r="24" />
            <text class="node-symbol" x={SIGMA.0.to_string()} y={(SIGMA.1 + 7.0).to_string()} text-anchor="middle">{"σ"}</text>
            <line class="edge" x1={(SIGMA.0 + 24.0).to_string()} y1={SIGMA.1.to_string()} x2="440" y2={SIGMA.1.to_string()} />
            <text class="node-value big" x="452" y={(SIGMA.1 - 14.0).to_string()} text-anchor="middle">{"ŷ"}</text>
            <text class="node-value big" x="452" y={(SIGMA.1 + 6.0).to_string()} text-anchor="middle">{show(props.y_hat)}</text>
            <text class="node-name" x="452" y={(SIGMA.1 + 26.0).to_string()} text-anchor="middle">{format!("y = {}", plain32(props.y as f32))}</text>
        </svg>
    }
}
