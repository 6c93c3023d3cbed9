//! Formula reference and single-neuron messages (worker ⇄ UI). Filled in by issue 4's reference work.
