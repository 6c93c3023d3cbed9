//! A run continued from a checkpoint is the run that was interrupted: after the same number of
//! steps, an interrupted-and-resumed MNIST run (MLP and CNN, Adam with L2, momentum), single
//! neuron and tiny GPT (AdamW, across its warm-up) hold the same parameters and optimizer
//! state as one that never stopped. Checkpoints survive their byte form, and one that does not
//! fit the settings is refused with a reason.

use std::rc::Rc;

use futures::executor::block_on;
use ml_playground::data::mnist::{self, FILES, MnistData};
use ml_playground::data::text::source::TextSource;
use ml_playground::data::text::synthetic::SyntheticTask;
use ml_playground::engine::device::cpu;
use ml_playground::engine::gpt::run::GptRun;
use ml_playground::engine::mnist::MnistTrainer;
use ml_playground::engine::neuron_run::NeuronRun;
use ml_playground::protocol::{RunCheckpoint, StateValues};
use ml_playground::settings::{ModelKind, OptimizerKind, Settings, Task};

fn data() -> Rc<MnistData> {
    let dir = "www/data/mnist/"; // relative: cargo runs tests from the package root
    let files = FILES.map(|f| std::fs::read(format!("{dir}{}", f.name)).unwrap());
    Rc::new(mnist::from_gz([&files[0], &files[1], &files[2], &files[3]]).unwrap())
}

fn mnist_settings(model: ModelKind, optimizer: OptimizerKind) -> Settings {
    let mut s = Settings::mnist_default();
    (s.mnist.model, s.optimizer, s.live.l2) = (model, optimizer, 1e-3);
    (s.mnist.hidden, s.mnist.filters) = (vec![16], [2, 4]);
    (s.mnist.subset, s.batch_size, s.epochs, s.mnist.lr_decay) = (100, 25, 3, 0.9);
    s
}

/// Every value of `b` equals `a`'s to within float rounding of identical arithmetic.
fn assert_same(a: &RunCheckpoint, b: &RunCheckpoint, what: &str) {
    assert_eq!(a.step, b.step, "{what}: step");
    assert_eq!(a.tensors.len(), b.tensors.len(), "{what}: tensor count");
    for (i, (x, y)) in a.tensors.iter().zip(&b.tensors).enumerate() {
        assert_eq!(x.dims, y.dims, "{what}: tensor {i} dims");
        let flat = |t: &ml_playground::protocol::TensorValues| {
            let mut v = t.value.clone();
            match &t.state {
                StateValues::None => {}
                StateValues::Momentum { v: vel } => v.extend(vel),
                StateValues::Adam { t, m, v: vv } => {
                    v.push(*t as f32);
                    v.extend(m);
                    v.extend(vv);
                }
            }
            v
        };
        let (fx, fy) = (flat(x), flat(y));
        assert_eq!(fx.len(), fy.len(), "{what}: tensor {i} state kind");
        for (p, q) in fx.iter().zip(&fy) {
            assert!(
                (p - q).abs() <= 1e-6 * q.abs().max(1e-3),
                "{what}: tensor {i}: {p} vs {q}"
            );
        }
    }
}

#[test]
fn an_interrupted_mnist_run_resumes_exactly() {
    let data = data();
    for (model, optimizer) in [
        (ModelKind::Mlp, OptimizerKind::Adam),
        (ModelKind::Mlp, OptimizerKind::Momentum),
        (ModelKind::Cnn, OptimizerKind::Adam),
    ] {
        let what = format!("{model:?} with {optimizer:?}");
        let s = mnist_settings(model, optimizer);
        let mut straight = MnistTrainer::new(&s, cpu(), data.clone());
        // Across an epoch end (4 steps per epoch): the resumed run must draw the same batches
        // and use the same decayed rate.
        (0..5).for_each(|_| straight.step());
        let saved = block_on(straight.prepare_checkpoint("tab-1").finish()).unwrap();
        assert_eq!(saved.step, 5);
        let state = &saved.tensors[0].state;
        assert!(
            matches!(
                state,
                StateValues::Adam { t: 5, .. } | StateValues::Momentum { .. }
            ),
            "{what}: {:?}",
            std::mem::discriminant(state)
        );
        let saved = RunCheckpoint::from_bytes(&saved.to_bytes()).unwrap();
        assert!(saved.fits(&s), "{what}");
        (0..4).for_each(|_| straight.step());

        let mut resumed = MnistTrainer::resume(&s, cpu(), data.clone(), &saved).unwrap();
        assert_eq!(resumed.steps_taken(), 5);
        (0..4).for_each(|_| resumed.step());
        let a = block_on(straight.prepare_checkpoint("tab-1").finish()).unwrap();
        let b = block_on(resumed.prepare_checkpoint("tab-1").finish()).unwrap();
        assert_same(&a, &b, &what);
        // Not vacuous: the parameters did move after the checkpoint.
        assert_ne!(a.tensors[0].value, saved.tensors[0].value, "{what}");
    }
}

