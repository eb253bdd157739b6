"""Facial-expression engine: face detection + expression classification, no TensorFlow.

Public API::

    analyze(frame) -> list[FaceEmotion]         # every face in a BGR/gray/BGRA frame
    classify_face(face) -> dict[str, float]     # a tight face crop, no detection
    EmotionTracker                              # smoothed, stable readings for video
    FaceEmotion, TrackedFace, warm_up()

Models: fer's quantized expression model and MediaPipe's BlazeFace detector, both
run by LiteRT (see :mod:`core.vision.models`). Everything here is thread-safe.
"""

from core.vision.detector import Detection, detect_faces
from core.vision.engine import FaceEmotion, analyze, classify_face, warm_up
from core.vision.tracker import EmotionTracker, TrackedFace

__all__ = [
    "Detection",
    "EmotionTracker",
    "FaceEmotion",
    "TrackedFace",
    "analyze",
    "classify_face",
    "detect_faces",
    "warm_up",
]
