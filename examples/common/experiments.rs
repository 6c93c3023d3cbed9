//! The benchmark's MNIST experiments (E2–E4) as settings, and the shipped MNIST files, shared
//! by the native examples.

use std::rc::Rc;

use ml_playground::data::mnist::{self, FILES, MnistData};
use ml_playground::settings::{ModelKind, Preprocess, Settings};

/// Experiment `name`'s network over the MNIST defaults (batch 64, lr 0.001, no decay), or
/// None for an unknown name.
pub fn settings(name: &str) -> Option<Settings> {
    let mut s = Settings::mnist_default();
    (s.epochs, s.batch_size, s.live.lr, s.mnist.lr_decay, s.seed) = (1, 64, 0.001, 1.0, 1);
    match name {
        "E2" => (s.mnist.hidden, s.mnist.preprocess) = (vec![128], Preprocess::Unit),
        "E3" => (s.mnist.hidden, s.mnist.preprocess) = (vec![256, 128, 64], Preprocess::Symmetric),
        "E4" => {
            (s.mnist.model, s.mnist.filters, s.mnist.preprocess) =
                (ModelKind::Cnn, [8, 16], Preprocess::Unit)
        }
        _ => return None,
    }
    Some(s)
}

/// Exits with a message naming the experiments.
pub fn unknown(name: &str) -> ! {
    eprintln!("unknown experiment “{name}”: use E2, E3 or E4");
    std::process::exit(2);
}

/// The MNIST copy in www/data/mnist/ (run the examples from the repository root).
pub fn data() -> Rc<MnistData> {
    let dir = "www/data/mnist/";
    let files = FILES.map(|f| std::fs::read(format!("{dir}{}", f.name)).expect("MNIST files"));
    Rc::new(mnist::from_gz([&files[0], &files[1], &files[2], &files[3]]).expect("MNIST"))
}
