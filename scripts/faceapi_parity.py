"""Parity of the LiteRT conversion with the original face-api.js expression net.

Feeds the same 112x112 RGB arrays to ``core/vision/data/faceapi_expression.tflite``
(LiteRT, this app's runtime) and to face-api.js itself in Node
(``scripts/faceapi_parity.mjs``, tfjs CPU backend), prints the largest absolute
difference of the probabilities, and with ``--write-reference`` stores the Node
outputs for the CI test (``tests/fixtures/faceapi_reference.json``), which then
needs neither Node nor TensorFlow.

Inputs: the 24 fixture-derived face crops and 2 LCG patterns of
``tests/support/faceapi_inputs.py`` (these go in the reference file), plus random
float arrays and the all-0 / all-255 extremes (checked here only).

    # once: the npm setup at the top of scripts/faceapi_parity.mjs, then
    # .venv-train/bin/python scripts/convert_faceapi.py
    .venv/bin/python scripts/faceapi_parity.py --write-reference
    .venv/bin/python scripts/faceapi_parity.py --bench   # size, cost, speed; no Node
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from ai_edge_litert.interpreter import Interpreter

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.emotions import EMOTIONS  # noqa: E402
from tests.support.faceapi_inputs import derive, digest  # noqa: E402

MODEL = ROOT / "core" / "vision" / "data" / "faceapi_expression.tflite"
REFERENCE = ROOT / "tests" / "fixtures" / "faceapi_reference.json"
NODE_SCRIPT = ROOT / "scripts" / "faceapi_parity.mjs"
FIXTURE_PHOTOS = (
    "Alexander_Lukashenko_0001.jpg",
    "Ana_Guevara_0003.jpg",
    "Angelo_Reyes_0003.jpg",
    "Erin_Runnion_0004.jpg",
    "Laura_Bush_0011.jpg",
    "Nathalie_Gagnon_0001.jpg",
)
# face-api.js order -> this project's order (core.emotions.EMOTIONS).
FACEAPI_NAMES = {
    "angry": "angry",
    "disgusted": "disgust",
    "fearful": "fear",
    "happy": "happy",
    "sad": "sad",
    "surprised": "surprise",
    "neutral": "neutral",
}


def reference_specs() -> list[str]:
    specs = [
        f"{kind}:{name}"
        for name in FIXTURE_PHOTOS
        for kind in ("photo", "photo-flip", "photo-crop", "photo-tight")
    ]
    return [*specs, "pattern:1", "pattern:2"]


def extra_inputs() -> list[np.ndarray]:
    rng = np.random.default_rng(12)
    shape = (112, 112, 3)
    arrays = [rng.uniform(0, 255, shape).astype(np.float32) for _ in range(6)]
    arrays += [np.zeros(shape, np.float32), np.full(shape, 255, np.float32)]
    return arrays


def run_node(batch: np.ndarray, modules: Path) -> np.ndarray:
    """face-api.js probabilities, reordered to this project's class order."""
    with tempfile.TemporaryDirectory() as tmp:
        src, dst = Path(tmp) / "in.f32", Path(tmp) / "out.json"
        batch.astype("<f4").tofile(src)
        # Fixed program and our own paths: node on PATH is the tool this check is about.
        command = ["node", str(NODE_SCRIPT), str(modules), str(src), str(dst)]
        subprocess.run(command, check=True)  # noqa: S603
        result = json.loads(dst.read_text())
    columns = [result["labels"].index(k) for k, v in FACEAPI_NAMES.items()]
    order = [EMOTIONS.index(v) for v in FACEAPI_NAMES.values()]
    probs = np.asarray(result["probabilities"], np.float64)[:, columns]
    out = np.empty_like(probs)
    out[:, order] = probs
    return out


def run_litert(batch: np.ndarray) -> np.ndarray:
    interp = Interpreter(model_path=str(MODEL), num_threads=1)
    index = interp.get_input_details()[0]["index"]
    interp.resize_tensor_input(index, batch.shape)
    interp.allocate_tensors()
    interp.set_tensor(index, batch.astype(np.float32))
    interp.invoke()
    return interp.get_tensor(interp.get_output_details()[0]["index"]).copy()


