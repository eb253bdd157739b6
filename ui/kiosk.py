"""Kiosk mode glue: the booth's pages, its look, the visit in session state, the idle wipe.

With ``KIOSK=1`` Home.py hands navigation to :func:`navigation`: four pages
(attract, notice, camera, chat) and nothing else — no login, board or My page,
no sidebar. Nothing here touches the database or the disk: the reading and the
conversation live in session state (the chat view gets a ``MemoryChats`` store),
and :func:`wipe` drops all of it, stopping the video stream first.

The idle wipe: a Streamlit script runs only when the visitor does something, so
every full run of a kiosk page counts as activity (:func:`enter`), and a small
fragment with ``run_every`` (the watchdog) looks at the clock between runs and
wipes the visit once it has been idle for ``KIOSK_IDLE_S``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Final

import streamlit as st

from core.i18n import LANGUAGE_NAMES, LANGUAGES
from core.kiosk import (
    KIOSK_VISITOR_ID,
    MemoryChats,
    Stage,
    Visit,
    check_period,
    qr_png,
    takeaway_text,
    warning_window,
)
from core.settings import get_settings
from ui import live_view, pages
from ui.chat_view import show_chat_page
from ui.emotion_state import (
    VisitMoods,
    pending_capture,
)
from ui.emotion_view import confirm_step
from ui.resources import vision_ready
from ui.state import CurrentUser, lang, set_language, tr

VISIT: Final = "kiosk_visit"
CHATS: Final = "kiosk_chats"
WIPED: Final = "kiosk_wiped"  # set right after a wipe: the attract screen says so once
LANG_PICK: Final = "kiosk_lang"
STOPPED_STREAMS: Final = "kiosk_stopped_streams"  # video contexts kept through the last wipe
QR: Final = "kiosk_qr"  # (summary, PNG) of the take-away code, wiped with the rest

PAGES: Final[dict[Stage, tuple[str, str, str]]] = {
    # stage: (file, url path, icon)
    Stage.ATTRACT: (pages.KIOSK, "start", "🙂"),
    Stage.NOTICE: (pages.KIOSK_NOTICE, "notice", "ℹ️"),
    Stage.EMOTION: (pages.KIOSK_EMOTION, "camera", "🎥"),
    Stage.CHAT: (pages.KIOSK_CHAT, "talk", "💬"),
}

# Large type, touch-sized buttons, and none of Streamlit's own chrome (menu, toolbar,
# sidebar): a visitor should find nothing to press but the booth's own buttons.
STYLE: Final = """
<style>
header[data-testid="stHeader"], [data-testid="stSidebar"],
[data-testid="stExpandSidebarButton"], [data-testid="stToolbar"] { display: none; }
.block-container { padding-top: 1.5rem; max-width: 1400px; }
.stMarkdown p, .stMarkdown li, [data-testid="stCaptionContainer"] { font-size: 1.3rem; }
h1 { font-size: 3rem !important; }
button[data-testid^="stBaseButton"] { min-height: 3.5rem; min-width: 3.5rem; }
button[data-testid^="stBaseButton"] p { font-size: 1.3rem; }
button[data-testid="stBaseButton-primary"] { min-height: 4.5rem; }
button[data-testid="stBaseButton-primary"] p { font-size: 1.7rem; font-weight: 600; }
[data-testid="stChatInput"] textarea { font-size: 1.3rem; }
</style>
"""

_clock: Callable[[], float] = time.monotonic  # tests move time forward


def navigation() -> st.Page:
    """The kiosk's pages; the attract screen is the default."""
    pages = [
        st.Page(
            path, title=tr("app.title"), icon=icon, url_path=url, default=stage == Stage.ATTRACT
        )
        for stage, (path, url, icon) in PAGES.items()
    ]
    return st.navigation(pages, position="hidden")


def page_of(stage: Stage) -> str:
    return PAGES[stage][0]


def visit() -> Visit:
    current = st.session_state.get(VISIT)
    if current is None:
        current = Visit(last_activity=_clock())
        st.session_state[VISIT] = current
    return current


def memory_chats() -> MemoryChats:
    chats = st.session_state.get(CHATS)
    if chats is None:
        chats = MemoryChats()
        st.session_state[CHATS] = chats
    return chats


def visitor() -> CurrentUser:
    """The chat view's "user": one anonymous visitor, never stored."""
    return CurrentUser(KIOSK_VISITOR_ID, "", "", lang())


# --- every page -------------------------------------------------------------------------


def enter(stage: Stage) -> Visit:
    """The start of every kiosk page run: look, gate, activity, top bar, watchdog.

    A page asked for ahead of the visitor's progress (a typed URL, or the page a
    wiped session was on) shows the furthest stage they reached instead, so the
    camera never starts before the notice.
    """
    st.html(STYLE)
    current = visit()
    timeout = get_settings().kiosk_idle_s
    if current.started and current.is_idle(_clock(), timeout):
        end_visit()  # idle past the limit before the watchdog's next look: wiped all the same
    shown = current.allowed(stage)
    if shown != stage:
        st.switch_page(page_of(shown))
    current.touch(_clock())
    _top_bar(stage)
    if current.started:
        # In a container of its own, which every full run draws (empty or not): a
        # fragment drawing its first element later would otherwise land on the page's
        # next slot and remount what is there, the video included.
        with st.container():
            st.fragment(_watchdog, run_every=check_period(timeout))(timeout)
    return current


