"""Moderation: who moderates, which posts need a look, and restoring or removing them.

Reports hide a post at a threshold (:func:`db.board.report_post`); without a
way back, three new accounts could hide any post forever. A moderator (a user
with ``is_moderator``, granted with ``scripts/moderator.py``) sees every
reported or hidden post here and restores it (it stays up until *new* reports
reach the threshold again) or removes it. Every function re-checks that the
acting user is a moderator, so a forged request from anyone else does nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, func, or_, select
from sqlalchemy.orm import Session

from core.board import NotAllowed, NotFound
from core.validation import username_key
from db.models import Post, PostReport, User
from db.types import utcnow


@dataclass(frozen=True)
class FlaggedPost:
    id: int
    author: str
    title: str
    body: str
    hidden: bool
    reports: int  # since the last restore
    last_report: datetime | None
    created_at: datetime


def is_moderator(session: Session, user_id: int) -> bool:
    return bool(session.scalar(select(User.is_moderator).where(User.id == user_id)))


def _require_moderator(session: Session, user_id: int) -> None:
    if not is_moderator(session, user_id):
        raise NotAllowed(user_id)


def set_moderator(session: Session, username: str, value: bool) -> bool:
    """Grant or revoke the role by username; False when there is no such user."""
    user = session.scalar(select(User).where(User.username_key == username_key(username)))
    if user is None:
        return False
    user.is_moderator = value
    session.flush()
    return True


def moderators(session: Session) -> list[str]:
    return list(
        session.scalars(select(User.username).where(User.is_moderator).order_by(User.username))
    )


def flagged_posts(session: Session, *, moderator_id: int, limit: int = 100) -> list[FlaggedPost]:
    """Hidden posts and posts reported since their last restore, most reported first."""
    _require_moderator(session, moderator_id)
    since_restore = or_(Post.moderated_at.is_(None), PostReport.created_at > Post.moderated_at)
    reports = (
        select(
            PostReport.post_id,
            func.count().label("n"),
            func.max(PostReport.created_at).label("last"),
        )
        .join(Post, Post.id == PostReport.post_id)
        .where(since_restore)
        .group_by(PostReport.post_id)
        .subquery()
    )
    rows = session.execute(
        select(Post, User.username, reports.c.n, reports.c.last)
        .join(User, User.id == Post.user_id)
        .outerjoin(reports, reports.c.post_id == Post.id)
        .where(or_(Post.hidden.is_(True), reports.c.n > 0))
        .order_by(Post.hidden.desc(), reports.c.n.desc(), Post.id.desc())
        .limit(limit)
    ).all()
    return [
        FlaggedPost(
            id=post.id,
            author=author,
            title=post.title,
            body=post.body,
            hidden=post.hidden,
            reports=n or 0,
            last_report=last,
            created_at=post.created_at,
        )
        for post, author, n, last in rows
    ]


def restore_post(
    session: Session, *, moderator_id: int, post_id: int, now: datetime | None = None
) -> None:
    """Show the post again; reports made before now no longer count towards hiding it."""
    _require_moderator(session, moderator_id)
    post = session.get(Post, post_id)
    if post is None:
        raise NotFound(post_id)
    post.hidden = False
    post.moderated_at = now or utcnow()
    session.flush()


def remove_post(session: Session, *, moderator_id: int, post_id: int) -> None:
    """Delete the post with its comments and reports."""
    _require_moderator(session, moderator_id)
    post = session.get(Post, post_id)
    if post is None:
        raise NotFound(post_id)
    session.execute(
        delete(Post).where(Post.id == post_id), execution_options={"synchronize_session": False}
    )
    session.expunge(post)
