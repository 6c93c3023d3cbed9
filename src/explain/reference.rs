//! The formula reference: every formula, typeset, explained, with live values.
