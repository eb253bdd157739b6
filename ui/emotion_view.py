"""Rendering pieces of the Emotion page: scores chart, readout, confirm panel."""

from __future__ import annotations

import functools

import altair as alt
import pandas as pd
import streamlit as st

from core.emotions import EMOJI, EMOTIONS, label
from ui.emotion_state import Reading
from ui.state import lang, tr


def scores_chart(scores: dict[str, float], height: int = 210) -> alt.Chart:
    """A horizontal bar per emotion, in model order, labelled in the UI language."""
    current = lang()
    frame = pd.DataFrame(
        {
            "emotion": [f"{EMOJI[e]} {label(e, current)}" for e in EMOTIONS],
            "score": [float(scores.get(e, 0.0)) for e in EMOTIONS],
        }
    )
    order = list(frame["emotion"])
    return (
        alt.Chart(frame)
        .mark_bar(cornerRadiusEnd=3)
        .encode(
            x=alt.X(
                "score:Q", scale=alt.Scale(domain=[0, 1]), axis=alt.Axis(format="%", title=None)
            ),
            y=alt.Y("emotion:N", sort=order, title=None),
            color=alt.condition(
                alt.datum.score == max(frame["score"]),
                alt.value("#6C5CE7"),
                alt.value("#C9C3F5"),
            ),
            tooltip=[alt.Tooltip("emotion:N"), alt.Tooltip("score:Q", format=".0%")],
        )
        .properties(height=height)
    )


def reading_sentence(emotion: str) -> str:
    return tr("emotion.i_think", label=label(emotion, lang()), emoji=EMOJI[emotion])


def emotion_choice_label(emotion: str, current: str) -> str:
    return f"{EMOJI[emotion]} {label(emotion, current)}"


def show_scores(scores: dict[str, float]) -> None:
    st.altair_chart(scores_chart(scores), width="stretch")


def confirm_panel(reading: Reading) -> tuple[str, bool, bool]:
    """Ask the user to confirm or correct; returns (chosen, confirmed, discarded)."""
    with st.container(border=True):
        st.markdown(f"### {reading_sentence(reading.emotion)}")
        st.caption(f"{tr('emotion.confidence')}: {reading.confidence:.0%}")
        if reading.faces > 1:
            st.caption(tr("emotion.faces_found", n=reading.faces))
        show_scores(reading.scores)
        st.write(tr("emotion.confirm_question"))
        chosen = st.radio(
            tr("emotion.choose"),
            EMOTIONS,
            index=EMOTIONS.index(reading.emotion),
            # Bound now: format_func may be called outside this script run.
            format_func=functools.partial(emotion_choice_label, current=lang()),
            horizontal=True,
            key="confirm_choice",
        )
        left, right = st.columns(2)
        confirmed = left.button(
            tr("emotion.confirm"), type="primary", key="confirm_reading", width="stretch"
        )
        discarded = right.button(tr("emotion.discard"), key="discard_reading", width="stretch")
    return chosen, confirmed, discarded
