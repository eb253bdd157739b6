"""The converted face-api.js expression net, checked against the original library.

``core/vision/data/faceapi_expression.tflite`` is made by ``scripts/convert_faceapi.py``;
``tests/fixtures/faceapi_reference.json`` holds what face-api.js itself (tfjs in Node)
answered for the same inputs (``scripts/faceapi_parity.py``). These tests need neither
Node nor TensorFlow, so CI proves on every run that the committed file still computes
face-api.js's net, with its preprocessing and this project's class order baked in.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from ai_edge_litert.interpreter import Interpreter

from core.emotions import EMOTIONS
from tests.support.faceapi_inputs import derive, digest

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "core" / "vision" / "data" / "faceapi_expression.tflite"
LICENSE = ROOT / "core" / "vision" / "data" / "FACEAPI_LICENSE.txt"
REFERENCE = ROOT / "tests" / "fixtures" / "faceapi_reference.json"
TOLERANCE = 1e-4


def _run(batch: np.ndarray) -> np.ndarray:
    interp = Interpreter(model_path=str(MODEL), num_threads=1)
    index = interp.get_input_details()[0]["index"]
    if batch.shape[0] != 1:
        interp.resize_tensor_input(index, list(batch.shape))
    interp.allocate_tensors()
    interp.set_tensor(index, batch.astype(np.float32))
    interp.invoke()
    return interp.get_tensor(interp.get_output_details()[0]["index"]).copy()


@pytest.fixture(scope="module")
def reference() -> dict:
    return json.loads(REFERENCE.read_text())


def test_model_is_small_and_licensed() -> None:
    assert MODEL.stat().st_size < 4_000_000
    text = LICENSE.read_text()
    assert "MIT License" in text and "Vladimir Mandic" in text


def test_signature_is_raw_rgb_112_to_seven_probabilities() -> None:
    interp = Interpreter(model_path=str(MODEL), num_threads=1)
    (inp,) = interp.get_input_details()
    (out,) = interp.get_output_details()
    assert inp["dtype"] == np.float32 and out["dtype"] == np.float32
    assert list(inp["shape"]) == [1, 112, 112, 3]
    assert list(inp["shape_signature"]) == [-1, 112, 112, 3]
    assert list(out["shape"]) == [1, 7]


@pytest.mark.parametrize("n", [1, 4])
def test_batch_resizing_gives_probabilities_equal_to_single_runs(n: int) -> None:
    batch = np.stack([derive(f"pattern:{seed}") for seed in range(10, 10 + n)])
    batch[0] = derive("photo:Ana_Guevara_0003.jpg")
    out = _run(batch)
    assert out.shape == (n, 7)
    assert np.all(out >= 0)
    np.testing.assert_allclose(out.sum(axis=1), 1.0, atol=1e-5)
    singles = np.concatenate([_run(x[None]) for x in batch])
    np.testing.assert_allclose(out, singles, atol=1e-6)


def test_matches_face_api_js_outputs(reference: dict) -> None:
    assert reference["labels"] == list(EMOTIONS)
    rows = reference["rows"]
    specs = [row["input"] for row in rows]
    batch = np.stack([derive(spec) for spec in specs])
    changed = [
        s for s, x, row in zip(specs, batch, rows, strict=True) if digest(x) != row["sha256"]
    ]
    assert not changed, f"input derivation (image decode/resize) changed for {changed}"
    expected = np.array([row["probabilities"] for row in rows])
    got = _run(batch)
    worst = np.abs(got - expected).max(axis=1)
    assert worst.max() < TOLERANCE, dict(zip(specs, worst.round(6).tolist(), strict=True))
    # Face photos, not just noise: the fixture labels are what face-api.js reads on the
    # full photos, so a wrong class order would show up here as well.
    labels = dict(
        line.split(",")
        for line in (ROOT / "tests/fixtures/faces/labels.csv").read_text().split()[1:]
    )
    for spec, row in zip(specs, got, strict=True):
        kind, _, name = spec.partition(":")
        if kind == "photo":
            assert EMOTIONS[int(row.argmax())] == labels[name], spec
