"""Deterministic 112x112 RGB inputs for the face-api.js conversion check.

One derivation shared by ``scripts/faceapi_parity.py`` (which feeds the same arrays to
the original net in Node and to the LiteRT conversion) and
``tests/core/test_faceapi_model.py`` (which rebuilds them in CI, without Node or
TensorFlow, and compares with the committed Node probabilities). An input is named
by a short spec string so the reference file records what each row was:

- ``photo:<file>`` — a fixture photo (``tests/fixtures/faces``), BGR->RGB, resized to
  112x112 with ``cv2.INTER_AREA``;
- ``photo-flip:<file>`` — the same, mirrored left-right;
- ``photo-crop:<file>`` — the centre 75% square of the photo, resized the same way;
- ``photo-tight:<file>`` — the centre 60% square (a tighter face box), likewise;
- ``pattern:<seed>`` — pseudo-random pixels from a fixed 64-bit LCG (pure integer
  arithmetic, so no library's random stream can change it).

Every array is uint8-valued float32, which is what a decoded camera frame gives the
engine.
"""

from __future__ import annotations

import hashlib

import cv2
import numpy as np

from tests.support.faces import FIXTURES

SIZE = 112


def _photo_rgb(name: str) -> np.ndarray:
    image = cv2.imread(str(FIXTURES / name), cv2.IMREAD_COLOR)
    if image is None:
        raise OSError(f"cannot read {FIXTURES / name}")
    return cv2.cvtColor(image, cv2.COLOR_BGR2RGB)


def _resize(rgb: np.ndarray) -> np.ndarray:
    return cv2.resize(rgb, (SIZE, SIZE), interpolation=cv2.INTER_AREA)


def _pattern(seed: int) -> np.ndarray:
    n = SIZE * SIZE * 3
    out = np.empty(n, np.uint8)
    state = seed & 0xFFFFFFFFFFFFFFFF
    for i in range(n):
        state = (state * 6364136223846793005 + 1442695040888963407) & 0xFFFFFFFFFFFFFFFF
        out[i] = state >> 56
    return out.reshape(SIZE, SIZE, 3)


def derive(spec: str) -> np.ndarray:
    """The [112,112,3] float32 RGB array (values 0..255) a spec string names."""
    kind, _, arg = spec.partition(":")
    if kind == "photo":
        rgb = _resize(_photo_rgb(arg))
    elif kind == "photo-flip":
        rgb = _resize(_photo_rgb(arg))[:, ::-1]
    elif kind in ("photo-crop", "photo-tight"):
        photo = _photo_rgb(arg)
        h, w = photo.shape[:2]
        side = round(min(h, w) * (0.75 if kind == "photo-crop" else 0.6))
        y, x = (h - side) // 2, (w - side) // 2
        rgb = _resize(photo[y : y + side, x : x + side])
    elif kind == "pattern":
        rgb = _pattern(int(arg))
    else:
        raise ValueError(f"unknown input spec {spec!r}")
    return np.ascontiguousarray(rgb, dtype=np.float32)


def digest(array: np.ndarray) -> str:
    """sha256 of the array as uint8 bytes: tells a changed input from a changed model."""
    return hashlib.sha256(np.ascontiguousarray(array, dtype=np.uint8).tobytes()).hexdigest()