def _top_bar(stage: Stage) -> None:
    title, controls = st.columns([3, 2], vertical_alignment="center")
    title.markdown(f"#### 🙂 {tr('app.title')}")
    with controls, st.container(horizontal=True, horizontal_alignment="right"):
        st.session_state[LANG_PICK] = lang()
        st.segmented_control(
            tr("kiosk.language"),
            LANGUAGES,
            format_func=LANGUAGE_NAMES.__getitem__,
            key=LANG_PICK,
            on_change=_language_picked,
            label_visibility="collapsed",
        )
        if stage != Stage.ATTRACT and st.button(
            tr("kiosk.end"), key="kiosk_end", icon="⏹️", type="secondary"
        ):
            end_visit()


def _language_picked() -> None:
    choice = st.session_state.get(LANG_PICK)
    if choice in LANGUAGES:
        set_language(choice)  # no account in a kiosk: this only sets the session's language
        visit().chose_language = True


def _still_here() -> None:
    visit().touch(_clock())


def _watchdog(timeout: float) -> None:
    """Runs every few seconds between script runs: wipe when idle, warn shortly before."""
    current = st.session_state.get(VISIT)
    if current is None:
        return
    now = _clock()
    if current.is_idle(now, timeout):
        end_visit()
    left = current.seconds_left(now, timeout)
    if left <= warning_window(timeout):
        with st.container(border=True):
            st.warning(tr("kiosk.still_there", seconds=round(left)), icon="⏳")
            st.button(tr("kiosk.continue"), key="kiosk_still_here", on_click=_still_here)


def wipe() -> None:
    """Forget the visit: stop the video stream, then drop every key of the session.

    The language goes too, so the next visitor gets the browser's (or the default).
    Only this visit's stopped video contexts stay (connection bookkeeping, nothing of
    the visitor's), because the browser may still report the old stream's end to
    them; they go at the next wipe, so a booth running all day does not pile them up.
    """
    live_view.stop()
    older = set(st.session_state.get(STOPPED_STREAMS, ()))
    streams = {key: st.session_state[key] for key in live_view.stream_keys() if key not in older}
    st.session_state.clear()
    st.session_state.update(streams)
    st.session_state[STOPPED_STREAMS] = tuple(streams)
    st.session_state[WIPED] = True


def end_visit() -> None:
    """End pressed or idle: wipe and show the attract screen."""
    wipe()
    st.switch_page(page_of(Stage.ATTRACT))


# --- the stages -------------------------------------------------------------------------


def attract() -> None:
    current = enter(Stage.ATTRACT)
    if st.session_state.pop(WIPED, False):
        st.caption(f"🧹 {tr('kiosk.wiped')}")
    st.title(tr("kiosk.attract_title"))
    st.markdown(tr("kiosk.attract_body"))
    if st.button(tr("kiosk.start"), key="kiosk_start", type="primary", width="stretch"):
        current.reach(Stage.NOTICE)
        st.switch_page(page_of(Stage.NOTICE))


def notice() -> None:
    """What the system does and who runs it, before the camera starts (AI Act Art. 50(3))."""
    current = enter(Stage.NOTICE)
    settings = get_settings()
    st.title(tr("kiosk.notice_title"))
    st.markdown(
        tr(
            "kiosk.notice_body",
            idle=round(settings.kiosk_idle_s),
            operator=settings.kiosk_operator.strip() or tr("kiosk.operator_unset"),
        )
    )
    st.caption(tr("kiosk.notice_legal"))
    if st.button(tr("kiosk.accept"), key="kiosk_accept", type="primary", width="stretch"):
        current.reach(Stage.EMOTION)
        st.switch_page(page_of(Stage.EMOTION))


def camera() -> None:
    """Live reading with Capture; a captured reading stops the video and asks to confirm."""
    current = enter(Stage.EMOTION)
    vision_ready()
    capture = pending_capture()
    if capture is None:
        st.title(f"🎥 {tr('kiosk.camera_title')}")
        live_view.render(help_key="kiosk.live_help", autostart=True)
        return
    live_view.stop()  # the reading is frozen: no more frames needed
    if confirm_step(capture, VisitMoods()) is not None:
        current.reach(Stage.CHAT)
        st.switch_page(page_of(Stage.CHAT))


def chat() -> None:
    """The shared Chat page over a memory store, then the optional take-away code."""
    enter(Stage.CHAT)
    chats = memory_chats()
    show_chat_page(
        visitor(),
        store=chats,
        moods=VisitMoods(),
        capture_page=page_of(Stage.EMOTION),
        history=False,
    )
    mood = VisitMoods().current()
    if get_settings().kiosk_qr and mood is not None:
        with st.expander(f"📱 {tr('kiosk.takeaway_title')}"):
            text = takeaway_text(mood.emotion, lang(), chats.first_reply(KIOSK_VISITOR_ID))
            cached = st.session_state.get(QR)
            if cached is None or cached[0] != text:  # ~50 ms to draw: once per summary
                cached = (text, qr_png(text))
                st.session_state[QR] = cached
            left, right = st.columns([1, 2], vertical_alignment="center")
            left.image(cached[1], width=260, output_format="PNG")  # sharp edges, no JPEG
            right.caption(tr("kiosk.takeaway_help"))
