//! One typeset formula (LaTeX → MathML in Rust) with a "copy LaTeX" action.

use yew::prelude::*;

use crate::explain::mathml::to_mathml;

#[derive(Properties, PartialEq)]
pub struct FormulaProps {
    pub latex: AttrValue,
    #[prop_or_default]
    pub caption: AttrValue,
    #[prop_or_default]
    pub testid: AttrValue,
}

fn copy_to_clipboard(text: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.navigator().clipboard().write_text(text);
    }
}

#[component]
pub fn Formula(props: &FormulaProps) -> Html {
    let body = match to_mathml(&props.latex) {
        Ok(mathml) => Html::from_html_unchecked(mathml.into()),
        // Never a blank: show the LaTeX itself, and why it could not be typeset.
        Err(e) => html! { <code class="latex-fallback" title={e}>{props.latex.clone()}</code> },
    };
    let copy = {
        let latex = props.latex.clone();
        Callback::from(move |_: MouseEvent| copy_to_clipboard(&latex))
    };
    html! {
        <div class="formula" data-testid={props.testid.clone()} data-latex={props.latex.clone()}>
            if !props.caption.is_empty() { <div class="caption">{props.caption.clone()}</div> }
            <div class="typeset">{body}</div>
            <button class="copy" title="Copy LaTeX" aria-label="Copy LaTeX" onclick={copy}>{"⧉ LaTeX"}</button>
        </div>
    }
}
