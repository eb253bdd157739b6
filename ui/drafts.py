"""Drafts: what a person submitted but could not save, kept until saved or discarded.

Streamlit forgets a widget's value as soon as a run does not draw it, and a
reload or a new tab starts a new session, so a post whose Publish failed (the
database was down, a rate limit) was lost the moment its author visited another
page. A form's submitted values are copied here and put back into its widgets
when the form is drawn again.

The store is this server process's memory, keyed by user id, not the database:
a draft matters most while the database is down. It survives other pages,
reloads and new tabs of the same user (behind several replicas, the cookie-hash
affinity brings a user back to the same process); it is dropped on save, on
Discard, on the user's explicit log-out (a shared computer), after
``KEEP_FOR`` and, past ``MAX_USERS`` users, oldest first.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from typing import Any

import streamlit as st

KEEP_FOR = 24 * 3600.0  # seconds
MAX_USERS = 10_000

_lock = threading.Lock()
_store: OrderedDict[int, dict[str, tuple[float, dict[str, Any]]]] = OrderedDict()


def get(user_id: int, name: str) -> dict[str, Any] | None:
    with _lock:
        entry = _store.get(user_id, {}).get(name)
        if entry is None:
            return None
        if time.monotonic() - entry[0] > KEEP_FOR:
            _store[user_id].pop(name, None)
            return None
        return dict(entry[1])


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
    if not any(isinstance(v, str) and v.strip() for v in values.values()):
        return
    with _lock:
        _store.setdefault(user_id, {})[name] = (time.monotonic(), dict(values))
        _store.move_to_end(user_id)
        while len(_store) > MAX_USERS:
            _store.popitem(last=False)


def discard(user_id: int, name: str) -> None:
    with _lock:
        _store.get(user_id, {}).pop(name, None)


def forget_user(user_id: int) -> None:
    """Drop every draft of the user (they logged out)."""
    with _lock:
        _store.pop(user_id, None)


def clear_all() -> None:
    """Empty the store (tests: user ids are reused between them)."""
    with _lock:
        _store.clear()
