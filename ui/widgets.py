"""View helpers shared by the pages: formatting, post cards, the pager, forms.

One module so the Board, My page and Moderation render the same things the
same way (a post card looks alike in the board list and under "My posts"),
and so a form's "saved / invalid / failed" handling is written once:

- formatting: :func:`escape_markdown` (user text shown exactly as typed),
  :func:`format_time` (a moment in the visitor's time zone);
- :func:`post_card` and :func:`pager` (keyset pages of posts);
- one action = one transaction: :func:`run`, :func:`limited_run` and the
  :class:`Outcome` they return;
- forms: :func:`field_errors` under each field, :func:`finish_submit` after a
  submit, :func:`show_error` for a failure that is not about one field.

Everything here reads the language and time zone from :mod:`ui.state`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

import streamlit as st
from sqlalchemy.orm import Session

from core.board import BoardError, Cursor, InvalidInput
from core.emotions import with_emoji
from core.markup import break_links
from core.ratelimit import Limit, RateLimited
from db.board import PostSummary
from db.types import utcnow
from ui import limits
from ui.pages import BOARD
from ui.state import browser_tz, db_errors, db_session, flash, lang, tr

T = TypeVar("T")

# --- formatting -----------------------------------------------------------------------

# Every ASCII punctuation character may be backslash-escaped in CommonMark; an
# escaped one is always literal, so no link, image, emphasis, heading, list,
# HTML tag, entity, math ($), directive (:red[...]) or shortcode (:smile:)
# can form by syntax. Non-ASCII text (Hangul, emoji) is untouched.
_MD_SPECIAL = re.compile(r"([!-/:-@\[-`{-~])")


def escape_markdown(text: str) -> str:
    """Text that Streamlit's Markdown shows exactly as typed, on one line.

    Escapes alone do not stop GitHub's automatic links (they are found after
    escapes are resolved), so URL, www and email sequences are also broken with
    an invisible word joiner (:func:`core.markup.break_links`).
    """
    # Joiners first: inserted after the escaping, one could split "\\@" and
    # leave a visible backslash.
    return _MD_SPECIAL.sub(r"\\\1", break_links(" ".join(text.split())))


def format_time(moment: datetime) -> str:
    """Date and minute in the visitor's time zone (the browser's, else UTC)."""
    return moment.astimezone(browser_tz()).strftime("%Y-%m-%d %H:%M")


# --- posts ------------------------------------------------------------------------------


def post_card(item: PostSummary, *, author: bool = True) -> None:
    """One post in a list: its title links to the post, a line of facts below.

    ``author=False`` under "My posts", where every post is the reader's own.
    """
    with st.container(border=True):
        st.page_link(
            BOARD,
            label=f"**{escape_markdown(item.title)}**",
            query_params={"post": str(item.id)},
            width="stretch",
        )
        meta = [format_time(item.created_at), tr("board.comments_n", n=item.comment_count)]
        if author:
            meta.insert(0, escape_markdown(item.author))
        if item.mood:
            meta.insert(0, with_emoji(item.mood, lang()))
        if item.hidden:
            meta.append(tr("board.hidden_badge"))
        st.caption(" · ".join(meta))


def pager(cursors: list[Cursor], next_cursor: Cursor | None, *, key: str) -> None:
    """Newer / page n / Older under a keyset-paged list.

    ``cursors`` is the stack of pages walked so far (kept in session state by the
    caller, empty on the first page); buttons are keyed ``{key}_newer`` and
    ``{key}_older``. Nothing is drawn when everything fits on one page.
    """
    if not cursors and next_cursor is None:
        return
    newer, where, older = st.columns([1, 1, 1], vertical_alignment="center")
    if cursors and newer.button(tr("board.newer"), key=f"{key}_newer"):
        cursors.pop()
        st.rerun()
    where.caption(tr("board.page", n=len(cursors) + 1))
    if next_cursor is not None and older.button(tr("board.older"), key=f"{key}_older"):
        cursors.append(next_cursor)
        st.rerun()


# --- one action = one transaction ----------------------------------------------------


@dataclass
class Outcome:
    ok: bool = False
    value: Any = None
    error: BoardError | RateLimited | None = None


def run(action: Callable[[Session], T]) -> Outcome:
    """Run ``action`` in one transaction; a domain error rolls it back and is returned.

    A database outage shows the friendly message (``db_errors``) and returns
    ``ok=False`` with no error, so what the user typed stays in the widgets.
    """
    outcome = Outcome()
    try:
        with db_errors(), db_session() as session:
            outcome.value = action(session)
            outcome.ok = True
    except (BoardError, RateLimited) as exc:
        outcome.error = exc
    return outcome


def limited_run(action_name: str, action: Callable[[Session, Limit], T]) -> Outcome:
    """``run`` under the rate limits of ``action_name``: this session's, then the account's."""
    ceiling = limits.limit(action_name)
    counter = limits.session_counter()
    try:
        counter.check(action_name, ceiling, utcnow())
    except RateLimited as exc:
        return Outcome(error=exc)
    outcome = run(lambda s: action(s, ceiling))
    if outcome.ok:
        counter.record(action_name, utcnow())
    return outcome


# --- forms ------------------------------------------------------------------------------


def field_errors(errors: dict[str, list[str]], field: str) -> None:
    """The messages for one field, right under it."""
    for key in errors.get(field, []):
        st.error(tr(key), icon="⚠️")


def show_error(error: BoardError | RateLimited | None) -> None:
    """A failure that is not about one field (rate limit, not found, not allowed)."""
    if isinstance(error, RateLimited):
        st.error(limits.message(error), icon="⏳")
    elif error is not None and not isinstance(error, InvalidInput):
        st.error(tr(error.key), icon="⚠️")


def finish_submit(
    outcome: Outcome,
    *,
    errors_key: str,
    done: str | None = None,
    icon: str = "✅",
    on_success: Callable[[], None] | None = None,
) -> None:
    """What every form does after its action ran.

    - saved: forget the form's errors, call ``on_success`` (close an editor,
      drop a draft, ask for the fields to be cleared), flash ``done`` (an i18n
      key) and rerun, so the page shows the new state;
    - invalid input: keep the errors per field under ``errors_key`` for the
      form to show under each field (``field_errors``) and rerun; what was
      typed stays in the widgets;
    - any other failure: show it here, on this run (no rerun).
    A database outage (``ok`` false, no error) shows nothing more: ``run``
    already showed the outage message.
    """
    if outcome.ok:
        st.session_state.pop(errors_key, None)
        if on_success is not None:
            on_success()
        if done is not None:
            flash(tr(done), icon)
        st.rerun()
    if isinstance(outcome.error, InvalidInput):
        st.session_state[errors_key] = outcome.error.errors
        st.rerun()
    show_error(outcome.error)
