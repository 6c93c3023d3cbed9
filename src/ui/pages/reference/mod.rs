//! The formula reference page: every formula as a card, each computed live by Burn.

mod card;
mod page;
mod view_state;

pub use page::FormulasPage;
pub use view_state::ReferenceView;
