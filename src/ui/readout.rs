//! One headline number: its label, the value (with a test id) and a note on what it is.

use yew::prelude::*;

pub fn readout(label: &str, testid: &str, value: String, note: String) -> Html {
    html! {
        <div class="readout">
            <div class="readout-label">{label.to_string()}</div>
            <div class="readout-value" data-testid={testid.to_string()}>{value}</div>
            <div class="readout-ref">{note}</div>
        </div>
    }
}
