"""The two records the emotion flow passes along: a capture, and the current mood.

The emotion used to take about seven shapes between the camera and the chat (a
tracker snapshot, a pending reading, a card, a saved row recomputed from the
scores, a chat context, a picker value...) and the seams showed: the saved
"detected" label was the argmax of the scores while the card showed the
tracker's steadied label, and the confirm choice outlived the reading it was
made for. Now:

* :class:`Capture` is built once, where the reading is taken (the live readout's
  Capture button, a snapshot, an upload), from exactly what the person saw. The
  confirm card shows it, the confirm choice is keyed to its ``id``, and the saved
  row stores its ``emotion``, ``confidence``, ``scores`` and ``faces`` unchanged.
* :class:`Mood` is "my current emotion": the latest saved reading (a confirmed
  capture, or a mood picked by hand in Chat, saved as a reading with source
  ``"picked"``). Emotion, Chat and Board all read it from the database, so it
  survives reloads and logins. The kiosk, which keeps nothing, holds one in memory.

Confidence, one number per reading: the live readout and the capture show the
tracker's smoothed score of the steadied label (``TrackedFace.confidence``); a
photo's is the face's score for its top label. The box drawn on the live video
shows the same quantity for the frame being drawn, so it moves with the video
while a capture stays frozen at the moment of the click.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from types import MappingProxyType
from typing import Final

from core.emotions import EMOTIONS, is_emotion

CAMERA_SOURCES: Final = ("live", "snapshot", "upload")
PICKED: Final = "picked"
SOURCES: Final = (*CAMERA_SOURCES, PICKED)


def _frozen_scores(scores: Mapping[str, float]) -> Mapping[str, float]:
    return MappingProxyType({e: float(scores.get(e, 0.0)) for e in EMOTIONS})


@dataclass(frozen=True, slots=True)
class Capture:
    """One reading of one face, frozen as shown; see the module docstring."""

    emotion: str
    confidence: float
    scores: Mapping[str, float] = field(hash=False, compare=False)
    source: str
    faces: int = 1
    taken_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    id: str = field(default_factory=lambda: secrets.token_hex(8))

    def __post_init__(self) -> None:
        if not is_emotion(self.emotion):
            raise ValueError(f"unknown emotion {self.emotion!r}")
        if self.source not in CAMERA_SOURCES:
            raise ValueError(f"unknown capture source {self.source!r}")
        object.__setattr__(self, "scores", _frozen_scores(self.scores))
        object.__setattr__(self, "confidence", min(1.0, max(0.0, float(self.confidence))))

    @classmethod
    def of_face(cls, face: object, *, source: str, faces: int = 1) -> Capture:
        """From anything with ``emotion``, ``scores`` and maybe ``confidence``
        (a tracker face, a live snapshot, a photo's face), with the confidence
        it was shown with."""
        emotion = face.emotion  # type: ignore[attr-defined]
        scores = dict(face.scores)  # type: ignore[attr-defined]
        confidence = getattr(face, "confidence", None)
        if confidence is None:
            confidence = scores.get(emotion, 0.0)
        return cls(emotion, float(confidence), scores, source, faces)


@dataclass(frozen=True, slots=True)
class Mood:
    """The user's current emotion, as the latest saved reading says.

    ``confidence`` is the camera's, and None when the person chose the emotion
    themselves (picked it, or corrected the camera): then it is their word.
    """

    emotion: str
    confidence: float | None
    source: str
    at: datetime

    @property
    def picked(self) -> bool:
        return self.source == PICKED

    @classmethod
    def confirmed(cls, capture: Capture, chosen: str, at: datetime | None = None) -> Mood:
        """The mood a confirmed capture leaves: a correction carries no confidence."""
        confidence = capture.confidence if chosen == capture.emotion else None
        return cls(chosen, confidence, capture.source, at or capture.taken_at)

    @classmethod
    def chosen_by_hand(cls, emotion: str, at: datetime | None = None) -> Mood:
        if not is_emotion(emotion):
            raise ValueError(f"unknown emotion {emotion!r}")
        return cls(emotion, None, PICKED, at or datetime.now(UTC))
