"""Reports that cannot hide a post forever: account age, rate limit, moderators undo."""

from __future__ import annotations

import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from core.board import NotAllowed
from core.ratelimit import Limit, RateLimited
from db import board, moderation
from db.models import Post, User
from db.types import utcnow
from tests.factories import make_user

DAY = timedelta(hours=24)
ROOT = Path(__file__).resolve().parents[2]


def _aged(session: Session, user: User, age: timedelta) -> User:
    user.created_at = utcnow() - age
    session.flush()
    return user


def _report(session: Session, post_id: int, user: User, **kwargs) -> board.ReportOutcome:
    return board.report_post(
        session, post_id=post_id, user_id=user.id, threshold=3, min_account_age=DAY, **kwargs
    )


def test_reports_from_new_accounts_do_not_hide_a_post(session: Session) -> None:
    author = _aged(session, make_user(session), 30 * DAY)
    post_id = board.create_post(session, user_id=author.id, title="fine", body="a fine post")
    fresh = [make_user(session) for _ in range(5)]  # free and instant accounts
    for user in fresh:
        assert _report(session, post_id, user) is board.ReportOutcome.REPORTED
    assert session.get(Post, post_id).hidden is False
    # Three accounts older than the setting do hide it.
    old = [_aged(session, make_user(session), 2 * DAY) for _ in range(3)]
    outcomes = [_report(session, post_id, user) for user in old]
    assert outcomes[-1] is board.ReportOutcome.HIDDEN
    assert session.get(Post, post_id).hidden is True


def test_reports_are_rate_limited_per_account(session: Session) -> None:
    reporter = _aged(session, make_user(session), 2 * DAY)
    author = make_user(session)
    posts = [
        board.create_post(session, user_id=author.id, title=f"p{n}", body="b") for n in range(3)
    ]
    limit = Limit(2, timedelta(hours=1))
    _report(session, posts[0], reporter, limit=limit)
    _report(session, posts[1], reporter, limit=limit)
    with pytest.raises(RateLimited) as caught:
        _report(session, posts[2], reporter, limit=limit)
    assert caught.value.key == "limit.reports"
    assert timedelta(minutes=59) < caught.value.retry_after <= timedelta(hours=1)
    assert not board.has_reported(session, post_id=posts[2], user_id=reporter.id)
    # An hour later the account may report again.
    later = utcnow() + timedelta(hours=1, seconds=1)
    assert (
        _report(session, posts[2], reporter, limit=limit, now=later) is board.ReportOutcome.REPORTED
    )


def test_a_moderator_sees_reported_and_hidden_posts_and_restores_or_removes(
    session: Session,
) -> None:
    mod = make_user(session, "moderator1")
    assert moderation.set_moderator(session, "Moderator1", True)
    author = make_user(session)
    hidden = board.create_post(session, user_id=author.id, title="hidden one", body="x")
    reported = board.create_post(session, user_id=author.id, title="reported once", body="y")
    board.create_post(session, user_id=author.id, title="untouched", body="z")
    reporters = [_aged(session, make_user(session), 2 * DAY) for _ in range(3)]
    for user in reporters:
        _report(session, hidden, user)
    _report(session, reported, reporters[0])

    flagged = moderation.flagged_posts(session, moderator_id=mod.id)
    assert [(f.title, f.hidden, f.reports) for f in flagged] == [
        ("hidden one", True, 3),
        ("reported once", False, 1),
    ]

    moderation.restore_post(session, moderator_id=mod.id, post_id=hidden)
    assert session.get(Post, hidden).hidden is False
    assert [f.title for f in moderation.flagged_posts(session, moderator_id=mod.id)] == [
        "reported once"
    ]
    # The same reports cannot hide it again; new ones from other accounts can.
    assert _report(session, hidden, reporters[0]) is board.ReportOutcome.ALREADY
    later = utcnow() + timedelta(seconds=1)
    newer = [_aged(session, make_user(session), 2 * DAY) for _ in range(3)]
    outcomes = [_report(session, hidden, user, now=later) for user in newer]
    assert outcomes[-1] is board.ReportOutcome.HIDDEN

    moderation.remove_post(session, moderator_id=mod.id, post_id=reported)
    assert session.get(Post, reported) is None


def test_a_moderator_can_open_a_hidden_post_others_cannot(session: Session) -> None:
    mod, reader, author = make_user(session), make_user(session), make_user(session)
    moderation.set_moderator(session, mod.username, True)
    post_id = board.create_post(session, user_id=author.id, title="hidden", body="b")
    session.get(Post, post_id).hidden = True
    session.flush()
    assert board.get_post(session, post_id, viewer_id=mod.id) is not None
    assert board.get_post(session, post_id, viewer_id=author.id) is not None
    assert board.get_post(session, post_id, viewer_id=reader.id) is None


def test_only_moderators_may_moderate(session: Session) -> None:
    user = make_user(session)
    author = make_user(session)
    post_id = board.create_post(session, user_id=author.id, title="t", body="b")
    for action in (
        lambda: moderation.flagged_posts(session, moderator_id=user.id),
        lambda: moderation.restore_post(session, moderator_id=user.id, post_id=post_id),
        lambda: moderation.remove_post(session, moderator_id=user.id, post_id=post_id),
    ):
        with pytest.raises(NotAllowed):
            action()
    assert session.get(Post, post_id) is not None
    assert not moderation.set_moderator(session, "nobody-here", True)


def test_the_moderator_command_grants_lists_and_revokes(
    db_url: str, session_factory: sessionmaker[Session], tmp_path: Path
) -> None:
    with session_factory.begin() as s:
        user_id = make_user(s, "cliuser").id
    env = {"DATABASE_URL": db_url, "DATA_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"}

    def command(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "scripts/moderator.py", *args],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )

    granted = command("grant", "CliUser")
    assert granted.returncode == 0, granted.stderr
    assert command("list").stdout.split() == ["cliuser"]
    with session_factory() as s:
        assert moderation.is_moderator(s, user_id)
    assert command("revoke", "cliuser").returncode == 0
    with session_factory() as s:
        assert not moderation.is_moderator(s, user_id)
    missing = command("grant", "ghost")
    assert missing.returncode == 1 and "no user named" in missing.stderr