def multiply_adds() -> int:
    """Multiply-adds per 112x112 face, counted from the architecture (see convert_faceapi)."""
    total = 56 * 56 * 9 * 3 * 32  # dense0/conv0: plain 3x3 conv, stride 2
    for i, (hw, cin, cout) in enumerate([(56, 32, 32), (28, 32, 64), (14, 64, 128), (7, 128, 256)]):
        if i:  # conv0 of dense1..3: separable, stride 2
            total += hw * hw * (9 * cin + cin * cout)
        total += 3 * hw * hw * (9 * cout + cout * cout)  # conv1..conv3
    return total + 256 * 7  # fc


def bench(runs: int = 200) -> None:
    """File size, parameters, multiply-adds and single-face latency with one thread."""
    interp = Interpreter(model_path=str(MODEL), num_threads=1)
    interp.allocate_tensors()
    inp = interp.get_input_details()[0]["index"]
    out = interp.get_output_details()[0]["index"]
    x = derive("photo:Ana_Guevara_0003.jpg")[None]
    times = []
    for i in range(runs + 20):  # the first 20 are warm-up
        start = time.perf_counter()
        interp.set_tensor(inp, x)
        interp.invoke()
        interp.get_tensor(out)
        if i >= 20:
            times.append(time.perf_counter() - start)
    times.sort()
    print(f"{MODEL.relative_to(ROOT)}: {MODEL.stat().st_size} bytes")
    print(f"multiply-adds per face: {multiply_adds():,}")
    print(
        f"N=1, num_threads=1, {runs} runs: median {statistics.median(times) * 1e3:.2f} ms, "
        f"p10 {times[runs // 10] * 1e3:.2f} ms, p90 {times[runs * 9 // 10] * 1e3:.2f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    # Where the documented npm setup puts node_modules; only read from.
    parser.add_argument("--modules", type=Path, default=Path("/tmp/faceapi/node_modules"))  # noqa: S108
    parser.add_argument("--write-reference", action="store_true")
    parser.add_argument("--bench", action="store_true", help="only time the LiteRT model")
    args = parser.parse_args()
    if args.bench:
        bench()
        return

    specs = reference_specs()
    ref_batch = np.stack([derive(s) for s in specs])
    batch = np.concatenate([ref_batch, np.stack(extra_inputs())])
    node = run_node(batch, args.modules)

    one_by_one = np.concatenate([run_litert(x[None]) for x in batch])
    batched = run_litert(batch)
    n, n_faces = len(batch), sum(s.startswith("photo") for s in specs)
    diff_one, diff_batch = np.abs(one_by_one - node), np.abs(batched - node)
    print(f"{n} inputs ({n_faces} face crops, {n - n_faces} synthetic)")
    print(f"max |tflite(N=1) - face-api.js|, all:        {diff_one.max():.3g}")
    print(f"max |tflite(N=1) - face-api.js|, face crops: {diff_one[:n_faces].max():.3g}")
    print(f"max |tflite(N={n}) - face-api.js|, all:       {diff_batch.max():.3g}")
    print(f"max |tflite(N={n}) - tflite(N=1)|:            {np.abs(batched - one_by_one).max():.3g}")
    agree = (one_by_one.argmax(1) == node.argmax(1)).mean()
    print(f"top-1 agreement: {agree:.3f}")

    if args.write_reference:
        rows = [
            {"input": s, "sha256": digest(x), "probabilities": [round(float(p), 8) for p in row]}
            for s, x, row in zip(specs, ref_batch, node[: len(specs)], strict=True)
        ]
        REFERENCE.write_text(
            json.dumps(
                {
                    "about": "face-api.js (@vladmandic/face-api 1.7.15, tfjs 4.22.0 cpu backend) "
                    "expression probabilities on tests/support/faceapi_inputs.py inputs, "
                    "reordered to labels; written by scripts/faceapi_parity.py",
                    "labels": list(EMOTIONS),
                    "rows": rows,
                },
                indent=1,
            )
            + "\n"
        )
        print(f"wrote {REFERENCE.relative_to(ROOT)} ({len(rows)} rows)")


if __name__ == "__main__":
    main()
