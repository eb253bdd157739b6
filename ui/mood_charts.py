"""My page's mood charts: the summary, a timeline, a calendar of each day's mood, a distribution.

The data come from :mod:`core.mood_history` (pure; it also decides "the mood" of
a day and of the range, one rule for both). This module only draws, with labels
in the language it is given: the chart functions take ``language`` and read no
session state, so tests build their specs directly.

Readable at any amount of data: the timeline's time axis spans the whole range
shown (a single reading sits inside its day, not on a zero-width axis with one
bare "04 PM" tick), with ticks and d3 time formats chosen for the span (hours,
days, weeks, months) and written in the reader's language (Vega-Lite's own
formats are English: "Sep 07"). Moods carry their emoji; the theme's font stack
(.streamlit/config.toml) draws them in colour on the charts' canvas too.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, datetime, timedelta, tzinfo
from typing import Any, Final

import altair as alt
import pandas as pd
import streamlit as st

from core.emotions import EMOTIONS, with_emoji
from core.i18n import t
from core.mood_history import (
    Range,
    ReadingLike,
    TimeAxis,
    calendar_span,
    daily_dominant,
    distribution,
    summary,
    time_axis,
    timeline,
)
from ui.state import lang

# One colour per emotion, the same in every chart; "no reading" is a pale grey.
COLORS: Final[dict[str, str]] = {
    "angry": "#e4572e",
    "disgust": "#6a994e",
    "fear": "#7b4fa1",
    "happy": "#f2b134",
    "sad": "#3a7ca5",
    "surprise": "#e377c2",
    "neutral": "#9aa5b1",
}
EMPTY_COLOR: Final = "#eef0f3"

# The d3 time format (i18n key) for each tick unit of core.mood_history.time_axis.
TICK_FORMATS: Final[dict[str, str]] = {
    "hour": "mypage.fmt_hour",
    "day": "mypage.fmt_day",
    "week": "mypage.fmt_day",
    "month": "mypage.fmt_month",
}
# Up to this many weeks the calendar labels every week; past it, the first week
# of each month (its label then names the month).
CALENDAR_EVERY_WEEK: Final = 12


def mood_names(language: str) -> dict[str, str]:
    """Each emotion's chart label: its emoji and its name ("😊 행복")."""
    return {emotion: with_emoji(emotion, language) for emotion in EMOTIONS}


def _color_scale(names: dict[str, str], *, with_empty: str | None = None) -> alt.Scale:
    domain = [names[e] for e in EMOTIONS]
    colors = [COLORS[e] for e in EMOTIONS]
    if with_empty is not None:
        domain.append(with_empty)
        colors.append(EMPTY_COLOR)
    return alt.Scale(domain=domain, range=colors)


def _vega_time(moment: datetime) -> alt.DateTime:
    """A naive local datetime as Vega-Lite's local DateTime (as the data rows are read)."""
    return alt.DateTime(
        year=moment.year,
        month=moment.month,
        date=moment.day,
        hours=moment.hour,
        minutes=moment.minute,
        seconds=moment.second,
    )


def timeline_chart(
    rows: Sequence[dict[str, Any]], language: str, axis: TimeAxis | None = None
) -> alt.Chart:
    """Each reading as a dot: when (x, the whole span of ``axis``) and which mood (y).

    ``axis`` defaults to the days the rows fall on (:func:`core.mood_history.time_axis`).
    """
    names = mood_names(language)
    frame = pd.DataFrame(rows, columns=["time", "emotion", "confidence"])
    frame["mood"] = frame["emotion"].map(names)
    if axis is None:
        days = [moment.date() for moment in frame["time"]] or [date.today()]
        axis = time_axis(min(days), max(days))
    order = [names[e] for e in EMOTIONS]
    moment_format = t("mypage.fmt_moment", language)
    return (
        alt.Chart(frame)
        .mark_circle(size=110, opacity=0.85)
        .encode(
            x=alt.X(
                "time:T",
                title=None,
                # Up to the last second of the last day: no tick for the day after.
                scale=alt.Scale(
                    domain=[_vega_time(axis.start), _vega_time(axis.end - timedelta(seconds=1))]
                ),
                axis=alt.Axis(
                    format=t(TICK_FORMATS[axis.unit], language),
                    # Vega's time intervals share the units' names ("week" ticks fall on Sundays).
                    tickCount={"interval": axis.unit, "step": axis.step},
                    labelOverlap="greedy",
                    labelFlush=False,
                ),
            ),
            y=alt.Y("mood:N", title=None, sort=order, scale=alt.Scale(domain=order)),
            color=alt.Color("mood:N", scale=_color_scale(names), legend=None),
            tooltip=[
                alt.Tooltip("time:T", title=t("mypage.axis_time", language), format=moment_format),
                alt.Tooltip("mood:N", title=t("mypage.axis_mood", language)),
                alt.Tooltip(
                    "confidence:Q", title=t("mypage.axis_confidence", language), format=".0%"
                ),
            ],
        )
        .properties(height=280)
    )


def _day_label(day: date, language: str, weekdays: list[str]) -> str:
    return t(
        "mypage.date_label",
        language,
        y=day.year,
        m=day.month,
        d=day.day,
        wd=weekdays[day.weekday()],
    )


