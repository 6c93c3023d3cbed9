//! A trained network as a file: a short header (format, settings, step) followed by Burn's
//! record of the parameters (burnpack). The header's settings are their URL hash, read
//! through the settings table (see [`file_header`]); files of format 1 are migrated.
//!
//! In the browser a WebGPU tensor can only be read asynchronously, but Burn's `into_record`
//! reads synchronously; so the parameters are read back first, placed into the same network
//! on the CPU, and recorded there.

use burn::module::{ModuleMapper, ModuleVisitor, Param};
use burn::prelude::*;
use burn::store::ModuleRecord;
use burn::tensor::{Bytes, TensorData};
use serde::{Deserialize, Serialize};

use super::classifier::Classifier;
use crate::engine::EngineError;
use crate::engine::readback::{Readback, Slot, Values};
use crate::settings::{Settings, Task, file_header};

/// The first bytes of every model file.
pub const MAGIC: &[u8; 20] = b"ML-PLAYGROUND-MODEL\n";
pub const FORMAT: u32 = 2;
/// File-name extension of model files.
pub const EXTENSION: &str = "mlpg";

/// Format 2's header; format 1 had the same fields with `settings` as a JSON object.
#[derive(Serialize, Deserialize)]
struct Header<S> {
    format: u32,
    settings: S,
    step: u64,
}

/// A model file's contents, checked.
pub struct Loaded {
    pub settings: Settings,
    pub step: u64,
    pub model: Classifier,
}

/// Reads `model`'s parameters back and writes the file.
pub async fn save(
    model: &Classifier,
    settings: &Settings,
    step: u64,
) -> Result<Vec<u8>, EngineError> {
    let mut queue = Queue(Readback::default(), Vec::new());
    model.valid().visit(&mut queue);
    let Queue(rb, slots) = queue;
    let values = rb.run().await?;
    let cpu = crate::engine::device::cpu();
    let mut fill = Fill {
        values: &values,
        slots: slots.into_iter(),
    };
    let on_cpu = Classifier::new(settings, &cpu).map(&mut fill);
    let record = on_cpu
        .into_record()
        .into_bytes()
        .map_err(|e| EngineError(format!("Could not write the model: {e}")))?;
    let header = serde_json::to_vec(&Header {
        format: FORMAT,
        settings: file_header::to_header(settings),
        step,
    })
    .map_err(|e| EngineError(format!("Could not write the model header: {e}")))?;
    let mut file = MAGIC.to_vec();
    file.extend((header.len() as u32).to_le_bytes());
    file.extend(header);
    file.extend(record.to_vec());
    Ok(file)
}

/// Checks and loads a model file onto `device`; every problem is a message saying what to do.
pub fn load(bytes: &[u8], device: &Device) -> Result<Loaded, EngineError> {
    let bad = |why: &str| {
        EngineError(format!(
            "This is not a model file of this playground ({why}). Choose a file saved with “Save model”."
        ))
    };
    let rest = bytes
        .strip_prefix(&MAGIC[..])
        .ok_or_else(|| bad("it does not start with the model-file signature"))?;
    let (len, rest) = rest
        .split_first_chunk::<4>()
        .ok_or_else(|| bad("it ends after the signature"))?;
    let len = u32::from_le_bytes(*len) as usize;
    if rest.len() < len {
        return Err(bad("its header is cut short"));
    }
    let (header, record) = rest.split_at(len);
    let header: Header<serde_json::Value> =
        serde_json::from_slice(header).map_err(|e| bad(&format!("its header is damaged: {e}")))?;
    let hash = match (header.format, &header.settings) {
        (FORMAT, serde_json::Value::String(hash)) => hash.clone(),
        (1, v1) => file_header::hash_from_v1(v1).map_err(|why| bad(&why))?,
        (FORMAT, _) => return Err(bad("its settings are not a settings string")),
        (format, _) => {
            return Err(EngineError(format!(
                "This model file has format {format}; this version of the playground reads formats 1 and {FORMAT}."
            )));
        }
    };
    let settings = file_header::from_header(&hash).map_err(|why| {
        EngineError(format!(
            "The model file's settings are not valid: {why} Save the model again."
        ))
    })?;
    if settings.task != Task::Mnist {
        return Err(bad("it holds no MNIST model"));
    }
    let load_on = |device: &Device| {
        // Cast to the network's dtype: a record that says its floats are integers (one changed
        // byte) would otherwise make Burn panic ("Expected float dtype").
        let record = ModuleRecord::from_bytes(Bytes::from_bytes_vec(record.to_vec()))
            .map_err(|e| bad(&format!("its parameters are damaged: {e}")))?
            .cast_to_module_dtype();
        Classifier::new(&settings, device)
            .try_load_record(record)
            .map_err(|e| EngineError(format!("The model file does not match the network it describes ({e}). It may be damaged; save it again.")))
    };
    // Checked on the CPU, where the values can be read synchronously: a weight that is not a
    // number would make every prediction NaN.
    let on_cpu = load_on(&crate::engine::device::cpu())?;
    let mut finite = FiniteCheck::default();
    on_cpu.visit(&mut finite);
    if let Some(value) = finite.bad {
        return Err(bad(&format!(
            "one of its weights is {value}, not a finite number: it is damaged"
        )));
    }
    let model = match device == &crate::engine::device::cpu() {
        true => on_cpu,
        false => load_on(device)?,
    };
    Ok(Loaded {
        settings,
        step: header.step,
        model,
    })
}

/// The first parameter value that is not finite (NaN or ±∞), read on the CPU.
#[derive(Default)]
struct FiniteCheck {
    bad: Option<f32>,
}

impl ModuleVisitor for FiniteCheck {
    fn visit_float<const D: usize>(&mut self, param: &Param<Tensor<D>>) {
        if self.bad.is_some() {
            return;
        }
        let data = param.val().into_data();
        // Whatever the stored precision, the check is on the values as f32.
        self.bad = data.convert::<f32>().iter::<f32>().find(|x| !x.is_finite());
    }
}

/// Queues every float parameter, in visiting order.
struct Queue(Readback, Vec<(Slot, Vec<usize>)>);

impl ModuleVisitor for Queue {
    fn visit_float<const D: usize>(&mut self, param: &Param<Tensor<D>>) {
        let tensor = param.val();
        let dims = tensor.dims().to_vec();
        let slot = self.0.add(&tensor);
        self.1.push((slot, dims));
    }
}

/// Replaces every float parameter, in the same order, with the values read back.
struct Fill<'a, I: Iterator<Item = (Slot, Vec<usize>)>> {
    values: &'a Values,
    slots: I,
}

impl<I: Iterator<Item = (Slot, Vec<usize>)>> ModuleMapper for Fill<'_, I> {
    fn map_float<const D: usize>(&mut self, param: Param<Tensor<D>>) -> Param<Tensor<D>> {
        let Some((slot, dims)) = self.slots.next() else {
            return param;
        };
        let values = self.values.vec(slot).to_vec();
        param.map(|t| {
            let device = t.device();
            if dims.len() == D && values.len() == dims.iter().product::<usize>() {
                Tensor::from_data(TensorData::new(values, dims), &device)
            } else {
                t
            }
        })
    }
}
