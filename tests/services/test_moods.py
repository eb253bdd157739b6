"""The current mood: one truth for every page, from the latest saved reading."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy.orm import Session

from db.types import utcnow
from services import moods
from tests.factories import make_capture, make_user


def test_confirming_a_capture_makes_it_the_current_mood(session: Session) -> None:
    user = make_user(session)
    assert moods.current(session, user.id) is None
    capture = make_capture("sad", 0.74, source="upload")
    mood = moods.confirm(session, user.id, capture, "sad")
    assert (mood.emotion, mood.confidence, mood.source) == ("sad", 0.74, "upload")
    assert moods.current(session, user.id) == mood


def test_a_correction_is_the_users_word(session: Session) -> None:
    user = make_user(session)
    mood = moods.confirm(session, user.id, make_capture("angry", 0.32), "neutral")
    assert (mood.emotion, mood.confidence) == ("neutral", None)


def test_picking_saves_a_reading_once(session: Session) -> None:
    user = make_user(session)
    moods.confirm(
        session, user.id, make_capture("sad", 0.8, taken_at=utcnow() - timedelta(minutes=1)), "sad"
    )
    first = moods.pick(session, user.id, "happy")
    again = moods.pick(session, user.id, "happy")
    assert first == again and first.picked and first.confidence is None
    assert moods.current(session, user.id).emotion == "happy"
    from db.readings import list_readings

    assert [r.source for r in list_readings(session, user.id)] == ["live", "picked"]
