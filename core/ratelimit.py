"""Rate limits: how many of an action one account, or one browser session, may do.

Accounts are free and instant, so every write a person can repeat (sign-ups,
posts, comments, chat messages, reports) has a ceiling per account, counted
from the rows already stored, and per browser session, counted in the
session's memory so that switching accounts in one session does not reset it.
Ceilings are per sliding window; the answer says how long until the next one
is allowed, so the page can say so.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, MutableMapping
from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True)
class Limit:
    count: int
    window: timedelta

    @classmethod
    def per_hour(cls, count: int) -> Limit:
        return cls(count, timedelta(hours=1))


class RateLimited(Exception):
    """Too many of ``action`` recently; allowed again after ``retry_after``."""

    def __init__(self, action: str, retry_after: timedelta) -> None:
        super().__init__(action, retry_after)
        self.action = action
        self.retry_after = retry_after
        self.key = f"limit.{action}"

    @property
    def minutes(self) -> int:
        """Whole minutes to wait, at least one (what the message shows)."""
        return max(1, math.ceil(self.retry_after.total_seconds() / 60))


def wait_time(times: Iterable[datetime], limit: Limit, now: datetime) -> timedelta | None:
    """How long until one more is allowed, or None if it is allowed now."""
    if limit.count <= 0:
        return limit.window
    recent = sorted(moment for moment in times if moment > now - limit.window)
    if len(recent) < limit.count:
        return None
    return max(recent[-limit.count] + limit.window - now, timedelta(seconds=1))


def check(action: str, times: Iterable[datetime], limit: Limit, now: datetime) -> None:
    """Raise :class:`RateLimited` when ``times`` already fill the limit."""
    if (wait := wait_time(times, limit, now)) is not None:
        raise RateLimited(action, wait)


class SessionCounter:
    """Per-session times of each action, kept in a mapping (``st.session_state``)."""

    def __init__(self, store: MutableMapping[str, list[datetime]]) -> None:
        self.store = store

    def check(self, action: str, limit: Limit, now: datetime) -> None:
        times = [t for t in self.store.get(action, []) if t > now - limit.window]
        self.store[action] = times
        check(action, times, limit, now)

    def record(self, action: str, now: datetime) -> None:
        self.store.setdefault(action, []).append(now)
