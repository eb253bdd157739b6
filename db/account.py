"""Everything one account owns, read at once or deleted at once (data access only).

The use cases around it (the export's format, the username confirmation before
a deletion) are in :mod:`services.accounts`.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from db.models import (
    ChatMessage,
    Comment,
    Conversation,
    EmotionReading,
    LoginAttempt,
    Post,
    PostReport,
    User,
)


@dataclass
class OwnedRows:
    """The user's row and every row that is theirs, each list in a stable order."""

    user: User
    posts: list[Post]
    comments: list[Comment]
    conversations: list[Conversation]
    messages: list[ChatMessage]  # by conversation, then time
    readings: list[EmotionReading]  # oldest first
    reports: list[PostReport]


def owned_rows(session: Session, user_id: int) -> OwnedRows | None:
    """The user and all that is theirs, or None when there is no such user."""
    user = session.get(User, user_id)
    if user is None:
        return None
    return OwnedRows(
        user=user,
        posts=list(session.scalars(select(Post).where(Post.user_id == user_id).order_by(Post.id))),
        comments=list(
            session.scalars(select(Comment).where(Comment.user_id == user_id).order_by(Comment.id))
        ),
        conversations=list(
            session.scalars(
                select(Conversation)
                .where(Conversation.user_id == user_id)
                .order_by(Conversation.id)
            )
        ),
        messages=list(
            session.scalars(
                select(ChatMessage)
                .where(ChatMessage.user_id == user_id)
                .order_by(ChatMessage.conversation_id, ChatMessage.created_at, ChatMessage.id)
            )
        ),
        readings=list(
            session.scalars(
                select(EmotionReading)
                .where(EmotionReading.user_id == user_id)
                .order_by(EmotionReading.created_at, EmotionReading.id)
            )
        ),
        reports=list(
            session.scalars(
                select(PostReport).where(PostReport.user_id == user_id).order_by(PostReport.id)
            )
        ),
    )


def delete_user(session: Session, user: User) -> None:
    """Delete the user and everything that is theirs, in the caller's transaction.

    One statement removes the user; ``ON DELETE CASCADE`` removes their tokens,
    posts (with everyone's comments and reports on them), comments, reports,
    conversations, messages and readings. Login attempts are keyed by name,
    not id, so they are deleted explicitly.
    """
    session.execute(
        delete(LoginAttempt).where(
            LoginAttempt.account_key.in_([user.username_key, user.email_key])
        )
    )
    session.execute(
        delete(User).where(User.id == user.id), execution_options={"synchronize_session": False}
    )
    session.expunge(user)
