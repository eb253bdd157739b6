"""The schema, as SQLAlchemy 2.0 typed models.

Every row that belongs to a person references ``users.id`` with ``ON DELETE
CASCADE`` so deleting an account removes everything that is theirs in one
statement, on both databases (SQLite enforces it through ``PRAGMA foreign_keys``
set in :mod:`db.engine`).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from db.types import JSONType, UTCDateTime, utcnow

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def _user_fk() -> Mapped[int]:
    return mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(16))
    # Case-folded copies carry the uniqueness so "Kim" and "kim" collide on
    # every backend, without relying on a citext extension or collations.
    username_key: Mapped[str] = mapped_column(String(64), unique=True)
    email: Mapped[str] = mapped_column(String(254))
    email_key: Mapped[str] = mapped_column(String(254), unique=True)
    # The confusables skeleton (core.confusables): "pаypal" with a Cyrillic "а"
    # collides with "paypal" here. NULL only for a look-alike that predates 0003.
    username_skeleton: Mapped[str | None] = mapped_column(String(512), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    language: Mapped[str] = mapped_column(String(8), default="ko")
    is_moderator: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class AuthToken(Base):
    """One issued JWT, by its ``jti``; a token is valid only while its row is."""

    __tablename__ = "auth_tokens"

    jti: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = _user_fk()
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    # Why (core.auth.RevokeReason: "logout", "password"), so the browser still
    # holding the token can be told; NULL for one revoked before migration 0005.
    revoked_reason: Mapped[str | None] = mapped_column(String(16), default=None)


class LoginAttempt(Base):
    """Failed and successful logins per account, for throttling guessing."""

    __tablename__ = "login_attempts"
    __table_args__ = (Index("ix_login_attempts_account_created", "account_key", "created_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # "user:<id>" when the name typed belongs to an account (whichever of its
    # names or emails was typed), else the case-folded name typed.
    account_key: Mapped[str] = mapped_column(String(254))
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True, default=None
    )
    succeeded: Mapped[bool] = mapped_column(Boolean)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class EmotionReading(Base):
    """A confirmed emotion capture. Scores and labels only: never an image."""

    __tablename__ = "emotion_readings"
    __table_args__ = (Index("ix_emotion_readings_user_created", "user_id", "created_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    emotion: Mapped[str] = mapped_column(String(16))
    detected_emotion: Mapped[str] = mapped_column(String(16))
    # The camera's confidence in ``detected_emotion`` as the user saw it; NULL for
    # a mood picked by hand (source "picked").
    confidence: Mapped[float | None] = mapped_column(Float, nullable=True)
    scores: Mapped[dict[str, Any]] = mapped_column(JSONType)
    corrected: Mapped[bool] = mapped_column(Boolean, default=False)
    source: Mapped[str] = mapped_column(String(16))
    faces: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Conversation(Base):
    __tablename__ = "conversations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = _user_fk()
    title: Mapped[str] = mapped_column(String(120), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    messages: Mapped[list[ChatMessage]] = relationship(
        back_populates="conversation",
        order_by="ChatMessage.id",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )


class ChatMessage(Base):
    __tablename__ = "chat_messages"
    __table_args__ = (Index("ix_chat_messages_conversation_id", "conversation_id", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"))
    user_id: Mapped[int] = _user_fk()
    role: Mapped[str] = mapped_column(String(16))
    content: Mapped[str] = mapped_column(Text)
    emotion: Mapped[str | None] = mapped_column(String(16), default=None)
    backend: Mapped[str | None] = mapped_column(String(64), default=None)
    # On an assistant message that answered a crisis turn: the language of the
    # crisis resources shown with it (the verdict is made once, when answering).
    crisis_lang: Mapped[str | None] = mapped_column(String(8), default=None)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    conversation: Mapped[Conversation] = relationship(back_populates="messages")


class Post(Base):
    __tablename__ = "posts"
    __table_args__ = (
        Index("ix_posts_created_id", "created_at", "id"),
        # Word n-gram search index (migration 0002); PostgreSQL only, see db/board.py.
        Index(
            "ix_posts_search_grams",
            text("board_grams((title::text || ' '::text) || body)"),
            postgresql_using="gin",
        ).ddl_if(dialect="postgresql"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = _user_fk()
    title: Mapped[str] = mapped_column(String(100))
    body: Mapped[str] = mapped_column(Text)
    mood: Mapped[str | None] = mapped_column(String(16), default=None)
    hidden: Mapped[bool] = mapped_column(Boolean, default=False)
    # When a moderator last restored it: earlier reports no longer count.
    moderated_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class Comment(Base):
    __tablename__ = "comments"
    __table_args__ = (Index("ix_comments_post_id_id", "post_id", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"))
    user_id: Mapped[int] = _user_fk()
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class PostReport(Base):
    __tablename__ = "post_reports"
    __table_args__ = (UniqueConstraint("post_id", "user_id", name="uq_post_reports_post_user"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = _user_fk()
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
