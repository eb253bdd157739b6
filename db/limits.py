"""Per-account rate limits counted from the rows the account already wrote."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.ratelimit import Limit, check
from db.models import ChatMessage, Comment, Post, PostReport

_SOURCES: dict[str, tuple[Any, list[Any]]] = {
    "posts": (Post, []),
    "comments": (Comment, []),
    "reports": (PostReport, []),
    "chat": (ChatMessage, [ChatMessage.role == "user"]),
}


def check_account(session: Session, action: str, user_id: int, limit: Limit, now: datetime) -> None:
    """Raise ``RateLimited`` when the user already did ``action`` ``limit.count`` times."""
    model, extra = _SOURCES[action]
    times = session.scalars(
        select(model.created_at)
        .where(model.user_id == user_id, model.created_at > now - limit.window, *extra)
        .order_by(model.created_at.desc())
        .limit(limit.count)
    )
    check(action, times, limit, now)
