"""Saved emotion readings: scores and labels only, never an image.

A reading is either a confirmed :class:`core.capture.Capture`, stored exactly as
the card showed it, or a mood picked by hand (source ``"picked"``). The latest
one is the user's current mood (``services.moods.current``).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.capture import PICKED, SOURCES, Capture, Mood
from core.emotions import is_emotion
from db.models import EmotionReading
from db.types import utcnow

__all__ = ["SOURCES", "add_picked", "add_reading", "latest_reading", "mood_of"]


def add_reading(
    session: Session,
    *,
    user_id: int,
    capture: Capture,
    chosen: str,
    created_at: datetime | None = None,
) -> EmotionReading:
    """Save a confirmed capture; ``corrected`` records whether the user changed its label.

    ``created_at`` defaults to the moment the capture was taken: that is when the
    face looked like this, which is what the mood history charts.
    """
    if not is_emotion(chosen):
        raise ValueError(f"unknown emotion {chosen!r}")
    reading = EmotionReading(
        user_id=user_id,
        emotion=chosen,
        detected_emotion=capture.emotion,
        confidence=capture.confidence,
        scores=dict(capture.scores),
        corrected=chosen != capture.emotion,
        source=capture.source,
        faces=capture.faces,
        created_at=created_at or capture.taken_at,
    )
    session.add(reading)
    session.flush()
    return reading


def add_picked(
    session: Session, *, user_id: int, emotion: str, created_at: datetime | None = None
) -> EmotionReading:
    """Save a mood the user chose themselves (no camera, no scores, no confidence)."""
    if not is_emotion(emotion):
        raise ValueError(f"unknown emotion {emotion!r}")
    reading = EmotionReading(
        user_id=user_id,
        emotion=emotion,
        detected_emotion=emotion,
        confidence=None,
        scores={},  # no camera: no scores
        corrected=False,
        source=PICKED,
        faces=0,
        created_at=created_at or utcnow(),
    )
    session.add(reading)
    session.flush()
    return reading


def list_readings(
    session: Session, user_id: int, *, since: datetime | None = None
) -> list[EmotionReading]:
    """A user's readings, oldest first (the order charts want)."""
    query = select(EmotionReading).where(EmotionReading.user_id == user_id)
    if since is not None:
        query = query.where(EmotionReading.created_at >= since)
    return list(session.scalars(query.order_by(EmotionReading.created_at, EmotionReading.id)))


def latest_reading(session: Session, user_id: int) -> EmotionReading | None:
    return session.scalar(
        select(EmotionReading)
        .where(EmotionReading.user_id == user_id)
        .order_by(EmotionReading.created_at.desc(), EmotionReading.id.desc())
        .limit(1)
    )


def mood_of(reading: EmotionReading) -> Mood:
    """The mood a saved reading stands for (a correction is the user's word: no confidence)."""
    confidence = None if reading.corrected else reading.confidence
    return Mood(reading.emotion, confidence, reading.source, reading.created_at)
