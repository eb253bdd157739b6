"""Rendering pieces of the Emotion page: scores chart, confirm card, current mood."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from datetime import datetime

import altair as alt
import pandas as pd
import streamlit as st

from core.capture import Capture, Mood
from core.emotions import EMOJI, EMOTIONS, label
from ui.emotion_state import MoodStore, set_pending_capture
from ui.state import browser_tz, lang, tr


def scores_chart(
    scores: Mapping[str, float], height: int = 210, *, emotion: str | None = None
) -> alt.Chart:
    """A horizontal bar per emotion, in model order, labelled in the UI language.

    ``emotion`` is the bar to highlight: the reading's label, which live is the
    tracker's steadied one and may trail a close runner-up by up to its switch
    margin; by default the longest bar.
    """
    current = lang()
    frame = pd.DataFrame(
        {
            "emotion": [f"{EMOJI[e]} {label(e, current)}" for e in EMOTIONS],
            "score": [float(scores.get(e, 0.0)) for e in EMOTIONS],
        }
    )
    order = list(frame["emotion"])
    highlight = (
        f"{EMOJI[emotion]} {label(emotion, current)}"
        if emotion in EMOJI
        else frame["emotion"][frame["score"].idxmax()]
    )
    return (
        alt.Chart(frame)
        .mark_bar(cornerRadiusEnd=3)
        .encode(
            x=alt.X(
                "score:Q", scale=alt.Scale(domain=[0, 1]), axis=alt.Axis(format="%", title=None)
            ),
            y=alt.Y("emotion:N", sort=order, title=None),
            color=alt.condition(
                alt.datum.emotion == highlight,
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


def show_scores(scores: Mapping[str, float], emotion: str | None = None) -> None:
    st.altair_chart(scores_chart(scores, emotion=emotion), width="stretch")


def confirm_panel(capture: Capture) -> tuple[str, bool, bool]:
    """Ask the user to confirm or correct; returns (chosen, confirmed, discarded).

    Everything on the card comes from the one capture, and the choice is keyed
    to it: a new capture starts from its own emotion, not the last one's.
    """
    with st.container(border=True):
        st.markdown(f"### {reading_sentence(capture.emotion)}")
        st.caption(f"{tr('emotion.confidence')}: {capture.confidence:.0%}")
        if capture.faces > 1:
            st.caption(tr("emotion.faces_found", n=capture.faces))
        show_scores(capture.scores, capture.emotion)
        st.write(tr("emotion.confirm_question"))
        chosen = st.radio(
            tr("emotion.choose"),
            EMOTIONS,
            index=EMOTIONS.index(capture.emotion),
            # Bound now: format_func may be called outside this script run.
            format_func=functools.partial(emotion_choice_label, current=lang()),
            horizontal=True,
            key=f"confirm_choice_{capture.id}",
        )
        left, right = st.columns(2)
        confirmed = left.button(
            tr("emotion.confirm"), type="primary", key="confirm_reading", width="stretch"
        )
        discarded = right.button(tr("emotion.discard"), key="discard_reading", width="stretch")
    return chosen, confirmed, discarded


def confirm_step(capture: Capture, store: MoodStore) -> Mood | None:
    """The confirm card for ``capture``; the saved mood once the user confirms it.

    Discard drops the capture. A capture that could not be saved (database down)
    stays on the card to confirm again.
    """
    chosen, confirmed, discarded = confirm_panel(capture)
    if discarded:
        set_pending_capture(None)
        st.rerun()
    if confirmed:
        mood = store.confirm(capture, chosen)
        if mood is not None:
            set_pending_capture(None)
            return mood
    return None


def mood_line(mood: Mood) -> str:
    """ "😊 Happy · 14:02" with where it came from: camera confidence, or the user's choice."""
    name = label(mood.emotion, lang())
    when = _when(mood.at)
    if mood.confidence is None:
        how = tr("emotion.mood_chosen")
    else:
        how = f"{tr('emotion.confidence')} {mood.confidence:.0%}"
    return f"{EMOJI[mood.emotion]} **{name}** · {how} · {when}"


def _when(moment: datetime) -> str:
    local = moment.astimezone(browser_tz())
    today = datetime.now(local.tzinfo).date() == local.date()
    return local.strftime("%H:%M" if today else "%Y-%m-%d %H:%M")
