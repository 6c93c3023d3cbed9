//! A labelled input (a number, or text such as "256-128-64") that only commits valid values
//! and says what is wrong otherwise.

use std::fmt::Display;
use std::str::FromStr;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::ui::embed::use_hidden;

/// Validates text as a number within an inclusive range; the error says the range.
pub fn parse_in<T>((low, high): (T, T)) -> Callback<String, Option<String>>
where
    T: FromStr + PartialOrd + Display + Copy + 'static,
{
    Callback::from(move |text: String| match text.trim().parse::<T>() {
        Ok(v) if v >= low && v <= high => None,
        _ => Some(format!("Enter a number from {low} to {high}.")),
    })
}

#[derive(Properties, PartialEq)]
pub struct NumberFieldProps {
    pub label: AttrValue,
    pub testid: AttrValue,
    pub value: AttrValue,
    #[prop_or("any".into())]
    pub step: AttrValue,
    #[prop_or_default]
    pub hint: AttrValue,
    /// A free text input instead of a number input.
    #[prop_or_default]
    pub text: bool,
    pub on_commit: Callback<String>,
    /// Returns an error message for invalid text.
    pub validate: Callback<String, Option<String>>,
    /// The setting's URL-hash key, when not the test id (`hide=<key>` leaves the field out).
    #[prop_or_default]
    pub key_name: AttrValue,
}

#[component]
pub fn NumberField(props: &NumberFieldProps) -> Html {
    let key = if props.key_name.is_empty() {
        &props.testid
    } else {
        &props.key_name
    };
    let hidden = use_hidden(key);
    let error = use_state(|| None::<String>);
    {
        // A new value from outside (a preset, a loaded model) replaces whatever was wrong.
        let error = error.clone();
        use_effect_with(props.value.clone(), move |_| error.set(None));
    }
    let onchange = {
        let (error, validate, on_commit) = (
            error.clone(),
            props.validate.clone(),
            props.on_commit.clone(),
        );
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let text = input.value();
            match validate.emit(text.clone()) {
                Some(message) => error.set(Some(message)),
                None => {
                    error.set(None);
                    on_commit.emit(text.trim().to_string());
                }
            }
        })
    };
    if hidden {
        return html! {};
    }
    html! {
        <label class={classes!("field", error.is_some().then_some("invalid"))} title={props.hint.clone()}>
            <span>{props.label.clone()}</span>
            <input type={if props.text { "text" } else { "number" }} inputmode={if props.text { "text" } else { "decimal" }}
                step={(!props.text).then(|| props.step.clone())} value={props.value.clone()} spellcheck="false"
                data-testid={props.testid.clone()} aria-invalid={error.is_some().to_string()} {onchange} />
            if let Some(message) = (*error).clone() {
                <small class="field-error" role="alert">{message}</small>
            }
        </label>
    }
}
