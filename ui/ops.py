"""Operations glue: JSON logging once per process, one log line per script run."""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Iterator

import streamlit as st
from streamlit.runtime.scriptrunner import RerunException, StopException, get_script_run_ctx

from core import logs
from ui.state import current_user

_SEEN = "ops_session_seen"


def session_id() -> str | None:
    """Streamlit's id for this browser tab: a random UUID, nothing about the person."""
    ctx = get_script_run_ctx(suppress_warning=True)
    return ctx.session_id if ctx else None


@st.cache_resource(show_spinner=False)
def _configure_logging() -> bool:
    logs.configure(session=session_id)
    return True


@contextlib.contextmanager
def logged_run(page: str, logged_in: bool) -> Iterator[None]:
    """Log the run of ``page``: how long it took and how it ended.

    A script run is Streamlit's request: every click or widget change reruns
    the page. ``rerun``/``stop`` are Streamlit's control flow (switch_page,
    st.stop), not failures. A run that logs someone in or out (the login,
    register, logout pages) adds a ``login``/``logout`` line, without saying who.
    """
    _configure_logging()
    if not st.session_state.get(_SEEN):
        st.session_state[_SEEN] = True
        logs.event("session_start")
    start = time.perf_counter()
    outcome = "ok"
    try:
        yield
    except RerunException:
        outcome = "rerun"
        raise
    except StopException:
        outcome = "stop"
        raise
    except Exception:
        outcome = "error"
        logging.getLogger("ui.ops").exception("page failed", extra={"page": page})
        raise
    finally:
        ms = round((time.perf_counter() - start) * 1000, 1)
        logs.event("run", page=page, ms=ms, outcome=outcome, logged_in=logged_in)
        if (current_user() is not None) != logged_in:
            logs.event("logout" if logged_in else "login", page=page)
