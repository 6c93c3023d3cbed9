//! The GPT's corpora: fetched from `data/text/` next to the page (precached for offline use),
//! checked against their shipped SHA-256, kept for every later run; the synthetic tasks need
//! no file.

use std::collections::BTreeMap;
use std::rc::Rc;

use sha2::{Digest, Sha256};

use super::mnist_loader::fetch_bytes;
use crate::data::text::corpus::{Corpus, CorpusKind};
use crate::data::text::source::TextSource;
use crate::settings::{Settings, TextData};

/// The corpus files loaded so far, by file name.
#[derive(Clone, Default)]
pub struct TextFiles {
    pub bytes: BTreeMap<&'static str, Rc<Vec<u8>>>,
    /// A file is being fetched.
    pub loading: bool,
}

impl TextFiles {
    /// The corpus `settings` train on still has to be fetched.
    pub fn missing(&self, settings: &Settings) -> Option<CorpusKind> {
        settings
            .gpt
            .text
            .corpus()
            .filter(|&k| !self.bytes.contains_key(Corpus::file(k)))
    }

    /// The text source of `data` (None while its file is missing).
    pub fn source(&self, data: TextData, seed: u64) -> Option<Rc<TextSource>> {
        if let Some(task) = data.synthetic() {
            return Some(Rc::new(TextSource::synthetic(task)));
        }
        let kind = data.corpus()?;
        let bytes = self.bytes.get(Corpus::file(kind))?;
        let corpus = match kind {
            CorpusKind::Names => Corpus::names(bytes, seed),
            CorpusKind::Shakespeare => Corpus::shakespeare(bytes),
        };
        corpus.ok().map(|c| Rc::new(TextSource::Corpus(c)))
    }
}

/// `kind`'s file from `text_url` (the absolute URL of `data/text/`), checked; else a message
/// that names the file and says what to do.
pub async fn load(text_url: &str, kind: CorpusKind) -> Result<Vec<u8>, String> {
    let file = Corpus::file(kind);
    let advice = "Try again; if it keeps failing, reload the page (the playground's data files \
                  must be served next to it, in data/text/).";
    let bytes = fetch_bytes(text_url, file, |_| {})
        .await
        .map_err(|what| format!("The text could not be loaded: {what}. {advice}"))?;
    let digest = Sha256::digest(&bytes);
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    if hex != Corpus::sha256(kind) {
        return Err(format!(
            "{file} is damaged: {} bytes whose SHA-256 is not the shipped file's. {advice}",
            bytes.len()
        ));
    }
    // The checks of the parser (UTF-8, enough text) name the file too.
    match kind {
        CorpusKind::Names => Corpus::names(&bytes, 0).map(|_| ()),
        CorpusKind::Shakespeare => Corpus::shakespeare(&bytes).map(|_| ()),
    }?;
    Ok(bytes)
}
