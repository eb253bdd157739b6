"""Emotion readings on both databases: what is stored, in which order."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy.orm import Session

from core.capture import Capture
from db.readings import add_picked, add_reading, latest_reading, list_readings
from db.types import utcnow
from services.moods import current as current_mood
from tests.factories import make_capture, make_user, save_reading

SCORES = {
    "angry": 0.05,
    "disgust": 0.0,
    "fear": 0.05,
    "happy": 0.7,
    "sad": 0.1,
    "surprise": 0.05,
    "neutral": 0.05,
}


def test_confirmed_reading_keeps_detection_and_correction(session: Session) -> None:
    user = make_user(session)
    live = Capture("happy", 0.7, SCORES, "live")
    kept = add_reading(session, user_id=user.id, capture=live, chosen="happy")
    upload = Capture("happy", 0.7, SCORES, "upload", faces=2)
    fixed = add_reading(session, user_id=user.id, capture=upload, chosen="sad")
    assert (kept.detected_emotion, kept.corrected, kept.confidence) == ("happy", False, 0.7)
    assert (fixed.emotion, fixed.detected_emotion, fixed.corrected) == ("sad", "happy", True)
    assert (fixed.source, fixed.faces) == ("upload", 2)
    assert set(kept.scores) == set(SCORES)
    assert latest_reading(session, user.id).id == fixed.id


def test_the_capture_is_stored_as_shown_not_recomputed(session: Session) -> None:
    """The tracker's steadied label may trail the argmax: the row keeps the label shown."""
    user = make_user(session)
    scores = {**SCORES, "happy": 0.3, "neutral": 0.38, "angry": 0.32}
    row = add_reading(
        session, user_id=user.id, capture=Capture("angry", 0.32, scores, "live"), chosen="angry"
    )
    assert (row.detected_emotion, row.confidence, row.corrected) == ("angry", 0.32, False)


def test_the_current_mood_is_the_latest_reading_picked_or_confirmed(session: Session) -> None:
    user = make_user(session)
    assert current_mood(session, user.id) is None
    save_reading(session, user, "sad", 0.74, created_at=utcnow() - timedelta(minutes=5))
    mood = current_mood(session, user.id)
    assert (mood.emotion, mood.confidence, mood.source) == ("sad", 0.74, "live")
    add_picked(session, user_id=user.id, emotion="happy")
    mood = current_mood(session, user.id)
    assert (mood.emotion, mood.confidence, mood.source, mood.picked) == (
        "happy",
        None,
        "picked",
        True,
    )
    save_reading(session, user, "sad", 0.6, chosen="angry")  # corrected: the user's word
    mood = current_mood(session, user.id)
    assert (mood.emotion, mood.confidence) == ("angry", None)


def test_history_is_oldest_first_and_filtered_by_time(session: Session) -> None:
    user, other = make_user(session), make_user(session)
    now = utcnow()
    for days in (10, 3, 1):
        save_reading(session, user, "happy", created_at=now - timedelta(days=days))
    save_reading(session, other, "happy")
    history = list_readings(session, user.id)
    assert [r.created_at for r in history] == sorted(r.created_at for r in history)
    assert len(history) == 3
    assert len(list_readings(session, user.id, since=now - timedelta(days=7))) == 2


def test_unknown_labels_and_sources_are_refused(session: Session) -> None:
    user = make_user(session)
    with pytest.raises(ValueError, match="unknown"):
        add_reading(session, user_id=user.id, capture=make_capture(), chosen="joy")
    with pytest.raises(ValueError, match="unknown"):
        add_picked(session, user_id=user.id, emotion="joy")
    with pytest.raises(ValueError, match="unknown"):
        make_capture(source="webcam-file")
    with pytest.raises(ValueError, match="unknown"):
        Capture("joy", 0.5, {}, "live")
