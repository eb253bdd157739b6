"""Moderation page and rate limits through AppTest, in both languages."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker
from streamlit.testing.v1 import AppTest

from core.settings import get_settings
from db import board, moderation
from db.models import ChatMessage, Post, User
from db.types import utcnow
from tests.factories import PASSWORD, make_token, make_user
from tests.pages.conftest import log_in, texts

MODERATION = "app_pages/moderation.py"
BOARD = "app_pages/board.py"


def _button(at: AppTest, label: str):
    return next(b for b in at.button if b.label == label)


def _setenv(monkeypatch: pytest.MonkeyPatch, **values: str) -> None:
    for name, value in values.items():
        monkeypatch.setenv(name, value)
    get_settings.cache_clear()


@pytest.fixture
def hidden_post(session_factory: sessionmaker[Session]) -> dict:
    with session_factory.begin() as s:
        mod = make_user(s, "moduser")
        moderation.set_moderator(s, "moduser", True)
        plain = make_user(s, "plainuser")
        author = make_user(s, "author")
        post_id = board.create_post(s, user_id=author.id, title="Reported day", body="fine")
        for _ in range(3):
            reporter = make_user(s)
            reporter.created_at = utcnow() - timedelta(days=2)
            s.flush()
            board.report_post(
                s,
                post_id=post_id,
                user_id=reporter.id,
                threshold=3,
                min_account_age=timedelta(days=1),
            )
        return {
            "mod": (mod, make_token(s, mod)),
            "plain": (plain, make_token(s, plain)),
            "post": post_id,
        }


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_moderator_restores_a_hidden_post_from_the_page(
    make_app: Callable[..., AppTest], hidden_post, session_factory, lang: str
) -> None:
    at = log_in(make_app(lang), *hidden_post["mod"]).run()
    links = [link.label for link in at.sidebar.get("page_link")]
    assert ("Moderation" if lang == "en" else "관리") in links
    at.switch_page(MODERATION).run()
    assert not at.exception
    shown = texts(at)
    assert "Reported day" in shown
    assert ("3 report(s)" if lang == "en" else "신고 3건") in shown
    _button(at, "Restore" if lang == "en" else "되살리기").click().run()
    assert not at.exception
    with session_factory() as s:
        assert s.get(Post, hidden_post["post"]).hidden is False
    assert ("Nothing to review." if lang == "en" else "살펴볼 글이 없어요.") in texts(at)


def test_a_moderator_removes_a_post_after_confirming(
    make_app: Callable[..., AppTest], hidden_post, session_factory
) -> None:
    at = log_in(make_app(), *hidden_post["mod"]).run()
    at.switch_page(MODERATION).run()
    _button(at, "Remove").click().run()
    with session_factory() as s:
        assert s.get(Post, hidden_post["post"]) is not None  # not before the confirmation
    _button(at, "Yes, remove it").click().run()
    with session_factory() as s:
        assert s.get(Post, hidden_post["post"]) is None


def test_everyone_else_is_sent_home_and_sees_no_link(
    make_app: Callable[..., AppTest], hidden_post
) -> None:
    at = log_in(make_app(), *hidden_post["plain"]).run()
    assert "Moderation" not in [link.label for link in at.sidebar.get("page_link")]
    at.switch_page(MODERATION).run()
    assert not at.exception
    assert "Reported day" not in texts(at)
    assert "never stored" in texts(at)  # the home page


def test_posts_and_comments_stop_at_the_limit_with_a_clear_message_and_the_text_kept(
    make_app: Callable[..., AppTest],
    session_factory: sessionmaker[Session],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _setenv(monkeypatch, POSTS_PER_HOUR="1", COMMENTS_PER_HOUR="1")
    with session_factory.begin() as s:
        user = make_user(s)
        token = make_token(s, user)
        other = make_user(s)
        post_id = board.create_post(s, user_id=other.id, title="Someone's day", body="b")
    at = log_in(make_app(), user, token).run()
    at.switch_page(BOARD).run()
    for title in ("first", "second"):
        at.text_input(key="board_new_title").input(title)
        at.text_area(key="board_new_body").input(f"{title} body")
        _button(at, "Publish").click().run()
        assert not at.exception
        if title == "first":  # it opened the new post: back to the list
            at.query_params.pop("post", None)
            at.run()
    assert any("posting very often" in e.value for e in at.error)
    assert at.text_input(key="board_new_title").value == "second"
    with session_factory() as s:
        titles = set(s.scalars(select(Post.title).where(Post.user_id == user.id)))
    assert titles == {"first"}

    at.query_params["post"] = str(post_id)
    at.run()
    for body in ("one comment", "another comment"):
        at.text_area(key="board_comment_body").input(body)
        _button(at, "Add comment").click().run()
    assert any("commenting very often" in e.value for e in at.error)
    assert at.text_area(key="board_comment_body").value == "another comment"


def test_the_per_account_post_limit_holds_in_a_new_session(
    make_app: Callable[..., AppTest],
    session_factory: sessionmaker[Session],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _setenv(monkeypatch, POSTS_PER_HOUR="1")
    with session_factory.begin() as s:
        user = make_user(s)
        token = make_token(s, user)
        board.create_post(s, user_id=user.id, title="earlier", body="from another tab")
    at = log_in(make_app("ko"), user, token).run()
    at.switch_page(BOARD).run()
    at.text_input(key="board_new_title").input("또 하나")
    at.text_area(key="board_new_body").input("내용")
    _button(at, "올리기").click().run()
    assert any("글을 너무 자주 올렸어요" in e.value for e in at.error)


def test_chat_messages_stop_at_the_limit_and_the_message_is_kept(
    make_app: Callable[..., AppTest],
    session_factory: sessionmaker[Session],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _setenv(monkeypatch, CHAT_MESSAGES_PER_HOUR="1", CHAT_OFFLINE_DELAY_S="0")
    with session_factory.begin() as s:
        user = make_user(s)
        token = make_token(s, user)
    at = log_in(make_app(), user, token).run()
    at.switch_page("app_pages/chat.py").run()
    at.chat_input(key="chat_input").set_value("I had a good day").run()
    at.chat_input(key="chat_input").set_value("and one more thing").run()
    assert not at.exception
    assert any("sending messages very quickly" in w.value for w in at.warning)
    assert "and one more thing" in texts(at)  # kept under "send again"
    with session_factory() as s:
        sent = list(
            s.scalars(
                select(ChatMessage.content).where(
                    ChatMessage.user_id == user.id, ChatMessage.role == "user"
                )
            )
        )
    assert sent == ["I had a good day"]


def test_one_session_may_register_only_a_few_accounts(
    make_app: Callable[..., AppTest],
    session_factory: sessionmaker[Session],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _setenv(monkeypatch, REGISTRATIONS_PER_HOUR="1")
    at = make_app().run()
    for n in (1, 2):
        at.switch_page("app_pages/register.py").run()
        at.text_input[0].input(f"newbie{n}")
        at.text_input[1].input(f"newbie{n}@example.com")
        at.text_input[2].input(PASSWORD)
        at.text_input[3].input(PASSWORD)
        _button(at, "Sign up").click().run()
        assert not at.exception
        if n == 1:  # signed in: log out in the same session, then try again
            assert at.session_state["auth_user"].username == "newbie1"
            at.switch_page("app_pages/logout.py").run()
            assert "auth_user" not in at.session_state
    assert any("Too many accounts created" in e.value for e in at.error)
    with session_factory() as s:
        assert s.scalar(select(func.count()).select_from(User)) == 1
