"""Confirmed emotion readings: scores and labels only, never an image."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.emotions import EMOTIONS, is_emotion
from db.models import EmotionReading
from db.types import utcnow

SOURCES = ("live", "snapshot", "upload")


def add_reading(
    session: Session,
    *,
    user_id: int,
    scores: Mapping[str, float],
    chosen: str,
    source: str,
    created_at: datetime | None = None,
) -> EmotionReading:
    """Save what the user confirmed; ``corrected`` records whether they changed the label."""
    if not is_emotion(chosen):
        raise ValueError(f"unknown emotion {chosen!r}")
    if source not in SOURCES:
        raise ValueError(f"unknown source {source!r}")
    clean = {label: float(scores.get(label, 0.0)) for label in EMOTIONS}
    detected = max(clean, key=clean.__getitem__)
    reading = EmotionReading(
        user_id=user_id,
        emotion=chosen,
        detected_emotion=detected,
        confidence=clean[detected],
        scores=clean,
        corrected=chosen != detected,
        source=source,
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
