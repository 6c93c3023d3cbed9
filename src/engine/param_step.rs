//! One optimizer step over a whole module, one parameter tensor at a time, with each
//! parameter's state kept by its id where it can be read (Burn's `ModuleOptimizer` hides it).
//! MNIST's SGD/momentum/Adam and the GPT's AdamW are two [`TensorRule`]s of this one walk.

use std::any::Any;
use std::collections::HashMap;

use burn::module::{ModuleMapper, Param, ParamId};
use burn::optim::GradientsParams;
use burn::prelude::*;

/// How one tensor is stepped from its state.
pub trait TensorRule {
    /// A rank-`D` parameter's state (moments, velocity).
    type State<const D: usize>: Clone + 'static;

    /// θ_new and the state after, from θ, g and the state before (None: the first step).
    fn advance<const D: usize>(
        &self,
        lr: f64,
        theta: Tensor<D>,
        grad: Tensor<D>,
        before: Option<Self::State<D>>,
    ) -> (Tensor<D>, Option<Self::State<D>>);
}

/// Every parameter's state so far, by id.
#[derive(Default)]
pub struct StateMap(HashMap<ParamId, Box<dyn Any>>);

impl StateMap {
    /// A copy of parameter `id`'s state (None before its first step).
    pub fn get<S: Clone + 'static>(&self, id: ParamId) -> Option<S> {
        self.0.get(&id).and_then(|s| s.downcast_ref::<S>()).cloned()
    }

    /// The state itself, taken out (so a step holds the only handle and updates in place).
    fn take<S: 'static>(&mut self, id: ParamId) -> Option<S> {
        self.0
            .remove(&id)
            .and_then(|s| s.downcast::<S>().ok())
            .map(|s| *s)
    }

    pub fn insert<S: 'static>(&mut self, id: ParamId, state: S) {
        self.0.insert(id, Box::new(state));
    }
}

/// One step by `rule` of every parameter of `module` that has a gradient in `grads`.
pub fn step_module<M: Module, R: TensorRule>(
    module: M,
    rule: &R,
    states: &mut StateMap,
    mut grads: GradientsParams,
    lr: f64,
) -> M {
    module.map(&mut StepMapper {
        rule,
        states,
        grads: &mut grads,
        lr,
    })
}

struct StepMapper<'a, R> {
    rule: &'a R,
    states: &'a mut StateMap,
    grads: &'a mut GradientsParams,
    lr: f64,
}

impl<R: TensorRule> ModuleMapper for StepMapper<'_, R> {
    fn map_float<const D: usize>(&mut self, param: Param<Tensor<D>>) -> Param<Tensor<D>> {
        let (id, tensor, mapper) = param.consume();
        let Some(grad) = self.grads.remove::<D>(id) else {
            return Param::from_mapped_value(id, tensor, mapper);
        };
        let before = self.states.take::<R::State<D>>(id);
        let (theta_new, after) = self.rule.advance(self.lr, tensor.inner(), grad, before);
        if let Some(after) = after {
            self.states.insert(id, after);
        }
        Param::from_mapped_value(id, Tensor::from_inner(theta_new).require_grad(), mapper)
    }
}
