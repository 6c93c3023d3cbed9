//! The character-level tokenizer: every distinct character of a text, in code-point order, is
//! one token; its id is its position in that order.

use std::fmt;

/// A character the vocabulary does not hold.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownChar {
    pub ch: char,
    /// Its index among the text's characters.
    pub at: usize,
}

impl fmt::Display for UnknownChar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the character {:?} (at position {}) is not in the vocabulary; use only the characters the model was trained on",
            self.ch, self.at
        )
    }
}

/// The tokens: `chars[id]` is the character of token `id`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Vocab {
    chars: Vec<char>,
}

impl Vocab {
    /// The distinct characters of `text`, sorted.
    pub fn of(text: &str) -> Self {
        let mut chars: Vec<char> = text.chars().collect();
        chars.sort_unstable();
        chars.dedup();
        Self { chars }
    }

    /// The number of tokens (the model's vocabulary size V).
    pub fn len(&self) -> usize {
        self.chars.len()
    }

    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }

    pub fn chars(&self) -> &[char] {
        &self.chars
    }

    /// The id of `ch`, if it is in the vocabulary.
    pub fn id(&self, ch: char) -> Option<u32> {
        self.chars.binary_search(&ch).ok().map(|i| i as u32)
    }

    /// The ids of `text`'s characters, or the first character that has none.
    pub fn encode(&self, text: &str) -> Result<Vec<u32>, UnknownChar> {
        text.chars()
            .enumerate()
            .map(|(at, ch)| self.id(ch).ok_or(UnknownChar { ch, at }))
            .collect()
    }

    /// The text of `ids`; an id outside the vocabulary reads as U+FFFD.
    pub fn decode(&self, ids: &[u32]) -> String {
        ids.iter()
            .map(|&id| self.chars.get(id as usize).copied().unwrap_or('\u{FFFD}'))
            .collect()
    }

    /// How a token is written in the vocabulary's table: the visible character, or its name.
    pub fn label(&self, id: u32) -> String {
        match self.chars.get(id as usize) {
            Some('\n') => "⏎ (new line)".into(),
            Some(' ') => "␣ (space)".into(),
            Some(c) => c.to_string(),
            None => "?".into(),
        }
    }
}