#[test]
fn a_checkpoint_of_other_settings_is_refused() {
    let data = data();
    let s = mnist_settings(ModelKind::Mlp, OptimizerKind::Adam);
    let mut t = MnistTrainer::new(&s, cpu(), data.clone());
    t.step();
    let saved = block_on(t.prepare_checkpoint("tab-1").finish()).unwrap();
    // A live change (the learning rate) still fits; a different network does not.
    let mut faster = s.clone();
    faster.live.lr = 0.5;
    assert!(saved.fits(&faster));
    let mut wider = s.clone();
    wider.mnist.hidden = vec![32];
    assert!(!saved.fits(&wider));
    let error = MnistTrainer::resume(&wider, cpu(), data.clone(), &saved)
        .err()
        .unwrap();
    assert!(error.to_string().contains("does not match"), "{error}");
    let mut cut = saved.clone();
    cut.tensors.pop();
    assert!(MnistTrainer::resume(&s, cpu(), data, &cut).is_err());
    assert!(RunCheckpoint::from_bytes(&saved.to_bytes()[..40]).is_err());
}

#[test]
fn an_interrupted_neuron_resumes_exactly() {
    for optimizer in [
        OptimizerKind::Sgd,
        OptimizerKind::Momentum,
        OptimizerKind::Adam,
    ] {
        let mut s = Settings::neuron_default();
        (s.optimizer, s.live.lr) = (optimizer, 0.1);
        s.neuron.x = vec![0.5, -1.5, 2.0];
        s.neuron.w = vec![0.1, 0.2, -0.3];
        let mut straight = NeuronRun::new(&s, cpu());
        (0..3).for_each(|_| straight.step());
        let saved = block_on(straight.prepare_checkpoint("tab-1").finish()).unwrap();
        let saved = RunCheckpoint::from_bytes(&saved.to_bytes()).unwrap();
        assert!(saved.fits(&s));
        (0..2).for_each(|_| straight.step());
        let mut resumed = NeuronRun::resume(&s, cpu(), &saved).unwrap();
        (0..2).for_each(|_| resumed.step());
        let a = block_on(straight.prepare_checkpoint("tab-1").finish()).unwrap();
        let b = block_on(resumed.prepare_checkpoint("tab-1").finish()).unwrap();
        assert_same(&a, &b, &format!("neuron with {optimizer:?}"));
        assert_eq!(a.tensors[0].dims, vec![3]);
    }
}

/// A small sort run (names would need the corpus; the checkpoint path is the same).
fn gpt_settings() -> Settings {
    let mut s = Settings::for_task(Task::Gpt);
    (s.gpt.layers, s.gpt.heads, s.gpt.d_model) = (1, 2, 16);
    (s.gpt.steps, s.gpt.warmup, s.batch_size) = (20, 4, 8);
    s
}

#[test]
fn an_interrupted_gpt_run_resumes_exactly() {
    let s = gpt_settings();
    let source = || Rc::new(TextSource::synthetic(SyntheticTask::Sort));
    let mut straight = GptRun::new(&s, source(), cpu());
    // Across the end of the warm-up: the resumed run must use the same α and batches.
    (0..3).for_each(|_| straight.step());
    let saved = block_on(straight.prepare_checkpoint("tab-1").finish()).unwrap();
    assert_eq!(saved.step, 3);
    assert!(matches!(
        saved.tensors[0].state,
        StateValues::Adam { t: 3, .. }
    ));
    let saved = RunCheckpoint::from_bytes(&saved.to_bytes()).unwrap();
    assert!(saved.fits(&s));
    (0..5).for_each(|_| straight.step());

    let mut resumed = GptRun::resume(&s, source(), cpu(), &saved).unwrap();
    assert_eq!(resumed.steps_taken(), 3);
    (0..5).for_each(|_| resumed.step());
    let a = block_on(straight.prepare_checkpoint("tab-1").finish()).unwrap();
    let b = block_on(resumed.prepare_checkpoint("tab-1").finish()).unwrap();
    assert_same(&a, &b, "gpt");
    assert_ne!(a.tensors[0].value, saved.tensors[0].value);

    // Another shape does not fit, and a cut checkpoint is refused with a reason.
    let mut wider = s.clone();
    wider.gpt.d_model = 32;
    assert!(!saved.fits(&wider));
    let error = GptRun::resume(&wider, source(), cpu(), &saved)
        .err()
        .unwrap();
    assert!(error.to_string().contains("does not match"), "{error}");
    let mut past = saved.clone();
    past.step = 21;
    assert!(GptRun::resume(&s, source(), cpu(), &past).is_err());
}
