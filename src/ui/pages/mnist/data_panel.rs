//! Loading MNIST: bytes downloaded, images parsed, the file and stage at hand.

use yew::prelude::*;

use super::fmt::{fraction, mb, thousands};
use crate::protocol::mnist::{DataProgress, DataStage};

#[derive(Properties, PartialEq)]
pub struct DataPanelProps {
    pub data: Option<DataProgress>,
    /// Try loading again (after a failure).
    pub on_retry: Callback<()>,
}

#[component]
pub fn DataPanel(props: &DataPanelProps) -> Html {
    let (done, status, bytes, images) = match &props.data {
        None => (
            0.0,
            "Waiting for the training worker…".to_string(),
            "— MB".to_string(),
            "— images".to_string(),
        ),
        Some(d) => {
            // Half the bar for the download, half for decompressing and parsing.
            let done = 0.5 * fraction(d.loaded_bytes, d.total_bytes)
                + 0.5 * fraction(d.images, d.total_images);
            let status = match d.stage {
                DataStage::Downloading => format!("Downloading {}", d.file),
                DataStage::Decompressing => format!("Decompressing and checking {}", d.file),
                DataStage::Ready => "Ready".to_string(),
                DataStage::Failed => {
                    format!("Loading failed at {} (see the message above)", d.file)
                }
            };
            let bytes = format!("{} / {} MB", mb(d.loaded_bytes), mb(d.total_bytes));
            let images = format!(
                "{} / {} images",
                thousands(d.images),
                thousands(d.total_images)
            );
            (done, status, bytes, images)
        }
    };
    let percent = (done * 100.0).round();
    let failed = props
        .data
        .as_ref()
        .is_some_and(|d| d.stage == DataStage::Failed);
    let retry = props.on_retry.reform(|_: MouseEvent| ());
    html! {
        <div class={classes!("panel", "data-panel", failed.then_some("failed"))}>
            <h2>{"Loading MNIST"}</h2>
            <p class="hint">
                {"60,000 training and 10,000 test images of handwritten digits, shipped with the page \
                  as the original gzipped IDX files, decompressed and checked in Rust. Training can \
                  start when they are ready."}
            </p>
            <div class="bar" role="progressbar" aria-label="MNIST loaded" aria-valuemin="0" aria-valuemax="100"
                aria-valuenow={percent.to_string()} data-testid="data-progress">
                <div class="fill" style={format!("width: {:.1}%", done * 100.0)}></div>
            </div>
            <div class="counters">
                <span data-testid="data-status" role="status"><b>{status}</b></span>
                <span data-testid="data-bytes">{bytes}</span>
                <span data-testid="data-images">{images}</span>
                if failed {
                    <button class="primary" data-testid="data-retry" onclick={retry}>{"Try again"}</button>
                }
            </div>
        </div>
    }
}
