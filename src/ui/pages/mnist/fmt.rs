//! Number formats of the MNIST views.

/// 60000 → "60,000".
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// 0.97123 → "97.12 %" ("—" if not a number).
pub fn percent(fraction: f32) -> String {
    if fraction.is_finite() {
        format!("{:.2} %", fraction * 100.0)
    } else {
        "—".into()
    }
}

/// Bytes as megabytes with one decimal.
pub fn mb(bytes: u64) -> String {
    format!("{:.1}", bytes as f64 / 1_048_576.0)
}

/// A loss value, or "—".
pub fn loss(value: f32) -> String {
    if value.is_finite() {
        format!("{value:.4}")
    } else {
        "—".into()
    }
}

/// done / total in 0..=1 (0 when there is no total).
pub fn fraction(done: u64, total: u64) -> f64 {
    if total == 0 {
        0.0
    } else {
        (done as f64 / total as f64).clamp(0.0, 1.0)
    }
}
