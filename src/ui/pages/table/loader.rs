//! Reading a table in the page: a built-in one or a same-origin link (`data=`), a file dropped
//! in or chosen, or pasted text. Nothing is uploaded anywhere: the bytes are parsed here.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{File, Response};

use super::view_state::Loaded;
use crate::data::table::MAX_BYTES;
use crate::data::table::parse::parse;
use crate::settings::own_table::EXAMPLES;

/// The URL `data=` names: a built-in table's file (relative to the page, so a subpath works),
/// or a link on this site. Another site, or a scheme other than http(s), is refused.
pub fn resolve(data: &str, origin: &str) -> Result<String, String> {
    if let Some((name, _)) = EXAMPLES.iter().find(|(name, _)| *name == data) {
        return Ok(format!("data/tables/{name}.csv"));
    }
    let lower = data.to_ascii_lowercase();
    let absolute = lower.starts_with("http://") || lower.starts_with("https://");
    let same_site = |url: &str| url == origin || url.starts_with(&format!("{origin}/"));
    if absolute && !same_site(data) || data.starts_with("//") {
        return Err(format!(
            "data={data} is on another site; a link can only open tables on this site ({origin}). Download the file and drop it here instead."
        ));
    }
    let scheme = data.split_once(':').is_some_and(|(s, _)| !s.contains('/'));
    if scheme && !absolute {
        return Err(format!(
            "data={data} is not a link to a CSV file; give a path on this site such as data/my-table.csv, or the name of a built-in table ({})",
            EXAMPLES.map(|e| e.0).join(", ")
        ));
    }
    Ok(data.to_string())
}

/// The table at `url`, read and summarized (`source`: what messages call it).
pub async fn fetch(source: String, url: String) -> Result<Loaded, String> {
    let window = web_sys::window().ok_or("the page has no window")?;
    let answer = JsFuture::from(window.fetch_with_str(&url)).await.map_err(|_| {
        format!("{source} could not be fetched: the network or the server refused. Check the link, or drop the file here.")
    })?;
    let response: Response = answer
        .dyn_into()
        .map_err(|_| "not a response".to_string())?;
    if !response.ok() {
        return Err(format!(
            "{source} could not be fetched: the server answered {} {}. Check the link.",
            response.status(),
            response.status_text()
        ));
    }
    let kind = response
        .headers()
        .get("content-type")
        .ok()
        .flatten()
        .unwrap_or_default();
    if kind.starts_with("text/html") {
        return Err(format!(
            "{source} is a web page, not a CSV file. Link to the .csv file itself."
        ));
    }
    let buffer = response
        .array_buffer()
        .map_err(|_| format!("{source} could not be read"))?;
    let bytes = JsFuture::from(buffer)
        .await
        .map_err(|_| format!("{source} could not be read"))?;
    read(source, &js_sys::Uint8Array::new(&bytes).to_vec())
}

/// The file the learner dropped in or chose.
pub async fn file(file: File) -> Result<Loaded, String> {
    let name = file.name();
    if file.size() > MAX_BYTES as f64 {
        return Err(format!(
            "“{name}” is {:.1} MB; the limit is {} MB. Use a sample of its rows.",
            file.size() / 1e6,
            MAX_BYTES / (1 << 20)
        ));
    }
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| format!("The browser refused to read “{name}”. Try choosing it again."))?;
    read(name, &js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Parses `bytes`; the error names the source, the line and the column.
pub fn read(source: String, bytes: &[u8]) -> Result<Loaded, String> {
    match parse(bytes) {
        Ok(table) => Ok(Loaded::new(source, table)),
        Err(e) => Err(format!("{source}: {e}")),
    }
}

#[cfg(test)]
mod tests {
    use super::resolve;

    const SITE: &str = "http://127.0.0.1:8080";

    #[test]
    fn built_in_tables_and_links_on_this_site_are_read() {
        assert_eq!(resolve("iris", SITE).unwrap(), "data/tables/iris.csv");
        assert_eq!(resolve("lessons/t.csv", SITE).unwrap(), "lessons/t.csv");
        assert_eq!(resolve("/t.csv", SITE).unwrap(), "/t.csv");
        assert!(resolve("http://127.0.0.1:8080/t.csv", SITE).is_ok());
    }

    #[test]
    fn other_sites_and_schemes_are_refused() {
        for bad in [
            "https://example.com/t.csv",
            "//example.com/t.csv",
            "http://127.0.0.1:8080.evil/t.csv",
        ] {
            assert!(
                resolve(bad, SITE).unwrap_err().contains("another site"),
                "{bad}"
            );
        }
        assert!(
            resolve("javascript:alert(1)", SITE)
                .unwrap_err()
                .contains("not a link")
        );
        assert!(resolve("data:text/csv,a", SITE).is_err());
    }
}
