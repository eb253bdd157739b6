"""Mood history chart data: ranges, local days, dominant emotion, distribution."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from core.emotions import EMOTIONS
from core.mood_history import (
    calendar_span,
    daily_dominant,
    distribution,
    dominant,
    in_range,
    parse_range,
    range_start,
    summary,
    time_axis,
    timeline,
)

SEOUL = ZoneInfo("Asia/Seoul")
NOW = datetime(2026, 11, 25, 3, 0, tzinfo=UTC)  # 12:00 in Seoul, a Wednesday


@dataclass(frozen=True)
class Reading:
    emotion: str
    created_at: datetime
    confidence: float = 0.8


def at(day: int, hour: int, emotion: str, tz=SEOUL) -> Reading:
    return Reading(emotion, datetime(2026, 11, day, hour, 0, tzinfo=tz).astimezone(UTC))


def test_ranges_start_at_local_midnight() -> None:
    assert range_start("week", NOW, SEOUL) == datetime(2026, 11, 19, tzinfo=SEOUL)
    assert range_start("month", NOW, SEOUL) == datetime(2026, 10, 27, tzinfo=SEOUL)
    assert range_start("all", NOW, SEOUL) is None
    assert range_start("week", NOW, UTC) == datetime(2026, 11, 19, tzinfo=UTC)
    assert parse_range("month") == "month" and parse_range("decade") == "week"


def test_in_range_keeps_the_last_seven_local_days() -> None:
    readings = [at(18, 23, "sad"), at(19, 0, "happy"), at(25, 11, "fear")]
    kept = in_range(readings, "week", NOW, SEOUL)
    assert [r.emotion for r in kept] == ["happy", "fear"]
    assert len(in_range(readings, "all", NOW, SEOUL)) == 3


def test_timeline_is_local_time_oldest_first() -> None:
    rows = timeline([at(24, 9, "sad"), at(23, 22, "happy"), Reading("bogus", NOW)], SEOUL)
    assert [(r["time"], r["emotion"]) for r in rows] == [
        (datetime(2026, 11, 23, 22, 0), "happy"),
        (datetime(2026, 11, 24, 9, 0), "sad"),
    ]
    assert rows[0]["time"].tzinfo is None  # naive local: Vega-Lite shows it as is


def test_a_day_is_the_users_local_day() -> None:
    # 23:30 in Seoul is 14:30 UTC the same date; 00:30 in Seoul is the previous UTC day.
    late = Reading("sad", datetime(2026, 11, 24, 23, 30, tzinfo=SEOUL).astimezone(UTC))
    early = Reading("happy", datetime(2026, 11, 25, 0, 30, tzinfo=SEOUL).astimezone(UTC))
    days = daily_dominant([late, early], SEOUL)
    assert [(d["date"], d["emotion"]) for d in days] == [
        (date(2026, 11, 24), "sad"),
        (date(2026, 11, 25), "happy"),
    ]
    utc_days = daily_dominant([late, early], UTC)
    assert [d["date"] for d in utc_days] == [date(2026, 11, 24)]


def test_dominant_is_the_most_frequent_and_a_tie_goes_to_the_latest() -> None:
    readings = [at(24, 8, "sad"), at(24, 9, "happy"), at(24, 10, "sad"), at(24, 11, "happy")]
    [day] = daily_dominant(readings, SEOUL)
    assert (day["emotion"], day["count"], day["total"]) == ("happy", 2, 4)
    [day] = daily_dominant([*readings, at(24, 12, "sad")], SEOUL)
    assert (day["emotion"], day["count"]) == ("sad", 3)


def test_calendar_includes_empty_days_with_week_and_weekday() -> None:
    days = daily_dominant(
        [at(23, 10, "fear")], SEOUL, first_day=date(2026, 11, 22), last_day=date(2026, 11, 25)
    )
    assert [(d["date"].day, d["emotion"], d["weekday"]) for d in days] == [
        (22, None, 6),
        (23, "fear", 0),
        (24, None, 1),
        (25, None, 2),
    ]
    assert days[0]["week"] == date(2026, 11, 16) and days[1]["week"] == date(2026, 11, 23)
    assert daily_dominant([], SEOUL) == []


def test_calendar_span_covers_the_range_up_to_today() -> None:
    readings = [at(1, 10, "fear")]
    assert calendar_span("week", readings, NOW, SEOUL) == (date(2026, 11, 19), date(2026, 11, 25))
    assert calendar_span("all", readings, NOW, SEOUL) == (date(2026, 11, 1), date(2026, 11, 25))
    assert calendar_span("all", [], NOW, SEOUL) is None


def test_distribution_lists_all_seven_with_shares() -> None:
    rows = distribution([at(24, 8, "sad"), at(24, 9, "sad"), at(24, 10, "happy")])
    assert [r["emotion"] for r in rows] == list(EMOTIONS)
    by = {r["emotion"]: r for r in rows}
    assert (by["sad"]["count"], round(by["sad"]["share"], 3)) == (2, 0.667)
    assert by["angry"] == {"emotion": "angry", "count": 0, "share": 0.0}
    assert all(r["share"] == 0.0 for r in distribution([]))


def test_summary() -> None:
    readings = [at(23, 8, "sad"), at(24, 9, "sad"), at(24, 10, "happy")]
    stats = summary(readings, SEOUL)
    assert (stats.total, stats.days, stats.top) == (3, 2, "sad")
    assert summary([], SEOUL).top is None


def test_summary_and_calendar_break_a_tie_the_same_way() -> None:
    # One day, two sad then two happy: the latest feeling (happy) wins in both
    # places. Before, the summary took the first in label order (sad) while the
    # calendar showed happy for the same single day.
    readings = [at(24, 8, "sad"), at(24, 9, "sad"), at(24, 10, "happy"), at(24, 11, "happy")]
    [day] = daily_dominant(readings, SEOUL)
    assert summary(readings, SEOUL).top == day["emotion"] == "happy"
    # Over several days, the range's tie also goes to the later feeling.
    readings = [at(22, 9, "happy"), at(23, 9, "angry"), at(24, 9, "angry"), at(25, 9, "happy")]
    assert summary(readings, SEOUL).top == "happy"


def test_dominant_counts_then_looks_at_the_latest_reading() -> None:
    t0 = datetime(2026, 11, 24, 9, 0)
    assert dominant([]) is None
    assert dominant([(t0, "fear")]) == ("fear", 1)
    later = t0 + timedelta(hours=1)
    assert dominant([(later, "sad"), (t0, "happy"), (t0, "sad")]) == ("sad", 2)
    assert dominant([(later, "sad"), (t0, "happy")]) == ("sad", 1)
    assert dominant([(t0, "sad"), (later, "happy")]) == ("happy", 1)
    # The same moment: label order decides, so the answer never depends on input order.
    assert dominant([(t0, "sad"), (t0, "angry")]) == dominant([(t0, "angry"), (t0, "sad")])


def test_a_reading_picked_by_hand_has_no_confidence_and_still_counts() -> None:
    picked = Reading("neutral", NOW, None)  # type: ignore[arg-type]
    [row] = timeline([picked], SEOUL)
    assert row["confidence"] is None
    assert summary([picked], SEOUL).total == 1


def test_time_axis_spans_whole_days_with_ticks_for_the_span() -> None:
    one = time_axis(date(2026, 11, 25), date(2026, 11, 25))
    # One day: from its midnight to the next, ticks every 3 hours (not a zero-width axis).
    assert (one.start, one.end) == (datetime(2026, 11, 25), datetime(2026, 11, 26))
    assert (one.unit, one.step) == ("hour", 3)
    assert time_axis(date(2026, 11, 19), date(2026, 11, 25)).unit == "day"
    assert time_axis(date(2026, 10, 27), date(2026, 11, 25)).unit == "week"
    year = time_axis(date(2025, 12, 1), date(2026, 11, 25))
    assert (year.unit, year.step) == ("month", 1)
    assert time_axis(date(2023, 1, 1), date(2026, 11, 25)).step == 3


@given(
    st.lists(
        st.tuples(st.sampled_from(EMOTIONS), st.integers(min_value=0, max_value=60 * 24 * 40)),
        max_size=60,
    )
)
def test_days_and_distribution_account_for_every_reading(items) -> None:
    base = datetime(2026, 10, 1, tzinfo=UTC)
    readings = [Reading(e, base + timedelta(minutes=m)) for e, m in items]
    days = daily_dominant(readings, SEOUL)
    assert sum(d["total"] for d in days) == len(readings)
    assert sum(r["count"] for r in distribution(readings)) == len(readings)
    for d in days:
        assert (d["emotion"] is None) == (d["total"] == 0)
        assert d["count"] <= d["total"]
    if days:
        dates = [d["date"] for d in days]
        assert dates == sorted(dates) and len(set(dates)) == len(dates)
        assert (dates[-1] - dates[0]).days + 1 == len(dates)  # no gaps
