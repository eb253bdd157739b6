"""Sliding-window rate limits and the per-session counter."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from core.ratelimit import Limit, RateLimited, SessionCounter, wait_time

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
HOUR = Limit.per_hour(3)


def test_allowed_until_the_window_holds_the_limit() -> None:
    assert wait_time([], HOUR, NOW) is None
    times = [NOW - timedelta(minutes=m) for m in (50, 20)]
    assert wait_time(times, HOUR, NOW) is None
    times.append(NOW - timedelta(minutes=5))
    assert wait_time(times, HOUR, NOW) == timedelta(minutes=10)  # the 50-minute-old one leaves
    # Times that left the window do not count.
    assert wait_time([NOW - timedelta(hours=2)] * 5, HOUR, NOW) is None


def test_a_zero_limit_always_refuses() -> None:
    assert wait_time([], Limit.per_hour(0), NOW) == timedelta(hours=1)


def test_session_counter_checks_records_and_forgets_old_times() -> None:
    store: dict[str, list[datetime]] = {}
    counter = SessionCounter(store)
    for minute in range(3):
        moment = NOW + timedelta(minutes=minute)
        counter.check("posts", HOUR, moment)
        counter.record("posts", moment)
    with pytest.raises(RateLimited) as caught:
        counter.check("posts", HOUR, NOW + timedelta(minutes=3))
    assert caught.value.key == "limit.posts" and caught.value.minutes == 57
    counter.check("comments", HOUR, NOW)  # other actions have their own counts
    counter.check("posts", HOUR, NOW + timedelta(hours=1, minutes=1))
    assert store["posts"] == [NOW + timedelta(minutes=2)]  # old times dropped
