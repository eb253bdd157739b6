"""The emotion the user confirmed, handed from the Emotion page to the Chat page."""

from __future__ import annotations

from dataclasses import dataclass, field

import streamlit as st

_CURRENT = "current_emotion"
_PENDING = "pending_reading"


@dataclass(frozen=True)
class Reading:
    """A frozen reading waiting for the user to confirm or correct it."""

    emotion: str
    confidence: float
    scores: dict[str, float] = field(hash=False)
    source: str
    faces: int = 1


@dataclass(frozen=True)
class EmotionContext:
    emotion: str
    confidence: float | None
    source: str


def current_emotion() -> EmotionContext | None:
    return st.session_state.get(_CURRENT)


def set_current_emotion(context: EmotionContext) -> None:
    st.session_state[_CURRENT] = context


def pending_reading() -> Reading | None:
    return st.session_state.get(_PENDING)


def set_pending_reading(reading: Reading | None) -> None:
    if reading is None:
        st.session_state.pop(_PENDING, None)
    else:
        st.session_state[_PENDING] = reading
