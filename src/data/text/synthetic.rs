//! Synthetic sequence tasks, generated from the seed, where attention has a visible job:
//! **sort** six digits from {0,1,2} (minGPT's demo), **reverse** six digits, **add** two
//! two-digit numbers. Each example is one line of text, prompt then answer: `201102=001122`,
//! `381904=409183`, `23+45=068` (sums always three digits). Only the answer's tokens count in
//! the loss.
//!
//! The split is by the prompt, not by the draw: a prompt whose FNV-1a hash is 0 mod 10 is a
//! validation prompt and never appears in a training batch, so the validation score measures
//! generalization, not recall.

use serde::{Deserialize, Serialize};

use crate::data::rng::Rng;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SyntheticTask {
    Sort,
    Reverse,
    Add,
}

/// Training or validation prompts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Split {
    Train,
    Validation,
}

/// One example: `text[..prompt_len]` is the prompt (ending in `=`), the rest the answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Example {
    pub text: String,
    pub prompt_len: usize,
}

impl Example {
    pub fn prompt(&self) -> &str {
        &self.text[..self.prompt_len]
    }
    pub fn answer(&self) -> &str {
        &self.text[self.prompt_len..]
    }
}

const DIGITS: usize = 6;

impl SyntheticTask {
    pub const ALL: [Self; 3] = [Self::Sort, Self::Reverse, Self::Add];

    /// Every character an example can hold (the task's vocabulary).
    pub fn alphabet(self) -> &'static str {
        match self {
            Self::Sort => "012=",
            Self::Reverse => "0123456789=",
            Self::Add => "0123456789+=",
        }
    }

    /// Characters in a whole example (prompt and answer).
    pub fn example_len(self) -> usize {
        match self {
            Self::Sort | Self::Reverse => 2 * DIGITS + 1,
            Self::Add => 9,
        }
    }

    /// Characters in the prompt, its `=` included.
    pub fn prompt_len(self) -> usize {
        match self {
            Self::Sort | Self::Reverse => DIGITS + 1,
            Self::Add => 6,
        }
    }

    /// The model's input length: the example without its last character.
    pub fn sequence_len(self) -> usize {
        self.example_len() - 1
    }

    /// The correct answer to `prompt`, or None if it is not a prompt of this task.
    pub fn answer(self, prompt: &str) -> Option<String> {
        let body = prompt.strip_suffix('=')?;
        let digits = |s: &str, allowed: &str| {
            (!s.is_empty() && s.chars().all(|c| allowed.contains(c))).then_some(())
        };
        match self {
            Self::Sort | Self::Reverse => {
                digits(body, &self.alphabet()[..self.alphabet().len() - 1])?;
                (body.len() == DIGITS).then_some(())?;
                let mut chars: Vec<char> = body.chars().collect();
                match self {
                    Self::Sort => chars.sort_unstable(),
                    _ => chars.reverse(),
                }
                Some(chars.into_iter().collect())
            }
            Self::Add => {
                let (a, b) = body.split_once('+')?;
                digits(a, "0123456789")?;
                digits(b, "0123456789")?;
                (a.len() == 2 && b.len() == 2).then_some(())?;
                let sum = a.parse::<u32>().ok()? + b.parse::<u32>().ok()?;
                Some(format!("{sum:03}"))
            }
        }
    }

    /// A random prompt of this task (of either split).
    fn random_prompt(self, rng: &mut Rng) -> String {
        match self {
            Self::Sort => (0..DIGITS).map(|_| digit(rng, 3)).collect::<String>() + "=",
            Self::Reverse => (0..DIGITS).map(|_| digit(rng, 10)).collect::<String>() + "=",
            Self::Add => format!("{:02}+{:02}=", rng.below(100), rng.below(100)),
        }
    }

    /// A random example whose prompt belongs to `split`.
    pub fn draw(self, rng: &mut Rng, split: Split) -> Example {
        loop {
            let prompt = self.random_prompt(rng);
            if split_of(&prompt) == split {
                return self.example(&prompt);
            }
        }
    }

    /// Up to `n` distinct validation examples, the same for the same seed (sort has only
    /// about 73 validation prompts in all).
    pub fn validation_set(self, seed: u64, n: usize) -> Vec<Example> {
        let mut rng = Rng::derived(seed, 0x5641_4C49_4441_5445);
        let mut seen = std::collections::BTreeSet::new();
        let mut out = Vec::new();
        for _ in 0..n.saturating_mul(200) {
            if out.len() == n {
                break;
            }
            let example = self.draw(&mut rng, Split::Validation);
            if seen.insert(example.text.clone()) {
                out.push(example);
            }
        }
        out
    }

    fn example(self, prompt: &str) -> Example {
        let answer = self.answer(prompt).unwrap_or_default();
        Example {
            text: format!("{prompt}{answer}"),
            prompt_len: prompt.len(),
        }
    }
}

fn digit(rng: &mut Rng, base: usize) -> char {
    char::from(b'0' + rng.below(base) as u8)
}

/// Which split a prompt belongs to: FNV-1a (64-bit) of its bytes, validation when 0 mod 10.
pub fn split_of(prompt: &str) -> Split {
    let hash = prompt.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    if hash % 10 == 0 {
        Split::Validation
    } else {
        Split::Train
    }
}
