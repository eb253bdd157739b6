"""My page through AppTest: profile, password, my posts, mood history, export, deletion."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker
from streamlit.testing.v1 import AppTest

from db import board
from db.models import Base, User
from db.types import utcnow
from services.accounts import authenticate
from tests.factories import PASSWORD, make_token, make_user, save_reading
from tests.pages.conftest import log_in, texts
from ui import mypage_view
from ui.resources import auth_policy

MYPAGE = "app_pages/mypage.py"


@pytest.fixture
def me(session_factory: sessionmaker[Session]) -> tuple[User, str]:
    with session_factory.begin() as s:
        user = make_user(s, "minji", email="minji@example.com")
        make_user(s, "taken", email="taken@example.com")
        return user, make_token(s, user)


@pytest.fixture
def open_mypage(make_app: Callable[..., AppTest], me) -> Callable[..., AppTest]:
    def factory(lang: str = "en") -> AppTest:
        at = make_app(lang)
        log_in(at, *me)
        at.run()
        at.switch_page(MYPAGE).run()
        assert not at.exception, at.exception
        return at

    return factory


def _button(at: AppTest, label: str):
    return next(b for b in at.button if b.label == label)


def _charts(at: AppTest) -> list:
    return list(at.get("vega_lite_chart"))


def test_tabs_in_both_languages(open_mypage) -> None:
    at = open_mypage()
    assert [t.label for t in at.tabs] == ["Profile", "My posts", "Mood history", "My data"]
    at = open_mypage("ko")
    assert [t.label for t in at.tabs] == ["프로필", "내 글", "기분 기록", "내 데이터"]
    assert at.title[0].value.endswith("마이페이지")


def test_profile_change_with_validation_and_uniqueness(open_mypage, me, session_factory) -> None:
    at = open_mypage()
    at.text_input[0].input("Taken")  # someone else's, case-insensitively
    at.text_input[1].input("not-an-email")
    _button(at, "Save details").click().run()
    errors = [e.value for e in at.error]
    assert "That username is already taken." in errors
    assert "That is not a valid email address." in errors
    assert at.text_input[0].value == "Taken"  # what was typed is kept

    at.text_input[0].input("민지2026")
    at.text_input[1].input("New@Example.com")
    _button(at, "Save details").click().run()
    assert not at.error
    assert at.session_state["auth_user"].username == "민지2026"
    with session_factory() as s:
        row = s.get(User, me[0].id)
        assert (row.username, row.email) == ("민지2026", "New@example.com")


def test_password_change_needs_the_current_one_and_revokes_every_old_token(
    open_mypage, me, session_factory, app_env
) -> None:
    with session_factory.begin() as s:
        other_device = make_token(s, s.get(User, me[0].id))
    at = open_mypage()
    fields = {t.label: t for t in at.text_input}
    fields["Current password"].input("wrong")
    fields["New password"].input("N3w-Passw0rd!")
    fields["Confirm new password"].input("N3w-Passw0rd!")
    _button(at, "Change password").click().run()
    assert "The current password is incorrect." in [e.value for e in at.error]
    assert at.text_input(key="mypage_pw_current").value == ""  # the wrong one goes
    assert at.text_input(key="mypage_pw_new").value == "N3w-Passw0rd!"  # the fine ones stay
    assert at.text_input(key="mypage_pw_confirm").value == "N3w-Passw0rd!"

    at.text_input(key="mypage_pw_current").input(PASSWORD)
    _button(at, "Change password").click().run()
    assert not at.error
    for key in ("mypage_pw_current", "mypage_pw_new", "mypage_pw_confirm"):
        assert at.text_input(key=key).value == "", key  # cleared after success
    fresh = at.session_state["auth_token"]
    assert fresh != me[1]
    with session_factory() as s:
        assert authenticate(s, other_device, auth_policy()) is None
        assert authenticate(s, me[1], auth_policy()) is None  # this browser's old one too
        assert authenticate(s, fresh, auth_policy()).id == me[0].id
    at.run()  # the next run re-checks the login: still signed in, with the fresh token
    assert at.session_state["auth_user"].id == me[0].id


@pytest.mark.parametrize(
    ("lang", "label", "message"),
    [
        ("en", "Change password", "The new password is the same as the current one."),
        ("ko", "비밀번호 바꾸기", "새 비밀번호가 지금 비밀번호와 같아요."),
    ],
)
def test_the_current_password_is_refused_as_the_new_one(
    open_mypage, me, session_factory, lang: str, label: str, message: str
) -> None:
    at = open_mypage(lang)
    at.text_input(key="mypage_pw_current").input(PASSWORD)
    at.text_input(key="mypage_pw_new").input(PASSWORD)
    at.text_input(key="mypage_pw_confirm").input(PASSWORD)
    _button(at, label).click().run()
    assert any(e.value.startswith(message) for e in at.error), [e.value for e in at.error]
    assert at.text_input(key="mypage_pw_current").value == PASSWORD  # it was right
    assert at.text_input(key="mypage_pw_new").value == ""
    assert at.text_input(key="mypage_pw_confirm").value == ""
    assert at.session_state["auth_token"] == me[1]  # nothing was revoked
    with session_factory() as s:
        assert authenticate(s, me[1], auth_policy()).id == me[0].id


def test_a_mismatched_confirmation_clears_both_new_fields(open_mypage) -> None:
    at = open_mypage()
    at.text_input(key="mypage_pw_current").input(PASSWORD)
    at.text_input(key="mypage_pw_new").input("N3w-Passw0rd!")
    at.text_input(key="mypage_pw_confirm").input("N3w-Passw0rd?")
    _button(at, "Change password").click().run()
    assert "The passwords don't match." in [e.value for e in at.error]
    assert at.text_input(key="mypage_pw_new").value == ""
    assert at.text_input(key="mypage_pw_confirm").value == ""


@pytest.mark.parametrize(
    ("lang", "notice"),
    [
        ("en", "You were signed out because the password was changed."),
        ("ko", "다른 곳에서 비밀번호가 바뀌어 로그아웃되었어요."),
    ],
)
def test_a_session_signed_out_by_a_password_change_elsewhere_is_told_why(
    make_app: Callable[..., AppTest], open_mypage, me, session_factory, lang: str, notice: str
) -> None:
    with session_factory.begin() as s:
        other_token = make_token(s, s.get(User, me[0].id))
    other = log_in(make_app(lang), me[0], other_token)
    other.run()
    other.switch_page(MYPAGE).run()
    assert other.session_state["auth_user"].id == me[0].id

    at = open_mypage()
    at.text_input(key="mypage_pw_current").input(PASSWORD)
    at.text_input(key="mypage_pw_new").input("N3w-Passw0rd!")
    at.text_input(key="mypage_pw_confirm").input("N3w-Passw0rd!")
    _button(at, "Change password").click().run()
    assert not at.error

    other.run()  # the other browser's next action: sent to Log in, told why
    assert "auth_user" not in other.session_state
    assert any(w.value.startswith(notice) for w in other.warning), [w.value for w in other.warning]
    at.run()  # the browser that made the change is not told anything of the kind
    assert not any(w.value.startswith(notice) for w in at.warning)


def test_a_plain_logout_elsewhere_gives_no_password_notice(
    make_app: Callable[..., AppTest], me, session_factory
) -> None:
    from services.accounts import logout

    at = log_in(make_app(), *me)
    at.run()
    with session_factory.begin() as s:
        logout(s, me[1], auth_policy())
    at.switch_page(MYPAGE).run()
    assert at.title[0].value == "Log in"
    assert not at.warning


def test_my_posts_link_to_each_post_including_hidden(open_mypage, me, session_factory) -> None:
    at = open_mypage()
    assert "You haven't posted yet" in texts(at)
    with session_factory.begin() as s:
        other = make_user(s)
        visible = board.create_post(s, user_id=me[0].id, title="보이는 글", body="b")
        hidden = board.create_post(s, user_id=me[0].id, title="숨은 글", body="b")
        board.create_post(s, user_id=other.id, title="남의 글", body="b")
        board.report_post(s, post_id=hidden, user_id=other.id, threshold=1)
    at = open_mypage()
    links = {p.label: p.proto.query_string for p in at.get("page_link") if p.proto.query_string}
    assert links == {"**숨은 글**": f"post={hidden}", "**보이는 글**": f"post={visible}"}
    assert "Hidden after reports" in texts(at)


def _seed_readings(session_factory, user_id: int) -> None:
    now = utcnow()
    with session_factory.begin() as s:
        for days, emotion in [(0, "happy"), (1, "happy"), (2, "sad"), (40, "fear")]:
            save_reading(
                s,
                s.get(User, user_id),
                emotion,
                0.9,
                created_at=now - timedelta(days=days, minutes=5),
            )


def test_mood_history_charts_and_range(open_mypage, me, session_factory) -> None:
    at = open_mypage()
    assert "No confirmed emotions in this range" in texts(at)
    assert not _charts(at)

    _seed_readings(session_factory, me[0].id)
    at = open_mypage()
    assert len(_charts(at)) == 3  # timeline, calendar, distribution
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Readings"] == "3" and "happy" in metrics["Most frequent"]

    at.button_group(key="mypage_range").set_value("all").run()
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Readings"] == "4"


def test_export_button_builds_my_json(open_mypage, me, session_factory) -> None:
    at = open_mypage()
    [download] = at.get("download_button")
    assert download.proto.label == "Download JSON"
    with session_factory.begin() as s:
        board.create_post(s, user_id=me[0].id, title="내보낼 글", body="b")
    data = json.loads(mypage_view._export_builder(me[0].id)())
    assert data["profile"]["username"] == "minji"
    assert [p["title"] for p in data["posts"]] == ["내보낼 글"]
    with session_factory() as s:
        assert s.get(User, me[0].id).password_hash not in json.dumps(data)


def test_delete_account_needs_the_username_then_removes_everything(
    open_mypage, me, session_factory
) -> None:
    user, token = me
    _seed_readings(session_factory, user.id)
    with session_factory.begin() as s:
        board.create_post(s, user_id=user.id, title="bye", body="b")
    at = open_mypage()
    at.text_input(key="mypage_delete_confirm").input("minji2")
    _button(at, "Delete my account forever").click().run()
    assert "That is not your username" in texts(at)
    with session_factory() as s:
        assert s.get(User, user.id) is not None

    at.text_input(key="mypage_delete_confirm").input("minji")
    _button(at, "Delete my account forever").click().run()
    assert not at.exception
    assert "auth_user" not in at.session_state
    assert at.session_state["auth_signed_out"] is True
    assert "never stored" in texts(at)  # home page
    with session_factory() as s:
        assert s.get(User, user.id) is None
        for table in Base.metadata.sorted_tables:
            if "user_id" in table.c:
                count = s.scalar(
                    select(func.count()).select_from(table).where(table.c.user_id == user.id)
                )
                assert count == 0, table.name
        assert authenticate(s, token, auth_policy()) is None
