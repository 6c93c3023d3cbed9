//! The oracle: the tiny GPT's forward pass and loss in f64 on the scalar tape, from the
//! formulas (Vaswani et al. 2017; GPT-2's pre-LayerNorm blocks), and every parameter's gradient
//! by the tape's backward pass. Only the parameter values come from the product.

use std::collections::BTreeMap;

use super::tape::{Tape, Var};

/// Parameter values by name, row-major; matrices are `[d_in, d_out]` (x W), embeddings
/// `[rows, d]`.
pub type Params = BTreeMap<String, (Vec<usize>, Vec<f64>)>;

pub struct Shape {
    pub layers: usize,
    pub heads: usize,
    pub gelu: bool,
}

pub struct Batch<'a> {
    pub batch: usize,
    pub len: usize,
    pub inputs: &'a [u32],
    pub targets: &'a [u32],
    pub weights: &'a [f32],
}

/// One token followed: sequence b, block l, head h, position t.
#[derive(Clone, Copy)]
pub struct Focus {
    pub b: usize,
    pub l: usize,
    pub h: usize,
    pub t: usize,
}

/// The followed token's intermediates (head-sized vectors for q, c; s and a for j ≤ t), each
/// as its values and ∂L/∂ of it.
#[derive(Default)]
pub struct Followed {
    pub ln_1: Vec<(f64, f64)>,
    pub q: Vec<(f64, f64)>,
    pub k: Vec<Vec<(f64, f64)>>,
    pub v: Vec<Vec<(f64, f64)>>,
    pub s: Vec<(f64, f64)>,
    pub a: Vec<(f64, f64)>,
    pub c: Vec<(f64, f64)>,
    pub o: Vec<(f64, f64)>,
    pub z: Vec<(f64, f64)>,
}

#[derive(Default)]
struct Recorded {
    ln_1: Vec<Var>,
    q: Vec<Var>,
    k: Vec<Vec<Var>>,
    v: Vec<Vec<Var>>,
    s: Vec<Var>,
    a: Vec<Var>,
    c: Vec<Var>,
    o: Vec<Var>,
    z: Vec<Var>,
}

pub struct Oracle {
    pub followed: Followed,
    pub loss: f64,
    /// `[batch, T, V]`, row-major.
    pub logits: Vec<f64>,
    pub grads: BTreeMap<String, Vec<f64>>,
}

const LN_EPS: f64 = 1e-5;

struct Net<'p> {
    /// The followed head and position, when the current sequence and block are the focus's.
    here: Option<(usize, usize)>,
    rec: Recorded,
    tape: Tape,
    leaves: BTreeMap<String, Vec<Var>>,
    params: &'p Params,
}

