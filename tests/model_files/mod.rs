//! One real model file (784-8-10, 26 KB, saved once) and what the model-file properties check
//! of a load: a refusal's message names the model file and says what to do; a network that
//! loads has the shape of its header's settings, every weight a finite f32, every setting in
//! its range and read exactly as the header's text reads.
// Each property file uses part of it.
#![allow(dead_code, unused_imports)]

pub use std::sync::OnceLock;

pub use burn::module::{Module, ModuleVisitor, Param};
pub use burn::prelude::*;
pub use burn::tensor::DType;
pub use futures::executor::block_on;
pub use ml_playground::engine::device::cpu;
pub use ml_playground::engine::mnist::Classifier;
pub use ml_playground::engine::mnist::model_file::{self, Loaded, MAGIC};
pub use ml_playground::settings::cnn::MAX_FILTERS;
pub use ml_playground::settings::{
    Settings, Task, file_header, mnist::range as m, range as r, table,
};
pub use proptest::prelude::*;
pub use proptest::sample::{Index, select};
pub use serde_json::{Value, json};

pub const STEP: u64 = 1234;
pub const KIB4: usize = 4096;

/// The file, where Burn's record and its metadata start and end, each parameter's bytes.
pub struct Real {
    pub file: Vec<u8>,
    pub record: usize,
    pub metadata_end: usize,
    pub params: Vec<(usize, usize)>,
    pub settings: Settings,
}

pub fn real() -> &'static Real {
    static REAL: OnceLock<Real> = OnceLock::new();
    REAL.get_or_init(|| {
        let mut settings = Settings::mnist_default();
        settings.mnist.hidden = vec![8];
        let model = Classifier::new(&settings, &cpu());
        let file = block_on(model_file::save(&model, &settings, STEP)).expect("saved");
        let word = |at: usize| u32::from_le_bytes(file[at..at + 4].try_into().unwrap()) as usize;
        let record = MAGIC.len() + 4 + word(MAGIC.len());
        let mut params = Vec::new();
        for v in floats(&model).values {
            let bytes: Vec<u8> = v.iter().flat_map(|x| x.to_le_bytes()).collect();
            let at = file.windows(bytes.len()).position(|w| w == bytes);
            assert_eq!(at, file.windows(bytes.len()).rposition(|w| w == bytes));
            params.push((at.expect("each parameter's bytes"), v.len()));
        }
        let metadata_end = record + 10 + word(record + 6);
        Real {
            file,
            record,
            metadata_end,
            params,
            settings,
        }
    })
}

/// Every float parameter's dtype, shape and values (as f32), in visiting order.
#[derive(Default)]
pub struct Floats {
    pub dtypes: Vec<DType>,
    pub shapes: Vec<Vec<usize>>,
    pub values: Vec<Vec<f32>>,
}

impl ModuleVisitor for Floats {
    fn visit_float<const D: usize>(&mut self, param: &Param<Tensor<D>>) {
        let t = param.val();
        self.dtypes.push(t.dtype());
        self.shapes.push(t.dims().to_vec());
        self.values
            .push(t.into_data().convert::<f32>().iter::<f32>().collect());
    }
}

pub fn floats(model: &Classifier) -> Floats {
    let mut f = Floats::default();
    model.visit(&mut f);
    f
}

pub fn check_message(m: &str) -> Result<(), TestCaseError> {
    let says = [
        "Choose a file",
        "Save the model again",
        "save it again",
        "reads formats",
    ];
    prop_assert!(
        m.contains("model file") && says.iter().any(|s| m.contains(s)),
        "{m}"
    );
    Ok(())
}

/// A network of its settings' shape with finite f32 weights, and valid settings.
pub fn check_loaded(l: &Loaded) -> Result<(), TestCaseError> {
    let (got, fresh) = (
        floats(&l.model),
        floats(&Classifier::new(&l.settings, &cpu())),
    );
    prop_assert_eq!(&got.shapes, &fresh.shapes);
    prop_assert!(
        got.dtypes.iter().all(|d| *d == DType::F32),
        "{:?}",
        got.dtypes
    );
    prop_assert!(got.values.iter().flatten().all(|x| x.is_finite()));
    let (s, f) = (&l.settings, |x: f64, (lo, hi): (f64, f64)| {
        lo <= x && x <= hi
    });
    let u = |x: usize, (lo, hi): (usize, usize)| lo <= x && x <= hi;
    prop_assert!(
        s.task == Task::Mnist && s.seed <= u64::from(u32::MAX),
        "{s:?}"
    );
    prop_assert!(f(s.live.lr, r::LR) && f(s.momentum, r::MOMENTUM), "{s:?}");
    prop_assert!(f(s.live.l1, r::REG) && f(s.live.l2, r::REG), "{s:?}");
    prop_assert!(
        f(s.mnist.lr_decay, r::LR_DECAY) && s.live.speed <= r::SPEED.1,
        "{s:?}"
    );
    prop_assert!(u(s.batch_size, r::BATCH) && u(s.epochs, r::EPOCHS), "{s:?}");
    prop_assert!(u(s.mnist.subset, m::SUBSET) && s.mnist.hidden.len() <= m::HIDDEN_LAYERS);
    prop_assert!(
        s.mnist.hidden.iter().all(|&h| u(h, m::HIDDEN_UNITS)),
        "{s:?}"
    );
    prop_assert!(
        s.mnist
            .filters
            .iter()
            .all(|&n| (1..=MAX_FILTERS).contains(&n))
    );
    let back = file_header::from_header(&file_header::to_header(s));
    prop_assert_eq!(back.as_ref(), Ok(s));
    Ok(())
}

/// Refused with a message (`None`), or a checked model: its settings and step.
pub fn refused_or_sound(bytes: &[u8]) -> Result<Option<(Settings, u64)>, TestCaseError> {
    match model_file::load(bytes, &cpu()) {
        Err(e) => check_message(&e.to_string()).map(|_| None),
        Ok(l) => check_loaded(&l).map(|_| Some((l.settings, l.step))),
    }
}

/// Refused with a message, which is returned.
pub fn refusal(bytes: &[u8]) -> Result<String, TestCaseError> {
    match model_file::load(bytes, &cpu()) {
        Ok(_) => Err(TestCaseError::fail("a damaged file loaded")),
        Err(e) => check_message(&e.to_string()).map(|_| e.to_string()),
    }
}

/// The real record behind `header`, with `len` as the header's length field.
pub fn with_header(header: &[u8], len: u32) -> Vec<u8> {
    let mut file = MAGIC.to_vec();
    file.extend(len.to_le_bytes());
    file.extend(header);
    file.extend(&real().file[real().record..]);
    file
}

/// The header `{"format", "settings", "step"}` around the real record.
pub fn with_fields(fields: &serde_json::Map<String, Value>) -> Vec<u8> {
    let header = serde_json::to_vec(fields).unwrap();
    with_header(&header, header.len() as u32)
}

/// The real settings as format 1 wrote them: the old struct's flat fields.
pub fn v1_of(s: &Settings) -> Value {
    json!({"task": s.task, "seed": s.seed, "lr": s.live.lr, "batch_size": s.batch_size,
        "epochs": s.epochs, "optimizer": s.optimizer, "momentum": s.momentum, "l1": s.live.l1,
        "l2": s.live.l2, "backend": s.backend, "speed": s.live.speed, "model": s.mnist.model,
        "hidden": s.mnist.hidden, "filters": s.mnist.filters, "activation": s.mnist.activation,
        "preprocess": s.mnist.preprocess, "subset": s.mnist.subset, "lr_decay": s.mnist.lr_decay})
}
