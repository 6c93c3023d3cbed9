//! MNIST in Burn on the CPU: a short run learns, evaluation adds up, model files round-trip
//! and bad files are refused with a message.

use std::rc::Rc;

use futures::executor::block_on;
use ml_playground::data::mnist::{self, FILES, MnistData};
use ml_playground::engine::device::cpu;
use ml_playground::engine::mnist::{MnistTrainer, model_file};
use ml_playground::protocol::mnist::Evaluation;
use ml_playground::settings::{ModelKind, Preset, Settings};

fn data() -> Rc<MnistData> {
    let dir = "www/data/mnist/"; // relative: cargo runs tests from the package root
    let files = FILES.map(|f| std::fs::read(format!("{dir}{}", f.name)).unwrap());
    Rc::new(mnist::from_gz([&files[0], &files[1], &files[2], &files[3]]).unwrap())
}

fn settings(preset: Preset, subset: usize, epochs: usize) -> Settings {
    let mut s = Settings::mnist_default();
    preset.apply(&mut s);
    (s.mnist.subset, s.epochs) = (subset, epochs);
    s
}

/// Runs to the end, reading back a snapshot every `every` steps; returns the training
/// losses and the evaluations.
fn train(t: &mut MnistTrainer, every: u64) -> (Vec<f32>, Vec<Evaluation>) {
    let (mut losses, mut evaluations) = (Vec::new(), Vec::new());
    while !t.is_finished() {
        t.step();
        if t.steps_taken().is_multiple_of(every) || t.is_finished() {
            let r = block_on(t.prepare_readout().finish()).unwrap();
            losses.extend(r.train.map(|p| p.loss));
            evaluations.extend(r.evaluations);
        }
    }
    (losses, evaluations)
}

#[test]
fn a_short_mlp_run_learns_and_its_evaluation_adds_up() {
    let data = data();
    let mut t = MnistTrainer::new(&settings(Preset::Seed003, 6_000, 1), cpu(), data.clone());
    assert_eq!((t.total_steps(), t.epoch_samples()), (94, 0));
    let (losses, evaluations) = train(&mut t, 8);
    let (first, last) = (losses[0], *losses.last().unwrap());
    assert!(first > 1.5 && last < 0.7 * first, "loss {first} → {last}");
    assert_eq!(evaluations.len(), 1, "one evaluation per epoch end");
    let e = &evaluations[0];
    assert!(e.accuracy > 0.85, "test accuracy {}", e.accuracy);
    let total: u32 = e.confusion.iter().flatten().sum();
    let diagonal: u32 = (0..10).map(|k| e.confusion[k][k]).sum();
    assert_eq!(total, 10_000);
    assert!((diagonal as f32 / 10_000.0 - e.accuracy).abs() < 1e-6);
    for (k, row) in e.confusion.iter().enumerate() {
        let support = data
            .test
            .labels
            .iter()
            .filter(|&&l| l as usize == k)
            .count();
        assert_eq!(row.iter().sum::<u32>() as usize, support, "row {k}");
    }
    assert_eq!(e.gallery.len(), 24);
    let g = &e.gallery[3];
    assert!((g.probs.iter().sum::<f32>() - 1.0).abs() < 1e-4);
    assert_eq!(g.pixels, data.test.image(g.index as usize));
    assert_eq!(
        (e.first_layer.units_total, e.first_layer.images.len()),
        (128, 64)
    );
    assert_eq!(e.first_layer.images[0].1.len(), 784);
}

#[test]
fn the_cnn_trains_a_few_steps() {
    let mut t = MnistTrainer::new(&settings(Preset::SmallCnn, 640, 1), cpu(), data());
    let (losses, evaluations) = train(&mut t, 5);
    assert!(losses.last().unwrap() < &losses[0], "{losses:?}");
    let e = &evaluations[0];
    assert!(e.accuracy > 0.5, "test accuracy {}", e.accuracy);
    assert_eq!((e.first_layer.width, e.first_layer.images.len()), (5, 16));
    assert_eq!(Settings::mnist_default().mnist.model, ModelKind::Mlp);
}

#[test]
fn a_saved_model_loads_back_with_the_same_predictions() {
    let data = data();
    let s = settings(Preset::Seed002, 500, 1);
    let mut t = MnistTrainer::new(&s, cpu(), data.clone());
    train(&mut t, 100);
    let file = block_on(t.save()).unwrap();
    let drawn = data.test.image(0).to_vec();
    let before = block_on(t.predict(&drawn).unwrap()).unwrap();
    let loaded = model_file::load(&file, &cpu()).unwrap();
    assert_eq!(
        (loaded.settings.clone(), loaded.step),
        (s.clone(), t.steps_taken())
    );
    let mut u = MnistTrainer::new(&s, cpu(), data.clone());
    u.adopt(loaded);
    let after = block_on(u.predict(&drawn).unwrap()).unwrap();
    assert_eq!(before, after);
    assert_eq!(u.steps_taken(), t.steps_taken());
}

#[test]
fn bad_model_files_are_refused_with_a_message() {
    let s = settings(Preset::Seed003, 200, 1);
    let t = MnistTrainer::new(&s, cpu(), data());
    let file = block_on(t.save()).unwrap();
    let error = |bytes: &[u8]| model_file::load(bytes, &cpu()).err().unwrap().to_string();
    assert!(error(b"hello").contains("signature"), "{}", error(b"hello"));
    assert!(
        error(&file[..file.len() / 2]).contains("damaged"),
        "{}",
        error(&file[..file.len() / 2])
    );
    // The header says 784-127-10 but the parameters are 784-128-10.
    let at = file.windows(11).position(|w| w == b"hidden=128&").unwrap();
    let mut wrong = file.clone();
    wrong[at..at + 11].copy_from_slice(b"hidden=127&");
    assert!(
        error(&wrong).contains("does not match"),
        "{}",
        error(&wrong)
    );
}

#[test]
fn a_model_file_with_a_weight_that_is_not_a_number_is_refused() {
    let s = settings(Preset::Seed003, 200, 1);
    let t = MnistTrainer::new(&s, cpu(), data());
    let file = block_on(t.save()).unwrap();
    // Somewhere in the first layer's weights (most of the file), at each of the four
    // alignments: one of them replaces a whole weight with NaN, or +∞.
    let mut named = 0;
    for bits in [f32::NAN.to_bits(), f32::INFINITY.to_bits()] {
        for shift in 0..4 {
            let mut bad = file.clone();
            let at = file.len() / 2 + shift;
            bad[at..at + 4].copy_from_slice(&bits.to_le_bytes());
            match model_file::load(&bad, &cpu()) {
                Ok(_) => {
                    // A misaligned write may give finite numbers; the loaded weights then are.
                }
                Err(e) if e.to_string().contains("not a finite number") => named += 1,
                Err(e) => panic!("another refusal: {e}"),
            }
        }
    }
    assert_eq!(named, 2, "NaN and +∞ each refused once, by name");
}
