"""What was submitted but not saved is kept, per user, across pages, until saved or discarded."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker
from streamlit.testing.v1 import AppTest

from db import board
from db.models import Comment, Post
from tests.factories import make_token, make_user
from tests.pages.conftest import log_in

BOARD = "app_pages/board.py"


def _down(*_args, **_kwargs):
    raise OperationalError("INSERT", {}, ConnectionRefusedError("connection refused"))


def _button(at: AppTest, label: str):
    return next(b for b in at.button if b.label == label)


@pytest.fixture
def writer(session_factory: sessionmaker[Session]):
    with session_factory.begin() as s:
        user = make_user(s, "drafter")
        return user, make_token(s, user)


def test_a_post_that_failed_to_publish_survives_other_pages_and_publishes_later(
    make_app: Callable[..., AppTest],
    writer,
    session_factory: sessionmaker[Session],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    at = log_in(make_app(), *writer).run()
    at.switch_page(BOARD).run()
    with monkeypatch.context() as outage:
        outage.setattr(board, "create_post", _down)
        at.text_input(key="board_new_title").input("쓰던 글")
        at.text_area(key="board_new_body").input("정전 중에 쓴 내용")
        _button(at, "Publish").click().run()
        assert not at.exception
    for page in ("app_pages/mypage.py", "app_pages/chat.py", BOARD):
        at.switch_page(page).run()
        assert not at.exception
    assert at.text_input(key="board_new_title").value == "쓰던 글"
    assert at.text_area(key="board_new_body").value == "정전 중에 쓴 내용"
    assert at.expander[0].proto.expanded  # the form is open on the draft
    _button(at, "Publish").click().run()
    with session_factory() as s:
        assert s.scalar(select(Post.body).where(Post.title == "쓰던 글")) == "정전 중에 쓴 내용"
    at.query_params.pop("post", None)
    at.switch_page("app_pages/mypage.py").run()
    at.switch_page(BOARD).run()
    assert at.text_input(key="board_new_title").value == ""  # saved: the draft is gone


def test_a_draft_can_be_discarded_and_is_not_shared_with_the_next_user(
    make_app: Callable[..., AppTest],
    writer,
    session_factory: sessionmaker[Session],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    at = log_in(make_app(), *writer).run()
    at.switch_page(BOARD).run()
    with monkeypatch.context() as outage:
        outage.setattr(board, "create_post", _down)
        at.text_input(key="board_new_title").input("버릴 글")
        at.text_area(key="board_new_body").input("내용")
        _button(at, "Publish").click().run()
    at.switch_page("app_pages/mypage.py").run()
    at.switch_page(BOARD).run()
    _button(at, "Discard draft").click().run()
    assert at.text_input(key="board_new_title").value == ""
    assert "Discard draft" not in [b.label for b in at.button]
    # Another draft, then sign out: the next person on this browser starts clean.
    with monkeypatch.context() as outage:
        outage.setattr(board, "create_post", _down)
        at.text_input(key="board_new_title").input("남길 글")
        at.text_area(key="board_new_body").input("내용")
        _button(at, "Publish").click().run()
    at.switch_page("app_pages/logout.py").run()
    with session_factory.begin() as s:
        other = make_user(s, "nextperson")
        token = make_token(s, other)
    log_in(at, other, token)
    at.switch_page(BOARD).run()
    assert at.text_input(key="board_new_title").value == ""


def test_a_comment_that_failed_is_kept_for_its_post(
    make_app: Callable[..., AppTest],
    writer,
    session_factory: sessionmaker[Session],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with session_factory.begin() as s:
        author = make_user(s)
        post_id = board.create_post(s, user_id=author.id, title="A day", body="b")
    at = log_in(make_app(), *writer)
    at.query_params["post"] = str(post_id)
    at.run()
    at.switch_page(BOARD).run()
    with monkeypatch.context() as outage:
        outage.setattr(board, "add_comment", _down)
        at.text_area(key="board_comment_body").input("힘내요")
        _button(at, "Add comment").click().run()
    at.switch_page("app_pages/chat.py").run()
    at.query_params["post"] = str(post_id)
    at.switch_page(BOARD).run()
    assert at.text_area(key="board_comment_body").value == "힘내요"
    _button(at, "Add comment").click().run()
    with session_factory() as s:
        assert s.scalar(select(Comment.body).where(Comment.post_id == post_id)) == "힘내요"


def test_a_draft_survives_a_reload_but_not_into_another_account(
    make_app: Callable[..., AppTest],
    writer,
    session_factory: sessionmaker[Session],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    at = log_in(make_app(), *writer).run()
    at.switch_page(BOARD).run()
    with monkeypatch.context() as outage:
        outage.setattr(board, "create_post", _down)
        at.text_input(key="board_new_title").input("새 탭에서도")
        at.text_area(key="board_new_body").input("남아 있어야 해요")
        _button(at, "Publish").click().run()
    reloaded = log_in(make_app(), *writer).run()  # a new session: a reload or a new tab
    reloaded.switch_page(BOARD).run()
    assert reloaded.text_input(key="board_new_title").value == "새 탭에서도"
    with session_factory.begin() as s:
        other = make_user(s, "someoneelse")
        token = make_token(s, other)
    stranger = log_in(make_app(), other, token).run()
    stranger.switch_page(BOARD).run()
    assert stranger.text_input(key="board_new_title").value == ""
