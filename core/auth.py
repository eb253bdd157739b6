"""Account rules that need no database: the policy, login throttling, password changes.

Pure functions and values only. The use cases that read and write accounts
(register, log in, authenticate a token, change a password, ...) live in
:mod:`services.accounts`, which applies these rules around :mod:`db` calls;
``core`` never imports ``db`` (see ``services/__init__.py`` for the layering).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from core.validation import email_key, normalize_username, username_key, validate_password


@dataclass(frozen=True)
class AuthPolicy:
    secret: str
    token_ttl: timedelta = timedelta(days=7)
    max_failures: int = 5
    window: timedelta = timedelta(minutes=15)


class LoginStatus(StrEnum):
    OK = "ok"
    INVALID = "invalid"
    THROTTLED = "throttled"


class RevokeReason(StrEnum):
    """Why a token stopped working, stored with it so the browser holding it can be told.

    Values are stored in ``auth_tokens.revoked_reason`` (at most 16 characters).
    """

    LOGOUT = "logout"
    PASSWORD_CHANGED = "password"


def typed_key(login: str) -> str:
    """The throttle key of what was typed in the login field (email or username form)."""
    text = login.strip()
    return email_key(text) if "@" in text else username_key(text)


def account_key(user_id: int) -> str:
    """The throttle key of an account, whichever of its names or emails is typed."""
    return f"user:{user_id}"


def throttle_wait(
    failures: Sequence[datetime], policy: AuthPolicy, now: datetime
) -> timedelta | None:
    """How long the next attempt must wait, or None when it may be checked now.

    ``failures`` are the counted failure times inside the window, oldest first.
    The lock ends when the oldest failure that fills the quota leaves the window.
    """
    if len(failures) < policy.max_failures:
        return None
    unlock_at = failures[-policy.max_failures] + policy.window
    return max(unlock_at - now, timedelta(0))


def password_change_errors(
    *, current_ok: bool, current: str, new: str, confirm: str
) -> dict[str, list[str]]:
    """Errors per field of a password change form (keys ``current``, ``password``, ``confirm``).

    ``current_ok`` is whether ``current`` verified against the stored hash. The
    new password must differ from the current one: "changing" to the same
    password would revoke every other session while protecting nothing.
    """
    errors: dict[str, list[str]] = {}
    if not current_ok:
        errors["current"] = ["auth.err.current_password"]
    if new_errors := validate_password(new):
        errors["password"] = new_errors
    elif current_ok and new == current:
        errors["password"] = ["auth.err.password_unchanged"]
    if new != confirm:
        errors["confirm"] = ["auth.err.confirm_mismatch"]
    return errors


def fields_to_clear(errors: dict[str, list[str]]) -> tuple[str, ...]:
    """Which password fields (``current``, ``new``, ``confirm``) to empty after a submit.

    After success, all three: a password must not linger in the form. After a
    failure, the rejected ones: a wrong current password, or a refused new one
    together with its confirmation (which of a mismatching pair was mistyped
    cannot be known, so both go). A field that was fine keeps its value.
    """
    if not errors:
        return ("current", "new", "confirm")
    clear: list[str] = []
    if "current" in errors:
        clear.append("current")
    if "password" in errors or "confirm" in errors:
        clear += ["new", "confirm"]
    return tuple(clear)


def confirmation_matches(username: str, typed: str) -> bool:
    """The user typed their own username (surrounding spaces and NFC form don't matter)."""
    return bool(typed.strip()) and normalize_username(typed) == normalize_username(username)
