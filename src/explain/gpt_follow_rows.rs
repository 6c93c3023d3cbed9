//! One line and one term per key j ≤ t the panel writes out (the first three and the last
//! three when there are more, with ⋮ between): the scores, ∂L/∂a and ∂L/∂s share this shape.

use super::gpt_follow::{GptStep, line, shown_keys, term};
use crate::protocol::gpt_follow::TokenTrace;

/// For each shown key j: the substituted line `tex(j)` labelled "j = …, token", and the term
/// `name[t,j] token` with the value read from the trace at `field[j]`.
pub fn push_key_rows(
    s: &mut GptStep,
    tr: &TokenTrace,
    (name, field): (&str, &str),
    row: impl Fn(usize) -> (String, f32),
) {
    let t = tr.request.position;
    let (keys, more) = shown_keys(t);
    for (n, &j) in keys.iter().enumerate() {
        if more && n == 3 {
            s.substituted.push(line("", r"\vdots"));
        }
        let (tex, value) = row(j);
        s.substituted
            .push(line(format!("j = {j}, {}", tr.tokens[j]), tex));
        s.terms.push(term(
            format!("{name}[{t},{j}] {}", tr.tokens[j]),
            value,
            format!("{field}[{j}]"),
            &[j],
        ));
    }
}
