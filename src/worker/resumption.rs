//! Where an initialized run continues from after a crash, and what the page is told.

use super::checkpointing;
use super::run_loop;
use super::session::{Saved, Shared};
use crate::protocol::{Event, Resume};

/// The checkpoint `resume` names: none, the page's (linear regression), or the one the
/// crashed worker stored (if it is this page's and fits the settings; else why not).
pub async fn find(shared: &Shared, resume: Resume) -> Result<Option<Saved>, String> {
    match resume {
        Resume::Start => Ok(None),
        Resume::LinReg(c) => Ok(Some(Saved::LinReg(c))),
        Resume::Stored => {
            let (owner, settings) = {
                let s = shared.borrow();
                (s.owner.clone(), s.settings.clone())
            };
            checkpointing::stored(&owner, &settings)
                .await
                .map(|c| Some(Saved::Run(c)))
        }
    }
}

/// For the backend badge: "continuing from step N" or "starting over".
pub fn badge_note(step: Option<u64>) -> String {
    match step {
        Some(step) => format!("continuing from step {step}"),
        None => "starting over".into(),
    }
}

/// The notice after a crash: from which step training continues on the CPU, or why it
/// starts over (`why_not`: a bare reason).
pub fn notice(step: u64, why_not: Option<String>) -> String {
    match why_not {
        Some(why) => {
            format!("The training worker crashed; training starts over on the CPU ({why}).")
        }
        None => format!("The training worker crashed; continuing on the CPU from step {step}."),
    }
}

/// The notice when a checkpoint could not be continued after a device loss or once MNIST's
/// data arrived (`why`: a bare reason).
pub fn starts_over(why: &str) -> String {
    format!("Could not continue the run ({why}); it starts over.")
}

/// Starts training if the crashed worker was training and the run is prepared (MNIST's is
/// prepared only once its data is loaded).
pub fn play_if_asked(shared: &Shared, send: impl Fn(Event) + 'static) {
    let asked = {
        let mut s = shared.borrow_mut();
        s.trainer.is_some() && std::mem::take(&mut s.play_when_ready)
    };
    if asked {
        run_loop::start(shared, send);
    }
}
