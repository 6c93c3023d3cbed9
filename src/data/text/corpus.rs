//! The shipped corpora as token streams, split 90/10 into training and validation:
//! - **tiny Shakespeare**: the first 90 % of the text trains, the last 10 % validates (nanoGPT's
//!   split);
//! - **names**: one name per line; a seeded shuffle puts 90 % of the names in training. Each name
//!   is written after the boundary token `.`, and each split ends with one (makemore's `.emma.`),
//!   so the model learns where names start and end.

use super::vocab::Vocab;
use crate::data::rng::Rng;

/// The boundary token between names.
pub const BOUNDARY: char = '.';

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CorpusKind {
    Shakespeare,
    Names,
}

/// A corpus, tokenized.
#[derive(Clone, Debug)]
pub struct Corpus {
    pub kind: CorpusKind,
    pub vocab: Vocab,
    pub train: Vec<u32>,
    pub validation: Vec<u32>,
    /// Names only: how many names each split holds.
    pub names: Option<(usize, usize)>,
}

impl Corpus {
    /// Tiny Shakespeare (or any text) from its bytes.
    pub fn shakespeare(bytes: &[u8]) -> Result<Self, String> {
        let text = utf8(bytes, "tinyshakespeare.txt")?;
        let chars: Vec<char> = text.chars().collect();
        if chars.len() < 100 {
            return Err(format!(
                "tinyshakespeare.txt holds {} characters; it needs at least 100. Reload the page to fetch it again.",
                chars.len()
            ));
        }
        let vocab = Vocab::of(text);
        let ids: Vec<u32> = chars.iter().filter_map(|&c| vocab.id(c)).collect();
        let cut = ids.len() * 9 / 10;
        Ok(Self {
            kind: CorpusKind::Shakespeare,
            vocab,
            train: ids[..cut].to_vec(),
            validation: ids[cut..].to_vec(),
            names: None,
        })
    }

    /// The names list (one per line) from its bytes, split by a shuffle drawn from `seed`.
    pub fn names(bytes: &[u8], seed: u64) -> Result<Self, String> {
        let text = utf8(bytes, "names.txt")?;
        let mut names: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        if let Some((line, _)) = text.lines().enumerate().find(|(_, l)| l.contains(BOUNDARY)) {
            return Err(format!(
                "names.txt line {}: a name holds '{BOUNDARY}', the boundary token; remove it.",
                line + 1
            ));
        }
        if names.len() < 10 {
            return Err(format!(
                "names.txt holds {} names; it needs at least 10. Reload the page to fetch it again.",
                names.len()
            ));
        }
        let mut rng = Rng::derived(seed, 0x004E_414D_4553);
        for i in (1..names.len()).rev() {
            names.swap(i, rng.below(i + 1));
        }
        let cut = names.len() * 9 / 10;
        let (train, validation) = names.split_at(cut);
        let join = |part: &[&str]| -> String {
            let mut s: String = part
                .iter()
                .flat_map(|n| std::iter::once(BOUNDARY).chain(n.chars()))
                .collect();
            s.push(BOUNDARY);
            s
        };
        let (train_text, validation_text) = (join(train), join(validation));
        let vocab = Vocab::of(&format!("{train_text}{validation_text}"));
        let encode = |s: &str| s.chars().filter_map(|c| vocab.id(c)).collect::<Vec<u32>>();
        Ok(Self {
            kind: CorpusKind::Names,
            train: encode(&train_text),
            validation: encode(&validation_text),
            vocab,
            names: Some((train.len(), validation.len())),
        })
    }

    /// The name of the file it comes from.
    pub fn file(kind: CorpusKind) -> &'static str {
        match kind {
            CorpusKind::Shakespeare => "tinyshakespeare.txt",
            CorpusKind::Names => "names.txt",
        }
    }

    /// The SHA-256 of the shipped file (www/data/text/SHA256SUMS; a test checks they agree).
    pub fn sha256(kind: CorpusKind) -> &'static str {
        match kind {
            CorpusKind::Shakespeare => {
                "86c4e6aa9db7c042ec79f339dcb96d42b0075e16b8fc2e86bf0ca57e2dc565ed"
            }
            CorpusKind::Names => "0a30b5557f192f32ab962680889aac5f6fda0f4cecf40a6d0b5694f58ea8cc4d",
        }
    }
}

fn utf8<'a>(bytes: &'a [u8], file: &str) -> Result<&'a str, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| {
        format!(
            "{file} is not UTF-8 text (byte {} is invalid). Reload the page to fetch it again.",
            e.valid_up_to()
        )
    })
}
