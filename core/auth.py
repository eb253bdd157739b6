"""Accounts: register, log in (with throttling), authenticate a token, log out.

Functions take a SQLAlchemy session and run inside the caller's transaction
(``with Session.begin()``), so a page action is one unit of work.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from core.confusables import skeleton
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
    validate_password,
    validate_username,
)
from db import users as users_db
from db.models import User
from db.types import utcnow


@dataclass(frozen=True)
class AuthPolicy:
    secret: str
    token_ttl: timedelta = timedelta(days=7)
    max_failures: int = 5
    window: timedelta = timedelta(minutes=15)


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


class LoginStatus(StrEnum):
    OK = "ok"
    INVALID = "invalid"
    THROTTLED = "throttled"


@dataclass
class LoginResult:
    status: LoginStatus
    user: User | None = None
    token: str | None = None
    retry_after: timedelta | None = None


def _typed_key(login: str) -> str:
    text = login.strip()
    return email_key(text) if "@" in text else username_key(text)


def account_key(user_id: int) -> str:
    """The throttle key of an account, whichever of its names or emails is typed."""
    return f"user:{user_id}"


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
    typed = _typed_key(login)
    attempt = users_db.start_login_attempt(session, typed, now)
    user = users_db.find_by_login(session, login) if typed else None
    if user is not None:
        attempt.account_key, attempt.user_id = account_key(user.id), user.id
    users_db.lock_login_key(session, attempt.account_key)
    failures = users_db.recent_failures(
        session, attempt.account_key, now - policy.window, exclude=attempt.id
    )
    if len(failures) >= policy.max_failures:
        # A refused attempt checks nothing, so it is not a failure: the lock
        # ends when the oldest counted failure leaves the window.
        session.delete(attempt)
        unlock_at = failures[-policy.max_failures] + policy.window
        return LoginResult(LoginStatus.THROTTLED, retry_after=max(unlock_at - now, timedelta(0)))
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


def authenticate(
    session: Session, token: str | None, policy: AuthPolicy, now: datetime | None = None
) -> User | None:
    """The user a token belongs to, if it is signed, unexpired and not revoked."""
    if not token:
        return None
    now = now or utcnow()
    claims = decode_token(token, policy.secret, now)
    if claims is None:
        return None
    if users_db.active_token(session, claims.jti, claims.user_id, now) is None:
        return None
    return users_db.get_user(session, claims.user_id)


def logout(session: Session, token: str | None, policy: AuthPolicy) -> None:
    if not token:
        return
    claims = decode_token(token, policy.secret)
    if claims is not None:
        users_db.revoke_token(session, claims.jti, utcnow())


@dataclass
class PasswordChange:
    errors: dict[str, list[str]]
    token: str | None = None


def change_password(
    session: Session,
    user: User,
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
    the session that made the change continues with the new token it returns.
    """
    errors: dict[str, list[str]] = {}
    if not verify_password(user.password_hash, current):
        errors["current"] = ["auth.err.current_password"]
    if new_errors := validate_password(new):
        errors["password"] = new_errors
    if new != confirm:
        errors["confirm"] = ["auth.err.confirm_mismatch"]
    if errors:
        return PasswordChange(errors)
    now = now or utcnow()
    user.password_hash = hash_password(new)
    users_db.revoke_user_tokens(session, user.id, now)
    return PasswordChange({}, issue_token(session, user, policy, now))


def update_profile(
    session: Session, user: User, *, username: str, email: str
) -> dict[str, list[str]]:
    """Change username and email with the same rules and uniqueness as registration."""
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
        return errors
    try:
        with session.begin_nested():
            user.username = normalize_username(username)
            user.username_key = username_key(username)
            user.username_skeleton = skeleton(username)
            user.email = normalized
            user.email_key = email_key(normalized)
            session.flush()
    except IntegrityError:
        return _which_duplicate(session, username, normalized, except_user=user.id)
    return {}
