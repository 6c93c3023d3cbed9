//! `hide=` in practice: panels and controls the embedding tutorial left out are not rendered.

use std::rc::Rc;

use yew::prelude::*;

use crate::settings::EmbedOptions;

/// Whether the panel or control `name` (see `settings::embed::PANELS` / `CONTROLS`) is hidden.
#[hook]
pub fn use_hidden(name: &str) -> bool {
    use_context::<Rc<EmbedOptions>>().is_some_and(|o| o.hides(name))
}

#[derive(Properties, PartialEq)]
pub struct ShowProps {
    /// The panel's name in `hide=`.
    pub name: &'static str,
    #[prop_or_default]
    pub children: Html,
}

/// Renders its children unless `hide=` names this panel.
#[component]
pub fn Show(props: &ShowProps) -> Html {
    if use_hidden(props.name) {
        html! {}
    } else {
        props.children.clone()
    }
}
