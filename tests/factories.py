"""Test data factories: real rows through the same functions the app uses."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

from sqlalchemy.orm import Session

from core.auth import AuthPolicy
from core.capture import Capture
from core.emotions import EMOTIONS
from db.models import EmotionReading, User
from db.readings import add_reading
from db.types import utcnow
from services.accounts import issue_token, register

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


def make_capture(
    emotion: str = "happy",
    confidence: float = 0.7,
    *,
    source: str = "live",
    faces: int = 1,
    scores: dict[str, float] | None = None,
    taken_at: datetime | None = None,
) -> Capture:
    """A capture as the Emotion page builds it; the scores favour ``emotion``."""
    if scores is None:
        rest = (1.0 - confidence) / (len(EMOTIONS) - 1)
        scores = {e: confidence if e == emotion else rest for e in EMOTIONS}
    return Capture(emotion, confidence, scores, source, faces, taken_at or datetime.now(UTC))


def save_reading(
    session: Session,
    user: User,
    emotion: str = "happy",
    confidence: float = 0.7,
    *,
    chosen: str | None = None,
    source: str = "live",
    created_at: datetime | None = None,
) -> EmotionReading:
    """A confirmed reading (``chosen`` defaults to the captured emotion)."""
    capture = make_capture(emotion, confidence, source=source, taken_at=created_at)
    return add_reading(session, user_id=user.id, capture=capture, chosen=chosen or emotion)
