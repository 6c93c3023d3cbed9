//! How fast each tiny-GPT recipe learns, natively on Burn's CPU backend (one thread, like the
//! browser's): the wall time until sort answers every held-out prompt exactly, names' and
//! Shakespeare's validation losses reach the targets, or the recipe's steps run out.
//!
//!   cargo run --release --example gpt_presets -- sort [max_seconds] [steps] [peak_lr]
//!   cargo run --release --example gpt_presets -- names 300
//!
//! It reports the steps and seconds at each evaluation, so a run can be compared with
//! PyTorch's at the same step count (bench/pytorch). The browser's numbers come from the
//! e2e harness; this is for the engine alone.

use std::rc::Rc;
use std::time::Instant;

use futures::executor::block_on;
use ml_playground::data::text::corpus::Corpus;
use ml_playground::data::text::source::TextSource;
use ml_playground::engine::device::cpu;
use ml_playground::engine::gpt::run::GptRun;
use ml_playground::settings::{Settings, Task, TextData};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let key = args.get(1).map_or("sort", String::as_str);
    let max_seconds: f64 = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(600.0);
    let Some(data) = TextData::ALL.into_iter().find(|d| d.key() == key) else {
        eprintln!("unknown recipe {key}: sort, reverse, add, names or shakespeare");
        std::process::exit(2);
    };
    let mut s = Settings::for_task(Task::Gpt);
    data.apply(&mut s);
    if let Some(steps) = args.get(3).and_then(|s| s.parse().ok()) {
        s.gpt.steps = steps;
    }
    if let Some(lr) = args.get(4).and_then(|s| s.parse().ok()) {
        s.live.lr = lr;
    }
    let source = match data.synthetic() {
        Some(task) => TextSource::synthetic(task),
        None => {
            let kind = data.corpus().expect("a corpus");
            let bytes = std::fs::read(format!("www/data/text/{}", Corpus::file(kind)))
                .expect("the shipped corpus");
            let corpus = match kind {
                ml_playground::data::text::corpus::CorpusKind::Names => {
                    Corpus::names(&bytes, s.seed)
                }
                _ => Corpus::shakespeare(&bytes),
            };
            TextSource::Corpus(corpus.expect("a valid corpus"))
        }
    };
    let target = match data {
        TextData::Names => 2.1,
        TextData::Shakespeare => 2.0,
        _ => 0.0,
    };
    let mut run = GptRun::new(&s, Rc::new(source), cpu());
    println!(
        "{key}: {} parameters, {} steps, batch {}",
        run.info.parameters, s.gpt.steps, s.batch_size
    );
    let started = Instant::now();
    while !run.is_finished() {
        run.step();
        let readout = block_on(run.prepare_readout().finish()).expect("a readout");
        let seconds = started.elapsed().as_secs_f64();
        if let Some(e) = readout.evaluation {
            let exact = e
                .exact
                .map_or(String::new(), |(c, n)| format!(", exact {c}/{n}"));
            println!(
                "step {:5}  {seconds:7.1} s  validation {:.4}{exact}",
                e.step, e.validation_loss
            );
            let reached = match e.exact {
                Some((c, n)) => c == n,
                None => f64::from(e.validation_loss) <= target,
            };
            if reached {
                println!("{key}: target reached at step {} in {seconds:.1} s", e.step);
                return;
            }
        }
        if seconds > max_seconds {
            println!(
                "{key}: stopped after {max_seconds} s at step {}",
                run.steps_taken()
            );
            return;
        }
    }
    println!(
        "{key}: the recipe's {} steps ran out in {:.1} s",
        s.gpt.steps,
        started.elapsed().as_secs_f64()
    );
}
