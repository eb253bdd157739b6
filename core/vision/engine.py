"""Still-image API: :func:`analyze` (detect + classify) and :func:`classify_face`."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import numpy as np

from core.emotions import EMOTIONS
from core.vision import classifier, models
from core.vision.classifier import classify_crop, probabilities, scores_dict
from core.vision.detector import Detection, detect_faces, to_bgr

Box = tuple[int, int, int, int]


@dataclass(frozen=True, slots=True)
class FaceEmotion:
    """One face: box (x, y, w, h) in frame pixels, the seven scores, the top label."""

    box: Box
    scores: dict[str, float] = field(hash=False)
    emotion: str

    @property
    def confidence(self) -> float:
        return self.scores[self.emotion]


def clip_box(det: Detection, width: int, height: int) -> Box:
    """Integer (x, y, w, h) of a detection, clipped to the frame (at least 1x1)."""
    x0 = round(min(max(det.x0, 0), width - 1))
    y0 = round(min(max(det.y0, 0), height - 1))
    x1 = round(min(max(det.x1, x0 + 1), width))
    y1 = round(min(max(det.y1, y0 + 1), height))
    return x0, y0, max(1, x1 - x0), max(1, y1 - y0)


def face_probabilities(frame: np.ndarray, det: Detection, tta: str = "accurate") -> np.ndarray:
    """Probabilities of a detected face; each classifier crops its own framing."""
    return probabilities(frame, det.center, det.side, tta, camera=True)


def make_result(det: Detection, probs: np.ndarray, width: int, height: int) -> FaceEmotion:
    scores = scores_dict(probs)
    return FaceEmotion(clip_box(det, width, height), scores, EMOTIONS[int(np.argmax(probs))])


def analyze(frame: np.ndarray, *, tta: str = "accurate") -> list[FaceEmotion]:
    """Every face in a BGR (or grayscale, or BGRA) uint8 frame, largest first.

    ``tta``: "accurate" (stills, the default), "fast" (video) or "none" (one view
    a model): how many test-time views each classifier of the ensemble averages.
    """
    bgr = to_bgr(np.asarray(frame))
    h, w = bgr.shape[:2]
    return [make_result(det, face_probabilities(bgr, det, tta), w, h) for det in detect_faces(bgr)]


def classify_face(
    face: np.ndarray, *, tta: str = "accurate", camera: bool = False
) -> dict[str, float]:
    """The seven scores of a tight face crop (gray, BGR or BGRA); no detection.

    The crop is taken as prepared like FER2013's crops: its pixels are used as they
    are. ``camera=True`` treats it like a face cut from a camera frame instead.
    """
    return scores_dict(classify_crop(np.asarray(face), tta, camera=camera))


def warm_up() -> float:
    """Load the models and run them once in this thread; returns the seconds it took."""
    start = time.perf_counter()
    for name in classifier.models_in_use():
        models.expression(name)
    models.blazeface()
    analyze(np.zeros((48, 64, 3), np.uint8))
    classify_face(np.zeros((48, 48), np.uint8))
    return time.perf_counter() - start
