"""Emotion readings on both databases: what is stored, in which order."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy.orm import Session

from db.readings import add_reading, latest_reading, list_readings
from db.types import utcnow
from tests.factories import make_user

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
    kept = add_reading(session, user_id=user.id, scores=SCORES, chosen="happy", source="live")
    fixed = add_reading(session, user_id=user.id, scores=SCORES, chosen="sad", source="upload")
    assert (kept.detected_emotion, kept.corrected, kept.confidence) == ("happy", False, 0.7)
    assert (fixed.emotion, fixed.detected_emotion, fixed.corrected) == ("sad", "happy", True)
    assert set(kept.scores) == set(SCORES)
    assert latest_reading(session, user.id).id == fixed.id


def test_history_is_oldest_first_and_filtered_by_time(session: Session) -> None:
    user, other = make_user(session), make_user(session)
    now = utcnow()
    for days in (10, 3, 1):
        add_reading(
            session,
            user_id=user.id,
            scores=SCORES,
            chosen="happy",
            source="live",
            created_at=now - timedelta(days=days),
        )
    add_reading(session, user_id=other.id, scores=SCORES, chosen="happy", source="live")
    history = list_readings(session, user.id)
    assert [r.created_at for r in history] == sorted(r.created_at for r in history)
    assert len(history) == 3
    assert len(list_readings(session, user.id, since=now - timedelta(days=7))) == 2


@pytest.mark.parametrize(("chosen", "source"), [("joy", "live"), ("happy", "webcam-file")])
def test_unknown_labels_and_sources_are_refused(session: Session, chosen: str, source: str) -> None:
    user = make_user(session)
    with pytest.raises(ValueError, match="unknown"):
        add_reading(session, user_id=user.id, scores=SCORES, chosen=chosen, source=source)
