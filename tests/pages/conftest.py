"""AppTest helpers: the whole app from Home.py, logged in or not."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from ui import drafts
from ui.state import CurrentUser

HOME = str(Path(__file__).resolve().parents[2] / "Home.py")


@pytest.fixture
def make_app(app_env: str) -> Callable[..., AppTest]:
    """An AppTest of the real app against the test database."""

    drafts.clear_all()  # drafts live in process memory by user id; ids repeat across tests

    def factory(lang: str = "en") -> AppTest:
        at = AppTest.from_file(HOME, default_timeout=30)
        at.session_state["lang"] = lang
        return at

    return factory


def log_in(at: AppTest, user, token: str) -> AppTest:
    """Put the user in session state exactly as ui.state.sign_in does."""
    at.session_state["auth_user"] = CurrentUser.of(user)
    at.session_state["auth_token"] = token
    return at


def texts(at: AppTest) -> str:
    """Every piece of visible text of the last run, for content assertions."""
    parts = [
        el.value
        for kind in ("title", "header", "subheader", "markdown", "caption")
        for el in getattr(at, kind)
    ]
    parts += [
        el.value for kind in ("error", "warning", "info", "success") for el in getattr(at, kind)
    ]
    return "\n".join(str(p) for p in parts)
