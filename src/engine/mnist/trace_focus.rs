//! Which neuron, input, channel, position and kernel tap the panel writes out: the learner's
//! choice when valid, else the most telling one. Plain numbers in, indices out.

use crate::protocol::TraceFocus;
use crate::protocol::mnist::SIDE;

/// Index of the largest `key(value)` (the first on ties); 0 for an empty slice.
pub fn arg_max_by(values: &[f32], key: impl Fn(f32) -> f32) -> usize {
    values
        .iter()
        .enumerate()
        .fold((0, f32::NEG_INFINITY), |(best, top), (i, &v)| {
            let k = key(v);
            if k > top { (i, k) } else { (best, top) }
        })
        .0
}

/// The learner's index if it is below `len`.
fn chosen(index: Option<usize>, len: usize) -> Option<usize> {
    index.filter(|&i| i < len)
}

/// Neuron j of dense layer `layer`: the chosen one, else the true class for the output layer,
/// else the most active unit.
pub fn neuron(focus: &TraceFocus, layer: usize, a: &[f32], is_output: bool, label: u8) -> usize {
    let mine = (focus.layer == Some(layer))
        .then_some(focus.neuron)
        .flatten();
    chosen(mine, a.len()).unwrap_or_else(|| {
        if is_output {
            usize::from(label).min(a.len().saturating_sub(1))
        } else {
            arg_max_by(a, |v| v)
        }
    })
}

/// Input i of neuron j (whose weights are `w_row`): the chosen one, else the neuron followed
/// in the layer before (`previous`, so forward and backward follow one chain), else the
/// largest contribution |W_ji · a_i|.
pub fn input(
    focus: &TraceFocus,
    layer: usize,
    w_row: &[f32],
    a_in: &[f32],
    previous: Option<usize>,
) -> usize {
    let mine = (focus.layer == Some(layer))
        .then_some(focus.input)
        .flatten();
    chosen(mine, a_in.len())
        .or(chosen(previous, a_in.len()))
        .unwrap_or_else(|| {
            let terms: Vec<f32> = w_row.iter().zip(a_in).map(|(w, a)| w * a).collect();
            arg_max_by(&terms, f32::abs)
        })
}

/// Channel c: the chosen one, else the one with the largest activation.
pub fn channel(focus: &TraceFocus, channel_max: &[f32]) -> usize {
    chosen(focus.channel, channel_max.len()).unwrap_or_else(|| arg_max_by(channel_max, |v| v))
}

/// Output position of channel map `a` (28×28): the chosen one, else the most active.
pub fn position(focus: &TraceFocus, a: &[f32]) -> (usize, usize) {
    match focus.position {
        Some((r, c)) if r < SIDE && c < SIDE => (r, c),
        _ => {
            let k = arg_max_by(a, |v| v);
            (k / SIDE, k % SIDE)
        }
    }
}

/// The `kernel`×`kernel` window of image `x` (28×28) centred on `at`, zeros outside ("same"
/// padding), row-major.
pub fn window(x: &[f32], at: (usize, usize), kernel: usize) -> Vec<f32> {
    let half = (kernel / 2) as isize;
    let mut out = Vec::with_capacity(kernel * kernel);
    for dy in 0..kernel as isize {
        for dx in 0..kernel as isize {
            let r = at.0 as isize + dy - half;
            let c = at.1 as isize + dx - half;
            let inside = (0..SIDE as isize).contains(&r) && (0..SIDE as isize).contains(&c);
            out.push(if inside {
                x.get(r as usize * SIDE + c as usize)
                    .copied()
                    .unwrap_or(0.0)
            } else {
                0.0
            });
        }
    }
    out
}

/// Kernel tap (dy, dx): the chosen one, else the largest |K·x| in the window.
pub fn tap(focus: &TraceFocus, k: &[f32], window: &[f32], kernel: usize) -> (usize, usize) {
    match focus.tap {
        Some((dy, dx)) if dy < kernel && dx < kernel => (dy, dx),
        _ => {
            let terms: Vec<f32> = k.iter().zip(window).map(|(k, x)| k * x).collect();
            let t = arg_max_by(&terms, f32::abs);
            (t / kernel, t % kernel)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_and_choices() {
        let none = TraceFocus::default();
        assert_eq!(arg_max_by(&[1.0, -3.0, 2.0], f32::abs), 1);
        assert_eq!(neuron(&none, 0, &[0.1, 0.9, 0.3], false, 0), 1);
        assert_eq!(neuron(&none, 2, &[0.1, 0.9, 0.3], true, 2), 2);
        let mine = TraceFocus {
            layer: Some(0),
            neuron: Some(2),
            input: Some(7),
            ..TraceFocus::default()
        };
        assert_eq!(neuron(&mine, 0, &[0.1, 0.9, 0.3], false, 0), 2);
        // Another layer's choice does not apply; an out-of-range choice falls back.
        assert_eq!(neuron(&mine, 1, &[0.1, 0.9, 0.3], false, 0), 1);
        assert_eq!(input(&mine, 0, &[1.0, -5.0], &[1.0, 1.0], None), 1);
        assert_eq!(
            input(&none, 0, &[1.0, -5.0, 2.0], &[1.0, 0.1, 1.0], None),
            2
        );
        assert_eq!(
            input(&none, 1, &[1.0, -5.0, 2.0], &[1.0, 0.1, 1.0], Some(1)),
            1
        );
    }

    #[test]
    fn window_pads_with_zeros() {
        let x: Vec<f32> = (0..SIDE * SIDE).map(|i| i as f32).collect();
        let w = window(&x, (0, 0), 5);
        assert_eq!(w.len(), 25);
        assert_eq!(&w[..12], &[0.0; 12]);
        assert_eq!(w[12], 0.0); // the centre is pixel (0, 0) = 0
        assert_eq!(w[13], 1.0);
        assert_eq!(w[17], 28.0); // (1, 0)
        assert_eq!(window(&x, (10, 10), 5)[12], 290.0);
    }
}
