"""Test data factories: real rows through the same functions the app uses."""

from __future__ import annotations

import itertools
from datetime import timedelta

from sqlalchemy.orm import Session

from core.auth import AuthPolicy, issue_token, register
from db.models import User
from db.types import utcnow

PASSWORD = "Passw0rd!"
POLICY = AuthPolicy(secret="test-secret-" + "x" * 40, token_ttl=timedelta(hours=1))
_counter = itertools.count(1)


def make_user(
    session: Session,
    username: str | None = None,
    *,
    email: str | None = None,
    password: str = PASSWORD,
    language: str = "en",
) -> User:
    n = next(_counter)
    username = username or f"user{n}"
    result = register(
        session,
        username=username,
        email=email or f"{username}.{n}@example.com",
        password=password,
        confirm=password,
        language=language,
    )
    assert result.user is not None, result.errors
    return result.user


def make_token(session: Session, user: User, policy: AuthPolicy = POLICY) -> str:
    return issue_token(session, user, policy, utcnow())
