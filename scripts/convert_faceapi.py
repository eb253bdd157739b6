"""Convert face-api.js's expression net (npm ``@vladmandic/face-api`` 1.7.15, MIT) to LiteRT.

Why a conversion and not a re-implementation: the original design of the app read
expressions with face-api.js, whose net scores better on unposed photos than fer's
model; its weights ship only as a tfjs weight manifest plus a uint8-quantised shard,
which the runtime (LiteRT, no TensorFlow) cannot read. This script rebuilds the exact
graph of ``FaceExpressionNet`` from the package's own TypeScript source and writes a
``.tflite`` with the preprocessing baked in, so the engine feeds raw pixels.

How to run (installs nothing itself; keep node_modules outside the repo)::

    mkdir -p /tmp/faceapi && cd /tmp/faceapi && npm init -y >/dev/null \
        && npm install @vladmandic/face-api@1.7.15 @tensorflow/tfjs
    # (``npm pack @vladmandic/face-api@1.7.15`` and untarring works too: pass the
    # unpacked ``package/`` folder as --package)
    cd /work/main
    .venv-train/bin/python scripts/convert_faceapi.py \
        --package /tmp/faceapi/node_modules/@vladmandic/face-api

Then prove parity against the original net running in Node (tfjs CPU backend) with
``scripts/faceapi_parity.py`` (see its docstring).

The graph, as in the package's ``src/`` (verified for 1.7.15):

- ``FaceFeatureExtractor.forwardInput``: ``x = (rgb - [122.782, 117.001, 104.298]) / 255``
  on a [N,112,112,3] float batch, then four ``denseBlock4`` (dense0..dense3) and
  ``avgPool(7x7, stride 2, 'valid')`` -> [N,1,1,256].
- ``denseBlock4(x, p, isFirstLayer, isScaleDown=True)``:
  ``out1 = relu(conv0(x))`` where conv0 is a plain 3x3 conv + bias for dense0 and a
  depthwise-separable conv for the others, stride 2, 'same';
  ``out2 = sep(out1, conv1)``; ``out3 = sep(relu(out1 + out2), conv2)``;
  ``out4 = sep(relu(out1 + out2 + out3), conv3)``; ``return relu(out1+out2+out3+out4)``.
  ``sep`` = ``tf.separableConv2d(x, depthwise, pointwise, stride, 'same') + bias`` (no
  activation inside). Channels 32, 64, 128, 256; spatial 56, 28, 14, 7.
- ``FaceProcessor.runNet``: flatten to [N,256], ``matMul(fc/weights [256,7]) + fc/bias``;
  ``FaceExpressionNet.forwardInput``: softmax.
- Output order (``FaceExpressions.ts``): neutral, happy, sad, angry, fearful, disgusted,
  surprised. The exported model permutes the fc columns so it outputs this project's
  order (``core.emotions.EMOTIONS``): angry, disgust, fear, happy, sad, surprise,
  neutral. Permuting logits before a softmax is exact.
- Weights: tfjs ``decodeWeight`` turns uint8 ``q`` into ``q * scale + min`` (computed in
  double, stored float32); biases are plain float32. All in manifest order in one shard.

The exported model takes float32 [N,112,112,3] RGB in 0..255 (N resizable with
``resize_tensor_input``) and returns float32 [N,7] probabilities.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "core" / "vision" / "data" / "faceapi_expression.tflite"

MEAN_RGB = (122.782, 117.001, 104.298)
INPUT_SIZE = 112
FACEAPI_ORDER = ("neutral", "happy", "sad", "angry", "fearful", "disgusted", "surprised")
# This project's order (core.emotions.EMOTIONS) expressed in face-api.js's names.
PROJECT_ORDER = ("angry", "disgusted", "fearful", "happy", "sad", "surprised", "neutral")
PERMUTATION = tuple(FACEAPI_ORDER.index(name) for name in PROJECT_ORDER)

_DTYPE_BYTES = {"float32": 4, "int32": 4, "uint8": 1, "uint16": 2}


def load_weights(package: Path) -> dict[str, np.ndarray]:
    """Decode the tfjs weight manifest exactly like tfjs-core's ``decodeWeight``."""
    model_dir = package / "model"
    manifest = json.loads((model_dir / "face_expression_model-weights_manifest.json").read_text())
    weights: dict[str, np.ndarray] = {}
    for group in manifest:
        buffer = b"".join((model_dir / p).read_bytes() for p in group["paths"])
        offset = 0
        for spec in group["weights"]:
            shape = tuple(spec["shape"])
            size = int(np.prod(shape)) if shape else 1
            if spec["dtype"] != "float32":
                raise ValueError(f"{spec['name']}: unexpected dtype {spec['dtype']}")
            quant = spec.get("quantization")
            if quant is None:
                nbytes = size * 4
                values = np.frombuffer(buffer, "<f4", size, offset).astype(np.float32)
            elif quant["dtype"] in ("uint8", "uint16"):
                dtype = "<u1" if quant["dtype"] == "uint8" else "<u2"
                nbytes = size * _DTYPE_BYTES[quant["dtype"]]
                q = np.frombuffer(buffer, dtype, size, offset).astype(np.float64)
                values = (q * quant["scale"] + quant["min"]).astype(np.float32)
            else:
                raise ValueError(f"{spec['name']}: unsupported quantization {quant['dtype']}")
            weights[spec["name"]] = values.reshape(shape)
            offset += nbytes
        if offset != len(buffer):
            raise ValueError(f"manifest covers {offset} bytes, shard has {len(buffer)}")
    return weights


