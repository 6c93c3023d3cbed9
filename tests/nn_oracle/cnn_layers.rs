//! The CNN oracle's layers in f64, each value with the size of the terms it is summed from:
//! a 5×5 "same" convolution and its backward pass, ReLU with 2×2 max-pooling and its backward.

/// A value and the size of its terms, per element.
#[derive(Clone, Default)]
pub struct Sized {
    pub v: Vec<f64>,
    pub size: Vec<f64>,
}

pub const K: usize = 5;

/// z[o][r][c] = b[o] + Σᵢ Σᵤᵥ K[o][i][u][v] · x[i][r+u−2][c+v−2] (zero outside), and its size.
pub fn conv(x: &Sized, cin: usize, side: usize, k: &[f64], b: &[f64]) -> Sized {
    let cout = b.len();
    let mut out = Sized {
        v: vec![0.0; cout * side * side],
        size: vec![0.0; cout * side * side],
    };
    for o in 0..cout {
        for r in 0..side {
            for c in 0..side {
                let (mut v, mut size) = (b[o], b[o].abs());
                for (i, u, v2, at) in taps(cin, side, r, c) {
                    let w = k[((o * cin + i) * K + u) * K + v2];
                    v += w * x.v[at];
                    size += w.abs() * x.size[at];
                }
                out.v[(o * side + r) * side + c] = v;
                out.size[(o * side + r) * side + c] = size;
            }
        }
    }
    out
}

/// The (input channel, u, v, input index) of every tap of output position (r, c) inside the
/// image.
pub fn taps(
    cin: usize,
    side: usize,
    r: usize,
    c: usize,
) -> impl Iterator<Item = (usize, usize, usize, usize)> {
    (0..cin).flat_map(move |i| {
        (0..K * K).filter_map(move |t| {
            let (u, v) = (t / K, t % K);
            let (y, x) = ((r + u).checked_sub(2)?, (c + v).checked_sub(2)?);
            (y < side && x < side).then_some((i, u, v, (i * side + y) * side + x))
        })
    })
}

/// 2×2 max-pooling with stride 2 of ReLU(z); the index each maximum came from (the first of
/// equals in row-major order).
pub fn relu_pool(z: &Sized, channels: usize, side: usize) -> (Vec<f64>, Sized, Vec<usize>) {
    let a: Vec<f64> = z.v.iter().map(|v| v.max(0.0)).collect();
    let half = side / 2;
    let (mut p, mut from) = (Sized::default(), Vec::new());
    for ch in 0..channels {
        for r in 0..half {
            for c in 0..half {
                let at = |dr: usize, dc: usize| (ch * side + 2 * r + dr) * side + 2 * c + dc;
                let mut best = at(0, 0);
                for (dr, dc) in [(0, 1), (1, 0), (1, 1)] {
                    if a[at(dr, dc)] > a[best] {
                        best = at(dr, dc);
                    }
                }
                p.v.push(a[best]);
                p.size.push(z.size[best]);
                from.push(best);
            }
        }
    }
    (a, p, from)
}

/// Back through max-pooling and ReLU: ∂L/∂z at the positions the maxima came from.
pub fn unpool(d_p: &Sized, from: &[usize], z: &Sized) -> Sized {
    let mut d_z = Sized {
        v: vec![0.0; z.v.len()],
        size: vec![0.0; z.v.len()],
    };
    for (k, &at) in from.iter().enumerate() {
        let slope = f64::from(u8::from(z.v[at] > 0.0));
        d_z.v[at] += d_p.v[k] * slope;
        d_z.size[at] += d_p.size[k] * slope;
    }
    d_z
}

/// ∂L/∂input of a convolution from its ∂L/∂z, and ∂L/∂K (`want_k`), each with its size.
pub fn conv_back(
    d_z: &Sized,
    x: &Sized,
    cin: usize,
    side: usize,
    k: &[f64],
    want_k: bool,
) -> (Sized, Sized) {
    let cout = d_z.v.len() / (side * side);
    let mut d_x = Sized {
        v: vec![0.0; x.v.len()],
        size: vec![0.0; x.v.len()],
    };
    let mut d_k = Sized {
        v: vec![0.0; k.len()],
        size: vec![0.0; k.len()],
    };
    for o in 0..cout {
        for r in 0..side {
            for c in 0..side {
                let (d, s) = (
                    d_z.v[(o * side + r) * side + c],
                    d_z.size[(o * side + r) * side + c],
                );
                if s == 0.0 {
                    continue;
                }
                for (i, u, v, at) in taps(cin, side, r, c) {
                    let kw = ((o * cin + i) * K + u) * K + v;
                    d_x.v[at] += d * k[kw];
                    d_x.size[at] += s * k[kw].abs();
                    if want_k {
                        d_k.v[kw] += d * x.v[at];
                        d_k.size[kw] += s * x.v[at].abs();
                    }
                }
            }
        }
    }
    (d_x, d_k)
}
