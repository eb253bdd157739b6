"""The user's own data: export it all, or delete the account with everything in it."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from core.validation import normalize_username
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
from db.types import utcnow

EXPORT_FORMAT = "show-your-emotion/export"
EXPORT_VERSION = 1


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def export_user_data(session: Session, user_id: int) -> dict[str, Any]:
    """Everything stored about the user as JSON-able data (no password hash, no tokens).

    Raises LookupError when the user does not exist.
    """
    user = session.get(User, user_id)
    if user is None:
        raise LookupError(user_id)
    posts = session.scalars(select(Post).where(Post.user_id == user_id).order_by(Post.id))
    comments = session.scalars(
        select(Comment).where(Comment.user_id == user_id).order_by(Comment.id)
    )
    conversations = list(
        session.scalars(
            select(Conversation).where(Conversation.user_id == user_id).order_by(Conversation.id)
        )
    )
    messages: dict[int, list[dict[str, Any]]] = {c.id: [] for c in conversations}
    for message in session.scalars(
        select(ChatMessage)
        .where(ChatMessage.user_id == user_id)
        .order_by(ChatMessage.conversation_id, ChatMessage.created_at, ChatMessage.id)
    ):
        messages.setdefault(message.conversation_id, []).append(
            {
                "id": message.id,
                "role": message.role,
                "content": message.content,
                "emotion": message.emotion,
                "backend": message.backend,
                "created_at": _iso(message.created_at),
            }
        )
    readings = session.scalars(
        select(EmotionReading)
        .where(EmotionReading.user_id == user_id)
        .order_by(EmotionReading.created_at, EmotionReading.id)
    )
    reports = session.scalars(
        select(PostReport).where(PostReport.user_id == user_id).order_by(PostReport.id)
    )
    return {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "exported_at": _iso(utcnow()),
        "profile": {
            "id": user.id,
            "username": user.username,
            "email": user.email,
            "language": user.language,
            "created_at": _iso(user.created_at),
            "updated_at": _iso(user.updated_at),
        },
        "posts": [
            {
                "id": post.id,
                "title": post.title,
                "body": post.body,
                "mood": post.mood,
                "hidden": post.hidden,
                "created_at": _iso(post.created_at),
                "updated_at": _iso(post.updated_at),
            }
            for post in posts
        ],
        "comments": [
            {
                "id": comment.id,
                "post_id": comment.post_id,
                "body": comment.body,
                "created_at": _iso(comment.created_at),
                "updated_at": _iso(comment.updated_at),
            }
            for comment in comments
        ],
        "conversations": [
            {
                "id": conversation.id,
                "title": conversation.title,
                "created_at": _iso(conversation.created_at),
                "updated_at": _iso(conversation.updated_at),
                "messages": messages.get(conversation.id, []),
            }
            for conversation in conversations
        ],
        "emotion_readings": [
            {
                "id": reading.id,
                "emotion": reading.emotion,
                "detected_emotion": reading.detected_emotion,
                "confidence": reading.confidence,
                "scores": reading.scores,
                "corrected": reading.corrected,
                "source": reading.source,
                "created_at": _iso(reading.created_at),
            }
            for reading in readings
        ],
        "reports": [
            {"post_id": report.post_id, "created_at": _iso(report.created_at)} for report in reports
        ],
    }


def export_json(session: Session, user_id: int) -> str:
    """The export as pretty UTF-8 JSON text (Hangul kept readable)."""
    return json.dumps(export_user_data(session, user_id), ensure_ascii=False, indent=2)


def confirmation_matches(username: str, typed: str) -> bool:
    """The user typed their own username (surrounding spaces and NFC form don't matter)."""
    return bool(typed.strip()) and normalize_username(typed) == normalize_username(username)


def delete_account(session: Session, user_id: int, confirmation: str) -> bool:
    """Delete the user and everything that is theirs, if ``confirmation`` is their username.

    One statement removes the user; ``ON DELETE CASCADE`` removes their tokens,
    posts (with everyone's comments and reports on them), comments, reports,
    conversations, messages and readings in the same transaction. Login
    attempts are keyed by name, not id, so they are deleted explicitly.
    Returns False (and changes nothing) when the confirmation does not match.
    """
    user = session.get(User, user_id)
    if user is None or not confirmation_matches(user.username, confirmation):
        return False
    session.execute(
        delete(LoginAttempt).where(
            LoginAttempt.account_key.in_([user.username_key, user.email_key])
        )
    )
    session.execute(
        delete(User).where(User.id == user_id), execution_options={"synchronize_session": False}
    )
    session.expunge(user)
    return True
