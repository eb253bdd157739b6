"""Train the project's own expression classifier and export it for LiteRT.

    .venv/bin/python training/prepare_data.py                      # framing cache (app venv)
    .venv-train/bin/python training/train_expression.py            # ~70 min on 2 idle cores
    # -> artifacts/expression_cnn_float.tflite + artifacts/train_log.json
    .venv-train/bin/python training/quantize_cnn.py                # -> the int8 file the app runs
    # -> core/vision/data/expression_cnn.tflite

Reproducible: one seed for data order, augmentation and initialisation (TensorFlow's
op determinism is on, so a rerun on the same machine gives the same weights). The
training-only dependencies are in ``training/requirements.txt``; the app never imports
TensorFlow.

Design, sized for CPU inference and a ~90-minute budget on two cores:

* input 48x48 grayscale pixels 0..255; the network standardises each face itself
  (per-image mean and spread), so the runtime passes pixels as they are and a
  webcam's exposure does not need a separate normalisation step;
* four VGG-style blocks (32-64-128-256 channels, batch norm, ReLU), global average
  pooling, dropout, a 7-way softmax: ~1.2 M parameters, ~100 M multiply-adds a face;
* data: FER2013 train (22k) + the training part of the wild photos (3.8k), drawn
  together; class weights (inverse square root of frequency, normalised) lift the
  rare classes (disgust is 1.6 % of FER2013) without drowning the common ones;
* augmentation: mirror, rotation +-12 deg, shift +-10 %, zoom +-12 %, brightness and
  contrast, Gaussian blur on a third of the faces, random erasing of one patch;
  colour photos are turned to gray in preparation (the model is gray-only, as are
  many of the photos), so colour/grayscale differences are removed, not augmented;
* AdamW with a one-cycle learning rate, label smoothing 0.1; the weights of the
  epoch with the best validation accuracy (FER2013 PublicTest without the
  evaluation crops, plus the held-out wild photos) are exported.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import time
from pathlib import Path

import numpy as np

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
import keras
import tensorflow as tf
from common import CLASSES, ROOT, SIZE, STD_EPS, balanced_accuracy, class_weights, load
from keras import layers


class Standardize(layers.Layer):
    """Per-image standardisation inside the model: the runtime feeds raw pixels."""

    def call(self, x):
        mean = tf.reduce_mean(x, axis=[1, 2, 3], keepdims=True)
        var = tf.reduce_mean(tf.square(x - mean), axis=[1, 2, 3], keepdims=True)
        return (x - mean) * tf.math.rsqrt(var + STD_EPS)


def build_model(width: int = 32, dropout: float = 0.4) -> keras.Model:
    inputs = keras.Input((SIZE, SIZE, 1), name="face")
    x = Standardize(name="standardize")(inputs)
    for i, mult in enumerate((1, 2, 4, 8)):
        for j in range(2):
            x = layers.Conv2D(width * mult, 3, padding="same", use_bias=False, name=f"b{i}c{j}")(x)
            x = layers.BatchNormalization(name=f"b{i}n{j}")(x)
            x = layers.ReLU(name=f"b{i}r{j}")(x)
        if i < 3:
            x = layers.MaxPooling2D(2, name=f"b{i}pool")(x)
    x = layers.GlobalAveragePooling2D(name="gap")(x)
    x = layers.Dropout(dropout, name="drop")(x)
    outputs = layers.Dense(len(CLASSES), activation="softmax", name="probs")(x)
    return keras.Model(inputs, outputs, name="expression_cnn")


def gaussian_blur(images: tf.Tensor, sigma: tf.Tensor) -> tf.Tensor:
    """Blur each image of the batch with its own sigma (5x5 separable kernel)."""
    r = tf.range(-2.0, 3.0)
    k = tf.exp(-(r[None, :] ** 2) / (2.0 * tf.square(sigma[:, None])))
    k = k / tf.reduce_sum(k, axis=1, keepdims=True)  # [B, 5]
    # Apply as a per-image convolution: move batch into channels.
    b = tf.shape(images)[0]
    x = tf.transpose(images, [3, 1, 2, 0])  # [1, H, W, B]
    kx = tf.reshape(tf.transpose(k), [1, 5, b, 1])
    ky = tf.reshape(tf.transpose(k), [5, 1, b, 1])
    x = tf.nn.depthwise_conv2d(x, kx, [1, 1, 1, 1], "SAME")
    x = tf.nn.depthwise_conv2d(x, ky, [1, 1, 1, 1], "SAME")
    return tf.transpose(x, [3, 1, 2, 0])


def make_augmenter(seed: int) -> keras.Sequential:
    return keras.Sequential(
        [
            layers.RandomFlip("horizontal", seed=seed),
            layers.RandomRotation(12 / 360, fill_mode="reflect", seed=seed + 1),
            layers.RandomTranslation(0.1, 0.1, fill_mode="reflect", seed=seed + 2),
            layers.RandomZoom((-0.12, 0.12), fill_mode="reflect", seed=seed + 3),
            layers.RandomBrightness(0.25, value_range=(0, 255), seed=seed + 4),
            layers.RandomContrast(0.35, seed=seed + 5),
        ],
        name="augment",
    )


def dataset(images, labels, weights, batch, seed, augment: bool) -> tf.data.Dataset:
    x = images[..., None].astype(np.float32)
    ds = tf.data.Dataset.from_tensor_slices((x, labels))
    if augment:
        ds = ds.shuffle(len(labels), seed=seed, reshuffle_each_iteration=True)
    ds = ds.batch(batch, drop_remainder=augment)
    if augment:
        aug = make_augmenter(seed)
        gen = tf.random.Generator.from_seed(seed)
        wtable = tf.constant(weights)

        def apply(xb, yb):
            xb = aug(xb, training=True)
            n = tf.shape(xb)[0]
            blur = gen.uniform([n]) < 0.33
            sigma = gen.uniform([n], 0.5, 1.3)
            xb = tf.where(blur[:, None, None, None], gaussian_blur(xb, sigma), xb)
            # Random erasing: one patch of 8..20 px per face on half of the faces.
            side = gen.uniform([n], 8, 20)
            cx, cy = gen.uniform([n], 0, SIZE), gen.uniform([n], 0, SIZE)
            grid = tf.range(SIZE, dtype=tf.float32)
            inx = tf.abs(grid[None, :] - cx[:, None]) < side[:, None] / 2
            iny = tf.abs(grid[None, :] - cy[:, None]) < side[:, None] / 2
            erase = (gen.uniform([n]) < 0.5)[:, None, None] & iny[:, :, None] & inx[:, None, :]
            fill = gen.uniform([n], 0, 255)[:, None, None, None]
            xb = tf.where(erase[..., None], fill, xb)
            xb = tf.clip_by_value(xb, 0.0, 255.0)
            return xb, tf.one_hot(yb, len(CLASSES)), tf.gather(wtable, yb)

        ds = ds.map(apply, num_parallel_calls=1)
    else:
        ds = ds.map(lambda xb, yb: (xb, tf.one_hot(yb, len(CLASSES))))
    return ds.prefetch(2)


def one_cycle(total_steps: int, peak: float):
    warm = max(1, int(0.15 * total_steps))

    class OneCycle(keras.optimizers.schedules.LearningRateSchedule):
        def __call__(self, step):
            step = tf.cast(step, tf.float32)
            up = peak * (0.1 + 0.9 * step / warm)
            t = (step - warm) / max(1, total_steps - warm)
            down = peak * (0.002 + 0.998 * 0.5 * (1 + tf.cos(math.pi * tf.minimum(t, 1.0))))
            return tf.where(step < warm, up, down)

        def get_config(self):
            return {"total_steps": total_steps, "peak": peak}

    return OneCycle()


def per_class_accuracy(model, images, labels) -> tuple[float, list[float], np.ndarray]:
    probs = model.predict(images[..., None].astype(np.float32), batch_size=256, verbose=0)
    probs = (
        probs
        + model.predict(images[:, :, ::-1, None].astype(np.float32), batch_size=256, verbose=0)
    ) / 2
    pred = probs.argmax(1)
    recalls = [
        float(np.mean(pred[labels == c] == c)) if np.any(labels == c) else float("nan")
        for c in range(len(CLASSES))
    ]
    return float(np.mean(pred == labels)), recalls, probs


def export_tflite(model: keras.Model, path: Path) -> int:
    """Float16 weights (half the size; LiteRT computes in float32 either way)."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        model.export(tmp, format="tf_saved_model", verbose=False)
        converter = tf.lite.TFLiteConverter.from_saved_model(tmp)
        converter.optimizations = [tf.lite.Optimize.DEFAULT]
        converter.target_spec.supported_types = [tf.float16]
        data = converter.convert()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return len(data)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT / "artifacts" / "expression_data.npz")
    parser.add_argument(
        "--out",
        type=Path,
        default=ROOT / "artifacts" / "expression_cnn_float.tflite",
        help="the float16 export; training/quantize_cnn.py makes the int8 file the app runs",
    )
    parser.add_argument("--log", type=Path, default=ROOT / "artifacts" / "train_log.json")
    parser.add_argument("--epochs", type=int, default=28)
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--lr", type=float, default=3e-3)
    parser.add_argument("--width", type=int, default=32)
    parser.add_argument("--seed", type=int, default=20261130)
    parser.add_argument("--limit-steps", type=int, default=0, help="smoke test: steps per epoch")
    parser.add_argument(
        "--select",
        choices=("val_score", "val_fer"),
        default="val_score",
        help="the validation figure that picks the exported epoch: both kinds of face, or "
        "FER2013 only (a crop specialist: its 3.5k faces are a steadier yardstick than "
        "the 400 wild ones)",
    )
    args = parser.parse_args()

    keras.utils.set_random_seed(args.seed)
    tf.config.experimental.enable_op_determinism()
    data = load(args.data)
    x_train, y_train = data["train"]
    weights = class_weights(y_train)
    print("train", len(y_train), "val", len(data["val"][1]), "class weights", np.round(weights, 2))
    train_ds = dataset(x_train, y_train, weights, args.batch, args.seed, augment=True)
    steps = len(y_train) // args.batch
    if args.limit_steps:
        train_ds = train_ds.take(args.limit_steps)
        steps = args.limit_steps
    model = build_model(args.width)
    model.summary(print_fn=lambda s: print(s) if "params" in s.lower() else None)
    model.compile(
        optimizer=keras.optimizers.AdamW(
            one_cycle(steps * args.epochs, args.lr), weight_decay=5e-4
        ),
        loss=keras.losses.CategoricalCrossentropy(label_smoothing=0.1),
        weighted_metrics=[],
        metrics=["accuracy"],
    )
    best = {args.select: -1.0}
    history = []
    best_weights = None
    start = time.time()
    for epoch in range(args.epochs):
        t0 = time.time()
        h = model.fit(train_ds, epochs=1, verbose=0)
        _, recalls, probs = per_class_accuracy(model, *data["val"])
        labels = data["val"][1]
        n_fer = len(data["val_fer"][1])  # validation = FER2013 rows, then wild rows
        acc_fer = balanced_accuracy(probs[:n_fer], labels[:n_fer])
        acc_wild = balanced_accuracy(probs[n_fer:], labels[n_fer:])
        row = {
            "epoch": epoch + 1,
            "loss": float(h.history["loss"][0]),
            "train_accuracy": float(h.history["accuracy"][0]),
            # Balanced (mean recall): the evaluation sets are balanced, validation is not.
            "val_score": (acc_fer + acc_wild) / 2,
            "val_fer": acc_fer,
            "val_wild": acc_wild,
            "val_recall": dict(zip(CLASSES, recalls, strict=True)),
            "seconds": round(time.time() - t0, 1),
        }
        history.append(row)
        print(json.dumps(row), flush=True)
        if row[args.select] > best[args.select]:
            best = row
            best_weights = model.get_weights()
            # The best model so far, usable while training goes on.
            export_tflite(model, args.log.with_name("expression_cnn.best.tflite"))
        args.log.parent.mkdir(parents=True, exist_ok=True)
        config = vars(args) | {k: str(getattr(args, k)) for k in ("data", "out", "log")}
        args.log.write_text(
            json.dumps({"args": config, "history": history, "best": best}, indent=1)
        )
    model.set_weights(best_weights)
    size = export_tflite(model, args.out)
    total = time.time() - start
    print(
        f"best epoch {best['epoch']}: val {best['val_score']:.4f} (FER {best['val_fer']:.4f}, "
        f"wild {best['val_wild']:.4f}); {args.out} ({size / 1e6:.2f} MB), {total / 60:.1f} min"
    )
    log = json.loads(args.log.read_text())
    log["minutes"] = round(total / 60, 1)
    log["params"] = int(model.count_params())
    args.log.write_text(json.dumps(log, indent=1))


if __name__ == "__main__":
    main()
