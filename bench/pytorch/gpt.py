"""PyTorch's run of the tiny GPT's recipes, to set beside the playground's (tests/e2e/bench-gpt.mjs):
the same model (token + learned position embedding, pre-LayerNorm blocks of causal self-attention
with the mask filled with -1e4 and a 4·d GELU-tanh FFN, a final LayerNorm, a linear head; every
weight and bias N(0, 0.02), the residual projections 0.02/sqrt(2·layers)), the same AdamW (β₂ 0.99,
λ 0.1 on matrices only, ε 1e-8), the same warm-up + cosine schedule, batch and context, the same
loss (synthetic tasks: only the answer's targets count), the same evaluation cadence.

    python3 -m venv ~/.cache/mlpg/torch-venv && ~/.cache/mlpg/torch-venv/bin/pip install torch numpy
    ~/.cache/mlpg/torch-venv/bin/python bench/pytorch/gpt.py --recipes sort,names,shakespeare --threads 1,2

Prints one line per evaluation and a JSON line per (recipe, threads): steps/s, counted tokens/s
(the targets that count in the loss per second, as the playground's "tokens/s"), the wall time
(evaluations included) to the issue's learning target, and the loss at each evaluated step.
Reads the corpora the product ships (www/data/text/). Not part of CI.
"""
import argparse
import json
import math
import pathlib
import random
import time
import zlib

import torch
import torch.nn as nn
import torch.nn.functional as F

TEXT = pathlib.Path(__file__).resolve().parents[2] / "www" / "data" / "text"
# (layers, heads, d_model, context, batch, steps, lr): src/settings/gpt_recipe.rs.
RECIPES = {
    "sort": (3, 3, 48, 16, 64, 500, 2e-3),
    "names": (4, 4, 64, 16, 32, 3000, 3e-3),
    "shakespeare": (4, 4, 128, 64, 12, 2000, 1e-3),
}
TARGET = {"names": 2.1, "shakespeare": 2.0}
WARMUP = 100


