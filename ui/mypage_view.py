"""Rendering for My page: profile and password, my posts, mood history, export, deletion."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import datetime, tzinfo
from typing import Any

import altair as alt
import pandas as pd
import streamlit as st
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from core.auth import change_password, update_profile
from core.board import Cursor
from core.emotions import EMOTIONS, label, with_emoji
from core.mood_history import (
    RANGES,
    Range,
    ReadingLike,
    calendar_span,
    daily_dominant,
    distribution,
    in_range,
    range_start,
    summary,
    timeline,
)
from db import board as board_db
from db.account import confirmation_matches, delete_account, export_json
from db.maintenance import scrub
from db.readings import list_readings
from db.types import utcnow
from db.users import get_user
from ui.board_view import PAGE as BOARD_PAGE
from ui.board_view import browser_tz, escape_markdown, format_time, run
from ui.forms import field_errors
from ui.resources import auth_policy, session_factory
from ui.state import (
    CurrentUser,
    database_down,
    database_is_down,
    db_errors,
    db_session,
    flash,
    lang,
    refresh_user,
    replace_token,
    sign_out,
    tr,
)

log = logging.getLogger(__name__)

# One colour per emotion, the same in every chart; "no reading" is a pale grey.
COLORS: dict[str, str] = {
    "angry": "#e4572e",
    "disgust": "#6a994e",
    "fear": "#7b4fa1",
    "happy": "#f2b134",
    "sad": "#3a7ca5",
    "surprise": "#e377c2",
    "neutral": "#9aa5b1",
}
EMPTY_COLOR = "#eef0f3"


# --- profile ------------------------------------------------------------------------


def show_profile(user: CurrentUser) -> None:
    errors: dict[str, list[str]] = st.session_state.get("mypage_profile_errors", {})
    st.subheader(tr("mypage.profile_title"), anchor=False)
    with st.form("mypage_profile", clear_on_submit=False, enter_to_submit=False):
        username = st.text_input(
            tr("auth.username"), value=user.username, max_chars=16, help=tr("auth.username_help")
        )
        field_errors(errors, "username")
        email = st.text_input(tr("auth.email"), value=user.email, max_chars=254)
        field_errors(errors, "email")
        saved = st.form_submit_button(tr("mypage.profile_save"), type="primary")
    if saved:
        _save_profile(user, username, email)
    _password_form(user)


def _save_profile(user: CurrentUser, username: str, email: str) -> None:
    result: dict[str, list[str]] | None = None
    with db_errors(), db_session() as session:
        row = get_user(session, user.id)
        if row is None:
            return
        result = update_profile(session, row, username=username, email=email)
        if not result:
            refresh_user(row)
    if result is None:
        return
    if result:
        st.session_state["mypage_profile_errors"] = result
    else:
        st.session_state.pop("mypage_profile_errors", None)
        flash(tr("mypage.profile_saved"))
    st.rerun()


PASSWORD_KEYS = ("mypage_pw_current", "mypage_pw_new", "mypage_pw_confirm")


def _password_form(user: CurrentUser) -> None:
    if st.session_state.pop("mypage_pw_reset", False):
        for key in PASSWORD_KEYS:
            st.session_state.pop(key, None)
    errors: dict[str, list[str]] = st.session_state.get("mypage_password_errors", {})
    st.subheader(tr("mypage.password_title"), anchor=False)
    with st.form("mypage_password", clear_on_submit=False, enter_to_submit=False):
        current = st.text_input(
            tr("mypage.password_current"), type="password", key=PASSWORD_KEYS[0]
        )
        field_errors(errors, "current")
        new = st.text_input(
            tr("mypage.password_new"),
            type="password",
            help=tr("auth.password_help"),
            key=PASSWORD_KEYS[1],
        )
        field_errors(errors, "password")
        confirm = st.text_input(
            tr("mypage.password_confirm"), type="password", key=PASSWORD_KEYS[2]
        )
        field_errors(errors, "confirm")
        saved = st.form_submit_button(tr("mypage.password_save"), type="primary")
    if not saved:
        return
    result = None
    with db_errors(), db_session() as session:
        row = get_user(session, user.id)
        if row is None:
            return
        result = change_password(
            session, row, current=current, new=new, confirm=confirm, policy=auth_policy()
        )
    if result is None:
        return
    if result.errors:
        st.session_state["mypage_password_errors"] = result.errors
    else:
        # Every old token is revoked (this browser's too); carry on with the new one.
        if result.token:
            replace_token(result.token)
        st.session_state.pop("mypage_password_errors", None)
        st.session_state["mypage_pw_reset"] = True
        flash(tr("mypage.password_changed"), "🔒")
    st.rerun()


# --- my posts -----------------------------------------------------------------------


def show_my_posts(user: CurrentUser) -> None:
    cursors: list[Cursor] = st.session_state.setdefault("mypage_cursors", [])
    cursor = cursors[-1] if cursors else None
    outcome = run(
        lambda s: board_db.list_posts(
            s, cursor=cursor, author_id=user.id, include_hidden=True, limit=20
        )
    )
    if not outcome.ok:
        return
    page: board_db.PostPage = outcome.value
    if not page.items and not cursors:
        st.info(tr("mypage.posts_empty"), icon="✏️")
        st.page_link(BOARD_PAGE, label=tr("mypage.to_board"), icon="📋")
        return
    for item in page.items:
        with st.container(border=True):
            st.page_link(
                BOARD_PAGE,
                label=f"**{escape_markdown(item.title)}**",
                query_params={"post": str(item.id)},
                width="stretch",
            )
            meta = [format_time(item.created_at), tr("board.comments_n", n=item.comment_count)]
            if item.mood:
                meta.insert(0, with_emoji(item.mood, lang()))
            if item.hidden:
                meta.append(tr("board.hidden_badge"))
            st.caption(" · ".join(meta))
    row = st.container(horizontal=True)
    if cursors and row.button(tr("board.newer"), key="mypage_newer"):
        cursors.pop()
        st.rerun()
    if page.next_cursor is not None and row.button(tr("board.older"), key="mypage_older"):
        cursors.append(page.next_cursor)
        st.rerun()


# --- mood history -------------------------------------------------------------------


def _mood_names(language: str) -> dict[str, str]:
    return {emotion: label(emotion, language) for emotion in EMOTIONS}


def _color_scale(names: dict[str, str], *, with_empty: str | None = None) -> alt.Scale:
    domain = [names[e] for e in EMOTIONS]
    colors = [COLORS[e] for e in EMOTIONS]
    if with_empty is not None:
        domain.append(with_empty)
        colors.append(EMPTY_COLOR)
    return alt.Scale(domain=domain, range=colors)


def timeline_chart(rows: Sequence[dict[str, Any]], language: str) -> alt.Chart:
    names = _mood_names(language)
    frame = pd.DataFrame(rows, columns=["time", "emotion", "confidence"])
    frame["mood"] = frame["emotion"].map(names)
    order = [names[e] for e in EMOTIONS]
    return (
        alt.Chart(frame)
        .mark_circle(size=90, opacity=0.85)
        .encode(
            x=alt.X("time:T", title=tr("mypage.axis_time")),
            y=alt.Y("mood:N", title=None, sort=order, scale=alt.Scale(domain=order)),
            color=alt.Color("mood:N", scale=_color_scale(names), legend=None),
            tooltip=[
                alt.Tooltip("time:T", title=tr("mypage.axis_time"), format="%Y-%m-%d %H:%M"),
                alt.Tooltip("mood:N", title=tr("mypage.axis_mood")),
                alt.Tooltip("confidence:Q", title=tr("mypage.axis_confidence"), format=".0%"),
            ],
        )
        .properties(height=260)
    )


def calendar_chart(rows: Sequence[dict[str, Any]], language: str) -> alt.Chart:
    """A GitHub-style calendar: a column per week, a row per weekday, coloured by mood.

    Cells are square while the weeks fit (up to half a year); a longer history
    stretches to the page width instead of scrolling.
    """
    names = _mood_names(language)
    empty = tr("mypage.no_reading")
    weekdays = tr("mypage.weekdays").split(",")
    source = pd.DataFrame(rows, columns=["date", "week", "weekday", "emotion", "count", "total"])
    years = {week.year for week in source["week"]}
    week_format = "%m/%d" if len(years) <= 1 else "%Y-%m-%d"
    frame = pd.DataFrame(
        {
            "mood": [names.get(e, empty) if e else empty for e in source["emotion"]],
            "day": [weekdays[i] for i in source["weekday"]],
            "week_label": [w.strftime(week_format) for w in source["week"]],
            "date_label": [d.isoformat() for d in source["date"]],
            "total": source["total"],
        }
    )
    weeks = list(dict.fromkeys(frame["week_label"]))
    chart = (
        alt.Chart(frame)
        .mark_rect(cornerRadius=3, stroke="white", strokeWidth=2)
        .encode(
            x=alt.X(
                "week_label:O",
                title=tr("mypage.axis_week"),
                sort=weeks,
                axis=alt.Axis(labelAngle=0 if len(weeks) <= 8 else -45),
            ),
            y=alt.Y("day:O", title=None, sort=weekdays),
            color=alt.Color(
                "mood:N",
                scale=_color_scale(names, with_empty=empty),
                legend=alt.Legend(title=None, orient="bottom", columns=4),
            ),
            tooltip=[
                alt.Tooltip("date_label:N", title=tr("mypage.axis_date")),
                alt.Tooltip("mood:N", title=tr("mypage.axis_mood")),
                alt.Tooltip("total:Q", title=tr("mypage.axis_day_total")),
            ],
        )
        .properties(height=alt.Step(28))
    )
    if len(weeks) > 26:
        return chart
    return chart.properties(width=alt.Step(44 if len(weeks) <= 8 else 30))


def distribution_chart(rows: Sequence[dict[str, Any]], language: str) -> alt.LayerChart:
    names = _mood_names(language)
    frame = pd.DataFrame(rows, columns=["emotion", "count", "share"])
    frame["mood"] = frame["emotion"].map(names)
    order = [names[e] for e in EMOTIONS]
    base = alt.Chart(frame).encode(
        y=alt.Y("mood:N", title=None, sort=order),
        x=alt.X("count:Q", title=tr("mypage.axis_count"), axis=alt.Axis(tickMinStep=1)),
        tooltip=[
            alt.Tooltip("mood:N", title=tr("mypage.axis_mood")),
            alt.Tooltip("count:Q", title=tr("mypage.axis_count")),
            alt.Tooltip("share:Q", title=tr("mypage.axis_share"), format=".0%"),
        ],
    )
    bars = base.mark_bar(cornerRadiusEnd=3).encode(
        color=alt.Color("mood:N", scale=_color_scale(names), legend=None)
    )
    labels = base.mark_text(align="left", dx=4).encode(text=alt.Text("share:Q", format=".0%"))
    return (bars + labels).properties(height=240)


def show_mood_history(user: CurrentUser) -> None:
    choice: Range = (
        st.segmented_control(
            tr("mypage.range"),
            RANGES,
            default="week",
            format_func={r: tr(f"mypage.range_{r}") for r in RANGES}.__getitem__,
            key="mypage_range",
        )
        or "week"
    )
    tz = browser_tz()
    now = utcnow()
    outcome = run(lambda s: list_readings(s, user.id, since=range_start(choice, now, tz)))
    if not outcome.ok:
        return
    readings: list[ReadingLike] = in_range(outcome.value, choice, now, tz)
    if not readings:
        st.info(tr("mypage.mood_empty"), icon="🙂")
        st.page_link("app_pages/emotion.py", label=tr("mypage.to_emotion"), icon="🎥")
        return
    render_mood_history(readings, choice, now, tz)


def render_mood_history(
    readings: Sequence[ReadingLike], choice: Range, now: datetime, tz: tzinfo
) -> None:
    language = lang()
    stats = summary(readings, tz)
    a, b, c = st.columns(3)
    a.metric(tr("mypage.metric_readings"), stats.total)
    b.metric(tr("mypage.metric_days"), stats.days)
    c.metric(tr("mypage.metric_top"), with_emoji(stats.top, language) if stats.top else "—")

    st.markdown(f"##### {tr('mypage.chart_timeline')}")
    st.altair_chart(timeline_chart(timeline(readings, tz), language), width="stretch")

    st.markdown(f"##### {tr('mypage.chart_calendar')}")
    st.caption(tr("mypage.chart_calendar_help"))
    span = calendar_span(choice, readings, now, tz)
    if span is not None:
        days = daily_dominant(readings, tz, first_day=span[0], last_day=span[1])
        calendar = calendar_chart(days, language)
        st.altair_chart(calendar, width="content" if calendar.width else "stretch")

    st.markdown(f"##### {tr('mypage.chart_distribution')}")
    st.altair_chart(distribution_chart(distribution(readings), language), width="stretch")


# --- my data ------------------------------------------------------------------------


def _export_builder(user_id: int) -> Callable[[], bytes]:
    """Builds the JSON when the button is clicked (not on every rerun of the page)."""

    def build() -> bytes:
        try:
            with db_session() as session:
                return export_json(session, user_id).encode("utf-8")
        except OperationalError as exc:
            database_down(exc)  # the next run of any page shows the outage message
            raise

    return build


def show_data(user: CurrentUser) -> None:
    st.subheader(tr("mypage.export_title"), anchor=False)
    st.write(tr("mypage.export_body"))
    stamp = utcnow().strftime("%Y%m%d")
    # The file is built when clicked, outside the page run, where a failure can
    # only show Streamlit's generic "Failed to generate file"; while the database
    # is known to be down the button waits, saying why.
    down = database_is_down()
    st.download_button(
        tr("mypage.export_button"),
        data=_export_builder(user.id),
        file_name=f"show-your-emotion-{user.username}-{stamp}.json",
        mime="application/json",
        icon="⬇️",
        on_click="ignore",
        key="mypage_export",
        disabled=down,
    )
    if down:
        st.caption(tr("mypage.export_unavailable"))
    st.divider()
    _delete_account(user)


def _delete_account(user: CurrentUser) -> None:
    st.subheader(tr("mypage.delete_title"), anchor=False)
    st.warning(tr("mypage.delete_body"), icon="⚠️")
    with st.form("mypage_delete", clear_on_submit=False, enter_to_submit=False):
        typed = st.text_input(
            tr("mypage.delete_confirm_label", name=escape_markdown(user.username)),
            key="mypage_delete_confirm",
        )
        submitted = st.form_submit_button(tr("mypage.delete_button"), type="primary")
    if not submitted:
        return
    if not confirmation_matches(user.username, typed):
        st.error(tr("mypage.delete_mismatch"), icon="⚠️")
        return
    deleted = False
    with db_errors(), db_session() as session:
        deleted = delete_account(session, user.id, typed)
    if not deleted:
        return
    try:  # make the deletion physical (WAL, free pages); the account is gone either way
        scrub(session_factory().kw["bind"])
    except SQLAlchemyError:
        log.warning("scrubbing the database after an account deletion failed", exc_info=True)
    sign_out(explicit=True)
    flash(tr("mypage.deleted"), "👋")
    st.switch_page("app_pages/home.py")
