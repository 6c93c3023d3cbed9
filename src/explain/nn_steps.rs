//! An MNIST network's step, one sample: forward, loss, backward, update, as formulas.