class Block(nn.Module):
    def __init__(self, d, heads):
        super().__init__()
        self.heads = heads
        self.ln_1, self.ln_2 = nn.LayerNorm(d), nn.LayerNorm(d)
        self.q, self.k, self.v, self.o = (nn.Linear(d, d) for _ in range(4))
        self.ffn_in, self.ffn_out = nn.Linear(d, 4 * d), nn.Linear(4 * d, d)

    def attention(self, x):
        b, t, d = x.shape
        split = lambda y: y.view(b, t, self.heads, d // self.heads).transpose(1, 2)
        q, k, v = split(self.q(x)), split(self.k(x)), split(self.v(x))
        s = q @ k.transpose(2, 3) / math.sqrt(d // self.heads)
        future = torch.triu(torch.ones(t, t, dtype=torch.bool), 1)
        a = s.masked_fill(future, -1e4).softmax(-1)
        return self.o((a @ v).transpose(1, 2).reshape(b, t, d))

    def forward(self, x):
        h = x + self.attention(self.ln_1(x))
        return h + self.ffn_out(F.gelu(self.ffn_in(self.ln_2(h)), approximate="tanh"))


class Gpt(nn.Module):
    def __init__(self, vocab, context, d, heads, layers):
        super().__init__()
        self.tok, self.pos = nn.Embedding(vocab, d), nn.Embedding(context, d)
        self.blocks = nn.ModuleList(Block(d, heads) for _ in range(layers))
        self.ln_f, self.head = nn.LayerNorm(d), nn.Linear(d, vocab)
        for name, p in self.named_parameters():
            if "ln" in name:
                continue
            std = 0.02 / math.sqrt(2 * layers) if name.endswith(("o.weight", "o.bias", "ffn_out.weight", "ffn_out.bias")) else 0.02
            nn.init.normal_(p, 0.0, std)

    def forward(self, ids):
        x = self.tok(ids) + self.pos(torch.arange(ids.shape[1]))
        for block in self.blocks:
            x = block(x)
        return self.head(self.ln_f(x))


class Sort:
    """minGPT's demo: 6 digits from {0,1,2} and their sorted order; held out by the prompt's hash."""

    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.vocab = list("012=")
        prompts = ["".join(p) for p in __import__("itertools").product("012", repeat=6)]
        held = lambda p: zlib.crc32(p.encode()) % 10 == 0
        self.train = [p for p in prompts if not held(p)]
        self.validation = [p for p in prompts if held(p)]

    def encode(self, text):
        return [self.vocab.index(c) for c in text]

    def batch(self, n):
        texts = [p + "=" + "".join(sorted(p)) for p in (self.rng.choice(self.train) for _ in range(n))]
        ids = torch.tensor([self.encode(t) for t in texts])
        w = torch.zeros(n, 12)
        w[:, 6:] = 1.0
        return ids[:, :-1], ids[:, 1:], w

    def exact(self, model):
        ids = torch.tensor([self.encode(p + "=") for p in self.validation])
        with torch.no_grad():
            for _ in range(6):
                ids = torch.cat([ids, model(ids)[:, -1].argmax(-1, keepdim=True)], 1)
        want = torch.tensor([self.encode("".join(sorted(p))) for p in self.validation])
        return (ids[:, 7:] == want).all(1).float().mean().item()


class Corpus:
    """Names (".emma.olivia.", shuffled, 90/10 by name) or Shakespeare (90/10 by position)."""

    def __init__(self, recipe, seed, context):
        self.rng, self.context = random.Random(seed), context
        if recipe == "names":
            names = [l.strip() for l in (TEXT / "names.txt").read_text().splitlines() if l.strip()]
            random.Random(seed).shuffle(names)
            cut = len(names) * 9 // 10
            parts = ["." + ".".join(names[:cut]) + ".", "." + ".".join(names[cut:]) + "."]
        else:
            text = (TEXT / "tinyshakespeare.txt").read_text()
            cut = len(text) * 9 // 10
            parts = [text[:cut], text[cut:]]
        self.vocab = sorted(set(parts[0] + parts[1]))
        index = {c: i for i, c in enumerate(self.vocab)}
        self.train, self.val = (torch.tensor([index[c] for c in p]) for p in parts)

    def batch(self, n, split=None):
        stream = self.train if split is None else split
        starts = [self.rng.randrange(len(stream) - self.context - 1) for _ in range(n)]
        x = torch.stack([stream[s:s + self.context] for s in starts])
        y = torch.stack([stream[s + 1:s + self.context + 1] for s in starts])
        return x, y, torch.ones_like(x, dtype=torch.float32)

    def validation_loss(self, model, batch):
        with torch.no_grad():
            losses = [loss_of(model, *self.batch(batch, self.val)).item() for _ in range(8)]
        return sum(losses) / len(losses)


def loss_of(model, x, y, w):
    z = model(x)
    nll = F.cross_entropy(z.reshape(-1, z.shape[-1]), y.reshape(-1), reduction="none")
    return (nll * w.reshape(-1)).sum() / w.sum()


def lr_at(step, peak, total):
    if step < WARMUP:
        return peak * (step + 1) / WARMUP
    p = min((step - WARMUP) / max(total - WARMUP, 1), 1.0)
    return 0.1 * peak + 0.5 * (1 + math.cos(math.pi * p)) * 0.9 * peak


def run(recipe, threads, seed, max_seconds):
    torch.set_num_threads(threads)
    torch.manual_seed(seed)
    layers, heads, d, context, batch, steps, peak = RECIPES[recipe]
    data = Sort(seed) if recipe == "sort" else Corpus(recipe, seed, context)
    t_len = 12 if recipe == "sort" else context
    model = Gpt(len(data.vocab), max(context, t_len), d, heads, layers)
    decay = [p for p in model.parameters() if p.dim() >= 2]
    plain = [p for p in model.parameters() if p.dim() < 2]
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": 0.1}, {"params": plain, "weight_decay": 0.0}],
                            lr=peak, betas=(0.9, 0.99), eps=1e-8)
    counted = (6 if recipe == "sort" else context) * batch
    every = max(25, min(250, steps // 40))
    started, reached, points, train_time, timed_steps = time.time(), None, [], 0.0, 0
    for step in range(steps):
        t0 = time.time()
        for g in opt.param_groups:
            g["lr"] = lr_at(step, peak, steps)
        loss = loss_of(model, *data.batch(batch))
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
        if step >= 10:  # the first steps warm the allocator up
            train_time += time.time() - t0
            timed_steps += 1
        done = step + 1
        if done % every == 0 or done == steps:
            score = data.exact(model) if recipe == "sort" else data.validation_loss(model, batch)
            wall = time.time() - started
            points.append({"step": done, "seconds": round(wall, 1), "score": round(score, 4)})
            print(f"{recipe} ({threads} thread{'s' * (threads > 1)}): step {done}, {wall:.1f} s, "
                  f"{'exact' if recipe == 'sort' else 'validation'} {score:.4f}", flush=True)
            hit = score >= 1.0 if recipe == "sort" else score <= TARGET[recipe]
            if hit and reached is None:
                reached = {"step": done, "seconds": round(wall, 1)}
                break
        if time.time() - started > max_seconds:
            break
    rate = timed_steps / train_time if train_time else float("nan")
    return {"system": "pytorch", "torch": torch.__version__, "recipe": recipe, "threads": threads,
            "steps_per_sec": round(rate, 2), "tokens_per_sec": round(rate * counted),
            "reached": reached, "points": points}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--recipes", default="sort,names,shakespeare")
    ap.add_argument("--threads", default="1,2")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--max-seconds", type=float, default=900)
    a = ap.parse_args()
    for recipe in a.recipes.split(","):
        for threads in map(int, a.threads.split(",")):
            print(json.dumps(run(recipe, threads, a.seed, a.max_seconds)), flush=True)


if __name__ == "__main__":
    main()
