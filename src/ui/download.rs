//! Browser downloads of text and bytes (Blob + a clicked anchor).

use wasm_bindgen::JsCast;

/// Offers `parts` (a JS array of strings or byte arrays) as a file named `name`.
fn download(name: &str, parts: &js_sys::Array, mime: &str) -> Option<()> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let document = web_sys::window()?.document()?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    // Revoked later: some browsers read the URL after the click returns.
    gloo::timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Some(())
}

pub fn download_text(name: &str, text: &str, mime: &str) -> Option<()> {
    download(name, &js_sys::Array::of1(&text.into()), mime)
}

pub fn download_bytes(name: &str, bytes: &[u8]) -> Option<()> {
    let array = js_sys::Uint8Array::from(bytes);
    download(
        name,
        &js_sys::Array::of1(&array),
        "application/octet-stream",
    )
}
