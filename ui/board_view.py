"""Rendering for the Board page: the list, a post with its comments, the forms.

User content is always shown as text. Titles go through :func:`escape_markdown`
(Streamlit labels and headings parse Markdown); bodies and comments go through
``st.text``, which parses nothing. Nothing here uses ``unsafe_allow_html``.

Every change goes through :mod:`db.board` with the acting user's id, in one
transaction per action; ids from session state or the URL are only hints that
the data layer re-checks.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import streamlit as st

from core.board import BODY_MAX, COMMENT_MAX, TITLE_MAX, Cursor, NotAllowed
from core.emotions import EMOTIONS, with_emoji
from core.safety import CrisisResource, assess, crisis_resources, format_resources
from core.settings import get_settings
from db import board as board_db
from db.readings import latest_reading
from ui import drafts
from ui.state import CurrentUser, flash, lang, tr
from ui.widgets import (
    Outcome,
    escape_markdown,
    field_errors,
    finish_submit,
    format_time,
    limited_run,
    pager,
    post_card,
    run,
    show_error,
)


def _edited(created: datetime, updated: datetime) -> bool:
    return (updated - created).total_seconds() >= 1


def mood_labels(none_key: str = "board.mood_none") -> dict[str | None, str]:
    """Option labels for a mood picker, fixed at render time.

    (A ``format_func`` must not read session state when it is called: AppTest
    calls it again outside the script run.)
    """
    return {None: tr(none_key)} | {mood: with_emoji(mood, lang()) for mood in EMOTIONS}


def crisis_help(text: str, language: str) -> tuple[CrisisResource, ...]:
    """Crisis contacts to show the author when their text reads as a crisis, else ().

    The same keyword layer as the chat (``core.safety``); contacts follow the UI
    language and the ``CRISIS_RESOURCES`` setting.
    """
    if not assess(text, language).crisis:
        return ()
    return crisis_resources(language, get_settings().crisis_resources)


# --- list ---------------------------------------------------------------------------


def _filters_changed(query: str, mood: str | None) -> None:
    signature = (query.strip(), mood)
    if st.session_state.get("board_filters") != signature:
        st.session_state["board_filters"] = signature
        st.session_state["board_cursors"] = []


def show_list(user: CurrentUser) -> None:
    st.caption(tr("board.intro"))
    _new_post_form(user)
    search_col, mood_col = st.columns([3, 1])
    query = search_col.text_input(
        tr("board.search"),
        placeholder=tr("board.search_placeholder"),
        max_chars=100,
        key="board_q",
    )
    mood = mood_col.selectbox(
        tr("board.mood_filter"),
        [None, *EMOTIONS],
        format_func=mood_labels("board.mood_all").__getitem__,
        key="board_mood",
    )
    _filters_changed(query, mood)
    cursors: list[Cursor] = st.session_state.setdefault("board_cursors", [])
    cursor = cursors[-1] if cursors else None
    outcome = run(lambda s: board_db.list_posts(s, cursor=cursor, query=query, mood=mood))
    if not outcome.ok:
        return
    page: board_db.PostPage = outcome.value
    filtered = bool(query.strip()) or mood is not None
    if not page.items:
        st.info(tr("board.no_results" if filtered else "board.empty"), icon="🌱")
    for item in page.items:
        post_card(item)
    pager(cursors, page.next_cursor, key="board")


# --- writing ------------------------------------------------------------------------


def _reset_pending(keys: tuple[str, ...], flag: str, *, text: int) -> None:
    """Clear a form's widgets after a successful save (before they are drawn).

    The first ``text`` keys are text fields: they get "" assigned, because only
    a value set through session state reaches a widget the browser still shows
    (a deleted key left the comment just added in its box). The rest (the mood
    picker, whose default is an index) are forgotten and start from the default.
    """
    if st.session_state.pop(flag, False):
        for i, key in enumerate(keys):
            if i < text:
                st.session_state[key] = ""
            else:
                st.session_state.pop(key, None)


def _mood_index(default: str | None) -> int:
    options = [None, *EMOTIONS]
    return options.index(default) if default in options else 0


NEW_POST_KEYS = ("board_new_title", "board_new_body", "board_new_mood")


def _new_post_form(user: CurrentUser) -> None:
    _reset_pending(NEW_POST_KEYS, "board_new_reset", text=2)
    errors: dict[str, list[str]] = st.session_state.get("board_new_errors", {})
    draft = drafts.restore(user.id, "post", {NEW_POST_KEYS[0]: "title", NEW_POST_KEYS[1]: "body"})
    with st.expander(tr("board.write"), icon="✏️", expanded=bool(errors) or draft is not None):
        prefill = run(lambda s: latest_reading(s, user.id))
        latest = prefill.value.emotion if prefill.ok and prefill.value is not None else None
        with st.form("board_new", clear_on_submit=False, enter_to_submit=False):
            title = st.text_input(
                tr("board.field_title"), max_chars=TITLE_MAX, key=NEW_POST_KEYS[0]
            )
            field_errors(errors, "title")
            body = st.text_area(
                tr("board.field_body"), max_chars=BODY_MAX, height=180, key=NEW_POST_KEYS[1]
            )
            field_errors(errors, "body")
            mood = st.selectbox(
                tr("board.field_mood"),
                [None, *EMOTIONS],
                index=_mood_index(draft["mood"] if draft else latest),
                format_func=mood_labels().__getitem__,
                help=tr("board.mood_prefilled") if latest else None,
                key=NEW_POST_KEYS[2],
            )
            field_errors(errors, "mood")
            row = st.container(horizontal=True)
            submitted = row.form_submit_button(tr("board.publish"), type="primary")
            discarded = draft is not None and row.form_submit_button(tr("board.discard_draft"))
    if discarded:
        drafts.discard(user.id, "post")
        st.session_state["board_new_reset"] = True
        st.rerun()
    if not submitted:
        return
    drafts.keep(user.id, "post", {"title": title, "body": body, "mood": mood})
    outcome = limited_run(
        "posts",
        lambda s, ceiling: board_db.create_post(
            s, user_id=user.id, title=title, body=body, mood=mood, limit=ceiling
        ),
    )

    def published() -> None:
        drafts.discard(user.id, "post")
        st.session_state["board_new_reset"] = True
        st.query_params["post"] = str(outcome.value)

    finish_submit(
        outcome,
        errors_key="board_new_errors",
        done="board.created",
        icon="📝",
        on_success=published,
    )


def _post_form(user: CurrentUser, post: board_db.PostDetail) -> None:
    key = f"board_edit_{post.id}"
    errors: dict[str, list[str]] = st.session_state.get("board_edit_errors", {})
    st.subheader(tr("board.edit_title"), anchor=False)
    with st.form(key, clear_on_submit=False, enter_to_submit=False):
        title = st.text_input(tr("board.field_title"), value=post.title, max_chars=TITLE_MAX)
        field_errors(errors, "title")
        body = st.text_area(tr("board.field_body"), value=post.body, max_chars=BODY_MAX, height=220)
        field_errors(errors, "body")
        mood = st.selectbox(
            tr("board.field_mood"),
            [None, *EMOTIONS],
            index=_mood_index(post.mood),
            format_func=mood_labels().__getitem__,
        )
        row = st.container(horizontal=True)
        saved = row.form_submit_button(tr("board.save"), type="primary")
        cancelled = row.form_submit_button(tr("board.cancel"))
    if cancelled:
        _close_editor()
        st.rerun()
    if not saved:
        return
    outcome = run(
        lambda s: board_db.update_post(
            s, post_id=post.id, user_id=user.id, title=title, body=body, mood=mood
        )
    )
    finish_submit(
        outcome,
        errors_key="board_edit_errors",
        done="board.updated",
        icon="✏️",
        on_success=_close_editor,
    )


def _close_editor() -> None:
    for name in ("board_editing", "board_edit_errors"):
        st.session_state.pop(name, None)


# --- a post -------------------------------------------------------------------------


def _back_to_list() -> None:
    st.query_params.pop("post", None)
    for name in ("board_editing", "board_confirm", "board_edit_errors"):
        st.session_state.pop(name, None)


def show_post(user: CurrentUser, post_id: int) -> None:
    if st.button(tr("board.back"), key="board_back", type="tertiary"):
        _back_to_list()
        st.rerun()
    outcome = run(lambda s: board_db.get_post(s, post_id, viewer_id=user.id))
    if not outcome.ok:
        return
    post: board_db.PostDetail | None = outcome.value
    if post is None:
        st.warning(tr("board.not_found"), icon="🔍")
        return
    mine = post.user_id == user.id
    if mine and st.session_state.get("board_editing") == post.id:
        _post_form(user, post)
        return
    st.subheader(escape_markdown(post.title), anchor=False)
    meta = [escape_markdown(post.author), format_time(post.created_at)]
    if post.mood:
        meta.insert(0, with_emoji(post.mood, lang()))
    if _edited(post.created_at, post.updated_at):
        meta.append(tr("board.edited"))
    st.caption(" · ".join(meta))
    if post.hidden:
        st.warning(tr("board.hidden_notice"), icon="🚫")
    if mine:
        _crisis_box(post)
    with st.container(border=True):
        st.text(post.body)
    if mine:
        _owner_actions(user, post)
    else:
        _report(user, post)
    _comments(user, post)


def _crisis_box(post: board_db.PostDetail) -> None:
    resources = crisis_help(f"{post.title}\n{post.body}", lang())
    if not resources:
        return
    with st.container(border=True):
        st.markdown(f"#### 💛 {tr('board.crisis_title')}")
        st.write(tr("board.crisis_body"))
        st.markdown(format_resources(resources))


def _owner_actions(user: CurrentUser, post: board_db.PostDetail) -> None:
    confirm = st.session_state.get("board_confirm")
    if confirm == ("post", post.id):
        st.warning(tr("board.delete_confirm"), icon="🗑️")
        row = st.container(horizontal=True)
        if row.button(tr("board.delete_yes"), type="primary", key="board_delete_yes"):
            outcome = run(lambda s: board_db.delete_post(s, post_id=post.id, user_id=user.id))
            if outcome.ok:
                _back_to_list()
                flash(tr("board.deleted"), "🗑️")
                st.rerun()
            show_error(outcome.error)
        if row.button(tr("board.cancel"), key="board_delete_no"):
            st.session_state.pop("board_confirm", None)
            st.rerun()
        return
    row = st.container(horizontal=True)
    if row.button(tr("board.edit"), icon="✏️", key="board_edit"):
        st.session_state["board_editing"] = post.id
        st.rerun()
    if row.button(tr("board.delete"), icon="🗑️", key="board_delete"):
        st.session_state["board_confirm"] = ("post", post.id)
        st.rerun()


def _report(user: CurrentUser, post: board_db.PostDetail) -> None:
    settings = get_settings()
    if not st.button(
        tr("board.report"), icon="🚩", help=tr("board.report_help"), key="board_report"
    ):
        return
    outcome = limited_run(
        "reports",
        lambda s, ceiling: board_db.report_post(
            s,
            post_id=post.id,
            user_id=user.id,
            threshold=settings.report_hide_threshold,
            min_account_age=timedelta(hours=settings.report_min_account_age_hours),
            limit=ceiling,
        ),
    )
    if isinstance(outcome.error, NotAllowed):
        st.error(tr("board.err.report_own"), icon="⚠️")
        return
    show_error(outcome.error)
    if outcome.ok:
        message = {
            board_db.ReportOutcome.REPORTED: "board.reported",
            board_db.ReportOutcome.ALREADY: "board.report_already",
            board_db.ReportOutcome.HIDDEN: "board.report_hidden",
        }[outcome.value]
        st.success(tr(message), icon="🚩")


# --- comments -----------------------------------------------------------------------


def _comments(user: CurrentUser, post: board_db.PostDetail) -> None:
    st.markdown(f"##### {tr('board.comments', n=len(post.comments))}")
    if not post.comments:
        st.caption(tr("board.no_comments"))
    for comment in post.comments:
        _comment(user, comment)
    _comment_form(user, post)


def _comment(user: CurrentUser, comment: board_db.CommentView) -> None:
    mine = comment.user_id == user.id
    with st.container(border=True):
        meta = f"{escape_markdown(comment.author)} · {format_time(comment.created_at)}"
        if _edited(comment.created_at, comment.updated_at):
            meta += f" · {tr('board.edited')}"
        st.caption(meta)
        if mine and st.session_state.get("board_editing_comment") == comment.id:
            _comment_editor(user, comment)
            return
        st.text(comment.body)
        if not mine:
            return
        if st.session_state.get("board_confirm") == ("comment", comment.id):
            st.warning(tr("board.comment_delete_confirm"), icon="🗑️")
            row = st.container(horizontal=True)
            if row.button(
                tr("board.delete_yes"), type="primary", key=f"board_cdel_yes_{comment.id}"
            ):
                outcome = run(
                    lambda s: board_db.delete_comment(s, comment_id=comment.id, user_id=user.id)
                )
                st.session_state.pop("board_confirm", None)
                if outcome.ok:
                    flash(tr("board.comment_deleted"), "🗑️")
                    st.rerun()
                show_error(outcome.error)
            if row.button(tr("board.cancel"), key=f"board_cdel_no_{comment.id}"):
                st.session_state.pop("board_confirm", None)
                st.rerun()
            return
        row = st.container(horizontal=True)
        if row.button(tr("board.edit"), key=f"board_cedit_{comment.id}", type="tertiary"):
            st.session_state["board_editing_comment"] = comment.id
            st.rerun()
        if row.button(tr("board.delete"), key=f"board_cdel_{comment.id}", type="tertiary"):
            st.session_state["board_confirm"] = ("comment", comment.id)
            st.rerun()


def _comment_editor(user: CurrentUser, comment: board_db.CommentView) -> None:
    errors: dict[str, list[str]] = st.session_state.get("board_comment_edit_errors", {})
    with st.form(f"board_cform_{comment.id}", clear_on_submit=False, enter_to_submit=False):
        body = st.text_area(
            tr("board.comment_field"), value=comment.body, max_chars=COMMENT_MAX, height=100
        )
        field_errors(errors, "body")
        row = st.container(horizontal=True)
        saved = row.form_submit_button(tr("board.save"), type="primary")
        cancelled = row.form_submit_button(tr("board.cancel"))
    if not (cancelled or saved):
        return
    outcome = Outcome(ok=True)  # cancelling closes the editor like a save
    if saved:
        outcome = run(
            lambda s: board_db.update_comment(s, comment_id=comment.id, user_id=user.id, body=body)
        )
    finish_submit(
        outcome,
        errors_key="board_comment_edit_errors",
        done="board.comment_updated" if saved else None,
        icon="✏️",
        on_success=lambda: st.session_state.pop("board_editing_comment", None),
    )


COMMENT_KEYS = ("board_comment_body",)


def _comment_form(user: CurrentUser, post: board_db.PostDetail) -> None:
    _reset_pending(COMMENT_KEYS, "board_comment_reset", text=1)
    errors: dict[str, list[str]] = st.session_state.get("board_comment_errors", {})
    name = f"comment:{post.id}"
    draft = drafts.restore(user.id, name, {COMMENT_KEYS[0]: "body"})
    with st.form("board_comment", clear_on_submit=False, enter_to_submit=False):
        body = st.text_area(
            tr("board.comment_field"), max_chars=COMMENT_MAX, height=100, key=COMMENT_KEYS[0]
        )
        field_errors(errors, "body")
        row = st.container(horizontal=True)
        submitted = row.form_submit_button(tr("board.comment_add"), type="primary")
        discarded = draft is not None and row.form_submit_button(tr("board.discard_draft"))
    if discarded:
        drafts.discard(user.id, name)
        st.session_state["board_comment_reset"] = True
        st.rerun()
    if not submitted:
        return
    drafts.keep(user.id, name, {"body": body})
    outcome = limited_run(
        "comments",
        lambda s, ceiling: board_db.add_comment(
            s, post_id=post.id, user_id=user.id, body=body, limit=ceiling
        ),
    )

    def added() -> None:
        drafts.discard(user.id, name)
        st.session_state["board_comment_reset"] = True

    finish_submit(
        outcome,
        errors_key="board_comment_errors",
        done="board.comment_added",
        icon="💬",
        on_success=added,
    )
