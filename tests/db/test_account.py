"""Export my data and delete my account, on both databases."""

from __future__ import annotations

import json

from sqlalchemy import func, inspect, select
from sqlalchemy.orm import Session, sessionmaker

from core.auth import confirmation_matches
from db import board
from db.chats import add_message, new_conversation
from db.models import Base, Comment, EmotionReading, LoginAttempt, Post, PostReport, User
from services.accounts import (
    EXPORT_FORMAT,
    authenticate,
    delete_account,
    export_data,
    export_json,
    login,
)
from tests.factories import PASSWORD, POLICY, make_token, make_user


def _fill(session: Session, user: User, other: User) -> dict[str, int]:
    """Give ``user`` one of everything, and ``other`` things that touch it."""
    post = board.create_post(
        session, user_id=user.id, title="내 하루", body="좋았다 <b>", mood="happy"
    )
    own_comment = board.add_comment(session, post_id=post, user_id=user.id, body="내 댓글")
    board.add_comment(session, post_id=post, user_id=other.id, body="남의 댓글 on my post")
    others_post = board.create_post(session, user_id=other.id, title="other", body="text")
    board.add_comment(session, post_id=others_post, user_id=user.id, body="my comment there")
    board.report_post(session, post_id=others_post, user_id=user.id, threshold=5)
    board.report_post(session, post_id=post, user_id=other.id, threshold=5)
    conversation = new_conversation(session, user.id)
    add_message(
        session, user_id=user.id, conversation_id=conversation.id, role="user", content="안녕"
    )
    add_message(
        session,
        user_id=user.id,
        conversation_id=conversation.id,
        role="assistant",
        content="반가워요",
        backend="offline",
    )
    # The row itself, not db.readings: this is about export and deletion, whatever
    # way a reading is made.
    session.add(
        EmotionReading(
            user_id=user.id,
            emotion="happy",
            detected_emotion="happy",
            confidence=0.9,
            scores={"happy": 0.9, "sad": 0.1},
            corrected=False,
            source="snapshot",
        )
    )
    return {"post": post, "comment": own_comment, "others_post": others_post}


def test_export_holds_everything_of_mine_and_nothing_secret(session: Session) -> None:
    user, other = make_user(session, "exporter"), make_user(session)
    make_token(session, user)
    ids = _fill(session, user, other)

    data = export_data(session, user.id)
    text = json.dumps(data, ensure_ascii=False)  # JSON-able as it is
    assert data["format"] == EXPORT_FORMAT
    assert data["profile"]["username"] == "exporter"
    assert data["profile"]["email"] == user.email
    assert "password" not in text and user.password_hash not in text
    assert "jti" not in text
    assert [p["id"] for p in data["posts"]] == [ids["post"]]
    assert data["posts"][0]["body"] == "좋았다 <b>"
    assert {c["body"] for c in data["comments"]} == {"내 댓글", "my comment there"}
    assert "남의 댓글" not in text  # others' words are not mine to export
    [conversation] = data["conversations"]
    assert [(m["role"], m["content"]) for m in conversation["messages"]] == [
        ("user", "안녕"),
        ("assistant", "반가워요"),
    ]
    [reading] = data["emotion_readings"]
    assert (reading["emotion"], reading["source"]) == ("happy", "snapshot")
    assert reading["scores"]["happy"] == 0.9
    assert data["reports"] == [
        {"post_id": ids["others_post"], "created_at": data["reports"][0]["created_at"]}
    ]
    assert json.loads(export_json(session, user.id))["profile"]["id"] == user.id
    assert "내 하루" in export_json(session, user.id)  # Hangul stays readable


def test_export_of_a_new_user_is_empty_lists(session: Session) -> None:
    user = make_user(session)
    data = export_data(session, user.id)
    for key in ("posts", "comments", "conversations", "emotion_readings", "reports"):
        assert data[key] == []


def test_confirmation_must_be_the_username() -> None:
    assert confirmation_matches("새싹123", " 새싹123 ")
    assert not confirmation_matches("kim", "Kim")
    assert not confirmation_matches("kim", "")
    assert not confirmation_matches("kim", "kim2")


def test_wrong_confirmation_deletes_nothing(session: Session) -> None:
    user = make_user(session, "keeper")
    assert not delete_account(session, user.id, "keeperx")
    assert not delete_account(session, 999_999, "keeper")
    assert session.get(User, user.id) is not None


def _rows_referencing(session: Session, user_id: int) -> dict[str, int]:
    counts = {}
    for table in Base.metadata.sorted_tables:
        if "user_id" in table.c:
            counts[table.name] = session.scalar(
                select(func.count()).select_from(table).where(table.c.user_id == user_id)
            )
    counts["users"] = session.scalar(select(func.count()).where(User.id == user_id))
    return counts


def test_delete_account_removes_every_row_of_the_user(
    session_factory: sessionmaker[Session],
) -> None:
    with session_factory.begin() as s:
        user, other = make_user(s, "leaver"), make_user(s, "stayer")
        token = make_token(s, user)
        user_id, other_id, email = user.id, other.id, user.email
        ids = _fill(s, user, other)
        login(s, "leaver", "Wr0ng!pass", POLICY)
        login(s, "stayer", "Wr0ng!pass", POLICY)
        assert any(_rows_referencing(s, user_id).values())

    with session_factory.begin() as s:
        assert delete_account(s, user_id, "leaver")

    with session_factory.begin() as s:
        # No table has a row pointing at the deleted user.
        assert _rows_referencing(s, user_id) == dict.fromkeys(_rows_referencing(s, user_id), 0)
        # Their post went with the comments and reports others left on it.
        assert s.get(Post, ids["post"]) is None
        assert s.scalar(select(func.count()).where(Comment.post_id == ids["post"])) == 0
        assert s.scalar(select(func.count()).where(PostReport.post_id == ids["post"])) == 0
        # The leaver's login attempts are gone, others' stay.
        keys = set(s.scalars(select(LoginAttempt.account_key)))
        assert keys == {f"user:{other_id}"}
        # The other user and their post are untouched (minus the leaver's comment).
        assert s.get(User, other_id) is not None
        others = board.get_post(s, ids["others_post"], viewer_id=other_id)
        assert others is not None and others.comments == []
        # The old token and the old password no longer work.
        assert authenticate(s, token, POLICY) is None
        assert login(s, "leaver", PASSWORD, POLICY).user is None
        assert login(s, email, PASSWORD, POLICY).user is None


def test_every_table_with_a_user_is_covered() -> None:
    """If a new table references users, it must cascade (or this test must learn it)."""
    for table in Base.metadata.sorted_tables:
        for fk in table.foreign_keys:
            if fk.column.table.name == "users":
                assert fk.ondelete == "CASCADE", table.name
    assert inspect(User).primary_key[0].name == "id"
