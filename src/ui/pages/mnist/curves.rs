//! Headline numbers and the loss and accuracy curves: running training values and the test
//! values of every evaluation, over epochs.

use std::rc::Rc;

use yew::prelude::*;

use super::fmt::{loss, percent};
use super::metric_chart::{MetricChart, Series, YAxis};
use crate::protocol::mnist::{Evaluation, TrainPoint};
use crate::ui::readout::readout;

#[derive(Properties, PartialEq)]
pub struct CurvesProps {
    pub train: Vec<TrainPoint>,
    pub evaluations: Vec<Rc<Evaluation>>,
}

#[component]
pub fn Curves(props: &CurvesProps) -> Html {
    let train = |pick: fn(&TrainPoint) -> f32| -> Vec<(f64, f64)> {
        props
            .train
            .iter()
            .map(|p| (p.epoch, f64::from(pick(p))))
            .collect()
    };
    let test = |pick: fn(&Evaluation) -> f32| -> Vec<(f64, f64)> {
        props
            .evaluations
            .iter()
            .map(|e| (e.epoch, f64::from(pick(e))))
            .collect()
    };
    let loss_series = vec![
        Series {
            class: "train",
            label: "train (running)",
            points: train(|p| p.loss),
            dots: false,
        },
        Series {
            class: "test",
            label: "test",
            points: test(|e| e.test_loss),
            dots: true,
        },
    ];
    let accuracy_series = vec![
        Series {
            class: "train",
            label: "train (running)",
            points: train(|p| p.accuracy),
            dots: false,
        },
        Series {
            class: "test",
            label: "test",
            points: test(|e| e.accuracy),
            dots: true,
        },
    ];
    let last_eval = props.evaluations.last();
    let last_train = props.train.last();
    let eval_note = last_eval.map_or("no evaluation yet".to_string(), |e| {
        if (e.epoch - e.epoch.round()).abs() < 1e-6 {
            format!("10,000 test images, after epoch {:.0}", e.epoch)
        } else {
            format!("10,000 test images, at epoch {:.2}", e.epoch)
        }
    });
    html! {
        <div class="mnist-metrics" data-testid="metrics-chart">
            <div class="panel readouts">
                { readout("test accuracy", "test-accuracy", last_eval.map_or("—".into(), |e| percent(e.accuracy)), eval_note.clone()) }
                { readout("test loss", "test-loss", last_eval.map_or("—".into(), |e| loss(e.test_loss)), "cross-entropy".into()) }
                { readout("train loss", "train-loss", last_train.map_or("—".into(), |p| loss(p.loss)), "running mean of recent batches".into()) }
                { readout("train accuracy", "train-accuracy", last_train.map_or("—".into(), |p| percent(p.accuracy)), "running, recent batches".into()) }
            </div>
            <div class="charts">
                <div class="panel">
                    <h2>{"Loss (cross-entropy)"}</h2>
                    <MetricChart series={loss_series} y={YAxis::Log} testid="mnist-loss-chart" aria="Training and test loss over epochs" />
                </div>
                <div class="panel">
                    <h2>{"Accuracy"}</h2>
                    <MetricChart series={accuracy_series} y={YAxis::Percent} testid="mnist-accuracy-chart" aria="Training and test accuracy over epochs" />
                </div>
            </div>
        </div>
    }
}