impl Net<'_> {
    fn p(&self, name: &str) -> (&[usize], &[Var]) {
        (&self.params[name].0, &self.leaves[name])
    }

    /// y_j = Σ_i x_i W_ij + b_j for one row x.
    fn linear(&mut self, x: &[Var], name: &str) -> Vec<Var> {
        let (shape, w) = self.p(&format!("{name}.w"));
        let (d_in, d_out) = (shape[0], shape[1]);
        assert_eq!(x.len(), d_in);
        let w = w.to_vec();
        let b = self.leaves[&format!("{name}.b")].clone();
        (0..d_out)
            .map(|j| {
                let col: Vec<Var> = (0..d_in).map(|i| w[i * d_out + j]).collect();
                let s = self.tape.dot(x, &col);
                self.tape.add(s, b[j])
            })
            .collect()
    }

    /// (x − μ)/√(σ² + ε)·γ + β, σ² the biased variance.
    fn layer_norm(&mut self, x: &[Var], name: &str) -> Vec<Var> {
        let n = x.len() as f64;
        let g = self.leaves[&format!("{name}.g")].clone();
        let b = self.leaves[&format!("{name}.b")].clone();
        let t = &mut self.tape;
        let s = t.sum(x);
        let mu = t.scale(s, 1.0 / n);
        let d: Vec<Var> = x.iter().map(|&xi| t.sub(xi, mu)).collect();
        let sq = t.dot(&d, &d);
        let var = t.scale(sq, 1.0 / n);
        let eps = t.leaf(LN_EPS);
        let ve = t.add(var, eps);
        let sd = t.sqrt(ve);
        d.iter()
            .zip(g.iter().zip(&b))
            .map(|(&di, (&gi, &bi))| {
                let z = t.div(di, sd);
                let y = t.mul(z, gi);
                t.add(y, bi)
            })
            .collect()
    }

    fn gelu(&mut self, x: Var) -> Var {
        // ½x(1 + tanh(√(2/π)(x + 0.044715x³)))
        let t = &mut self.tape;
        let x2 = t.mul(x, x);
        let x3 = t.mul(x2, x);
        let c = t.scale(x3, 0.044715);
        let inner = t.add(x, c);
        let arg = t.scale(inner, (2.0 / std::f64::consts::PI).sqrt());
        let th = t.tanh(arg);
        let one = t.leaf(1.0);
        let s = t.add(one, th);
        let h = t.mul(x, s);
        t.scale(h, 0.5)
    }

    /// Causal self-attention over one sequence's rows.
    fn attention(&mut self, rows: &[Vec<Var>], name: &str, heads: usize) -> Vec<Vec<Var>> {
        let q: Vec<Vec<Var>> = rows
            .iter()
            .map(|x| self.linear(x, &format!("{name}.q")))
            .collect();
        let k: Vec<Vec<Var>> = rows
            .iter()
            .map(|x| self.linear(x, &format!("{name}.k")))
            .collect();
        let v: Vec<Vec<Var>> = rows
            .iter()
            .map(|x| self.linear(x, &format!("{name}.v")))
            .collect();
        let d = rows[0].len();
        let dk = d / heads;
        let mut context = vec![Vec::with_capacity(d); rows.len()];
        for h in 0..heads {
            let cols = h * dk..(h + 1) * dk;
            for i in 0..rows.len() {
                // Only j ≤ i: the masked scores' weights are exactly 0.
                let s: Vec<Var> = (0..=i)
                    .map(|j| {
                        let dot = self.tape.dot(&q[i][cols.clone()], &k[j][cols.clone()]);
                        self.tape.scale(dot, 1.0 / (dk as f64).sqrt())
                    })
                    .collect();
                let m = s.iter().map(|&x| self.tape.val(x)).fold(f64::MIN, f64::max);
                let shift = self.tape.leaf(m);
                let e: Vec<Var> = s
                    .iter()
                    .map(|&x| {
                        let d = self.tape.sub(x, shift);
                        self.tape.exp(d)
                    })
                    .collect();
                let total = self.tape.sum(&e);
                let a: Vec<Var> = e.iter().map(|&x| self.tape.div(x, total)).collect();
                for c in cols.clone() {
                    let vc: Vec<Var> = (0..=i).map(|j| v[j][c]).collect();
                    context[i].push(self.tape.dot(&a, &vc));
                }
                if self.here == Some((h, i)) {
                    self.rec.q = q[i][cols.clone()].to_vec();
                    self.rec.k = (0..=i).map(|j| k[j][cols.clone()].to_vec()).collect();
                    self.rec.v = (0..=i).map(|j| v[j][cols.clone()].to_vec()).collect();
                    self.rec.s = s.clone();
                    self.rec.a = a.clone();
                    self.rec.c = context[i][cols.clone()].to_vec();
                }
            }
        }
        let out: Vec<Vec<Var>> = context
            .iter()
            .map(|c| self.linear(c, &format!("{name}.o")))
            .collect();
        if let Some((_, t)) = self.here {
            self.rec.o = out[t].clone();
        }
        out
    }
}

pub fn run(params: &Params, shape: &Shape, batch: &Batch) -> Oracle {
    run_followed(params, shape, batch, None)
}

