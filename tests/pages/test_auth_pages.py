"""Home, Login, Register and Logout through AppTest: gating, messages, language."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker
from streamlit.testing.v1 import AppTest

from db.models import AuthToken, User
from tests.factories import PASSWORD, make_user
from tests.pages.conftest import texts

MEMBER_PAGES = [
    "app_pages/emotion.py",
    "app_pages/chat.py",
    "app_pages/board.py",
    "app_pages/mypage.py",
]


def _fill_register(at: AppTest, username: str, email: str, password: str, confirm: str) -> None:
    at.text_input[0].input(username)
    at.text_input[1].input(email)
    at.text_input[2].input(password)
    at.text_input[3].input(confirm)
    at.button[0].click().run()


@pytest.mark.parametrize("page", MEMBER_PAGES)
def test_logged_out_visitors_land_on_login(make_app: Callable[..., AppTest], page: str) -> None:
    at = make_app().run()
    at.switch_page(page).run()
    assert not at.exception
    assert at.title[0].value == "Log in"
    assert at.session_state["after_login"] == page


def test_home_explains_the_app_in_both_languages(make_app: Callable[..., AppTest]) -> None:
    at = make_app("ko").run()
    assert at.title[0].value.endswith("너의 머리 속이 보여")
    assert "절대 저장하지" in texts(at)
    at = make_app("en").run()
    assert "never stored" in texts(at)


def test_register_shows_a_message_next_to_each_failing_field(
    make_app: Callable[..., AppTest],
) -> None:
    at = make_app().run()
    at.switch_page("app_pages/register.py").run()
    _fill_register(at, "a!", "not-an-email", "weak", "different")
    errors = [e.value for e in at.error]
    assert "A username has 3 to 16 characters." in errors
    assert "That is not a valid email address." in errors
    assert "Include at least one uppercase letter." in errors
    assert "The passwords don't match." in errors
    # What was typed is kept.
    assert at.text_input[0].value == "a!"
    assert at.text_input[1].value == "not-an-email"


def test_register_creates_the_account_and_logs_in(
    make_app: Callable[..., AppTest], session_factory: sessionmaker[Session]
) -> None:
    at = make_app("ko").run()
    at.switch_page("app_pages/register.py").run()
    _fill_register(at, "새싹123", "sprout@example.com", PASSWORD, PASSWORD)
    assert not at.exception
    assert at.session_state["auth_user"].username == "새싹123"
    with session_factory() as s:
        user = s.scalar(select(User).where(User.username == "새싹123"))
        assert user is not None and user.language == "ko"
        assert s.scalar(select(AuthToken).where(AuthToken.user_id == user.id)) is not None


def test_register_refuses_a_taken_name(
    make_app: Callable[..., AppTest], session_factory: sessionmaker[Session]
) -> None:
    with session_factory.begin() as s:
        make_user(s, "taken")
    at = make_app().run()
    at.switch_page("app_pages/register.py").run()
    _fill_register(at, "TAKEN", "new@example.com", PASSWORD, PASSWORD)
    assert "That username is already taken." in [e.value for e in at.error]


def test_login_wrong_then_right(
    make_app: Callable[..., AppTest], session_factory: sessionmaker[Session]
) -> None:
    with session_factory.begin() as s:
        make_user(s, "jisoo")
    at = make_app().run()
    at.switch_page("app_pages/login.py").run()
    at.text_input[0].input("jisoo")
    at.text_input[1].input("Wr0ng!pass")
    at.button[0].click().run()
    assert [e.value for e in at.error] == ["The username (or email) or password is incorrect."]
    assert "auth_user" not in at.session_state
    at.text_input[1].input(PASSWORD)
    at.button[0].click().run()
    assert not at.exception
    assert at.session_state["auth_user"].username == "jisoo"


def test_login_throttle_message(
    make_app: Callable[..., AppTest], session_factory: sessionmaker[Session]
) -> None:
    with session_factory.begin() as s:
        make_user(s, "locked")
    at = make_app().run()
    at.switch_page("app_pages/login.py").run()
    at.text_input[0].input("locked")
    for _ in range(5):
        at.text_input[1].input("Wr0ng!pass")
        at.button[0].click().run()
    at.text_input[1].input(PASSWORD)
    at.button[0].click().run()
    assert "Too many login attempts" in at.error[0].value
    assert "auth_user" not in at.session_state


def test_logout_revokes_the_token(
    make_app: Callable[..., AppTest], session_factory: sessionmaker[Session]
) -> None:
    with session_factory.begin() as s:
        make_user(s, "leaving")
    at = make_app().run()
    at.switch_page("app_pages/login.py").run()
    at.text_input[0].input("leaving")
    at.text_input[1].input(PASSWORD)
    at.button[0].click().run()
    token = at.session_state["auth_token"]
    at.session_state["current_emotion"] = "kept only for this user"
    at.switch_page("app_pages/logout.py").run()
    assert "auth_user" not in at.session_state
    assert "current_emotion" not in at.session_state  # a kiosk's next user starts clean
    with session_factory() as s:
        row = s.scalar(select(AuthToken))
        assert row is not None and row.revoked_at is not None
    # A copied token no longer logs anyone in.
    other = AppTest.from_file(at._script_path, default_timeout=30)
    other.session_state["auth_token"] = token
    other.session_state["lang"] = "en"
    other.run()
    other.switch_page("app_pages/chat.py").run()
    assert other.title[0].value == "Log in"


def test_language_switch_translates_and_sticks_for_the_user(
    make_app: Callable[..., AppTest], session_factory: sessionmaker[Session]
) -> None:
    with session_factory.begin() as s:
        make_user(s, "polyglot", language="en")
    at = make_app("en").run()
    at.switch_page("app_pages/login.py").run()
    at.text_input[0].input("polyglot")
    at.text_input[1].input(PASSWORD)
    at.button[0].click().run()
    at.switch_page("app_pages/home.py").run()
    assert "never stored" in texts(at)
    at.selectbox(key="language_select").select("ko").run()
    assert "절대 저장하지" in texts(at)
    with session_factory() as s:
        assert s.scalar(select(User.language).where(User.username == "polyglot")) == "ko"


def test_database_down_shows_a_message_not_a_traceback(
    make_app: Callable[..., AppTest], monkeypatch: pytest.MonkeyPatch
) -> None:
    import streamlit as st

    from core.settings import get_settings

    monkeypatch.setenv("DATABASE_URL", "postgresql://nobody@127.0.0.1:1/none")
    get_settings.cache_clear()
    st.cache_resource.clear()
    at = make_app().run()
    at.switch_page("app_pages/login.py").run()
    at.text_input[0].input("someone")
    at.text_input[1].input(PASSWORD)
    at.button[0].click().run()
    assert not at.exception
    assert any("database can't be reached" in e.value for e in at.error)
    assert at.text_input[0].value == "someone"
