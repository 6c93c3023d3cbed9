// The three MNIST models of the benchmark as tf.layers models, initialised as the playground
// (Burn, like PyTorch) initialises them, so both sides start from the same distribution:
// weights and biases ~ U(−1/√fan_in, 1/√fan_in) (Kaiming-uniform with gain 1/√3), seeded
// so runs repeat. The logits are returned raw (the loss applies softmax cross-entropy).
const tf = window.tf;

/** E2: 784-128-10, E3: 784-256-128-64-10 (ReLU), E4: the small CNN (input rows of 784). */
export function buildModel(experiment, seed) {
  let layer = 0;
  const init = (fanIn) => {
    const bound = 1 / Math.sqrt(fanIn);
    const seeded = () => seed * 1000 + layer++;
    return {
      kernelInitializer: tf.initializers.randomUniform({ minval: -bound, maxval: bound, seed: seeded() }),
      biasInitializer: tf.initializers.randomUniform({ minval: -bound, maxval: bound, seed: seeded() }),
    };
  };
  const model = tf.sequential();
  let fanIn = 784;
  const dense = (units, options = {}) => {
    const layerOptions = { units, ...init(fanIn), ...options };
    fanIn = units;
    return tf.layers.dense(layerOptions);
  };
  if (experiment === "E2" || experiment === "E3") {
    const hidden = experiment === "E2" ? [128] : [256, 128, 64];
    hidden.forEach((units, i) => model.add(dense(units, { activation: "relu", ...(i === 0 ? { inputShape: [784] } : {}) })));
  } else if (experiment === "E4") {
    // 28×28×1 → conv 5×5 (8) → 28×28×8 → pool → 14×14×8 → conv 5×5 (16) → 14×14×16 → pool →
    // 7×7×16. "Same" padding, as in the playground's CNN (bench/README.md says why).
    model.add(tf.layers.reshape({ targetShape: [28, 28, 1], inputShape: [784] }));
    let channels = 1;
    for (const filters of [8, 16]) {
      model.add(tf.layers.conv2d({ filters, kernelSize: 5, strides: 1, padding: "same", activation: "relu", ...init(25 * channels) }));
      model.add(tf.layers.maxPooling2d({ poolSize: 2, strides: 2 }));
      channels = filters;
    }
    model.add(tf.layers.flatten());
    fanIn = 16 * 7 * 7;
  } else {
    throw new Error(`no model for ${experiment}`);
  }
  model.add(dense(10));
  return model;
}
