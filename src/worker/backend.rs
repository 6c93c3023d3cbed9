//! Device selection with a time limit: WebGPU when it answers and works, else the CPU, with
//! the reason the user sees on the backend badge.

use burn::tensor::{Device, Tensor};
use futures::future::{Either, select};
use gloo::timers::future::TimeoutFuture;
use wasm_bindgen::JsValue;

use crate::engine::device;
use crate::protocol::BackendInfo;
use crate::settings::BackendChoice;

/// `requestAdapter()` can hang forever (seen in headless Chromium with `--disable-gpu`).
const ADAPTER_TIMEOUT_MS: u32 = 5_000;
/// The first WebGPU computation compiles shaders; a software adapter may need seconds.
const SMOKE_TEST_TIMEOUT_MS: u32 = 15_000;

pub fn cpu(reason: impl Into<String>) -> (Device, BackendInfo) {
    cpu_because(reason, None)
}

fn cpu_because(reason: impl Into<String>, detail: Option<String>) -> (Device, BackendInfo) {
    (device::cpu(), BackendInfo::cpu(reason, detail))
}

/// `backend=auto`'s start: the CPU at once, while WebGPU is measured in the background.
pub fn cpu_while_measuring() -> (Device, BackendInfo) {
    let (device, mut info) = cpu("WebGPU is being measured against it");
    info.measuring = true;
    (device, info)
}

/// The CPU after the WebGPU device failed mid-run (`why` becomes the detail).
pub fn device_failed(why: &str) -> (Device, BackendInfo) {
    cpu_because(
        "the WebGPU device failed during training",
        Some(why.to_string()),
    )
}

/// A short reason for a failed WebGPU initialization (the full message goes in `detail`).
fn init_failure(error: String) -> (Device, BackendInfo) {
    let lower = error.to_lowercase();
    let no_adapter = ["no adapter", "found no adapters", "adapterunavailable"]
        .iter()
        .any(|p| lower.contains(p));
    let reason = if no_adapter {
        "no WebGPU adapter available"
    } else {
        "WebGPU initialization failed"
    };
    cpu_because(reason, Some(error))
}

fn get(target: &JsValue, key: &str) -> Option<JsValue> {
    js_sys::Reflect::get(target, &JsValue::from_str(key))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

/// The adapter's own description, from the browser (`GPUAdapterInfo`): wgpu leaves it empty
/// on the web. E.g. "google swiftshader, software fallback".
async fn adapter_label() -> Option<String> {
    let gpu = get(&get(&js_sys::global(), "navigator")?, "gpu")?;
    let request = get(&gpu, "requestAdapter")?;
    let promise: js_sys::Promise = js_sys::Function::from(request).call0(&gpu).ok()?.into();
    let adapter = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
    let info = get(&adapter, "info")?;
    let text = |key: &str| {
        get(&info, key)
            .and_then(|v| v.as_string())
            .filter(|s| !s.is_empty())
    };
    let mut parts: Vec<String> = ["vendor", "architecture", "description"]
        .iter()
        .filter_map(|k| text(k))
        .collect();
    parts.dedup();
    let fallback = get(&info, "isFallbackAdapter")
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    let label = parts.join(" ");
    match (label.is_empty(), fallback) {
        (true, _) => None,
        (false, true) => Some(format!("{label}, software fallback")),
        (false, false) => Some(label),
    }
}

fn browser_has_webgpu() -> bool {
    let navigator = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("navigator"));
    navigator
        .and_then(|n| js_sys::Reflect::get(&n, &JsValue::from_str("gpu")))
        .is_ok_and(|gpu| !gpu.is_undefined() && !gpu.is_null())
}

/// Runs `future` for at most `ms` milliseconds.
pub async fn within<T>(ms: u32, future: impl Future<Output = T>) -> Option<T> {
    match select(Box::pin(future), TimeoutFuture::new(ms)).await {
        Either::Left((value, _)) => Some(value),
        Either::Right(_) => None,
    }
}

/// One tiny computation read back: proves the device really computes.
async fn smoke_test(device: &Device) -> Result<(), String> {
    let x = Tensor::<1>::from_floats([1.0, 2.0, 3.0], device);
    let data = x
        .mul_scalar(2.0)
        .sum()
        .into_data_async()
        .await
        .map_err(|e| format!("{e:?}"))?;
    match data
        .try_to_vec::<f32>()
        .ok()
        .and_then(|v| v.first().copied())
    {
        Some(v) if (v - 12.0).abs() < 1e-4 => Ok(()),
        other => Err(format!(
            "wrong result {other:?} for a test sum (expected 12)"
        )),
    }
}

/// The device to train on, following the user's choice, never hanging.
pub async fn choose(choice: BackendChoice) -> (Device, BackendInfo) {
    choose_with(choice, browser_has_webgpu(), device::webgpu()).await
}

/// A working WebGPU device and its adapter's name, or the CPU's badge saying why not.
pub async fn probe_webgpu() -> Result<(Device, String), BackendInfo> {
    probe_with(browser_has_webgpu(), device::webgpu()).await
}

/// [`choose`] with the WebGPU probe injected (tests pass a probe that never answers).
pub async fn choose_with(
    choice: BackendChoice,
    has_webgpu: bool,
    webgpu: impl Future<Output = Result<(Device, String), String>>,
) -> (Device, BackendInfo) {
    if choice == BackendChoice::Cpu {
        return cpu("chosen in the settings");
    }
    match probe_with(has_webgpu, webgpu).await {
        Ok((device, name)) => (device, BackendInfo::webgpu(name)),
        Err(info) => (device::cpu(), info),
    }
}

async fn probe_with(
    has_webgpu: bool,
    webgpu: impl Future<Output = Result<(Device, String), String>>,
) -> Result<(Device, String), BackendInfo> {
    let failed = |(_, info): (Device, BackendInfo)| Err(info);
    if !has_webgpu {
        return failed(cpu("this browser has no WebGPU"));
    }
    let (device, name) = match within(ADAPTER_TIMEOUT_MS, webgpu).await {
        None => {
            return failed(cpu(format!(
                "WebGPU adapter request timed out after {} s",
                ADAPTER_TIMEOUT_MS / 1000
            )));
        }
        Some(Err(e)) => return failed(init_failure(e)),
        Some(Ok(found)) => found,
    };
    let name = within(2_000, adapter_label())
        .await
        .flatten()
        .unwrap_or(name);
    match within(SMOKE_TEST_TIMEOUT_MS, smoke_test(&device)).await {
        Some(Ok(())) => Ok((device, name)),
        Some(Err(e)) => failed(cpu_because("WebGPU failed a test computation", Some(e))),
        None => failed(cpu("WebGPU did not finish a test computation in time")),
    }
}
