"""My page's mood charts (ui/mood_charts.py): readable with one reading and over many
days, in the reader's language, and "the day's mood" decided one way everywhere."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pandas as pd
import pyarrow as pa
import pytest
from sqlalchemy.orm import Session, sessionmaker
from streamlit.testing.v1 import AppTest

from core.emotions import EMOTIONS
from core.mood_history import calendar_span, daily_dominant, distribution, time_axis, timeline
from db.models import EmotionReading
from db.types import utcnow
from tests.factories import make_token, make_user
from tests.pages.conftest import log_in
from ui import mood_charts

SEOUL = ZoneInfo("Asia/Seoul")
NOW = datetime(2026, 3, 20, 9, 0, tzinfo=UTC)  # 18:00 in Seoul


@dataclass(frozen=True)
class Reading:
    emotion: str
    created_at: datetime
    confidence: float | None = 0.8


def _many_days(days: int) -> list[Reading]:
    """A reading every 17 hours for ``days`` days, cycling through the emotions."""
    count = days * 24 // 17
    return [
        Reading(EMOTIONS[i % len(EMOTIONS)], NOW - timedelta(hours=17 * (count - i)))
        for i in range(count)
    ]


def test_one_reading_sits_in_a_whole_day_with_korean_hour_ticks() -> None:
    rows = timeline([Reading("happy", NOW - timedelta(hours=2))], SEOUL)
    spec = mood_charts.timeline_chart(rows, "ko").to_dict()
    x = spec["encoding"]["x"]
    start, end = x["scale"]["domain"]
    # Not a zero-width axis around one dot with a bare "04 PM": the day, midnight to midnight.
    assert (start["month"], start["date"], start["hours"]) == (3, 20, 0)
    assert (end["date"], end["hours"], end["minutes"]) == (20, 23, 59)
    assert x["axis"]["format"] == "%-d일 %H:%M"
    assert x["axis"]["tickCount"] == {"interval": "hour", "step": 3}


def test_a_week_with_one_reading_shows_the_whole_week_day_by_day() -> None:
    readings = [Reading("sad", NOW - timedelta(hours=2))]
    axis = time_axis(*calendar_span("week", readings, NOW, SEOUL))
    spec = mood_charts.timeline_chart(timeline(readings, SEOUL), "ko", axis).to_dict()
    x = spec["encoding"]["x"]
    start, end = x["scale"]["domain"]
    assert (start["month"], start["date"]) == (3, 14) and (end["month"], end["date"]) == (3, 20)
    assert x["axis"]["format"] == "%-m월 %-d일"
    assert x["axis"]["tickCount"]["interval"] == "day"


def test_two_hundred_days_read_by_month_in_both_charts() -> None:
    readings = _many_days(200)
    span = calendar_span("all", readings, NOW, SEOUL)
    assert span is not None
    timeline_spec = mood_charts.timeline_chart(
        timeline(readings, SEOUL), "ko", time_axis(*span)
    ).to_dict()
    assert timeline_spec["encoding"]["x"]["axis"]["format"] == "%Y년 %-m월"
    assert timeline_spec["encoding"]["x"]["axis"]["tickCount"]["interval"] == "month"

    days = daily_dominant(readings, SEOUL, first_day=span[0], last_day=span[1])
    calendar = mood_charts.calendar_chart(days, "ko")
    spec = calendar.to_dict()
    axis = spec["encoding"]["x"]["axis"]
    weeks = spec["encoding"]["x"]["sort"]
    assert len(weeks) > 26 and not mood_charts.fixed_width(calendar)  # fills the page
    # A label where a month starts, not 29 crowded dates at an angle.
    assert 6 <= len(axis["values"]) <= 8
    months = [w[:7] for w in axis["values"]]
    assert len(set(months)) == len(months)  # one label per month
    assert axis["labelAngle"] == 0 and "%Y년 %-m월" in axis["labelExpr"]
    assert all(w.endswith("T00:00:00") and date.fromisoformat(w[:10]).weekday() == 0 for w in weeks)


def test_a_short_calendar_labels_every_monday() -> None:
    readings = [Reading("fear", NOW - timedelta(days=3))]
    span = calendar_span("week", readings, NOW, SEOUL)
    assert span is not None
    days = daily_dominant(readings, SEOUL, first_day=span[0], last_day=span[1])
    calendar = mood_charts.calendar_chart(days, "ko")
    assert mood_charts.fixed_width(calendar)  # square cells
    spec = calendar.to_dict()
    axis = spec["encoding"]["x"]["axis"]
    assert axis["values"] == ["2026-03-09T00:00:00", "2026-03-16T00:00:00"]
    assert "%-m/%-d" in axis["labelExpr"]
    assert spec["encoding"]["y"]["sort"][0] == "월"


def test_korean_specs_hold_no_english_formats_and_moods_carry_emoji() -> None:
    readings = _many_days(40)
    for chart in (
        mood_charts.timeline_chart(timeline(readings, SEOUL), "ko"),
        mood_charts.calendar_chart(daily_dominant(readings, SEOUL), "ko"),
        mood_charts.distribution_chart(distribution(readings), "ko"),
    ):
        text = chart.to_json()
        assert "%b" not in text and "%a" not in text  # English month and day names
    spec = mood_charts.timeline_chart(timeline(readings, SEOUL), "ko").to_dict()
    assert spec["encoding"]["color"]["scale"]["domain"][4] == "😢 슬픔"
    assert spec["encoding"]["color"]["scale"]["range"][4] == mood_charts.COLORS["sad"]
    spec = mood_charts.calendar_chart(daily_dominant(readings, SEOUL), "ko").to_dict()
    assert spec["encoding"]["color"]["scale"]["domain"][-1] == "기록 없음"
    spec = mood_charts.distribution_chart(distribution(readings), "ko").to_dict()
    assert len(spec["layer"]) == 2
    low, high = spec["layer"][0]["encoding"]["x"]["scale"]["domain"]
    assert low == 0 and high > max(row["count"] for row in distribution(readings))


def test_english_charts_keep_english_formats() -> None:
    spec = mood_charts.timeline_chart(timeline(_many_days(5), SEOUL), "en").to_dict()
    assert spec["encoding"]["x"]["axis"]["format"] == "%b %-d"
    assert spec["encoding"]["y"]["sort"][3] == "😊 happy"


# --- on the page ------------------------------------------------------------------------


@pytest.fixture
def me(session_factory: sessionmaker[Session]):
    with session_factory.begin() as s:
        user = make_user(s, "haneul", email="haneul@example.com")
        return user, make_token(s, user)


def _save(session_factory: sessionmaker[Session], user_id: int, items) -> None:
    with session_factory.begin() as s:
        for emotion, created_at in items:
            s.add(
                EmotionReading(
                    user_id=user_id,
                    emotion=emotion,
                    detected_emotion=emotion,
                    confidence=0.8,
                    scores={emotion: 0.8},
                    corrected=False,
                    source="live",
                    faces=1,
                    created_at=created_at,
                )
            )


def _chart_rows(chart) -> pd.DataFrame:
    """The rows a chart element sends to the browser (its first Arrow dataset)."""
    proto = chart.proto
    data = proto.datasets[0].data.data if proto.datasets else proto.data.data
    return pa.ipc.open_stream(data).read_all().to_pandas()


def test_the_summary_and_the_calendar_agree_on_a_tied_day(
    make_app: Callable[..., AppTest], me, session_factory
) -> None:
    # Today, an hour apart: sad, sad, happy, happy. A tie, and happy is the later
    # feeling. The old summary said sad (first in label order) beside a happy day.
    start = utcnow() - timedelta(hours=5)
    if start.astimezone(UTC).date() != utcnow().date():  # keep all four on one UTC day
        start = utcnow().replace(hour=0, minute=1)
    _save(
        session_factory,
        me[0].id,
        [
            (e, start + timedelta(minutes=10 * i))
            for i, e in enumerate(["sad", "sad", "happy", "happy"])
        ],
    )
    at = make_app("ko")
    log_in(at, *me)
    at.run()
    at.switch_page("app_pages/mypage.py").run()
    assert not at.exception, at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["가장 많았던 기분"] == "😊 행복"
    _, calendar_el, _ = list(at.get("vega_lite_chart"))
    spec = json.loads(calendar_el.proto.spec)
    assert spec["encoding"]["x"]["axis"]["labelExpr"].startswith("timeFormat(")
    rows = _chart_rows(calendar_el)
    today = rows[rows["total"] > 0]
    assert list(today["mood"]) == ["😊 행복"]
