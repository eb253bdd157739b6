"""Train the expression CNN with PyTorch in bfloat16, export it for LiteRT through Keras.

    .venv/bin/python training/prepare_data.py                       # framing cache (app venv)
    .venv-train/bin/pip install torch==2.13.0                       # the CPU build (see README)
    .venv-train/bin/python training/train_torch.py --width 48 --epochs 40 --out F.tflite
    .venv-train/bin/python training/quantize_cnn.py --src F.tflite --out core/vision/data/X.tflite

Why a second trainer: the network and recipe are ``train_expression.py``'s, but
TensorFlow's CPU kernels run it in float32 only (its mixed-bfloat16 policy measured
no faster here), while PyTorch's oneDNN kernels use the CPU's bfloat16 matrix units:
one epoch of the width-32 net costs ~42 s of compute against ~100 s, so the same
90 minutes buy a wider network trained for longer. ``train_expression.py`` stays:
it reproduces the shipped ``cnn`` and ``cnn2``.

What is the same: the data (FER2013 train + the wild training photos), the class
weights, the four VGG blocks with batch norm and global average pooling, the
per-image standardisation inside the network, label smoothing 0.1, AdamW with a
one-cycle schedule, and every augmentation (mirror, rotation, shift, zoom with
reflected borders; brightness, contrast, blur, random erasing), here done on whole
batches with one affine resampling instead of three.

What is added: an exponential moving average of the weights (batch-norm statistics
included), which is what is validated each epoch and exported. Averaging the last
few thousand steps' weights smooths the noise of small-batch training and typically
adds about a point of accuracy at no cost at inference.

Export: the averaged weights are copied into ``train_expression.build_model`` (same
layers; PyTorch's OIHW filters become Keras's HWIO) and written as a float16 .tflite
by the same ``export_tflite``; the copy is checked against PyTorch on validation faces.
Seeded: one seed for initialisation, data order and augmentation draws.
"""

from __future__ import annotations

import argparse
import json
import math
import time
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from common import CLASSES, ROOT, SIZE, STD_EPS, balanced_accuracy, class_weights, load
from torch import nn

BN_EPS = 1e-3  # Keras's BatchNormalization default, so the export copies statistics as they are