def build_function(w: dict[str, np.ndarray]):
    """The face-api.js graph as a tf.function with a free batch dimension."""
    import tensorflow as tf

    c = {k: tf.constant(v) for k, v in w.items()}
    fc_w = tf.constant(w["fc/weights"][:, list(PERMUTATION)])
    fc_b = tf.constant(w["fc/bias"][list(PERMUTATION)])
    mean = tf.constant(np.array(MEAN_RGB, np.float32).reshape(1, 1, 1, 3))

    def sep(x, prefix, stride):
        out = tf.nn.separable_conv2d(
            x,
            c[f"{prefix}/depthwise_filter"],
            c[f"{prefix}/pointwise_filter"],
            strides=[1, stride, stride, 1],
            padding="SAME",
        )
        return out + c[f"{prefix}/bias"]

    def dense_block4(x, name, first):
        if first:
            conv0 = tf.nn.conv2d(x, c[f"{name}/conv0/filters"], 2, "SAME")
            out1 = tf.nn.relu(conv0 + c[f"{name}/conv0/bias"])
        else:
            out1 = tf.nn.relu(sep(x, f"{name}/conv0", 2))
        out2 = sep(out1, f"{name}/conv1", 1)
        out3 = sep(tf.nn.relu(out1 + out2), f"{name}/conv2", 1)
        out4 = sep(tf.nn.relu(out1 + (out2 + out3)), f"{name}/conv3", 1)
        return tf.nn.relu(out1 + (out2 + (out3 + out4)))

    @tf.function(input_signature=[tf.TensorSpec([None, INPUT_SIZE, INPUT_SIZE, 3], tf.float32)])
    def expression(rgb):
        x = (rgb - mean) / 255.0
        x = dense_block4(x, "dense0", True)
        x = dense_block4(x, "dense1", False)
        x = dense_block4(x, "dense2", False)
        x = dense_block4(x, "dense3", False)
        x = tf.nn.avg_pool2d(x, 7, 2, "VALID")
        x = tf.reshape(x, [-1, 256])
        return tf.nn.softmax(tf.matmul(x, fc_w) + fc_b)

    return expression


def convert(package: Path, out: Path) -> None:
    import tensorflow as tf

    weights = load_weights(package)
    fn = build_function(weights)
    concrete = fn.get_concrete_function()
    converter = tf.lite.TFLiteConverter.from_concrete_functions([concrete], fn)
    tflite = converter.convert()
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(tflite)

    # Self-check: the exported file against the TensorFlow graph it came from.
    rng = np.random.default_rng(0)
    batch = rng.uniform(0, 255, (4, INPUT_SIZE, INPUT_SIZE, 3)).astype(np.float32)
    expected = fn(tf.constant(batch)).numpy()
    interp = tf.lite.Interpreter(model_path=str(out), num_threads=1)
    interp.resize_tensor_input(interp.get_input_details()[0]["index"], batch.shape)
    interp.allocate_tensors()
    interp.set_tensor(interp.get_input_details()[0]["index"], batch)
    interp.invoke()
    got = interp.get_tensor(interp.get_output_details()[0]["index"])
    diff = float(np.abs(got - expected).max())
    params = sum(v.size for v in weights.values())
    print(f"wrote {out} ({out.stat().st_size} bytes, {params} parameters)")
    print(f"tflite vs TF graph on 4 random inputs: max abs diff {diff:.3g}")
    if diff > 1e-5:
        sys.exit("tflite output differs from the TensorFlow graph")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--package",
        type=Path,
        # Where the documented npm setup puts it; only read from, never written.
        default=Path("/tmp/faceapi/node_modules/@vladmandic/face-api"),  # noqa: S108
        help="the unpacked @vladmandic/face-api 1.7.15 package folder",
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    version = json.loads((args.package / "package.json").read_text())["version"]
    if version != "1.7.15":
        sys.exit(f"expected @vladmandic/face-api 1.7.15, found {version}")
    convert(args.package, args.out)


if __name__ == "__main__":
    main()
