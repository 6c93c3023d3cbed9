//! The table's first rows with each column's type, count, missing values, min and max; the
//! learner picks the target and the features here.

use yew::prelude::*;

use super::powers::PowersPicker;
use super::view_state::Loaded;
use crate::data::table::design::Missing;
use crate::data::table::summary::{ColumnKind, ColumnSummary};
use crate::explain::format::num;
use crate::settings::Settings;
use crate::ui::controls::{select_value, updater};

/// Rows shown in the preview.
const PREVIEW_ROWS: usize = 6;

#[derive(Properties, PartialEq)]
pub struct ColumnsProps {
    pub loaded: Loaded,
    pub settings: Settings,
    pub on_change: Callback<Settings>,
}

fn kind_text(c: &ColumnSummary) -> String {
    match &c.kind {
        ColumnKind::Numeric => "number".into(),
        ColumnKind::Categorical { distinct, .. } => format!("class ({distinct} values)"),
        ColumnKind::Mixed { line, text } => format!("⚠ line {line}: {text:?} is not a number"),
    }
}

fn range_text(c: &ColumnSummary) -> String {
    match (c.min, c.max) {
        (Some(lo), Some(hi)) => format!("{} … {}", num(lo), num(hi)),
        _ => "—".into(),
    }
}

#[component]
pub fn ColumnsPanel(props: &ColumnsProps) -> Html {
    let (s, on) = (&props.settings, &props.on_change);
    let l = &props.loaded;
    let on_target = updater(s, on, |s, e: Event| {
        let y = select_value(e);
        s.table.x.retain(|x| *x != y);
        s.table.y = y;
    });
    let on_missing = updater(s, on, |s, e: Event| {
        let key = select_value(e);
        if let Some(m) = Missing::ALL.into_iter().find(|m| m.key() == key) {
            s.table.missing = m;
        }
    });
    let toggle = |name: String| {
        let (s, on) = (s.clone(), on.clone());
        Callback::from(move |_: Event| {
            let mut next = s.clone();
            if next.table.x.contains(&name) {
                next.table.x.retain(|x| *x != name);
            } else {
                next.table.x.push(name.clone());
            }
            on.emit(next);
        })
    };
    let role = |name: &str| {
        if s.table.y == name {
            html! { <span class="role target">{"target y"}</span> }
        } else if s.table.x.iter().any(|x| x == name) {
            html! { <span class="role feature">{"feature"}</span> }
        } else {
            html! { <span class="role">{"—"}</span> }
        }
    };
    let rows = l.table.rows.len();
    html! {
        <div class="table-columns" data-testid="table-columns">
            <p class="hint">{format!(
                "{} rows × {} columns (delimiter {}{}). Standardized with the training split's μ and σ; 80 % train, 20 % test.",
                rows, l.table.names.len(), delimiter_name(l.table.delimiter),
                if l.table.decimal_comma { ", decimal comma" } else { "" })}</p>
            <div class="pickers">
                <label class="field">
                    <span>{"target y"}</span>
                    <select data-testid="table-target" onchange={on_target}>
                        for c in l.summaries.iter() {
                            <option value={c.name.clone()} selected={c.name == s.table.y}>{c.name.clone()}</option>
                        }
                    </select>
                </label>
                <PowersPicker summaries={l.summaries.clone()} settings={s.clone()} on_change={on.clone()} />
                <label class="field">
                    <span>{"missing values"}</span>
                    <select data-testid="table-missing" onchange={on_missing}>
                        for m in Missing::ALL {
                            <option value={m.key()} selected={m == s.table.missing}>{m.label()}</option>
                        }
                    </select>
                </label>
            </div>
            <div class="table-scroll">
                <table class="preview" data-testid="table-preview">
                    <thead>
                        <tr>
                            for c in l.summaries.iter() {
                                <th>
                                    <label class="feature-pick" title="Use this column as a feature">
                                        <input type="checkbox" data-testid={format!("table-x-{}", c.name)}
                                            checked={s.table.x.contains(&c.name)} disabled={s.table.y == c.name || matches!(c.kind, ColumnKind::Mixed { .. })}
                                            onchange={toggle(c.name.clone())} />
                                        {c.name.clone()}
                                    </label>
                                    { role(&c.name) }
                                </th>
                            }
                        </tr>
                        <tr class="stats">
                            for c in l.summaries.iter() {
                                <td title={format!("{} present, {} missing", c.count, c.missing)}>
                                    <div>{kind_text(c)}</div>
                                    <div>{range_text(c)}</div>
                                    <div>{format!("{} · {} missing", c.count, c.missing)}</div>
                                </td>
                            }
                        </tr>
                    </thead>
                    <tbody>
                        for row in l.table.rows.iter().take(PREVIEW_ROWS) {
                            <tr>{ for row.iter().map(|cell| html! { <td>{cell.clone()}</td> }) }</tr>
                        }
                    </tbody>
                </table>
            </div>
            if rows > PREVIEW_ROWS {
                <p class="hint">{format!("…and {} more rows.", rows - PREVIEW_ROWS)}</p>
            }
        </div>
    }
}

fn delimiter_name(d: u8) -> &'static str {
    match d {
        b';' => "“;”",
        b'\t' => "tab",
        b'|' => "“|”",
        _ => "“,”",
    }
}
