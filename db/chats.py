"""Conversations and their messages; every function is scoped to one user.

A conversation id coming from session state or the URL is never trusted on its
own: each query also filters by the acting user, so a forged id finds nothing.
"""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from db.models import ChatMessage, Conversation
from db.types import utcnow

ROLES = ("user", "assistant")
TITLE_MAX = 120


def latest_conversation(session: Session, user_id: int) -> Conversation | None:
    return session.scalar(
        select(Conversation)
        .where(Conversation.user_id == user_id)
        .order_by(Conversation.updated_at.desc(), Conversation.id.desc())
        .limit(1)
    )


def get_conversation(session: Session, user_id: int, conversation_id: int) -> Conversation | None:
    return session.scalar(
        select(Conversation).where(
            Conversation.id == conversation_id, Conversation.user_id == user_id
        )
    )


def list_conversations(session: Session, user_id: int, limit: int = 20) -> list[Conversation]:
    return list(
        session.scalars(
            select(Conversation)
            .where(Conversation.user_id == user_id)
            .order_by(Conversation.updated_at.desc(), Conversation.id.desc())
            .limit(limit)
        )
    )


def new_conversation(session: Session, user_id: int, title: str = "") -> Conversation:
    conversation = Conversation(user_id=user_id, title=title[:TITLE_MAX])
    session.add(conversation)
    session.flush()
    return conversation


def add_message(
    session: Session,
    *,
    user_id: int,
    conversation_id: int,
    role: str,
    content: str,
    emotion: str | None = None,
    backend: str | None = None,
    crisis_lang: str | None = None,
) -> ChatMessage:
    """Append a message to the user's own conversation (LookupError otherwise)."""
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}")
    conversation = get_conversation(session, user_id, conversation_id)
    if conversation is None:
        raise LookupError("no such conversation for this user")
    message = ChatMessage(
        conversation_id=conversation.id,
        user_id=user_id,
        role=role,
        content=content,
        emotion=emotion,
        backend=backend,
        crisis_lang=crisis_lang,
    )
    session.add(message)
    conversation.updated_at = utcnow()
    if not conversation.title and role == "user":
        conversation.title = " ".join(content.split())[:TITLE_MAX]
    session.flush()
    return message


def messages(session: Session, user_id: int, conversation_id: int) -> list[ChatMessage]:
    """The conversation's messages in the order they were written."""
    return list(
        session.scalars(
            select(ChatMessage)
            .where(ChatMessage.conversation_id == conversation_id, ChatMessage.user_id == user_id)
            .order_by(ChatMessage.created_at, ChatMessage.id)
        )
    )


def clear_history(session: Session, user_id: int) -> int:
    """Delete all of the user's conversations and messages; returns how many conversations."""
    result = session.execute(delete(Conversation).where(Conversation.user_id == user_id))
    session.execute(delete(ChatMessage).where(ChatMessage.user_id == user_id))
    return result.rowcount
