//! Choosing the device: Burn's WebGPU runtime in the browser, Burn's CPU backend ("flex")
//! everywhere.

use burn::tensor::Device;

/// Burn's pure-Rust CPU backend.
pub fn cpu() -> Device {
    Device::flex()
}

/// Name shown for the CPU backend.
pub use crate::protocol::CPU_NAME;

/// Initializes Burn's WebGPU runtime; returns the device and the adapter's name.
///
/// This can hang forever in some browsers (`requestAdapter()` never resolves): the caller
/// must race it against a timeout.
///
/// Burn registers one WebGPU runtime per page (or worker): a second initialization fails,
/// so the first device is kept and handed out again.
#[cfg(target_arch = "wasm32")]
pub async fn webgpu() -> Result<(Device, String), String> {
    thread_local! {
        static WEBGPU: std::cell::RefCell<Option<(Device, String)>> = const { std::cell::RefCell::new(None) };
    }
    if let Some(found) = WEBGPU.with(|w| w.borrow().clone()) {
        return Ok(found);
    }
    let (device, setup) = Device::wgpu_options()
        .init_with_setup_async()
        .await
        .map_err(|e| format!("{e}"))?;
    let found = (device, adapter_name(&setup.adapter.get_info()));
    WEBGPU.with(|w| *w.borrow_mut() = Some(found.clone()));
    Ok(found)
}

/// A readable description of an adapter (WebGPU in browsers often leaves some fields empty).
#[cfg(target_arch = "wasm32")]
fn adapter_name(info: &wgpu::AdapterInfo) -> String {
    [&info.name, &info.driver, &info.driver_info]
        .into_iter()
        .find(|s| !s.is_empty())
        .cloned()
        .unwrap_or_else(|| format!("{:?} adapter", info.device_type))
}
