//! The loss surface L(w, b) of linear regression over a grid, in one batched pass in Burn:
//! every grid point's line is applied to every training point at once.

use burn::tensor::{Device, Tensor};

use super::EngineError;
use super::readback::Readback;
use crate::protocol::surface::{SurfaceGrid, SurfaceRequest};

/// At most this many (grid point × training point) residuals are held at once; longer tables
/// are summed in chunks of rows (each chunk is still one pass over the whole grid).
const MAX_CELLS: usize = 4_000_000;

/// L(w_g, b_g) = (1/n) Σᵢ (yᵢ − w_g xᵢ − b_g)² + λ₁|w_g| + λ₂w_g² for every grid point g.
///
/// # Shapes
/// w, b: `[G]` (one entry per grid point), x, y: `[n]` → `[G]`.
pub fn loss_grid(w: Tensor<1>, b: Tensor<1>, x: &[f32], y: &[f32], l1: f64, l2: f64) -> Tensor<1> {
    let device = w.device();
    let [g] = w.dims();
    let n = x.len().min(y.len()).max(1);
    let (w_col, b_col) = (w.clone().reshape([g, 1]), b.reshape([g, 1]));
    let rows = (MAX_CELLS / g.max(1)).max(1);
    let mut sum: Option<Tensor<2>> = None;
    for (xs, ys) in x.chunks(rows).zip(y.chunks(rows)) {
        let m = xs.len();
        let x_row = Tensor::<1>::from_floats(xs, &device).reshape([1, m]);
        let y_row = Tensor::<1>::from_floats(ys, &device).reshape([1, m]);
        // Shapes: [G, 1] · [1, m] + [G, 1] − [1, m] → [G, m] residuals, summed to [G, 1].
        let r = w_col.clone().mul(x_row).add(b_col.clone()).sub(y_row);
        let part = r.square().sum_dim(1);
        sum = Some(match sum {
            Some(s) => s.add(part),
            None => part,
        });
    }
    let mse = sum
        .map(|s| s.div_scalar(n as f64).reshape([g]))
        .unwrap_or_else(|| w.zeros_like());
    mse.add(w.clone().abs().mul_scalar(l1))
        .add(w.square().mul_scalar(l2))
}

/// The grid of `request` on `device`, read back (asynchronously: WebGPU needs it); the
/// caller times it (`ms`).
pub async fn compute(
    request: &SurfaceRequest,
    device: &Device,
) -> Result<SurfaceGrid, EngineError> {
    let (ws, bs) = (request.w_axis(), request.b_axis());
    // Row-major: row j holds b_j, column i holds w_i.
    let w: Vec<f32> = bs
        .iter()
        .flat_map(|_| ws.iter().map(|&v| v as f32))
        .collect();
    let b: Vec<f32> = bs
        .iter()
        .flat_map(|&v| std::iter::repeat_n(v as f32, ws.len()))
        .collect();
    let values = loss_grid(
        Tensor::from_floats(w.as_slice(), device),
        Tensor::from_floats(b.as_slice(), device),
        &request.x,
        &request.y,
        request.l1,
        request.l2,
    );
    let mut rb = Readback::default();
    let slot = rb.add(&values);
    let read = rb.run().await?;
    Ok(SurfaceGrid {
        id: request.id,
        w: request.w,
        b: request.b,
        side: request.side,
        l1: request.l1,
        l2: request.l2,
        values: read.vec(slot).to_vec(),
        ms: 0.0,
    })
}
