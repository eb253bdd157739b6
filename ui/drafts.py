"""Drafts: what a person submitted but could not save, kept until saved or discarded.

Streamlit forgets a widget's value as soon as a run does not draw it, so a post
whose Publish failed (the database was down, a rate limit) was lost the moment
its author visited another page. A form's submitted values are copied here
(plain session state, per user, never written to the database) and put back
into its widgets when the form is drawn again.

Session state is emptied on sign-out (``ui.state.sign_out``), so a draft never
passes to the next person on a shared browser.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

_DRAFTS = "drafts"  # {user id: {draft name: {field: value}}}


def _mine(user_id: int) -> dict[str, dict[str, Any]]:
    return st.session_state.setdefault(_DRAFTS, {}).setdefault(user_id, {})


def get(user_id: int, name: str) -> dict[str, Any] | None:
    return _mine(user_id).get(name)


def restore(user_id: int, name: str, widgets: dict[str, str]) -> dict[str, Any] | None:
    """Put the draft back into widgets Streamlit forgot; ``widgets``: key -> field.

    Call before the widgets are drawn. Widgets that still hold a value keep it
    (it is newer than the draft). Returns the draft, if any.
    """
    draft = get(user_id, name)
    if draft is not None:
        for key, field in widgets.items():
            if key not in st.session_state and field in draft:
                st.session_state[key] = draft[field]
    return draft


def keep(user_id: int, name: str, values: dict[str, Any]) -> None:
    """Remember submitted values (nothing typed: nothing kept)."""
    if any(isinstance(v, str) and v.strip() for v in values.values()):
        _mine(user_id)[name] = dict(values)


def discard(user_id: int, name: str) -> None:
    _mine(user_id).pop(name, None)
