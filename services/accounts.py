"""Account use cases: register, log in (throttled), check a token, log out, change the
password, edit the profile or language, export everything, delete the account.

Each function takes the caller's session and runs inside its transaction
(``with Session.begin()``), so a page action is one unit of work. The rules
themselves (password policy, throttle arithmetic, token format) are pure and
live in :mod:`core.auth`, :mod:`core.security` and :mod:`core.validation`; the
rows are read and written through :mod:`db.users` and :mod:`db.account`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from core.auth import (
    AuthPolicy,
    LoginStatus,
    RevokeReason,
    account_key,
    confirmation_matches,
    password_change_errors,
    throttle_wait,
    typed_key,
)
from core.confusables import skeleton
from core.i18n import LANGUAGES
from core.security import (
    decode_token,
    encode_token,
    hash_password,
    needs_rehash,
    verify_password,
)
from core.validation import (
    check_registration,
    email_key,
    normalize_email,
    normalize_username,
    username_key,
    validate_username,
)
from db import account as account_db
from db import users as users_db
from db.models import User
from db.types import utcnow

EXPORT_FORMAT = "show-your-emotion/export"
EXPORT_VERSION = 1


# --- registration -------------------------------------------------------------------


@dataclass
class RegisterResult:
    user: User | None
    errors: dict[str, list[str]]


def register(
    session: Session,
    *,
    username: str,
    email: str,
    password: str,
    confirm: str,
    language: str,
) -> RegisterResult:
    """Create the account, or return errors per field (validation and uniqueness).

    Uniqueness is checked first for a friendly message, and enforced by unique
    constraints for the race where two people submit the same name at once.
    """
    check = check_registration(username, email, password, confirm)
    errors = dict(check.errors)
    if "username" not in errors and (taken := _name_conflict(session, check.username)):
        errors["username"] = [taken]
    if check.email and "email" not in errors and users_db.email_taken(session, check.email):
        errors["email"] = ["auth.err.email_taken"]
    if errors or check.email is None:
        return RegisterResult(None, errors)
    try:
        with session.begin_nested():
            user = users_db.add_user(
                session,
                username=check.username,
                email=check.email,
                password_hash=hash_password(password),
                language=language,
            )
    except IntegrityError:
        return RegisterResult(None, _which_duplicate(session, check.username, check.email))
    return RegisterResult(user, {})


def _name_conflict(session: Session, username: str, except_user: int | None = None) -> str | None:
    """The error key when the name is taken, or only looks like a taken one."""
    if users_db.username_taken(session, username, except_user=except_user):
        return "auth.err.username_taken"
    if users_db.username_lookalike(session, username, except_user=except_user):
        return "auth.err.username_lookalike"
    return None


def _which_duplicate(
    session: Session, username: str, email: str, except_user: int | None = None
) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if taken := _name_conflict(session, username, except_user):
        errors["username"] = [taken]
    if users_db.email_taken(session, email, except_user=except_user):
        errors["email"] = ["auth.err.email_taken"]
    return errors or {"username": ["auth.err.username_taken"]}


# --- logging in and out -------------------------------------------------------------


@dataclass
class LoginResult:
    status: LoginStatus
    user: User | None = None
    token: str | None = None
    retry_after: timedelta | None = None


def login(
    session: Session, login: str, password: str, policy: AuthPolicy, now: datetime | None = None
) -> LoginResult:
    """Check credentials and issue a token, refusing after repeated failures.

    Failures are counted per account when the name typed belongs to one (so
    five by username and five more by email are ten against one account), and
    per name typed otherwise (so the answer never reveals whether an account
    exists). The attempt is recorded first and the account's attempts are
    serialised (:func:`db.users.lock_login_key`), so concurrent guesses cannot
    all pass the count before any of them is recorded: at most
    ``max_failures`` passwords are ever checked per window.
    """
    now = now or utcnow()
    typed = typed_key(login)
    attempt = users_db.start_login_attempt(session, typed, now)
    user = users_db.find_by_login(session, login) if typed else None
    if user is not None:
        attempt.account_key, attempt.user_id = account_key(user.id), user.id
    users_db.lock_login_key(session, attempt.account_key)
    failures = users_db.recent_failures(
        session, attempt.account_key, now - policy.window, exclude=attempt.id
    )
    if (wait := throttle_wait(failures, policy, now)) is not None:
        # A refused attempt checks nothing, so it is not a failure: the lock
        # ends when the oldest counted failure leaves the window.
        session.delete(attempt)
        return LoginResult(LoginStatus.THROTTLED, retry_after=wait)
    if not verify_password(user.password_hash if user else None, password) or user is None:
        return LoginResult(LoginStatus.INVALID)
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    attempt.succeeded = True
    token = issue_token(session, user, policy, now)
    return LoginResult(LoginStatus.OK, user=user, token=token)


def issue_token(session: Session, user: User, policy: AuthPolicy, now: datetime) -> str:
    token, claims = encode_token(user.id, policy.secret, now, policy.token_ttl)
    users_db.add_token(
        session,
        jti=claims.jti,
        user_id=user.id,
        issued_at=claims.issued_at,
        expires_at=claims.expires_at,
    )
    return token


_REASONS = {reason.value: reason for reason in RevokeReason}
ACCOUNT_GONE = "auth.err.account_gone"


@dataclass(frozen=True)
class TokenCheck:
    """Who a token logs in, or why it does not.

    ``revoked`` is the stored reason when the token was revoked (None for a
    valid one, a forged or expired one, or one revoked before reasons were
    stored), so the page can say "the password was changed elsewhere".
    """

    user: User | None
    revoked: RevokeReason | None = None


def check_token(
    session: Session, token: str | None, policy: AuthPolicy, now: datetime | None = None
) -> TokenCheck:
    """The user a token belongs to if it is signed, unexpired and not revoked; else why not."""
    if not token:
        return TokenCheck(None)
    now = now or utcnow()
    claims = decode_token(token, policy.secret, now)
    if claims is None:
        return TokenCheck(None)
    row = users_db.get_token(session, claims.jti, claims.user_id)
    if row is None or row.expires_at <= now:
        return TokenCheck(None)
    if row.revoked_at is not None:
        return TokenCheck(None, _REASONS.get(row.revoked_reason or ""))
    return TokenCheck(users_db.get_user(session, claims.user_id))


def authenticate(
    session: Session, token: str | None, policy: AuthPolicy, now: datetime | None = None
) -> User | None:
    """The user a token belongs to, if it is signed, unexpired and not revoked."""
    return check_token(session, token, policy, now).user


def logout(session: Session, token: str | None, policy: AuthPolicy) -> None:
    if not token:
        return
    claims = decode_token(token, policy.secret)
    if claims is not None:
        users_db.revoke_token(session, claims.jti, utcnow(), reason=RevokeReason.LOGOUT)


# --- the profile ---------------------------------------------------------------------


@dataclass
class PasswordChange:
    errors: dict[str, list[str]]
    token: str | None = None


def change_password(
    session: Session,
    user_id: int,
    *,
    current: str,
    new: str,
    confirm: str,
    policy: AuthPolicy,
    now: datetime | None = None,
) -> PasswordChange:
    """Change the password, revoke every token of the user and issue a fresh one.

    A password is changed when it may be known to someone else, and so may any
    token issued under it (including the one in this browser), so none survives:
    the session that made the change continues with the new token it returns;
    the others are told why they were signed out (``RevokeReason.PASSWORD_CHANGED``).
    The new password must differ from the current one.
    """
    user = users_db.get_user(session, user_id)
    if user is None:
        return PasswordChange({"current": [ACCOUNT_GONE]})
    errors = password_change_errors(
        current_ok=verify_password(user.password_hash, current),
        current=current,
        new=new,
        confirm=confirm,
    )
    if errors:
        return PasswordChange(errors)
    now = now or utcnow()
    user.password_hash = hash_password(new)
    users_db.revoke_user_tokens(session, user.id, now, reason=RevokeReason.PASSWORD_CHANGED)
    return PasswordChange({}, issue_token(session, user, policy, now))


@dataclass
class ProfileUpdate:
    errors: dict[str, list[str]]
    user: User | None = None


def update_profile(session: Session, user_id: int, *, username: str, email: str) -> ProfileUpdate:
    """Change username and email with the same rules and uniqueness as registration."""
    user = users_db.get_user(session, user_id)
    if user is None:
        return ProfileUpdate({"username": [ACCOUNT_GONE]})
    errors: dict[str, list[str]] = {}
    if name_errors := validate_username(username):
        errors["username"] = name_errors
    elif taken := _name_conflict(session, username, except_user=user.id):
        errors["username"] = [taken]
    normalized, email_errors = normalize_email(email)
    if email_errors or normalized is None:
        errors["email"] = email_errors or ["auth.err.email_invalid"]
    elif users_db.email_taken(session, normalized, except_user=user.id):
        errors["email"] = ["auth.err.email_taken"]
    if errors or normalized is None:
        return ProfileUpdate(errors)
    try:
        with session.begin_nested():
            user.username = normalize_username(username)
            user.username_key = username_key(username)
            user.username_skeleton = skeleton(username)
            user.email = normalized
            user.email_key = email_key(normalized)
            session.flush()
    except IntegrityError:
        return ProfileUpdate(_which_duplicate(session, username, normalized, except_user=user.id))
    return ProfileUpdate({}, user)


def set_language(session: Session, user_id: int, language: str) -> User | None:
    """Remember the account's language; the updated user, or None if there is none."""
    user = users_db.get_user(session, user_id)
    if user is not None and language in LANGUAGES:
        user.language = language
    return user


