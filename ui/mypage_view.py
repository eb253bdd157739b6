"""Rendering for My page: profile and password, my posts, mood history, export, deletion.

The mood history's charts are drawn by :mod:`ui.mood_charts`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import streamlit as st
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from core.auth import confirmation_matches, fields_to_clear
from core.board import Cursor
from core.mood_history import RANGES, Range, ReadingLike, in_range, range_start
from db import board as board_db
from db.maintenance import scrub
from db.readings import list_readings
from db.types import utcnow
from services.accounts import change_password, delete_account, export_json, update_profile
from ui import pages
from ui.mood_charts import render_mood_history
from ui.resources import auth_policy, session_factory
from ui.state import (
    CurrentUser,
    browser_tz,
    database_down,
    database_is_down,
    db_errors,
    db_session,
    flash,
    refresh_user,
    replace_token,
    sign_out,
    tr,
)
from ui.widgets import escape_markdown, field_errors, pager, post_card, run

log = logging.getLogger(__name__)

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
        update = update_profile(session, user.id, username=username, email=email)
        if update.user is not None:
            refresh_user(update.user)
        result = update.errors
    if result is None:
        return
    if result:
        st.session_state["mypage_profile_errors"] = result
    else:
        st.session_state.pop("mypage_profile_errors", None)
        flash(tr("mypage.profile_saved"))
    st.rerun()


PASSWORD_KEYS = {
    "current": "mypage_pw_current",
    "new": "mypage_pw_new",
    "confirm": "mypage_pw_confirm",
}


def _password_form(user: CurrentUser) -> None:
    # Widgets can only be emptied before they are drawn: the submit names the
    # fields to clear (core.auth.fields_to_clear) and reruns. Assigning "" (not
    # deleting the key) is what makes Streamlit send the empty value to the
    # browser; a deleted key leaves the typed text in the page.
    for field in st.session_state.pop("mypage_pw_clear", ()):
        st.session_state[PASSWORD_KEYS[field]] = ""
    errors: dict[str, list[str]] = st.session_state.get("mypage_password_errors", {})
    st.subheader(tr("mypage.password_title"), anchor=False)
    with st.form("mypage_password", clear_on_submit=False, enter_to_submit=False):
        current = st.text_input(
            tr("mypage.password_current"), type="password", key=PASSWORD_KEYS["current"]
        )
        field_errors(errors, "current")
        new = st.text_input(
            tr("mypage.password_new"),
            type="password",
            help=tr("auth.password_help"),
            key=PASSWORD_KEYS["new"],
        )
        field_errors(errors, "password")
        confirm = st.text_input(
            tr("mypage.password_confirm"), type="password", key=PASSWORD_KEYS["confirm"]
        )
        field_errors(errors, "confirm")
        saved = st.form_submit_button(tr("mypage.password_save"), type="primary")
    if not saved:
        return
    result = None
    with db_errors(), db_session() as session:
        result = change_password(
            session, user.id, current=current, new=new, confirm=confirm, policy=auth_policy()
        )
    if result is None:
        return
    st.session_state["mypage_pw_clear"] = fields_to_clear(result.errors)
    if result.errors:
        st.session_state["mypage_password_errors"] = result.errors
    else:
        # Every old token is revoked (this browser's too); carry on with the new one.
        if result.token:
            replace_token(result.token)
        st.session_state.pop("mypage_password_errors", None)
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
        st.page_link(pages.BOARD, label=tr("mypage.to_board"), icon="📋")
        return
    for item in page.items:
        post_card(item, author=False)
    pager(cursors, page.next_cursor, key="mypage")


# --- mood history -------------------------------------------------------------------


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
        st.page_link(pages.EMOTION, label=tr("mypage.to_emotion"), icon="🎥")
        return
    render_mood_history(readings, choice, now, tz)


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
    st.switch_page(pages.HOME)
