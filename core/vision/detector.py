"""Face detection: MediaPipe BlazeFace (short range) through LiteRT, Haar as fallback.

BlazeFace sees a 128x128 letterboxed copy of the image and finds faces that fill
roughly a fifth of it or more, which is what a webcam shows (~1.2 ms a pass on
one core). :func:`detect_faces` runs up to three passes and stops at the first
that finds a face:

1. the whole image;
2. the image padded by a quarter of its size on every side (a face that fills
   the picture, e.g. a tight face photo or someone very close to the camera:
   the detector needs some margin around a face);
3. for large images, overlapping square tiles (small, distant faces).

:func:`detect_in_region` looks for a face only in a square region (the tracker's
cheap path: the region around where a face was a moment ago).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache

import cv2
import numpy as np

from core.vision import models

INPUT_SIZE = 128
MIN_SCORE = 0.5  # MediaPipe's default for this model
NMS_IOU = 0.3
MAX_OVERLAP = 0.4
PAD_FRACTION = 0.25
TILE_MIN_SIDE = 256  # below this, faces big enough to matter are found in pass 1
TILE_MIN_SCORE = 0.6  # six or more extra passes: ask for a little more confidence


@dataclass(frozen=True, slots=True)
class Detection:
    """A face in image pixels: box corners (x0, y0, x1, y1), score, six keypoints.

    Keypoints (x, y): right eye, left eye, nose tip, mouth, right ear, left ear
    (BlazeFace's order; empty for the Haar fallback).
    """

    x0: float
    y0: float
    x1: float
    y1: float
    score: float
    keypoints: tuple[tuple[float, float], ...] = ()

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    @property
    def side(self) -> float:
        return max(self.width, self.height)

    @property
    def center(self) -> tuple[float, float]:
        return (self.x0 + self.x1) / 2, (self.y0 + self.y1) / 2

    def shifted(self, dx: float, dy: float) -> Detection:
        return Detection(
            self.x0 + dx,
            self.y0 + dy,
            self.x1 + dx,
            self.y1 + dy,
            self.score,
            tuple((x + dx, y + dy) for x, y in self.keypoints),
        )


@cache
def _anchors() -> np.ndarray:
    """SSD anchor centres of the short-range model (896, from MediaPipe's options)."""
    centres: list[tuple[float, float]] = []
    for stride, per_cell in ((8, 2), (16, 6)):
        cells = INPUT_SIZE // stride
        for y in range(cells):
            for x in range(cells):
                centres.extend([((x + 0.5) / cells, (y + 0.5) / cells)] * per_cell)
    return np.asarray(centres, dtype=np.float32)


def to_bgr(image: np.ndarray) -> np.ndarray:
    """BGR uint8 view of a BGR, BGRA or grayscale (2-D or HxWx1) image."""
    if image.dtype != np.uint8:
        image = np.clip(image, 0, 255).astype(np.uint8)
    if image.ndim == 2:
        return cv2.cvtColor(image, cv2.COLOR_GRAY2BGR)
    if image.ndim == 3 and image.shape[2] == 1:
        return cv2.cvtColor(image[:, :, 0], cv2.COLOR_GRAY2BGR)
    if image.ndim == 3 and image.shape[2] == 4:
        return cv2.cvtColor(image, cv2.COLOR_BGRA2BGR)
    if image.ndim == 3 and image.shape[2] == 3:
        return image
    raise ValueError(f"expected a grayscale, BGR or BGRA image, got shape {image.shape}")


def _letterbox(bgr: np.ndarray) -> tuple[np.ndarray, float, int, int]:
    """The image scaled to fit 128x128 (area interpolation), centred on black.

    Returns the model input (1x128x128x3 RGB float in [-1, 1]), the scale and the
    left/top offsets in model pixels.
    """
    h, w = bgr.shape[:2]
    scale = INPUT_SIZE / max(h, w)
    nw, nh = max(1, round(w * scale)), max(1, round(h * scale))
    interp = cv2.INTER_AREA if scale < 1 else cv2.INTER_LINEAR
    small = cv2.resize(bgr, (nw, nh), interpolation=interp)
    canvas = np.zeros((INPUT_SIZE, INPUT_SIZE, 3), np.uint8)
    left, top = (INPUT_SIZE - nw) // 2, (INPUT_SIZE - nh) // 2
    canvas[top : top + nh, left : left + nw] = small
    rgb = cv2.cvtColor(canvas, cv2.COLOR_BGR2RGB)
    tensor = rgb.astype(np.float32) * (1 / 127.5) - 1.0
    return tensor[None], scale, left, top


def _iou(box: np.ndarray, boxes: np.ndarray) -> np.ndarray:
    x0 = np.maximum(box[0], boxes[:, 0])
    y0 = np.maximum(box[1], boxes[:, 1])
    x1 = np.minimum(box[2], boxes[:, 2])
    y1 = np.minimum(box[3], boxes[:, 3])
    inter = np.clip(x1 - x0, 0, None) * np.clip(y1 - y0, 0, None)
    areas = (boxes[:, 2] - boxes[:, 0]) * (boxes[:, 3] - boxes[:, 1])
    area = (box[2] - box[0]) * (box[3] - box[1])
    return inter / np.maximum(areas + area - inter, 1e-9)


def _blazeface(bgr: np.ndarray, min_score: float) -> list[Detection]:
    model = models.blazeface()
    assert model is not None
    tensor, scale, left, top = _letterbox(bgr)
    outputs = model.run(tensor)
    raw = next(o for o in outputs if o.shape[-1] == 16)[0]
    logits = next(o for o in outputs if o.shape[-1] == 1)[0, :, 0]
    scores = 1.0 / (1.0 + np.exp(-np.clip(logits, -80.0, 80.0)))
    keep = np.flatnonzero(scores > min_score)
    if keep.size == 0:
        return []
    anchors = _anchors()[keep]
    values = raw[keep] / INPUT_SIZE
    points = values.reshape(-1, 8, 2)
    centres = points[:, 0] + anchors
    half = points[:, 1] / 2
    boxes = np.concatenate([centres - half, centres + half], axis=1)
    keypoints = points[:, 2:] + anchors[:, None, :]
    scores = scores[keep]
    # Weighted non-maximum suppression, as MediaPipe does.
    order = np.argsort(-scores)
    used = np.zeros(len(keep), dtype=bool)
    found: list[Detection] = []
    offset = np.array([left, top], dtype=np.float32)
    for i in order:
        if used[i]:
            continue
        group = (_iou(boxes[i], boxes) > NMS_IOU) & ~used
        used |= group
        weights = scores[group][:, None]
        box = (boxes[group] * weights).sum(0) / weights.sum()
        kps = (keypoints[group] * weights[:, :, None]).sum(0) / weights.sum()
        box = (box * INPUT_SIZE - np.tile(offset, 2)) / scale
        kps = (kps * INPUT_SIZE - offset) / scale
        if box[2] <= box[0] or box[3] <= box[1]:
            continue
        found.append(
            Detection(
                float(box[0]),
                float(box[1]),
                float(box[2]),
                float(box[3]),
                float(scores[i]),
                tuple((float(x), float(y)) for x, y in kps),
            )
        )
    return found


@cache
def _haar() -> cv2.CascadeClassifier:
    return cv2.CascadeClassifier(cv2.data.haarcascades + "haarcascade_frontalface_default.xml")


def _haar_faces(bgr: np.ndarray) -> list[Detection]:
    """Fallback detector (frontal faces; on a copy at most 320 px wide)."""
    gray = cv2.cvtColor(bgr, cv2.COLOR_BGR2GRAY)
    scale = min(1.0, 320 / max(gray.shape))
    if scale < 1:
        gray = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    found = _haar().detectMultiScale(gray, scaleFactor=1.1, minNeighbors=5, minSize=(24, 24))
    return [
        Detection(x / scale, y / scale, (x + w) / scale, (y + h) / scale, 1.0)
        for x, y, w, h in (found if len(found) else [])
    ]


def _single_pass(bgr: np.ndarray, min_score: float) -> list[Detection]:
    if models.blazeface() is None:
        return _haar_faces(bgr)
    return _blazeface(bgr, min_score)


def _overlap(a: Detection, b: Detection) -> float:
    """Intersection over the smaller box's area (1.0 when one box holds the other)."""
    w = min(a.x1, b.x1) - max(a.x0, b.x0)
    h = min(a.y1, b.y1) - max(a.y0, b.y0)
    if w <= 0 or h <= 0:
        return 0.0
    return w * h / max(min(a.width * a.height, b.width * b.height), 1e-9)


def _merge(found: list[Detection]) -> list[Detection]:
    """Drop duplicates and weaker boxes overlapping a stronger one by more than
    :data:`MAX_OVERLAP` of the smaller (two real faces rarely overlap that much;
    overlapping tiles and a face's surroundings produce such boxes)."""
    kept: list[Detection] = []
    for det in sorted(found, key=lambda d: -d.score):
        if all(_overlap(det, k) <= MAX_OVERLAP for k in kept):
            kept.append(det)
    return kept


def _tiles(h: int, w: int) -> list[tuple[int, int, int]]:
    """Overlapping square tiles (x, y, side) two thirds of the short side wide."""
    side = (2 * min(h, w)) // 3
    step = side // 2

    def starts(length: int) -> list[int]:
        count = max(1, math.ceil((length - side) / step) + 1)
        return sorted({min(i * step, length - side) for i in range(count)})

    return [(x, y, side) for y in starts(h) for x in starts(w)]


def detect_faces(image: np.ndarray, *, min_score: float = MIN_SCORE) -> list[Detection]:
    """Faces in a BGR/BGRA/grayscale image, largest first (box may leave the image)."""
    bgr = to_bgr(image)
    h, w = bgr.shape[:2]
    if h < 8 or w < 8:
        return []
    found = _single_pass(bgr, min_score)
    if not found:
        pad = max(1, round(max(h, w) * PAD_FRACTION))
        padded = cv2.copyMakeBorder(bgr, pad, pad, pad, pad, cv2.BORDER_REPLICATE)
        found = [d.shifted(-pad, -pad) for d in _single_pass(padded, min_score)]
    if not found and min(h, w) >= TILE_MIN_SIDE:
        for x, y, side in _tiles(h, w):
            tile = bgr[y : y + side, x : x + side]
            tile_score = max(min_score, TILE_MIN_SCORE)
            found.extend(d.shifted(x, y) for d in _single_pass(tile, tile_score))
    return sorted(_merge(found), key=lambda d: -d.side)


def detect_in_region(
    image: np.ndarray, region: tuple[int, int, int], *, min_score: float = MIN_SCORE
) -> list[Detection]:
    """Faces inside the square region (x, y, side) of a BGR image; image coordinates.

    Parts of the region outside the image are filled by edge replication, so a
    face at the border of the frame is still seen with margin.
    """
    x, y, side = region
    h, w = image.shape[:2]
    x0, y0, x1, y1 = max(0, x), max(0, y), min(w, x + side), min(h, y + side)
    if x1 - x0 < 8 or y1 - y0 < 8:
        return []
    crop = image[y0:y1, x0:x1]
    if (x0, y0, x1, y1) != (x, y, x + side, y + side):
        crop = cv2.copyMakeBorder(
            crop, y0 - y, y + side - y1, x0 - x, x + side - x1, cv2.BORDER_REPLICATE
        )
    found = _merge(_single_pass(crop, min_score))
    return sorted((d.shifted(x, y) for d in found), key=lambda d: -d.side)
