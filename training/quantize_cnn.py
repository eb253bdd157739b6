"""Quantise the trained expression CNN to int8 for faster CPU inference (LiteRT).

    .venv-train/bin/python training/quantize_cnn.py        # after train_expression.py
    # reads  artifacts/expression_cnn_float.tflite  (float16 weights, train_expression.py's)
    # writes core/vision/data/expression_cnn.tflite (int8 weights and activations)

Why: the float model costs ~2.4 ms a view on these cores (about 100 M multiply-adds
in float32), the largest share of ``analyze``'s time; XNNPACK's int8 kernels run
the same network in about half of that, which is what lets the camera ensemble
stay within issue 12's "5x faster than stock fer".

How: the exported float file is the source of truth (the Keras weights are not
kept), so the network is rebuilt from it: batch norm is already folded into each
convolution by the converter, so a Keras model with the same layers, convolutions
with bias and ReLU, takes the file's weights one to one. Its outputs are checked
against the float file, then it is converted with full-integer quantisation
calibrated on 512 training faces (seeded; inputs and outputs stay float32, so the
runtime feeds raw pixels as before). The script prints how far the int8
probabilities are from the float ones on the validation crops;
``training/evaluate.py --model-file cnn=artifacts/expression_cnn_float.tflite``
measures the float file the same way as the shipped one, on validation data.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

import numpy as np

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
import keras
import tensorflow as tf
from keras import layers

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "core" / "vision" / "data"
SIZE = 48


class Standardize(layers.Layer):
    """Same per-image standardisation as ``train_expression.Standardize``."""

    def __init__(self, eps: float, **kwargs) -> None:
        super().__init__(**kwargs)
        self.eps = eps

    def call(self, x):
        mean = tf.reduce_mean(x, axis=[1, 2, 3], keepdims=True)
        var = tf.reduce_mean(tf.square(x - mean), axis=[1, 2, 3], keepdims=True)
        return (x - mean) * tf.math.rsqrt(var + self.eps)


def float_weights(path: Path) -> tuple[float, list[tuple[np.ndarray, np.ndarray]], tuple]:
    """(standardise epsilon, [(conv filter HWIO, bias)...], (dense W, dense b)) from the file."""
    interpreter = tf.lite.Interpreter(model_path=str(path))
    interpreter.allocate_tensors()
    ops = interpreter._get_ops_details()
    source = {op["outputs"][0]: op["inputs"][0] for op in ops if op["op_name"] == "DEQUANTIZE"}

    def const(index: int) -> np.ndarray:
        return interpreter.get_tensor(source.get(index, index)).astype(np.float32)

    convs = []
    dense = None
    eps = None
    for op in ops:
        name = op["op_name"]
        if name == "ADD" and eps is None:
            eps = float(const(op["inputs"][1]))
        elif name == "CONV_2D":
            _, w, b = op["inputs"]
            convs.append((np.transpose(const(w), (1, 2, 3, 0)), const(b)))  # OHWI -> HWIO
        elif name == "FULLY_CONNECTED":
            _, w, b = op["inputs"]
            dense = (const(w).T, const(b))
    if eps is None or dense is None or len(convs) != 8:
        raise ValueError(f"{path} is not the expected 8-convolution network")
    return eps, convs, dense


def folded_model(eps: float, convs, dense) -> keras.Model:
    inputs = keras.Input((SIZE, SIZE, 1), name="face")
    x = Standardize(eps, name="standardize")(inputs)
    for i, (w, _b) in enumerate(convs):
        x = layers.Conv2D(w.shape[3], 3, padding="same", activation="relu", name=f"c{i}")(x)
        if i % 2 == 1 and i < 7:
            x = layers.MaxPooling2D(2, name=f"pool{i // 2}")(x)
    x = layers.GlobalAveragePooling2D(name="gap")(x)
    outputs = layers.Dense(dense[0].shape[1], activation="softmax", name="probs")(x)
    model = keras.Model(inputs, outputs, name="expression_cnn")
    for i, (w, b) in enumerate(convs):
        model.get_layer(f"c{i}").set_weights([w, b])
    model.get_layer("probs").set_weights(list(dense))
    return model


def run_tflite(data: bytes, images: np.ndarray) -> np.ndarray:
    interpreter = tf.lite.Interpreter(model_content=data)
    index = interpreter.get_input_details()[0]["index"]
    interpreter.resize_tensor_input(index, [len(images), SIZE, SIZE, 1])
    interpreter.allocate_tensors()
    interpreter.set_tensor(index, images)
    interpreter.invoke()
    return interpreter.get_tensor(interpreter.get_output_details()[0]["index"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT / "artifacts" / "expression_data.npz")
    parser.add_argument(
        "--src", type=Path, default=ROOT / "artifacts" / "expression_cnn_float.tflite"
    )
    parser.add_argument("--out", type=Path, default=DATA / "expression_cnn.tflite")
    parser.add_argument("--calibration", type=int, default=512)
    parser.add_argument("--seed", type=int, default=20261206)
    args = parser.parse_args()

    model = folded_model(*float_weights(args.src))
    d = np.load(args.data)
    train = d["fer_split"] == "train"
    pool = np.concatenate([d["fer_images"][train], d["wild_images"][d["wild_split"] == "train"]])
    rng = np.random.default_rng(args.seed)
    calib = pool[rng.choice(len(pool), args.calibration, replace=False)]
    calib = calib[..., None].astype(np.float32)
    val = d["fer_images"][d["fer_split"] == "val"][..., None].astype(np.float32)

    reference = run_tflite(args.src.read_bytes(), val[:256])
    rebuilt = model.predict(val[:256], verbose=0)
    diff = float(np.abs(reference - rebuilt).max())
    print(f"rebuilt vs float file: max |diff| {diff:.2e}")
    if diff > 1e-2:
        raise SystemExit("the rebuilt network does not match the float file")

    def representative():
        for image in calib:
            yield [image[None]]

    converter = tf.lite.TFLiteConverter.from_keras_model(model)
    converter.optimizations = [tf.lite.Optimize.DEFAULT]
    converter.representative_dataset = representative
    data = converter.convert()
    args.out.write_bytes(data)
    quantised = run_tflite(data, val)
    full = run_tflite(args.src.read_bytes(), val)
    agree = float(np.mean(quantised.argmax(1) == full.argmax(1)))
    print(
        f"wrote {args.out} ({len(data) / 1e6:.2f} MB); on {len(val)} validation crops the "
        f"int8 model agrees with the float one on {agree:.1%} of labels, "
        f"max |prob diff| {float(np.abs(quantised - full).max()):.3f}"
    )


if __name__ == "__main__":
    main()