# --- my data --------------------------------------------------------------------------


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def export_data(session: Session, user_id: int) -> dict[str, Any]:
    """Everything stored about the user as JSON-able data (no password hash, no tokens).

    Raises LookupError when the user does not exist.
    """
    rows = account_db.owned_rows(session, user_id)
    if rows is None:
        raise LookupError(user_id)
    user = rows.user
    messages: dict[int, list[dict[str, Any]]] = {c.id: [] for c in rows.conversations}
    for message in rows.messages:
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
            for post in rows.posts
        ],
        "comments": [
            {
                "id": comment.id,
                "post_id": comment.post_id,
                "body": comment.body,
                "created_at": _iso(comment.created_at),
                "updated_at": _iso(comment.updated_at),
            }
            for comment in rows.comments
        ],
        "conversations": [
            {
                "id": conversation.id,
                "title": conversation.title,
                "created_at": _iso(conversation.created_at),
                "updated_at": _iso(conversation.updated_at),
                "messages": messages.get(conversation.id, []),
            }
            for conversation in rows.conversations
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
            for reading in rows.readings
        ],
        "reports": [
            {"post_id": report.post_id, "created_at": _iso(report.created_at)}
            for report in rows.reports
        ],
    }


def export_json(session: Session, user_id: int) -> str:
    """The export as pretty UTF-8 JSON text (Hangul kept readable)."""
    return json.dumps(export_data(session, user_id), ensure_ascii=False, indent=2)


def delete_account(session: Session, user_id: int, confirmation: str) -> bool:
    """Delete the user and everything that is theirs, if ``confirmation`` is their username.

    Returns False (and changes nothing) when the confirmation does not match.
    """
    user = users_db.get_user(session, user_id)
    if user is None or not confirmation_matches(user.username, confirmation):
        return False
    account_db.delete_user(session, user)
    return True
