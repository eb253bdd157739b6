"""A database outage: the login survives, one message per page, one log line per outage."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable

import pytest
import streamlit
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker
from streamlit.testing.v1 import AppTest

from core.settings import get_settings
from tests.factories import make_token, make_user
from tests.pages.conftest import texts
from ui import cookies, state
from ui.state import CurrentUser

BOARD = "app_pages/board.py"
OUTAGE_TEXT = "database"  # part of common.db_unavailable in English


def _outage_messages(at: AppTest) -> list[str]:
    return [e.value for e in at.error if OUTAGE_TEXT in e.value.lower()]


@pytest.fixture
def written(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    scripts: list[str] = []
    monkeypatch.setattr(streamlit, "iframe", lambda script, **_: scripts.append(script))
    return scripts


def test_a_reload_during_an_outage_keeps_the_login(
    make_app: Callable[..., AppTest],
    session_factory: sessionmaker[Session],
    monkeypatch: pytest.MonkeyPatch,
    written: list[str],
) -> None:
    with session_factory.begin() as s:
        user = make_user(s, "steady")
        token = make_token(s, user)
    # A new tab: no session yet, the browser sends the login cookie.
    monkeypatch.setattr(
        cookies, "get", lambda name: token if name == cookies.TOKEN_COOKIE else None
    )
    from services import accounts

    def down(*_args, **_kwargs):
        raise OperationalError("SELECT", {}, ConnectionRefusedError("connection refused"))

    with monkeypatch.context() as outage:
        outage.setattr(accounts, "check_token", down)
        at = make_app().run()
        assert not at.exception
        assert len(_outage_messages(at)) == 1
        assert re.findall(r'"(sye_token=[^;"]*)', written[-1]) == [f"sye_token={token}"]
        at.switch_page(BOARD).run()  # a members-only page: no bounce to Log in
        assert not at.exception
        assert "Log in" not in [t.value for t in at.title]
        assert "after_login" not in at.session_state
        assert len(_outage_messages(at)) == 1
    at.run()  # the database is back
    assert not at.exception and _outage_messages(at) == []
    assert at.session_state["auth_user"].username == "steady"
    assert "Board" in texts(at)
    assert re.findall(r'"(sye_token=[^;"]*)', written[-1]) == [f"sye_token={token}"]


def test_one_message_per_page_and_one_log_line_per_outage(
    make_app: Callable[..., AppTest],
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1:1/nowhere")
    get_settings.cache_clear()
    streamlit.cache_resource.clear()
    state._outage.ended()  # a clean start whatever earlier tests did
    caplog.set_level(logging.INFO)
    at = make_app()
    at.session_state["auth_user"] = CurrentUser(1, "someone", "someone@example.com", "en")
    at.session_state["auth_token"] = "not-checked"
    at.run()
    at.switch_page(BOARD).run()  # restore, the list, the mood prefill: three failing calls
    assert not at.exception
    assert len(_outage_messages(at)) == 1
    at.run()
    assert len(_outage_messages(at)) == 1
    lines = [r for r in caplog.records if "database" in r.getMessage()]
    assert [r.getMessage().split(":")[0] for r in lines] == ["database unavailable"]
    assert all(r.exc_info is None for r in lines)  # a line, not a traceback
    state._outage.ended()
    assert "database available again" in caplog.records[-1].getMessage()


def test_export_waits_for_the_database_instead_of_failing_on_click(
    make_app: Callable[..., AppTest],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1:1/nowhere")
    get_settings.cache_clear()
    streamlit.cache_resource.clear()
    state._outage.ended()
    at = make_app()
    at.session_state["auth_user"] = CurrentUser(1, "someone", "someone@example.com", "en")
    at.session_state["auth_token"] = "not-checked"
    at.run()
    at.switch_page("app_pages/mypage.py").run()
    assert not at.exception
    button = at.get("download_button")[0]
    assert button.proto.disabled
    assert "Export is available again once the database can be reached." in texts(at)
    state._outage.ended()
