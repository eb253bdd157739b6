"""Mood history: confirmed emotion readings turned into chart data. Pure functions.

Days are the user's local calendar days (``tz``, the browser's time zone), so
a reading at 23:30 in Seoul counts for that evening, not for the UTC date.
Rows are plain dicts with naive *local* datetimes, ready for a DataFrame and
an Altair chart (Vega-Lite then shows them as they are, in any browser zone).

"The mood" of a set of readings (a day in the calendar, the whole range in the
summary) is decided in one place, :func:`dominant`: the most frequent emotion,
a tie going to the one felt most recently. A mood picked by hand has no
confidence (``None``); it counts like any other reading.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Any, Final, Literal, Protocol

from core.emotions import EMOTIONS

Range = Literal["week", "month", "all"]
RANGES: Final[tuple[Range, ...]] = ("week", "month", "all")
RANGE_DAYS: Final[dict[str, int]] = {"week": 7, "month": 30}


class ReadingLike(Protocol):
    @property
    def emotion(self) -> str: ...
    @property
    def created_at(self) -> datetime: ...
    @property
    def confidence(self) -> float | None: ...


@dataclass(frozen=True)
class Summary:
    total: int
    days: int
    top: str | None  # :func:`dominant` of the whole range


TickUnit = Literal["hour", "day", "week", "month"]


@dataclass(frozen=True)
class TimeAxis:
    """The time axis of a chart of local days: its domain and where its ticks go.

    ``start`` and ``end`` are naive local midnights around the days shown (the end
    is the midnight after the last day), so one reading sits inside a whole day
    instead of a zero-width domain; ``unit`` and ``step`` say the tick spacing
    (``week`` means every 7th day) and so which label format reads well.
    """

    start: datetime
    end: datetime
    unit: TickUnit
    step: int


def parse_range(value: object) -> Range:
    return value if value in RANGES else "week"  # type: ignore[return-value]


def range_start(range_: Range, now: datetime, tz: tzinfo) -> datetime | None:
    """The first instant of the range: local midnight N-1 days before today, or None (all)."""
    days = RANGE_DAYS.get(range_)
    if days is None:
        return None
    first_day = now.astimezone(tz).date() - timedelta(days=days - 1)
    return datetime.combine(first_day, time(), tzinfo=tz)


def _local(moment: datetime, tz: tzinfo) -> datetime:
    return moment.astimezone(tz).replace(tzinfo=None)


def in_range(
    readings: Iterable[ReadingLike], range_: Range, now: datetime, tz: tzinfo
) -> list[ReadingLike]:
    start = range_start(range_, now, tz)
    return [r for r in readings if start is None or r.created_at >= start]


def timeline(readings: Iterable[ReadingLike], tz: tzinfo) -> list[dict[str, Any]]:
    """One row per reading, oldest first."""
    rows = [
        {
            "time": _local(r.created_at, tz),
            "emotion": r.emotion,
            # None for a mood picked by hand (no camera confidence).
            "confidence": None if r.confidence is None else round(float(r.confidence), 3),
        }
        for r in readings
        if r.emotion in EMOTIONS
    ]
    return sorted(rows, key=lambda row: row["time"])


def dominant(entries: Iterable[tuple[datetime, str]]) -> tuple[str, int] | None:
    """The mood of some readings, as (emotion, its count); None when there are none.

    The most frequent emotion; a tie goes to the one felt most recently (it is
    the nearer feeling), and readings at the very same moment fall back to the
    order of :data:`core.emotions.EMOTIONS`. The calendar's day and the
    summary's "most frequent" both ask this, so they never disagree.
    """
    counts: Counter[str] = Counter()
    latest: dict[str, datetime] = {}
    for moment, emotion in entries:
        counts[emotion] += 1
        if emotion not in latest or moment > latest[emotion]:
            latest[emotion] = moment
    if not counts:
        return None
    best = max(counts.values())
    tied = [e for e in EMOTIONS if counts.get(e) == best]
    emotion = max(tied, key=lambda e: (latest[e], -EMOTIONS.index(e)))
    return emotion, best


def daily_dominant(
    readings: Iterable[ReadingLike],
    tz: tzinfo,
    *,
    first_day: date | None = None,
    last_day: date | None = None,
) -> list[dict[str, Any]]:
    """One row per local day from first_day to last_day (defaults: the data's span).

    Days without readings are included with ``emotion`` None, so a calendar
    shows them as empty cells. ``week`` is that week's Monday, ``weekday`` 0-6.
    """
    by_day: dict[date, list[tuple[datetime, str]]] = {}
    for r in readings:
        if r.emotion in EMOTIONS:
            local = _local(r.created_at, tz)
            by_day.setdefault(local.date(), []).append((local, r.emotion))
    if not by_day and (first_day is None or last_day is None):
        return []
    start = first_day or min(by_day)
    end = last_day or max(by_day)
    rows = []
    day = start
    while day <= end:
        entries = by_day.get(day, [])
        emotion, count = dominant(entries) or (None, 0)
        rows.append(
            {
                "date": day,
                "week": day - timedelta(days=day.weekday()),
                "weekday": day.weekday(),
                "emotion": emotion,
                "count": count,
                "total": len(entries),
            }
        )
        day += timedelta(days=1)
    return rows


def distribution(readings: Iterable[ReadingLike]) -> list[dict[str, Any]]:
    """Count and share of each of the seven emotions (zeros included), in label order."""
    counts = Counter(r.emotion for r in readings if r.emotion in EMOTIONS)
    total = sum(counts.values())
    return [
        {
            "emotion": emotion,
            "count": counts.get(emotion, 0),
            "share": counts.get(emotion, 0) / total if total else 0.0,
        }
        for emotion in EMOTIONS
    ]


def summary(readings: Sequence[ReadingLike], tz: tzinfo) -> Summary:
    """How many readings, on how many local days, and the range's mood (:func:`dominant`)."""
    kept = [(_local(r.created_at, tz), r.emotion) for r in readings if r.emotion in EMOTIONS]
    top = dominant(kept)
    return Summary(
        total=len(kept),
        days=len({moment.date() for moment, _ in kept}),
        top=top[0] if top else None,
    )


def calendar_span(
    range_: Range, readings: Sequence[ReadingLike], now: datetime, tz: tzinfo
) -> tuple[date, date] | None:
    """The days a calendar for the range covers: the whole range, ending today."""
    today = now.astimezone(tz).date()
    start = range_start(range_, now, tz)
    if start is not None:
        return start.date(), today
    if not readings:
        return None
    return min(_local(r.created_at, tz).date() for r in readings), today


def time_axis(first_day: date, last_day: date) -> TimeAxis:
    """The axis for the days first_day..last_day: hours for a day or two, then days,
    weeks and months, so labels stay a handful whatever the span."""
    days = (last_day - first_day).days + 1
    unit: TickUnit
    if days <= 2:
        unit, step = "hour", 3 * days
    elif days <= 10:
        unit, step = "day", 1
    elif days <= 62:
        unit, step = "week", 1
    else:
        unit, step = "month", 1 if days <= 400 else 3
    return TimeAxis(
        start=datetime.combine(first_day, time()),
        end=datetime.combine(last_day + timedelta(days=1), time()),
        unit=unit,
        step=step,
    )
