"""What the cookie writer asks the browser to store: the Secure flag, the fresh token."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
import streamlit
from sqlalchemy.orm import Session, sessionmaker
from streamlit.testing.v1 import AppTest

from core.settings import get_settings
from tests.factories import make_token, make_user
from tests.pages.conftest import log_in


@pytest.fixture
def written(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The cookie strings each run's writer script would set, in order."""
    scripts: list[str] = []
    monkeypatch.setattr(streamlit, "iframe", lambda script, **_: scripts.append(script))
    return scripts


def _token_cookie(scripts: list[str]) -> str:
    return re.findall(r'"(sye_token=[^"]*)"', scripts[-1])[-1]


@pytest.mark.parametrize("secure", [True, False])
def test_cookie_secure_setting_reaches_the_browser(
    make_app: Callable[..., AppTest],
    session_factory: sessionmaker[Session],
    monkeypatch: pytest.MonkeyPatch,
    written: list[str],
    secure: bool,
) -> None:
    monkeypatch.setenv("COOKIE_SECURE", "true" if secure else "false")
    get_settings.cache_clear()
    with session_factory.begin() as s:
        user = make_user(s)
        token = make_token(s, user)
    at = log_in(make_app(), user, token).run()
    assert not at.exception
    cookie = _token_cookie(written)
    assert cookie.startswith(f"sye_token={token};")
    assert ("; Secure" in cookie) is secure
    assert "SameSite=Strict" in cookie


def test_after_a_password_change_the_browser_gets_the_fresh_token(
    make_app: Callable[..., AppTest],
    session_factory: sessionmaker[Session],
    written: list[str],
) -> None:
    with session_factory.begin() as s:
        user = make_user(s)
        token = make_token(s, user)
    at = log_in(make_app(), user, token).run()
    at.switch_page("app_pages/mypage.py").run()
    at.text_input(key="mypage_pw_current").input("Passw0rd!")
    at.text_input(key="mypage_pw_new").input("N3w-Passw0rd!")
    at.text_input(key="mypage_pw_confirm").input("N3w-Passw0rd!")
    next(b for b in at.button if b.label == "Change password").click().run()
    assert not at.exception and not at.error
    fresh = at.session_state["auth_token"]
    assert fresh != token
    assert _token_cookie(written).startswith(f"sye_token={fresh};")
