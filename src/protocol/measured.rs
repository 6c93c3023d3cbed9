//! `backend=auto`'s verdict: the current task's real training step timed on the CPU and on
//! WebGPU, and the faster one chosen. Plain data (the page stores it per adapter, task and
//! model shape) with the words the backend badge shows.

use serde::{Deserialize, Serialize};

use super::BackendKind;

/// One measurement of both devices on one task and model shape.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Measured {
    /// What the verdict is remembered by: the adapter, the task and the model's shape.
    pub key: String,
    /// The WebGPU adapter, as the browser describes it.
    pub adapter: String,
    /// Training steps per second on Burn's CPU backend (the same steps, batch and readback).
    pub cpu_steps_per_sec: f64,
    /// Training steps per second on WebGPU, after its warm-up.
    pub webgpu_steps_per_sec: f64,
    /// WebGPU did not finish in the time it was given: its rate is at most the figure.
    pub webgpu_at_most: bool,
    /// Samples (or tokens) per step, to show the rates in the units of the progress bar.
    pub samples_per_step: f64,
    /// The verdict was read from the page's storage, not measured in this visit.
    #[serde(default)]
    pub remembered: bool,
}

impl Measured {
    /// The faster of the two measured rates (the CPU on a tie: nothing to compile).
    pub fn choice(&self) -> BackendKind {
        if self.webgpu_steps_per_sec > self.cpu_steps_per_sec && !self.webgpu_at_most {
            BackendKind::WebGpu
        } else {
            BackendKind::Cpu
        }
    }

    /// How many times faster the chosen device is than the other (≥ 1; ∞ shown as "> 1000").
    pub fn ratio(&self) -> f64 {
        let (fast, slow) = match self.choice() {
            BackendKind::WebGpu => (self.webgpu_steps_per_sec, self.cpu_steps_per_sec),
            BackendKind::Cpu => (self.cpu_steps_per_sec, self.webgpu_steps_per_sec),
        };
        if slow > 0.0 {
            fast / slow
        } else {
            f64::INFINITY
        }
    }

    fn times(&self) -> String {
        let r = self.ratio();
        let at_least = if self.webgpu_at_most && self.choice() == BackendKind::Cpu {
            "≥ "
        } else {
            ""
        };
        match r {
            r if !r.is_finite() || r > 1000.0 => "> 1000×".into(),
            r if r >= 10.0 => format!("{at_least}{r:.0}×"),
            r => format!("{at_least}{r:.1}×"),
        }
    }

    /// The badge's words, e.g. "74× faster than WebGPU here" or "6.0× faster than the CPU here".
    pub fn summary(&self) -> String {
        let other = match self.choice() {
            BackendKind::WebGpu => "the CPU",
            BackendKind::Cpu if self.adapter.contains("software") => "this software WebGPU adapter",
            BackendKind::Cpu => "WebGPU",
        };
        let when = if self.remembered {
            ", measured earlier"
        } else {
            ""
        };
        format!("{} faster than {other} here{when}", self.times())
    }

    /// The figures behind the verdict (the badge's tooltip).
    pub fn figures(&self) -> String {
        let rate = |steps: f64| {
            format!(
                "{} steps/s ({} samples/s)",
                short(steps),
                short(steps * self.samples_per_step)
            )
        };
        let bound = if self.webgpu_at_most { "at most " } else { "" };
        format!(
            "Measured on this task and model: CPU {}; WebGPU {bound}{} on {}. The faster one trains; \
             \"measure again\" times both anew.",
            rate(self.cpu_steps_per_sec),
            rate(self.webgpu_steps_per_sec),
            self.adapter,
        )
    }
}

/// A rate with three significant figures at most.
fn short(x: f64) -> String {
    match x {
        x if x >= 100.0 => format!("{x:.0}"),
        x if x >= 10.0 => format!("{x:.1}"),
        x => format!("{x:.2}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn measured(cpu: f64, webgpu: f64, at_most: bool) -> Measured {
        Measured {
            key: "k".into(),
            adapter: "google swiftshader, software fallback".into(),
            cpu_steps_per_sec: cpu,
            webgpu_steps_per_sec: webgpu,
            webgpu_at_most: at_most,
            samples_per_step: 64.0,
            remembered: false,
        }
    }

    #[test]
    fn the_faster_rate_wins() {
        for (cpu, webgpu) in [
            (100.0, 1.35),
            (3.0, 18.0),
            (5.0, 5.0),
            (0.0, 1.0),
            (1.0, 0.0),
        ] {
            let m = measured(cpu, webgpu, false);
            let expected = if webgpu > cpu {
                BackendKind::WebGpu
            } else {
                BackendKind::Cpu
            };
            assert_eq!(m.choice(), expected, "{cpu} vs {webgpu}");
            assert!(m.ratio() >= 1.0, "{cpu} vs {webgpu}: {}", m.ratio());
        }
    }

    #[test]
    fn an_unfinished_webgpu_measurement_never_wins() {
        assert_eq!(measured(1.0, 50.0, true).choice(), BackendKind::Cpu);
    }

    #[test]
    fn the_badge_says_how_much_faster_and_than_what() {
        assert_eq!(
            measured(100.0, 1.35, false).summary(),
            "74× faster than this software WebGPU adapter here"
        );
        let mut m = measured(3.0, 18.0, false);
        m.remembered = true;
        assert_eq!(
            m.summary(),
            "6.0× faster than the CPU here, measured earlier"
        );
        assert_eq!(
            measured(40.0, 2.0, true).summary(),
            "≥ 20× faster than this software WebGPU adapter here"
        );
        assert_eq!(
            measured(40.0, 0.0, true).summary(),
            "> 1000× faster than this software WebGPU adapter here"
        );
        let figures = measured(100.0, 1.35, false).figures();
        assert!(
            figures.contains("CPU 100 steps/s (6400 samples/s)"),
            "{figures}"
        );
        assert!(
            figures.contains("WebGPU 1.35 steps/s (86.4 samples/s)"),
            "{figures}"
        );
    }
}
