"""The Board page through AppTest: list, write, view by URL, comment, edit, delete, report."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import timedelta

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, sessionmaker
from streamlit.testing.v1 import AppTest

from core.markup import WJ
from db import board
from db.models import Comment, Post
from db.types import utcnow
from tests.factories import make_token, make_user, save_reading
from tests.pages.conftest import log_in, texts
from ui.widgets import escape_markdown

BOARD = "app_pages/board.py"
EVIL_TITLE = "<script>alert(1)</script> **b** [x](javascript:alert(1)) ![i](http://x/i.png) :smile:"
EVIL_BODY = (
    '<img src=x onerror="alert(1)">\n'
    "[click](javascript:alert(1))\n"
    "![tracker](http://127.0.0.1:9/t.png)\n"
    '<a href="javascript:alert(1)">a</a> **bold** $x$ :red[red]\n' + "W" * 500
)


@pytest.fixture
def people(session_factory: sessionmaker[Session]) -> dict[str, tuple]:
    with session_factory.begin() as s:
        me, other = make_user(s, "writer"), make_user(s, "reader")
        return {"me": (me, make_token(s, me)), "other": (other, make_token(s, other))}


@pytest.fixture
def open_board(make_app: Callable[..., AppTest], people) -> Callable[..., AppTest]:
    def factory(who: str = "me", lang: str = "en", post: int | str | None = None) -> AppTest:
        at = make_app(lang)
        log_in(at, *people[who])
        if post is not None:
            at.query_params["post"] = str(post)
        at.run()
        at.switch_page(BOARD).run()
        assert not at.exception, at.exception
        return at

    return factory


def _button(at: AppTest, label: str):
    return next(b for b in at.button if b.label == label)


def _post(session_factory, user, title="A day", body="It was fine.", mood=None) -> int:
    with session_factory.begin() as s:
        return board.create_post(s, user_id=user.id, title=title, body=body, mood=mood)


def test_empty_board_invites_the_first_post(open_board) -> None:
    at = open_board()
    assert at.title[0].value.endswith("Board")
    assert "Be the first" in texts(at)


def test_korean(open_board) -> None:
    at = open_board(lang="ko")
    assert at.title[0].value.endswith("게시판")
    assert "첫 번째 이야기" in texts(at)


def test_write_a_post_and_land_on_it(open_board, people, session_factory) -> None:
    me = people["me"][0]
    with session_factory.begin() as s:
        save_reading(s, me, "sad", 0.9)
    at = open_board()
    assert at.selectbox(key="board_new_mood").value == "sad"  # prefilled from the last reading
    at.text_input(key="board_new_title").input("  오늘의 기분  ")
    at.text_area(key="board_new_body").input("비가 와서 조금 울적했어요.")
    _button(at, "Publish").click().run()
    assert not at.exception
    with session_factory() as s:
        post = s.scalar(select(Post))
        assert (post.title, post.mood, post.user_id) == ("오늘의 기분", "sad", me.id)
    assert at.query_params["post"] == [str(post.id)] or at.query_params["post"] == str(post.id)
    assert at.subheader[0].value == escape_markdown("오늘의 기분")
    assert [t.value for t in at.text] == ["비가 와서 조금 울적했어요."]


def test_a_failed_save_keeps_what_was_typed(open_board, session_factory) -> None:
    at = open_board()
    at.text_input(key="board_new_title").input("   ")
    at.text_area(key="board_new_body").input("긴 글을 정성껏 썼어요")
    _button(at, "Publish").click().run()
    assert "Enter a title." in [e.value for e in at.error]
    assert at.text_area(key="board_new_body").value == "긴 글을 정성껏 썼어요"
    with session_factory() as s:
        assert s.scalar(select(func.count()).select_from(Post)) == 0


def test_list_shows_posts_newest_first_with_counts(open_board, people, session_factory) -> None:
    me, other = people["me"][0], people["other"][0]
    first = _post(session_factory, me, "first", mood="happy")
    _post(session_factory, other, "second")
    with session_factory.begin() as s:
        board.add_comment(s, post_id=first, user_id=other.id, body="hi")
    at = open_board()
    links = [p.label for p in at.get("page_link") if "post" in str(p.proto.query_string)]
    assert links == ["**second**", "**first**"]
    captions = " ".join(c.value for c in at.caption)
    assert "💬 1" in captions and "😊 happy" in captions and "writer" in captions


def test_older_and_newer_pages(open_board, people, session_factory) -> None:
    me = people["me"][0]
    with session_factory.begin() as s:
        start = utcnow() - timedelta(days=1)
        for i in range(21):
            post_id = board.create_post(s, user_id=me.id, title=f"post {i:02}", body="b")
            s.execute(
                update(Post).where(Post.id == post_id).values(created_at=start + timedelta(i))
            )
    at = open_board()
    assert len([p for p in at.get("page_link") if "post" in str(p.proto.query_string)]) == 20
    at.button(key="board_older").click().run()
    labels = [p.label for p in at.get("page_link") if "post" in str(p.proto.query_string)]
    assert labels == ["**post 00**"]
    assert "Page 2" in texts(at)
    at.button(key="board_newer").click().run()
    labels = [p.label for p in at.get("page_link") if "post" in str(p.proto.query_string)]
    assert labels[0] == "**post 20**" and len(labels) == 20


def test_search_and_mood_filter(open_board, people, session_factory) -> None:
    me = people["me"][0]
    _post(session_factory, me, "커피 한 잔", "좋다", mood="happy")
    _post(session_factory, me, "비 오는 날", "커피 없이", mood="sad")
    _post(session_factory, me, "산책", "걸었다", mood="happy")
    at = open_board()
    at.text_input(key="board_q").input("커피").run()
    labels = [p.label for p in at.get("page_link") if "post" in str(p.proto.query_string)]
    assert sorted(labels) == sorted([f"**{escape_markdown('비 오는 날')}**", "**커피 한 잔**"])
    at.selectbox(key="board_mood").select("happy").run()
    labels = [p.label for p in at.get("page_link") if "post" in str(p.proto.query_string)]
    assert labels == ["**커피 한 잔**"]
    at.text_input(key="board_q").input("없는낱말").run()
    assert "No posts match" in texts(at)


def test_post_url_is_validated(open_board, people, session_factory) -> None:
    at = open_board(post="12; DROP TABLE posts")
    assert "isn't valid" in texts(at)
    assert "post" not in at.query_params
    at = open_board(post="999999")
    assert "can't be found" in texts(at)


def test_user_content_is_shown_as_text(open_board, people, session_factory) -> None:
    me, other = people["me"][0], people["other"][0]
    post_id = _post(session_factory, me, EVIL_TITLE, EVIL_BODY)
    with session_factory.begin() as s:
        board.add_comment(s, post_id=post_id, user_id=other.id, body="<b>x</b> [y](javascript:1)")
    at = open_board(post=post_id)
    # Body and comment go through st.text: exactly what was typed, nothing parsed.
    assert [t.value for t in at.text] == [EVIL_BODY, "<b>x</b> [y](javascript:1)"]
    # The title is Markdown-escaped: every ASCII punctuation mark is backslashed.
    title = at.subheader[0].value
    assert title == escape_markdown(EVIL_TITLE)
    assert re.fullmatch(r"(?:\\[!-/:-@\[-`{-~]|[^!-/:-@\[-`{-~])*", title)
    # Nothing on the page may render raw HTML (headings never can).
    for element in [*at.markdown, *at.caption]:
        assert not element.proto.allow_html


def test_escape_markdown_round_trips_every_ascii_punctuation() -> None:
    import string

    escaped = escape_markdown(string.punctuation + " 한글 ok")
    visible = escaped.replace("\\", "").replace(WJ, "")  # escapes and invisible joiners
    assert visible == string.punctuation.replace("\\", "") + " 한글 ok"
    assert "\\" + WJ not in escaped  # no joiner right after a backslash (it would show)
    assert escape_markdown("a\n\n# b") == "a \\# b"  # one line, no heading


def test_comment_edit_and_delete_own_comment(open_board, people, session_factory) -> None:
    me = people["me"][0]
    post_id = _post(session_factory, me)
    at = open_board(post=post_id)
    assert "No comments yet" in texts(at)
    at.text_area(key="board_comment_body").input("첫 댓글")
    _button(at, "Add comment").click().run()
    assert [t.value for t in at.text][-1] == "첫 댓글"
    assert at.text_area(key="board_comment_body").value == ""  # cleared after saving
    with session_factory() as s:
        comment_id = s.scalar(select(Comment.id))

    at.button(key=f"board_cedit_{comment_id}").click().run()
    editor = next(t for t in at.text_area if t.value == "첫 댓글")
    editor.input("고친 댓글")
    _button(at, "Save").click().run()
    assert "고친 댓글" in [t.value for t in at.text]

    at.button(key=f"board_cdel_{comment_id}").click().run()
    assert "Delete this comment?" in texts(at)
    at.button(key=f"board_cdel_yes_{comment_id}").click().run()
    with session_factory() as s:
        assert s.scalar(select(func.count()).select_from(Comment)) == 0


def test_edit_and_delete_own_post_with_confirmation(open_board, people, session_factory) -> None:
    me = people["me"][0]
    post_id = _post(session_factory, me, "before", "old text")
    at = open_board(post=post_id)
    at.button(key="board_edit").click().run()
    at.text_input[0].input("after")
    at.text_area[0].input("")
    _button(at, "Save").click().run()
    assert "Write some text." in [e.value for e in at.error]  # typed title kept
    assert at.text_input[0].value == "after"
    at.text_area[0].input("new text")
    _button(at, "Save").click().run()
    assert at.subheader[0].value == "after"
    assert [t.value for t in at.text] == ["new text"]

    at.button(key="board_delete").click().run()
    assert "Delete this post?" in texts(at)
    at.button(key="board_delete_no").click().run()
    with session_factory() as s:
        assert s.get(Post, post_id) is not None
    at.button(key="board_delete").click().run()
    at.button(key="board_delete_yes").click().run()
    assert not at.exception
    with session_factory() as s:
        assert s.get(Post, post_id) is None
    assert "post" not in at.query_params
    assert "Be the first" in texts(at)


def test_others_see_no_edit_controls_and_forged_state_changes_nothing(
    open_board, people, session_factory
) -> None:
    me = people["me"][0]
    post_id = _post(session_factory, me, "mine", "my words")
    at = open_board("other", post=post_id)
    keys = {b.key for b in at.button}
    assert "board_edit" not in keys and "board_delete" not in keys
    # Forge the editing/confirm state another user's page would set.
    at.session_state["board_editing"] = post_id
    at.session_state["board_confirm"] = ("post", post_id)
    at.run()
    assert not at.exception
    assert [t.value for t in at.text] == ["my words"]  # shown, not an editor
    assert "board_delete_yes" not in {b.key for b in at.button}
    with session_factory() as s:
        assert s.get(Post, post_id).title == "mine"


def test_report_once(open_board, people, session_factory) -> None:
    me = people["me"][0]
    post_id = _post(session_factory, me)
    at = open_board("other", post=post_id)
    at.button(key="board_report").click().run()
    assert "Reported" in texts(at)
    at.button(key="board_report").click().run()
    assert "already reported" in texts(at)


def test_hidden_post_is_gone_for_others_and_marked_for_its_author(
    open_board, people, session_factory
) -> None:
    me, other = people["me"][0], people["other"][0]
    post_id = _post(session_factory, me, "reported")
    with session_factory.begin() as s:
        board.report_post(s, post_id=post_id, user_id=other.id, threshold=1)
    assert "can't be found" in texts(open_board("other", post=post_id))
    at = open_board("me", post=post_id)
    assert "hidden from others" in texts(at)


def test_database_down_shows_a_message(open_board, monkeypatch) -> None:
    at = open_board()
    from sqlalchemy.exc import OperationalError

    def down(*_args, **_kwargs):
        raise OperationalError("SELECT 1", {}, Exception("connection refused"))

    monkeypatch.setattr(board, "list_posts", down)
    at.run()
    assert not at.exception
    assert "can't be reached" in texts(at)


@pytest.mark.parametrize(
    ("lang", "body", "contact"),
    [("ko", "요즘 너무 힘들어서 죽고 싶어요", "109"), ("en", "I want to kill myself", "988")],
)
def test_crisis_phrases_show_help_to_the_author_only(
    open_board, people, session_factory, lang: str, body: str, contact: str
) -> None:
    me = people["me"][0]
    post_id = _post(session_factory, me, "오늘", body)
    at = open_board(lang=lang, post=post_id)
    assert contact in texts(at)
    assert "board.crisis_title" not in texts(at)
    assert contact not in texts(open_board("other", lang=lang, post=post_id))
    calm = _post(session_factory, me, "배고파 죽겠다", "this heat is killing me")  # idioms
    assert contact not in texts(open_board(lang=lang, post=calm))