class ExpressionCNN(nn.Module):
    """``train_expression.build_model`` in PyTorch, layer for layer."""

    def __init__(self, width: int = 32, dropout: float = 0.4) -> None:
        super().__init__()
        layers: list[nn.Module] = []
        channels = 1
        for i, mult in enumerate((1, 2, 4, 8)):
            for _ in range(2):
                layers += [
                    nn.Conv2d(channels, width * mult, 3, padding=1, bias=False),
                    nn.BatchNorm2d(width * mult, eps=BN_EPS, momentum=0.01),
                    nn.ReLU(inplace=True),
                ]
                channels = width * mult
            if i < 3:
                layers.append(nn.MaxPool2d(2))
        self.features = nn.Sequential(*layers)
        self.dropout = nn.Dropout(dropout)
        self.head = nn.Linear(channels, len(CLASSES))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Raw pixels (N, 1, 48, 48) in 0..255 -> logits."""
        mean = x.mean(dim=(1, 2, 3), keepdim=True)
        var = (x - mean).square().mean(dim=(1, 2, 3), keepdim=True)
        x = (x - mean) * torch.rsqrt(var + STD_EPS)
        x = self.features(x).mean(dim=(2, 3))
        return self.head(self.dropout(x))


def augment(x: torch.Tensor, gen: torch.Generator) -> torch.Tensor:
    """The training augmentation on a batch (N, 1, 48, 48) of raw pixels."""
    n = x.shape[0]

    def uniform(lo: float, hi: float, *shape: int) -> torch.Tensor:
        return torch.rand(shape or (n,), generator=gen) * (hi - lo) + lo

    # One affine map per face: mirror, rotation +-12 deg, zoom +-12 %, shift +-10 %.
    angle = uniform(-12, 12) * math.pi / 180
    scale = 1.0 / uniform(0.88, 1.12)  # output -> input coordinates
    flip = torch.where(torch.rand(n, generator=gen) < 0.5, -1.0, 1.0)
    cos, sin = torch.cos(angle) * scale, torch.sin(angle) * scale
    theta = torch.stack(
        [
            torch.stack([cos * flip, -sin, uniform(-0.2, 0.2)], 1),
            torch.stack([sin * flip, cos, uniform(-0.2, 0.2)], 1),
        ],
        1,
    )
    grid = F.affine_grid(theta, list(x.shape), align_corners=False)
    x = F.grid_sample(x, grid, mode="bilinear", padding_mode="reflection", align_corners=False)
    # Brightness +-25 % of the range, contrast x0.65..1.35 about each face's mean.
    x = x + uniform(-0.25 * 255, 0.25 * 255)[:, None, None, None]
    mean = x.mean(dim=(1, 2, 3), keepdim=True)
    x = (x - mean) * uniform(0.65, 1.35)[:, None, None, None] + mean
    # Gaussian blur (5x5, sigma 0.5..1.3) on a third of the faces.
    sigma = uniform(0.5, 1.3)
    r = torch.arange(-2.0, 3.0)
    k = torch.exp(-(r[None, :] ** 2) / (2 * sigma[:, None] ** 2))
    k = k / k.sum(1, keepdim=True)
    blurred = x.transpose(0, 1)  # (1, N, H, W): one group per face
    blurred = F.conv2d(F.pad(blurred, (2, 2, 0, 0), mode="reflect"), k[:, None, None, :], groups=n)
    blurred = F.conv2d(F.pad(blurred, (0, 0, 2, 2), mode="reflect"), k[:, None, :, None], groups=n)
    x = torch.where(
        (torch.rand(n, generator=gen) < 0.33)[:, None, None, None], blurred.transpose(0, 1), x
    )
    # Random erasing: one square patch of 8..20 px, uniform grey, on half of the faces.
    side = uniform(8, 20)[:, None]
    cx, cy = uniform(0, SIZE)[:, None], uniform(0, SIZE)[:, None]
    grid1 = torch.arange(SIZE, dtype=torch.float32)[None, :]
    inside = ((grid1 - cx).abs() < side / 2)[:, None, :] & ((grid1 - cy).abs() < side / 2)[
        :, :, None
    ]
    erase = (torch.rand(n, generator=gen) < 0.5)[:, None, None] & inside
    x = torch.where(erase[:, None], uniform(0, 255)[:, None, None, None], x)
    return x.clamp(0.0, 255.0)


def one_cycle(step: int, total: int, peak: float) -> float:
    """``train_expression.one_cycle``: 15 % linear warm-up from peak/10, then cosine to ~0."""
    warm = max(1, int(0.15 * total))
    if step < warm:
        return peak * (0.1 + 0.9 * step / warm)
    t = min(1.0, (step - warm) / max(1, total - warm))
    return peak * (0.002 + 0.998 * 0.5 * (1 + math.cos(math.pi * t)))


@torch.no_grad()
def predict(model: nn.Module, images: np.ndarray, batch: int = 512) -> np.ndarray:
    """Softmax probabilities, averaged with the mirrored view (as the runtime does)."""
    model.eval()
    x = torch.from_numpy(images[:, None].astype(np.float32))
    out = []
    for i in range(0, len(x), batch):
        xb = x[i : i + batch]
        with torch.autocast("cpu", dtype=torch.bfloat16):
            logits = model(xb).float().softmax(1) + model(xb.flip(3)).float().softmax(1)
        out.append(logits / 2)
    return torch.cat(out).numpy()


def to_keras(model: nn.Module, width: int):
    """Copy the PyTorch weights into ``train_expression.build_model`` (imports TensorFlow)."""
    from train_expression import build_model

    keras_model = build_model(width)
    convs = [m for m in model.features if isinstance(m, nn.Conv2d)]
    norms = [m for m in model.features if isinstance(m, nn.BatchNorm2d)]
    for k, (conv, norm) in enumerate(zip(convs, norms, strict=True)):
        i, j = divmod(k, 2)
        keras_model.get_layer(f"b{i}c{j}").set_weights(
            [conv.weight.detach().permute(2, 3, 1, 0).numpy()]  # OIHW -> HWIO
        )
        keras_model.get_layer(f"b{i}n{j}").set_weights(
            [
                norm.weight.detach().numpy(),
                norm.bias.detach().numpy(),
                norm.running_mean.numpy(),
                norm.running_var.numpy(),
            ]
        )
    keras_model.get_layer("probs").set_weights(
        [model.head.weight.detach().numpy().T, model.head.bias.detach().numpy()]
    )
    return keras_model


def evaluate(model: nn.Module, data, n_fer: int) -> dict:
    images, labels = data["val"]
    probs = predict(model, images)
    pred = probs.argmax(1)
    recalls = {
        c: float(np.mean(pred[labels == i] == i)) if np.any(labels == i) else float("nan")
        for i, c in enumerate(CLASSES)
    }
    fer = balanced_accuracy(probs[:n_fer], labels[:n_fer])
    wild = balanced_accuracy(probs[n_fer:], labels[n_fer:])
    return {"val_score": (fer + wild) / 2, "val_fer": fer, "val_wild": wild, "val_recall": recalls}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT / "artifacts" / "expression_data.npz")
    parser.add_argument(
        "--out", type=Path, default=ROOT / "artifacts" / "expression_cnn_torch_float.tflite"
    )
    parser.add_argument("--log", type=Path, default=ROOT / "artifacts" / "train_log_torch.json")
    parser.add_argument("--epochs", type=int, default=40)
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--lr", type=float, default=3e-3)
    parser.add_argument("--width", type=int, default=48)
    parser.add_argument("--ema", type=float, default=0.999, help="weight-average decay a step")
    parser.add_argument("--seed", type=int, default=20261207)
    parser.add_argument("--select", choices=("val_score", "val_fer"), default="val_fer")
    parser.add_argument("--limit-steps", type=int, default=0, help="smoke test: steps per epoch")
    args = parser.parse_args()

    torch.manual_seed(args.seed)
    torch.use_deterministic_algorithms(True, warn_only=True)
    gen = torch.Generator().manual_seed(args.seed)
    data = load(args.data)
    n_fer = len(data["val_fer"][1])
    x_train = torch.from_numpy(data["train"][0][:, None].astype(np.float32))
    y_train = torch.from_numpy(data["train"][1].astype(np.int64))
    weights = torch.from_numpy(class_weights(data["train"][1]))
    steps = args.limit_steps or len(y_train) // args.batch
    total = steps * args.epochs

    model = ExpressionCNN(args.width).to(memory_format=torch.channels_last)
    ema = torch.optim.swa_utils.AveragedModel(
        model,
        multi_avg_fn=torch.optim.swa_utils.get_ema_multi_avg_fn(args.ema),
        use_buffers=True,
    )
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=5e-4)
    params = sum(p.numel() for p in model.parameters())
    print(f"train {len(y_train)}, val {len(data['val'][1])}, {params:,} parameters", flush=True)

    history, best, best_state = [], {args.select: -1.0}, None
    start, step = time.time(), 0
    for epoch in range(args.epochs):
        t0 = time.time()
        model.train()
        order = torch.randperm(len(y_train), generator=gen)
        seen, loss_sum, correct = 0, 0.0, 0
        for b in range(steps):
            idx = order[b * args.batch : (b + 1) * args.batch]
            xb = augment(x_train[idx], gen).contiguous(memory_format=torch.channels_last)
            yb = y_train[idx]
            for group in optimizer.param_groups:
                group["lr"] = one_cycle(step, total, args.lr)
            with torch.autocast("cpu", dtype=torch.bfloat16):
                logits = model(xb)
            loss = F.cross_entropy(logits.float(), yb, label_smoothing=0.1, reduction="none")
            loss = (loss * weights[yb]).mean()
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            optimizer.step()
            ema.update_parameters(model)
            step += 1
            seen += len(yb)
            loss_sum += float(loss.detach()) * len(yb)
            correct += int((logits.argmax(1) == yb).sum())
        row = {
            "epoch": epoch + 1,
            "loss": loss_sum / seen,
            "train_accuracy": correct / seen,
            **evaluate(ema.module, data, n_fer),
            "seconds": round(time.time() - t0, 1),
        }
        history.append(row)
        print(json.dumps(row), flush=True)
        if row[args.select] > best[args.select]:
            best = row
            best_state = {k: v.clone() for k, v in ema.module.state_dict().items()}
            torch.save(best_state, args.log.with_suffix(".best.pt"))
        args.log.parent.mkdir(parents=True, exist_ok=True)
        config = vars(args) | {k: str(getattr(args, k)) for k in ("data", "out", "log")}
        log = {"args": config, "trainer": "training/train_torch.py", "params": params}
        args.log.write_text(json.dumps(log | {"history": history, "best": best}, indent=1))

    final = ExpressionCNN(args.width)
    final.load_state_dict(best_state)
    final.eval()
    keras_model = to_keras(final, args.width)
    from train_expression import export_tflite

    images = data["val"][0][:512, :, :, None].astype(np.float32)
    with torch.no_grad():
        reference = final(torch.from_numpy(images).permute(0, 3, 1, 2)).softmax(1).numpy()
    diff = float(np.abs(keras_model.predict(images, verbose=0) - reference).max())
    print(f"Keras copy vs PyTorch (float32): max |prob diff| {diff:.2e}")
    if diff > 1e-3:
        raise SystemExit("the Keras copy does not match the trained network")
    size = export_tflite(keras_model, args.out)
    minutes = (time.time() - start) / 60
    log = json.loads(args.log.read_text()) | {"minutes": round(minutes, 1)}
    args.log.write_text(json.dumps(log, indent=1))
    print(
        f"best epoch {best['epoch']}: FER {best['val_fer']:.4f}, wild {best['val_wild']:.4f}; "
        f"{args.out} ({size / 1e6:.2f} MB), {minutes:.1f} min"
    )


if __name__ == "__main__":
    main()
