"""PyTorch's run of the setup tests/mnist_accuracy.rs asserts a floor for: seed 003
(784-128-10, ReLU, Adam α = 0.001, batch 64, x/255) for one epoch on the first 20,000
training images, evaluated on the 10,000 test images. Five seeds; the floor the Rust test
asserts (90 %) must be cleared by every one of them.

    pip install torch numpy    # into any virtual environment
    python bench/pytorch/seed003_floor.py

Reads the MNIST files the product ships (www/data/mnist/*.gz). Not part of CI (PyTorch is
not a dependency of the project); its output is quoted in the README.
"""
import gzip
import pathlib
import sys

import numpy as np
import torch

DATA = pathlib.Path(__file__).resolve().parents[2] / "www" / "data" / "mnist"
FLOOR = 0.90


def idx(name):
    raw = gzip.open(DATA / name).read()
    dims = raw[3]
    shape = [int.from_bytes(raw[4 + 4 * i: 8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(raw, np.uint8, offset=4 + 4 * dims).reshape(shape)


def run(seed, x, y, x_test, y_test):
    torch.manual_seed(seed)
    model = torch.nn.Sequential(
        torch.nn.Linear(784, 128), torch.nn.ReLU(), torch.nn.Linear(128, 10)
    )
    opt = torch.optim.Adam(model.parameters(), lr=0.001)
    order = torch.randperm(len(x))
    for start in range(0, len(x), 64):
        batch = order[start: start + 64]
        loss = torch.nn.functional.cross_entropy(model(x[batch]), y[batch])
        opt.zero_grad()
        loss.backward()
        opt.step()
    with torch.no_grad():
        return (model(x_test).argmax(1) == y_test).float().mean().item()


def main():
    to_x = lambda a: torch.tensor(a.reshape(len(a), 784), dtype=torch.float32) / 255.0
    x = to_x(idx("train-images-idx3-ubyte.gz")[:20_000])
    y = torch.tensor(idx("train-labels-idx1-ubyte.gz")[:20_000], dtype=torch.long)
    x_test = to_x(idx("t10k-images-idx3-ubyte.gz"))
    y_test = torch.tensor(idx("t10k-labels-idx1-ubyte.gz"), dtype=torch.long)
    accuracies = [run(seed, x, y, x_test, y_test) for seed in range(5)]
    for seed, a in enumerate(accuracies):
        print(f"seed {seed}: test accuracy {a:.4f}")
    print(f"PyTorch {torch.__version__}: min {min(accuracies):.4f}, mean {np.mean(accuracies):.4f}; floor {FLOOR}")
    sys.exit(0 if min(accuracies) >= FLOOR else 1)


if __name__ == "__main__":
    main()