/// [`run`], recording `focus`'s intermediates and their gradients.
pub fn run_followed(params: &Params, shape: &Shape, batch: &Batch, focus: Option<Focus>) -> Oracle {
    let mut net = Net {
        here: None,
        rec: Recorded::default(),
        tape: Tape::default(),
        leaves: BTreeMap::new(),
        params,
    };
    for (name, (_, values)) in params {
        let vars = values.iter().map(|&x| net.tape.leaf(x)).collect();
        net.leaves.insert(name.clone(), vars);
    }
    let d = params["tok"].0[1];
    let vocab = params["tok"].0[0];
    let mut logits = Vec::new();
    let mut terms = Vec::new();
    let mut counted = 0.0;
    for b in 0..batch.batch {
        // x⁰_t = E_tok[id_t] + E_pos[t]
        let mut x: Vec<Vec<Var>> = (0..batch.len)
            .map(|t| {
                let id = batch.inputs[b * batch.len + t] as usize;
                (0..d)
                    .map(|c| {
                        let (e, p) = (net.leaves["tok"][id * d + c], net.leaves["pos"][t * d + c]);
                        net.tape.add(e, p)
                    })
                    .collect()
            })
            .collect();
        for l in 0..shape.layers {
            let n1: Vec<Vec<Var>> = x
                .iter()
                .map(|r| net.layer_norm(r, &format!("b{l}.ln1")))
                .collect();
            net.here = focus.filter(|f| f.b == b && f.l == l).map(|f| (f.h, f.t));
            if let Some((_, t)) = net.here {
                net.rec.ln_1 = n1[t].clone();
            }
            let a = net.attention(&n1, &format!("b{l}.attn"), shape.heads);
            net.here = None;
            let h: Vec<Vec<Var>> = x
                .iter()
                .zip(&a)
                .map(|(r, ar)| {
                    r.iter()
                        .zip(ar)
                        .map(|(&p, &q)| net.tape.add(p, q))
                        .collect()
                })
                .collect();
            x = h
                .iter()
                .map(|r| {
                    let n2 = net.layer_norm(r, &format!("b{l}.ln2"));
                    let u = net.linear(&n2, &format!("b{l}.ffn_in"));
                    let phi: Vec<Var> = u
                        .iter()
                        .map(|&z| {
                            if shape.gelu {
                                net.gelu(z)
                            } else {
                                net.tape.relu(z)
                            }
                        })
                        .collect();
                    let f = net.linear(&phi, &format!("b{l}.ffn_out"));
                    r.iter()
                        .zip(&f)
                        .map(|(&p, &q)| net.tape.add(p, q))
                        .collect()
                })
                .collect();
        }
        for (t, row) in x.iter().enumerate() {
            let nf = net.layer_norm(row, "lnf");
            let z = net.linear(&nf, "head");
            if focus.is_some_and(|f| f.b == b && f.t == t) {
                net.rec.z = z.clone();
            }
            logits.extend(z.iter().map(|&v| net.tape.val(v)));
            let w = f64::from(batch.weights[b * batch.len + t]);
            if w == 0.0 {
                continue;
            }
            counted += w;
            // −log softmax(z)[y] = log Σ exp(z − m) + m − z_y
            let m = z.iter().map(|&v| net.tape.val(v)).fold(f64::MIN, f64::max);
            let shift = net.tape.leaf(m);
            let e: Vec<Var> = z
                .iter()
                .map(|&v| {
                    let dz = net.tape.sub(v, shift);
                    net.tape.exp(dz)
                })
                .collect();
            let total = net.tape.sum(&e);
            let lse = net.tape.ln(total);
            let y = batch.targets[b * batch.len + t] as usize;
            assert!(y < vocab);
            let dz = net.tape.sub(z[y], shift);
            let nll = net.tape.sub(lse, dz);
            terms.push(net.tape.scale(nll, w));
        }
    }
    let total = net.tape.sum(&terms);
    let loss = net.tape.scale(total, 1.0 / counted);
    let g = net.tape.backward(loss);
    let grads = net
        .leaves
        .iter()
        .map(|(name, vars)| (name.clone(), vars.iter().map(|&v| g[v]).collect()))
        .collect();
    let pair =
        |vs: &[Var]| -> Vec<(f64, f64)> { vs.iter().map(|&v| (net.tape.val(v), g[v])).collect() };
    let r = &net.rec;
    let followed = Followed {
        ln_1: pair(&r.ln_1),
        q: pair(&r.q),
        k: r.k.iter().map(|k| pair(k)).collect(),
        v: r.v.iter().map(|v| pair(v)).collect(),
        s: pair(&r.s),
        a: pair(&r.a),
        c: pair(&r.c),
        o: pair(&r.o),
        z: pair(&r.z),
    };
    Oracle {
        followed,
        loss: net.tape.val(loss),
        logits,
        grads,
    }
}
