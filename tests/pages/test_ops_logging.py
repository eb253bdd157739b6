"""Each script run of the real app logs one JSON-ready event with its page and outcome."""

from __future__ import annotations

import logging
from collections.abc import Callable

import pytest
from sqlalchemy.orm import Session, sessionmaker
from streamlit.testing.v1 import AppTest

from core.logs import EVENT_LOGGER, JsonFormatter
from db import board
from tests.factories import make_token, make_user
from tests.pages.conftest import log_in


def _events(caplog: pytest.LogCaptureFixture, name: str) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name == EVENT_LOGGER and r.getMessage() == name]


def test_a_run_and_a_failing_run_are_logged_without_their_message(
    make_app: Callable[..., AppTest],
    session_factory: sessionmaker[Session],
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with session_factory.begin() as s:
        user = make_user(s)
        token = make_token(s, user)
    caplog.set_level(logging.INFO)
    at = log_in(make_app("en"), user, token).run()
    assert not at.exception
    assert len(_events(caplog, "session_start")) == 1
    (run,) = _events(caplog, "run")
    assert (run.page, run.outcome, run.logged_in) == ("home", "ok", True)
    assert user.username not in caplog.text and user.email not in caplog.text
    assert run.ms > 0

    def broken(*_args, **_kwargs):
        raise RuntimeError("boom for someone@example.com")

    monkeypatch.setattr(board, "list_posts", broken)
    caplog.clear()
    at.switch_page("app_pages/board.py").run()
    assert at.exception
    runs = _events(caplog, "run")
    assert [(r.page, r.outcome) for r in runs][-1] == ("board", "error")
    assert _events(caplog, "session_start") == []  # the same session
    (failure,) = [r for r in caplog.records if r.name == "ui.ops"]
    formatted = JsonFormatter().format(failure)
    assert '"error": "RuntimeError"' in formatted
    assert "someone@example.com" not in formatted
