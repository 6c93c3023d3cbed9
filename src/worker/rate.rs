//! Samples per second over the recent past, for the progress bar and its ETA.

/// Samples per second over the recent past, from (time, samples) marks.
#[derive(Default)]
pub struct RateMeter {
    marks: Vec<(f64, u64)>,
}

impl RateMeter {
    pub fn mark(&mut self, now_ms: f64, samples: u64) {
        self.marks.push((now_ms, samples));
        // Keep about two seconds of history.
        while self.marks.len() > 2 && now_ms - self.marks[0].0 > 2_000.0 {
            self.marks.remove(0);
        }
    }

    pub fn clear(&mut self) {
        self.marks.clear();
    }

    pub fn per_sec(&self) -> f64 {
        match (self.marks.first(), self.marks.last()) {
            (Some(&(t0, s0)), Some(&(t1, s1))) if t1 > t0 => (s1 - s0) as f64 * 1000.0 / (t1 - t0),
            _ => 0.0,
        }
    }
}
