//! The largest relative error seen per quantity, for the closing table: each check notes
//! |Burn − oracle| and the size its tolerance is relative to (the value, or the size of the
//! terms summed into it); a test prints [`table`] at its end (`--nocapture` to see it).

use std::cell::RefCell;
use std::collections::BTreeMap;

thread_local! {
    static WORST: RefCell<BTreeMap<String, (f64, usize)>> = const { RefCell::new(BTreeMap::new()) };
}

/// Notes one comparison of `what` ("layer 0 z", "y_hat[3]": the index is dropped).
pub fn note(what: &str, err: f64, size: f64) {
    let key = what.split('[').next().unwrap_or(what).trim().to_string();
    let relative = if size > 0.0 { err / size } else { 0.0 };
    WORST.with(|w| {
        let mut w = w.borrow_mut();
        let entry = w.entry(key).or_insert((0.0, 0));
        entry.0 = entry.0.max(relative);
        entry.1 += 1;
    });
}

/// The quantities noted on this thread so far, one line each: the largest relative error and
/// how many values were compared; then forgets them.
pub fn table(title: &str) -> String {
    let mut out = format!("max relative error vs the oracle, {title}:\n");
    WORST.with(|w| {
        for (what, (worst, n)) in std::mem::take(&mut *w.borrow_mut()) {
            out.push_str(&format!("  {what:<24} {worst:9.2e}  ({n} values)\n"));
        }
    });
    out
}

/// Forgets what was noted on this thread (a test that failed before printing its table).
pub fn reset() {
    WORST.with(|w| w.borrow_mut().clear());
}
