"""The current mood: read, confirmed from a capture, or picked by hand.

One source of truth for "my current emotion": the latest saved reading. The
Emotion page saves a confirmed :class:`core.capture.Capture`; the Chat page
saves a mood picked by hand as a reading with source ``"picked"``; Emotion,
Chat and Board read :func:`current` back, so the mood survives reloads, new tabs
and logins. Each function takes the session of the caller's transaction.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from core.capture import Capture, Mood
from db import readings


def current(session: Session, user_id: int) -> Mood | None:
    """ "My current emotion": the latest saved reading, the one truth every page reads."""
    reading = readings.latest_reading(session, user_id)
    return readings.mood_of(reading) if reading is not None else None


def confirm(session: Session, user_id: int, capture: Capture, chosen: str) -> Mood:
    """Save the capture as the user confirmed (or corrected) it; the new current mood."""
    row = readings.add_reading(session, user_id=user_id, capture=capture, chosen=chosen)
    return readings.mood_of(row)


def pick(session: Session, user_id: int, emotion: str) -> Mood:
    """Save a mood chosen by hand, unless it already is the current one."""
    now = current(session, user_id)
    if now is not None and now.emotion == emotion and now.picked:
        return now
    return readings.mood_of(readings.add_picked(session, user_id=user_id, emotion=emotion))
