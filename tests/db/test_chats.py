"""Conversation persistence on both databases, scoped to its owner."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db import chats
from db.models import ChatMessage
from tests.factories import make_user


def test_messages_come_back_in_order_with_their_emotion(session: Session) -> None:
    user = make_user(session)
    conversation = chats.new_conversation(session, user.id)
    chats.add_message(
        session,
        user_id=user.id,
        conversation_id=conversation.id,
        role="user",
        content="I'm feeling sad now.   What do I need?",
        emotion="sad",
    )
    chats.add_message(
        session,
        user_id=user.id,
        conversation_id=conversation.id,
        role="assistant",
        content="Rest.",
        emotion="sad",
        backend="offline",
    )
    stored = chats.messages(session, user.id, conversation.id)
    assert [(m.role, m.content) for m in stored] == [
        ("user", "I'm feeling sad now.   What do I need?"),
        ("assistant", "Rest."),
    ]
    assert stored[1].backend == "offline" and stored[0].emotion == "sad"
    assert conversation.title == "I'm feeling sad now. What do I need?"
    assert chats.latest_conversation(session, user.id).id == conversation.id


def test_a_user_never_sees_or_writes_another_users_conversation(session: Session) -> None:
    owner, intruder = make_user(session), make_user(session)
    conversation = chats.new_conversation(session, owner.id)
    chats.add_message(
        session, user_id=owner.id, conversation_id=conversation.id, role="user", content="private"
    )
    assert chats.get_conversation(session, intruder.id, conversation.id) is None
    assert chats.messages(session, intruder.id, conversation.id) == []
    assert chats.latest_conversation(session, intruder.id) is None
    with pytest.raises(LookupError):
        chats.add_message(
            session,
            user_id=intruder.id,
            conversation_id=conversation.id,
            role="user",
            content="hijack",
        )


def test_new_conversation_becomes_latest_and_clear_removes_only_mine(session: Session) -> None:
    me, other = make_user(session), make_user(session)
    first = chats.new_conversation(session, me.id)
    chats.add_message(session, user_id=me.id, conversation_id=first.id, role="user", content="a")
    second = chats.new_conversation(session, me.id)
    chats.add_message(session, user_id=me.id, conversation_id=second.id, role="user", content="b")
    theirs = chats.new_conversation(session, other.id)
    chats.add_message(
        session, user_id=other.id, conversation_id=theirs.id, role="user", content="c"
    )
    assert chats.latest_conversation(session, me.id).id == second.id
    assert [c.id for c in chats.list_conversations(session, me.id)] == [second.id, first.id]
    assert chats.clear_history(session, me.id) == 2
    assert chats.list_conversations(session, me.id) == []
    assert session.scalar(select(func.count()).select_from(ChatMessage)) == 1


def test_unknown_roles_are_refused(session: Session) -> None:
    user = make_user(session)
    conversation = chats.new_conversation(session, user.id)
    with pytest.raises(ValueError, match="role"):
        chats.add_message(
            session, user_id=user.id, conversation_id=conversation.id, role="system", content="x"
        )
