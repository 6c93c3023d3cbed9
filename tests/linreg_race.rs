//! A race's runs are solo runs: stepped together in one race, each run's numbers are exactly
//! those of a solo run with its settings (same steps, same values, bit for bit). A diverging
//! run stops and the others go on; a live change skips the runs that set that value.

use futures::executor::block_on;
use ml_playground::engine::{device, race::LinRegRace, trainer::LinRegTrainer};
use ml_playground::protocol::{Hyper, Readout};
use ml_playground::settings::Settings;
use ml_playground::settings::race::Race;

fn racing(race: &str) -> Settings {
    let mut s = Settings {
        epochs: 3,
        ..Settings::default()
    };
    s.linreg.race = Race::parse(race).expect("a valid race");
    s
}

/// A solo run of `s`, read back after `steps` steps.
fn solo(s: &Settings, steps: usize, hyper: Option<(usize, Hyper)>) -> Readout {
    let mut run = LinRegTrainer::new(s, device::cpu(), None);
    let mut path = Vec::new();
    for k in 0..steps {
        if let Some((at, h)) = hyper.filter(|(at, _)| *at == k) {
            let _ = at;
            run.set_hyper(h);
        }
        run.step();
        if k % 5 == 4 {
            path.extend(block_on(run.readout()).unwrap().path);
        }
    }
    let mut last = block_on(run.readout()).unwrap();
    path.extend(std::mem::take(&mut last.path));
    last.path = path;
    last
}

fn raced(s: &Settings, steps: usize, hyper: Option<(usize, Hyper)>) -> Vec<Readout> {
    let mut race = LinRegRace::new(s, device::cpu());
    let mut paths = vec![Vec::new(); s.linreg.race.runs.len()];
    for k in 0..steps {
        if let Some((_, h)) = hyper.filter(|(at, _)| *at == k) {
            race.set_hyper(h);
        }
        race.step();
        if k % 5 == 4 {
            for (i, r) in block_on(race.prepare_readouts().finish())
                .unwrap()
                .into_iter()
                .enumerate()
            {
                paths[i].extend(r.readout.path);
            }
        }
    }
    let last = block_on(race.prepare_readouts().finish()).unwrap();
    last.into_iter()
        .zip(paths)
        .map(|(r, mut path)| {
            let mut readout = r.readout;
            path.append(&mut readout.path);
            readout.path = path;
            readout
        })
        .collect()
}

#[test]
fn every_run_of_a_race_is_the_solo_run_with_its_settings() {
    for text in [
        "optimizer:sgd,momentum,adam",
        "lr:0.01,0.1,0.5",
        "optimizer=adam,lr=0.05;batch=1",
    ] {
        let s = racing(text);
        let runs = raced(&s, 17, None);
        assert_eq!(runs.len(), s.linreg.race.runs.len());
        for (i, got) in runs.iter().enumerate() {
            let want = solo(&s.linreg.race.run_settings(&s, i), 17, None);
            assert_eq!(got, &want, "{text}: run {i}");
            assert_eq!(got.path.len(), 18, "the start and 17 steps");
        }
        // Same data and start: every path begins at the same point.
        assert!(
            runs.windows(2)
                .all(|r| (r[0].path[0].w, r[0].path[0].b) == (r[1].path[0].w, r[1].path[0].b))
        );
    }
}

#[test]
fn a_live_change_reaches_every_run_except_the_one_that_sets_it() {
    let s = racing("optimizer=sgd,lr=0.3;optimizer=adam");
    let live = Hyper {
        lr: 0.02,
        l1: 0.0,
        l2: 0.1,
    };
    let runs = raced(&s, 12, Some((6, live)));
    // Run 0 keeps its own α = 0.3 but takes λ₂; run 1 takes both.
    let own = Hyper { lr: 0.3, ..live };
    assert_eq!(
        runs[0],
        solo(&s.linreg.race.run_settings(&s, 0), 12, Some((6, own)))
    );
    assert_eq!(
        runs[1],
        solo(&s.linreg.race.run_settings(&s, 1), 12, Some((6, live)))
    );
    assert_eq!(runs[0].last_step.as_ref().unwrap().l2, 0.1);
    assert_eq!(runs[0].last_step.as_ref().unwrap().optimizer.lr, 0.3);
}

#[test]
fn a_diverging_run_stops_and_the_others_go_on() {
    // α = 10 with plain SGD blows w and b up to ∞/NaN within a few dozen steps.
    let s = Settings {
        epochs: 20,
        ..racing("lr:0.1,10")
    };
    let mut race = LinRegRace::new(&s, device::cpu());
    for _ in 0..60 {
        race.step();
    }
    let runs = block_on(race.prepare_readouts().finish()).unwrap();
    assert!(!runs[0].diverged && runs[0].readout.train_mse.is_finite());
    assert!(runs[1].diverged, "{:?}", runs[1].readout.w);
    let stopped_at = runs[1].readout.checkpoint.step;
    for _ in 0..10 {
        race.step();
    }
    let runs = block_on(race.prepare_readouts().finish()).unwrap();
    assert_eq!(runs[0].readout.checkpoint.step, 70);
    assert_eq!(
        runs[1].readout.checkpoint.step, stopped_at,
        "a diverged run takes no more steps"
    );
    assert!(runs[1].diverged);
}
