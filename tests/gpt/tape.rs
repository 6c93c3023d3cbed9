//! The oracle's autodiff: a scalar reverse-mode tape in f64, written for these tests and
//! sharing nothing with the product (micrograd's design: each op records its local
//! derivatives beside its value).

pub type Var = usize;

#[derive(Default)]
pub struct Tape {
    values: Vec<f64>,
    /// (parent, ∂self/∂parent) of each node.
    parents: Vec<Vec<(Var, f64)>>,
}

impl Tape {
    pub fn leaf(&mut self, value: f64) -> Var {
        self.push(value, Vec::new())
    }

    fn push(&mut self, value: f64, parents: Vec<(Var, f64)>) -> Var {
        self.values.push(value);
        self.parents.push(parents);
        self.values.len() - 1
    }

    pub fn val(&self, v: Var) -> f64 {
        self.values[v]
    }

    pub fn add(&mut self, a: Var, b: Var) -> Var {
        self.push(self.values[a] + self.values[b], vec![(a, 1.0), (b, 1.0)])
    }

    pub fn sub(&mut self, a: Var, b: Var) -> Var {
        self.push(self.values[a] - self.values[b], vec![(a, 1.0), (b, -1.0)])
    }

    pub fn mul(&mut self, a: Var, b: Var) -> Var {
        let (x, y) = (self.values[a], self.values[b]);
        self.push(x * y, vec![(a, y), (b, x)])
    }

    pub fn scale(&mut self, a: Var, c: f64) -> Var {
        self.push(self.values[a] * c, vec![(a, c)])
    }

    pub fn div(&mut self, a: Var, b: Var) -> Var {
        let (x, y) = (self.values[a], self.values[b]);
        self.push(x / y, vec![(a, 1.0 / y), (b, -x / (y * y))])
    }

    pub fn exp(&mut self, a: Var) -> Var {
        let e = self.values[a].exp();
        self.push(e, vec![(a, e)])
    }

    pub fn ln(&mut self, a: Var) -> Var {
        let x = self.values[a];
        self.push(x.ln(), vec![(a, 1.0 / x)])
    }

    pub fn sqrt(&mut self, a: Var) -> Var {
        let r = self.values[a].sqrt();
        self.push(r, vec![(a, 0.5 / r)])
    }

    pub fn tanh(&mut self, a: Var) -> Var {
        let t = self.values[a].tanh();
        self.push(t, vec![(a, 1.0 - t * t)])
    }

    /// max(0, x), derivative 0 at 0 (as PyTorch and Burn).
    pub fn relu(&mut self, a: Var) -> Var {
        let x = self.values[a];
        self.push(x.max(0.0), vec![(a, if x > 0.0 { 1.0 } else { 0.0 })])
    }

    pub fn sum(&mut self, xs: &[Var]) -> Var {
        let total = xs.iter().map(|&x| self.values[x]).sum();
        self.push(total, xs.iter().map(|&x| (x, 1.0)).collect())
    }

    /// Σ aᵢ bᵢ.
    pub fn dot(&mut self, a: &[Var], b: &[Var]) -> Var {
        let total = a
            .iter()
            .zip(b)
            .map(|(&x, &y)| self.values[x] * self.values[y])
            .sum();
        let mut parents = Vec::with_capacity(2 * a.len());
        for (&x, &y) in a.iter().zip(b) {
            parents.push((x, self.values[y]));
            parents.push((y, self.values[x]));
        }
        self.push(total, parents)
    }

    /// ∂out/∂v for every node v.
    pub fn backward(&self, out: Var) -> Vec<f64> {
        let mut grad = vec![0.0; self.values.len()];
        grad[out] = 1.0;
        for v in (0..=out).rev() {
            let g = grad[v];
            if g == 0.0 {
                continue;
            }
            for &(p, local) in &self.parents[v] {
                grad[p] += g * local;
            }
        }
        grad
    }
}
