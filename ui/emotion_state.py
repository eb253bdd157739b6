"""The capture waiting for confirmation, and where the current mood is kept.

A :class:`core.capture.Capture` waits in session state until the user confirms,
corrects or discards it. The current mood lives in a :class:`MoodStore`: the
database for an account (:class:`AccountMoods`, the latest saved reading, read
by Emotion, Chat and Board alike), session memory for a kiosk visit
(:class:`VisitMoods`, which keeps nothing).
"""

from __future__ import annotations

from typing import Final, Protocol

import streamlit as st

from core.capture import Capture, Mood
from services import moods
from ui.state import db_errors, db_session

PENDING: Final = "pending_reading"
VISIT_MOOD: Final = "current_emotion"  # the kiosk visit's mood (wiped with the visit)
JUST_SAVED: Final = "emotion_just_saved"  # id of the capture saved in the previous run


def pending_capture() -> Capture | None:
    return st.session_state.get(PENDING)


def set_pending_capture(capture: Capture | None) -> None:
    """Offer a new capture for confirmation (or none); an older result goes with it."""
    st.session_state.pop(JUST_SAVED, None)
    if capture is None:
        st.session_state.pop(PENDING, None)
    else:
        st.session_state[PENDING] = capture


class MoodStore(Protocol):
    """Where "my current emotion" is kept; each call returns None if it could not be done."""

    def current(self) -> Mood | None: ...
    def confirm(self, capture: Capture, chosen: str) -> Mood | None: ...
    def pick(self, emotion: str) -> Mood | None: ...


class AccountMoods:
    """An account's mood: the latest saved reading, one transaction per call.

    ``current`` is read once per instance (a page run builds one), so the
    panels of one page agree with each other.
    """

    def __init__(self, user_id: int) -> None:
        self.user_id = user_id
        self._current: Mood | None = None
        self._read = False

    def current(self) -> Mood | None:
        if not self._read:
            with db_errors(), db_session() as session:
                self._current = moods.current(session, self.user_id)
                self._read = True
        return self._current

    def confirm(self, capture: Capture, chosen: str) -> Mood | None:
        saved = None
        with db_errors(), db_session() as session:
            saved = moods.confirm(session, self.user_id, capture, chosen)
        return self._remember(saved)

    def pick(self, emotion: str) -> Mood | None:
        saved = None
        with db_errors(), db_session() as session:
            saved = moods.pick(session, self.user_id, emotion)
        return self._remember(saved)

    def _remember(self, mood: Mood | None) -> Mood | None:
        if mood is not None:
            self._current, self._read = mood, True
        return mood


class VisitMoods:
    """A kiosk visitor's mood, in session memory only (nothing is written anywhere)."""

    def current(self) -> Mood | None:
        return st.session_state.get(VISIT_MOOD)

    def confirm(self, capture: Capture, chosen: str) -> Mood:
        mood = Mood.confirmed(capture, chosen)
        st.session_state[VISIT_MOOD] = mood
        return mood

    def pick(self, emotion: str) -> Mood:
        mood = Mood.chosen_by_hand(emotion)
        st.session_state[VISIT_MOOD] = mood
        return mood
