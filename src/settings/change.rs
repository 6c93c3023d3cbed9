//! What a settings change asks of the run, decided by the [settings table](super::table): the
//! largest [`Change`] among the keys whose values differ. The page sends it once: a restart
//! carries the new settings, a live change the new live values; a view change stays on the page.

use super::Settings;
use super::table::{self, Change};

/// The largest change between `old` and `new` (a new task is always a restart; a new backend
/// a new device).
pub fn classify(old: &Settings, new: &Settings) -> Change {
    if old.task != new.task {
        return Change::Restart.max(backend_change(old, new));
    }
    table::rows_of(new.task)
        .filter(|row| (row.get)(old) != (row.get)(new))
        .map(|row| row.change)
        .max()
        .unwrap_or(Change::None)
}

fn backend_change(old: &Settings, new: &Settings) -> Change {
    if old.backend == new.backend {
        Change::None
    } else {
        Change::Device
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::{BackendChoice, OptimizerKind, Task};

    fn changed(edit: impl Fn(&mut Settings)) -> Change {
        let old = Settings::default();
        let mut new = old.clone();
        edit(&mut new);
        classify(&old, &new)
    }

    #[test]
    fn each_kind_of_change_is_recognised() {
        assert_eq!(changed(|_| {}), Change::None);
        assert_eq!(changed(|s| s.linreg.walk = true), Change::View);
        assert_eq!(changed(|s| s.linreg.show_test = false), Change::View);
        assert_eq!(changed(|s| s.live.lr = 0.5), Change::Live);
        assert_eq!(
            changed(|s| (s.live.l1, s.live.l2, s.live.speed) = (0.1, 0.2, 0)),
            Change::Live
        );
        assert_eq!(changed(|s| s.seed = 7), Change::Restart);
        assert_eq!(
            changed(|s| s.optimizer = OptimizerKind::Adam),
            Change::Restart
        );
        assert_eq!(
            changed(|s| (s.live.lr, s.linreg.points) = (0.5, 20)),
            Change::Restart
        );
        assert_eq!(changed(|s| s.backend = BackendChoice::Cpu), Change::Device);
        assert_eq!(changed(|s| s.task = Task::Mnist), Change::Restart);
    }

    #[test]
    fn values_another_task_does_not_use_change_nothing() {
        // Linear regression has no hidden layers; the neuron page no batch size.
        assert_eq!(changed(|s| s.mnist.hidden = vec![7]), Change::None);
        let old = Settings::neuron_default();
        let mut new = old.clone();
        new.batch_size = 3;
        assert_eq!(classify(&old, &new), Change::None);
        new.live.lr = 0.25;
        assert_eq!(classify(&old, &new), Change::Live);
    }
}
