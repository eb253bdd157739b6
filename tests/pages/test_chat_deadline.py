"""A hung chat server costs one deadline, not three timeouts; the message is kept."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

import pytest
import streamlit as st
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker
from streamlit.testing.v1 import AppTest

from core.settings import get_settings
from db.models import ChatMessage
from tests.factories import make_token, make_user
from tests.pages.conftest import log_in
from tests.support.fake_openai import FakeOpenAI

pytest_plugins = ["tests.support.chat_fixtures"]


@pytest.fixture
def hung(
    fake_openai: FakeOpenAI, monkeypatch: pytest.MonkeyPatch, app_env: str
) -> Iterator[FakeOpenAI]:
    """The model server with the app's real timeout and retries, and a short deadline."""
    monkeypatch.setenv("OPENAI_BASE_URL", fake_openai.url)
    monkeypatch.setenv("OPENAI_MODEL", "fake-model")
    monkeypatch.setenv("OPENAI_TIMEOUT_S", "30")
    monkeypatch.setenv("OPENAI_MAX_RETRIES", "2")
    monkeypatch.setenv("CHAT_REPLY_DEADLINE_S", "2")
    get_settings.cache_clear()
    st.cache_resource.clear()
    fake_openai.slow(20, times=3)
    yield fake_openai


def test_a_hung_server_ends_at_the_deadline_with_the_message_kept(
    make_app: Callable[..., AppTest], hung: FakeOpenAI, session_factory: sessionmaker[Session]
) -> None:
    with session_factory.begin() as s:
        user = make_user(s)
        token = make_token(s, user)
    at = log_in(make_app(), user, token).run()
    at.switch_page("app_pages/chat.py").run()
    started = time.monotonic()
    at.chat_input(key="chat_input").set_value("Is anyone there?").run()
    waited = time.monotonic() - started
    assert not at.exception
    assert waited < 8, waited  # the deadline (2 s), not 3 x 30 s
    errors = [e.value for e in at.error]
    assert any("took too long" in e and "Your message is kept." in e for e in errors), errors
    assert at.button(key="chat_retry")
    assert "Stop waiting" not in [b.label for b in at.button]
    with session_factory() as s:
        sent = list(s.scalars(select(ChatMessage.content).where(ChatMessage.user_id == user.id)))
    assert sent == ["Is anyone there?"]
