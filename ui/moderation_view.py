"""Rendering of the Moderation page: the posts that need a look, restore or remove.

Only moderators reach the page (``ui.nav`` routes everyone else home), and every
action is re-checked in :mod:`db.moderation`, so a stale session of a revoked
moderator changes nothing. User text is shown as text, like on the board.
"""

from __future__ import annotations

import streamlit as st

from core.board import NotAllowed
from db import moderation
from ui import pages
from ui.state import CurrentUser, flash, tr
from ui.widgets import escape_markdown, format_time, run, show_error

CONFIRM = "moderation_confirm_remove"
EXCERPT = 600


def show_moderation(user: CurrentUser) -> None:
    st.caption(tr("moderation.intro"))
    outcome = run(lambda s: moderation.flagged_posts(s, moderator_id=user.id))
    if isinstance(outcome.error, NotAllowed):
        st.error(tr("moderation.not_moderator"), icon="🚫")
        return
    if not outcome.ok:
        return
    items: list[moderation.FlaggedPost] = outcome.value
    if not items:
        st.info(tr("moderation.empty"), icon="🌱")
    for item in items:
        _item(user, item)


def _item(user: CurrentUser, item: moderation.FlaggedPost) -> None:
    with st.container(border=True):
        st.markdown(f"**{escape_markdown(item.title)}**")
        meta = [escape_markdown(item.author), format_time(item.created_at)]
        meta.append(tr("moderation.reports_n", n=item.reports))
        meta.append(tr("moderation.hidden" if item.hidden else "moderation.visible"))
        st.caption(" · ".join(meta))
        body = item.body if len(item.body) <= EXCERPT else item.body[:EXCERPT] + "…"
        st.text(body)
        if st.session_state.get(CONFIRM) == item.id:
            st.warning(tr("moderation.remove_confirm"), icon="🗑️")
            row = st.container(horizontal=True)
            if row.button(
                tr("moderation.remove_yes"), type="primary", key=f"moderation_rm_yes_{item.id}"
            ):
                _act(user, item.id, remove=True)
            if row.button(tr("board.cancel"), key=f"moderation_rm_no_{item.id}"):
                st.session_state.pop(CONFIRM, None)
                st.rerun()
            return
        row = st.container(horizontal=True)
        if row.button(
            tr("moderation.restore"), icon="↩️", type="primary", key=f"moderation_restore_{item.id}"
        ):
            _act(user, item.id, remove=False)
        if row.button(tr("moderation.remove"), icon="🗑️", key=f"moderation_remove_{item.id}"):
            st.session_state[CONFIRM] = item.id
            st.rerun()
        row.page_link(pages.BOARD, label=tr("moderation.open"), query_params={"post": str(item.id)})


def _act(user: CurrentUser, post_id: int, *, remove: bool) -> None:
    if remove:
        outcome = run(lambda s: moderation.remove_post(s, moderator_id=user.id, post_id=post_id))
    else:
        outcome = run(lambda s: moderation.restore_post(s, moderator_id=user.id, post_id=post_id))
    st.session_state.pop(CONFIRM, None)
    if outcome.ok:
        flash(tr("moderation.removed" if remove else "moderation.restored"), "🛡️")
        st.rerun()
    show_error(outcome.error)