def calendar_chart(rows: Sequence[dict[str, Any]], language: str) -> alt.Chart:
    """A GitHub-style calendar: a column per week (from Monday), a row per weekday.

    Each cell is coloured by the day's mood (:func:`core.mood_history.dominant`).
    Columns are labelled with their Monday's date, or for a long history with the
    month that starts in them. Cells are square while the weeks fit (up to half a
    year); a longer history stretches to the page width instead of scrolling.
    """
    names = mood_names(language)
    empty = t("mypage.no_reading", language)
    weekdays = t("mypage.weekdays", language).split(",")
    source = pd.DataFrame(rows, columns=["date", "week", "weekday", "emotion", "count", "total"])
    frame = pd.DataFrame(
        {
            "mood": [names.get(e, empty) if e else empty for e in source["emotion"]],
            "day": [weekdays[i] for i in source["weekday"]],
            # Local midnight without a zone: Vega reads it in the browser's zone.
            "week": [f"{w.isoformat()}T00:00:00" for w in source["week"]],
            "date_label": [_day_label(d, language, weekdays) for d in source["date"]],
            "total": source["total"],
        }
    )
    weeks = list(dict.fromkeys(frame["week"]))
    if len(weeks) <= CALENDAR_EVERY_WEEK:
        shown, label_format = weeks, t("mypage.fmt_week", language)
    else:  # the weeks whose Monday opens a new month (and the first one)
        shown = [w for i, w in enumerate(weeks) if i == 0 or w[5:7] != weeks[i - 1][5:7]]
        label_format = t("mypage.fmt_month", language)
    chart = (
        alt.Chart(frame)
        .mark_rect(cornerRadius=3, stroke="white", strokeWidth=2)
        .encode(
            x=alt.X(
                "week:O",
                title=t("mypage.axis_week", language),
                sort=weeks,
                axis=alt.Axis(
                    values=shown,
                    labelExpr=f"timeFormat(toDate(datum.value), '{label_format}')",
                    labelAngle=0,
                    labelOverlap="greedy",
                ),
            ),
            y=alt.Y("day:O", title=None, sort=weekdays),
            color=alt.Color(
                "mood:N",
                scale=_color_scale(names, with_empty=empty),
                legend=alt.Legend(title=None, orient="bottom", columns=4),
            ),
            tooltip=[
                alt.Tooltip("date_label:N", title=t("mypage.axis_date", language)),
                alt.Tooltip("mood:N", title=t("mypage.axis_mood", language)),
                alt.Tooltip("total:Q", title=t("mypage.axis_day_total", language)),
            ],
        )
        .properties(height=alt.Step(28))
    )
    if len(weeks) > 26:
        return chart
    return chart.properties(width=alt.Step(44 if len(weeks) <= 8 else 30))


def fixed_width(chart: alt.Chart) -> bool:
    """Whether the chart sets its own width (square calendar cells) or fills the page.

    (Altair's ``Undefined`` is truthy, so ``if chart.width`` cannot tell.)
    """
    return chart.width is not alt.Undefined


def distribution_chart(rows: Sequence[dict[str, Any]], language: str) -> alt.LayerChart:
    """How often each of the seven moods was recorded: a bar each, with its share."""
    names = mood_names(language)
    frame = pd.DataFrame(rows, columns=["emotion", "count", "share"])
    frame["mood"] = frame["emotion"].map(names)
    order = [names[e] for e in EMOTIONS]
    count_title = t("mypage.axis_count", language)
    top = int(frame["count"].max()) if len(frame) else 0
    base = alt.Chart(frame).encode(
        y=alt.Y("mood:N", title=None, sort=order),
        x=alt.X(
            "count:Q",
            title=count_title,
            axis=alt.Axis(tickMinStep=1, format="d"),
            # Room for the share label after the longest bar, and no negative ticks.
            scale=alt.Scale(domain=[0, top + max(1, math.ceil(top * 0.15))], nice=False),
        ),
        tooltip=[
            alt.Tooltip("mood:N", title=t("mypage.axis_mood", language)),
            alt.Tooltip("count:Q", title=count_title),
            alt.Tooltip("share:Q", title=t("mypage.axis_share", language), format=".0%"),
        ],
    )
    bars = base.mark_bar(cornerRadiusEnd=3).encode(
        color=alt.Color("mood:N", scale=_color_scale(names), legend=None)
    )
    labels = base.mark_text(align="left", dx=4).encode(text=alt.Text("share:Q", format=".0%"))
    return (bars + labels).properties(height=alt.Step(30))


def render_mood_history(
    readings: Sequence[ReadingLike], choice: Range, now: datetime, tz: tzinfo
) -> None:
    """The summary figures and the three charts for readings already cut to ``choice``."""
    language = lang()
    stats = summary(readings, tz)
    a, b, c = st.columns(3)
    a.metric(t("mypage.metric_readings", language), stats.total)
    b.metric(t("mypage.metric_days", language), stats.days)
    c.metric(
        t("mypage.metric_top", language),
        with_emoji(stats.top, language) if stats.top else "—",
        help=t("mypage.metric_top_help", language),
    )

    span = calendar_span(choice, readings, now, tz)
    axis = time_axis(*span) if span is not None else None
    st.markdown(f"##### {t('mypage.chart_timeline', language)}")
    st.altair_chart(timeline_chart(timeline(readings, tz), language, axis), width="stretch")

    st.markdown(f"##### {t('mypage.chart_calendar', language)}")
    st.caption(t("mypage.chart_calendar_help", language))
    if span is not None:
        days = daily_dominant(readings, tz, first_day=span[0], last_day=span[1])
        calendar = calendar_chart(days, language)
        st.altair_chart(calendar, width="content" if fixed_width(calendar) else "stretch")

    st.markdown(f"##### {t('mypage.chart_distribution', language)}")
    st.altair_chart(distribution_chart(distribution(readings), language), width="stretch")
