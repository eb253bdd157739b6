"""Data functions for users, tokens and login attempts. Each takes the session."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, func, select, text, update
from sqlalchemy.orm import Session

from core.confusables import skeleton
from core.validation import email_key, username_key
from db.models import AuthToken, LoginAttempt, User


def get_user(session: Session, user_id: int) -> User | None:
    return session.get(User, user_id)


def find_by_login(session: Session, login: str) -> User | None:
    """A user by username or email, case-insensitively."""
    key = login.strip()
    if "@" in key:
        return session.scalar(select(User).where(User.email_key == email_key(key)))
    return session.scalar(select(User).where(User.username_key == username_key(key)))


def username_taken(session: Session, username: str, *, except_user: int | None = None) -> bool:
    query = select(User.id).where(User.username_key == username_key(username))
    if except_user is not None:
        query = query.where(User.id != except_user)
    return session.scalar(query) is not None


def username_lookalike(session: Session, username: str, *, except_user: int | None = None) -> bool:
    """Another account's name looks the same (same confusables skeleton)."""
    query = select(User.id).where(User.username_skeleton == skeleton(username))
    if except_user is not None:
        query = query.where(User.id != except_user)
    return session.scalar(query) is not None


def email_taken(session: Session, email: str, *, except_user: int | None = None) -> bool:
    query = select(User.id).where(User.email_key == email_key(email))
    if except_user is not None:
        query = query.where(User.id != except_user)
    return session.scalar(query) is not None


def add_user(
    session: Session, *, username: str, email: str, password_hash: str, language: str
) -> User:
    user = User(
        username=username,
        username_key=username_key(username),
        username_skeleton=skeleton(username),
        email=email,
        email_key=email_key(email),
        password_hash=password_hash,
        language=language,
    )
    session.add(user)
    session.flush()
    return user


def add_token(
    session: Session, *, jti: str, user_id: int, issued_at: datetime, expires_at: datetime
) -> None:
    session.add(AuthToken(jti=jti, user_id=user_id, issued_at=issued_at, expires_at=expires_at))


def get_token(session: Session, jti: str, user_id: int) -> AuthToken | None:
    """The token's row whatever its state (revoked, expired), to tell why it stopped."""
    return session.scalar(
        select(AuthToken).where(AuthToken.jti == jti, AuthToken.user_id == user_id)
    )


def revoke_token(session: Session, jti: str, now: datetime, *, reason: str) -> None:
    session.execute(
        update(AuthToken)
        .where(AuthToken.jti == jti, AuthToken.revoked_at.is_(None))
        .values(revoked_at=now, revoked_reason=reason)
    )


def revoke_user_tokens(
    session: Session, user_id: int, now: datetime, *, reason: str, keep_jti: str | None = None
) -> int:
    query = update(AuthToken).where(AuthToken.user_id == user_id, AuthToken.revoked_at.is_(None))
    if keep_jti is not None:
        query = query.where(AuthToken.jti != keep_jti)
    return session.execute(query.values(revoked_at=now, revoked_reason=reason)).rowcount


def start_login_attempt(session: Session, typed_key: str, now: datetime) -> LoginAttempt:
    """Record the attempt (as a failure) before anything else happens in the transaction.

    Writing first matters on SQLite: a transaction that only read could not
    later take the write lock once another connection has written (it would
    fail with "database is locked" instead of waiting), and holding the write
    lock from the start serialises concurrent logins there.
    """
    attempt = LoginAttempt(account_key=typed_key, succeeded=False, created_at=now)
    session.add(attempt)
    session.flush()
    return attempt


def lock_login_key(session: Session, account_key: str) -> None:
    """Serialise logins for one account until the transaction ends.

    PostgreSQL: a transaction-scoped advisory lock on the key, so the count,
    the password check and the record of one attempt happen before the next
    attempt counts. SQLite: the attempt row written first already holds the
    database's write lock, which serialises every login.
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(
            text("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))"),
            {"key": f"login:{account_key}"},
        )


def recent_failures(
    session: Session, account_key: str, since: datetime, *, exclude: int | None = None
) -> list[datetime]:
    """Failure times inside the window and after the last success, oldest first."""
    last_success = session.scalar(
        select(func.max(LoginAttempt.created_at)).where(
            LoginAttempt.account_key == account_key,
            LoginAttempt.succeeded.is_(True),
            LoginAttempt.created_at >= since,
        )
    )
    query = select(LoginAttempt.created_at).where(
        LoginAttempt.account_key == account_key,
        LoginAttempt.succeeded.is_(False),
        LoginAttempt.created_at >= since,
    )
    if exclude is not None:
        query = query.where(LoginAttempt.id != exclude)
    if last_success is not None:
        query = query.where(LoginAttempt.created_at > last_success)
    return list(session.scalars(query.order_by(LoginAttempt.created_at)))


def prune_login_attempts(session: Session, before: datetime) -> int:
    """Delete attempts older than ``before``; returns how many went."""
    return session.execute(delete(LoginAttempt).where(LoginAttempt.created_at < before)).rowcount
