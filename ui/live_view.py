"""Live mode: the webcam through streamlit-webrtc, annotated by the vision engine.

The frame callback runs in a worker thread owned by streamlit-webrtc; it never
touches ``st.*``. The page reads the processor's latest smoothed reading from a
lock-guarded holder in a small fragment that refreshes twice a second, so the
video keeps its frame rate while the readout stays current.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Mapping

import streamlit as st
from streamlit_webrtc import WebRtcMode, webrtc_streamer
from streamlit_webrtc.component import generate_frontend_component_key

from core.capture import Capture
from core.emotions import EMOJI, EMOTIONS, label
from core.live import (
    AutostartGate,
    LiveEmotionProcessor,
    ReadoutKind,
    readout_for,
    shared_budget,
)
from core.settings import get_settings
from ui.auto_rerun import keep_armed
from ui.emotion_state import set_pending_capture
from ui.ice import rtc_configuration
from ui.state import lang, tr
from ui.webrtc_text import webrtc_translations

READOUT_PERIOD_S = 0.5
LIVE_KEY = "emotion-live"
PROCESSOR_KEY = "live_processor"
_KEY_NONCE = "live_key_nonce"
_AUTOSTART = "live_autostart"  # {component key: AutostartGate} for autostarting streams
CAPTURED = "live_captured"  # set by the Capture click: the fragment reruns the whole page


def _processor() -> LiveEmotionProcessor:
    """One processor per browser session: its tracker follows this person's face."""
    if PROCESSOR_KEY not in st.session_state:
        st.session_state[PROCESSOR_KEY] = LiveEmotionProcessor()
    return st.session_state[PROCESSOR_KEY]


def live_key() -> str:
    """The video component's key, new after each :func:`stop`.

    The browser keeps a component's last value under its key and sends it again
    when a component with that key appears, even in a wiped session: a stream
    started under an old key would be answered for the old connection's SDP
    offer and never play.
    """
    nonce = st.session_state.setdefault(_KEY_NONCE, secrets.token_hex(4))
    return f"{LIVE_KEY}-{nonce}"


def render(help_key: str = "emotion.live_help", autostart: bool = False) -> None:
    """The video with its overlay and the readout beside it.

    ``autostart`` plays as soon as the page shows, without the START button: for the
    kiosk, whose visitor has just accepted the notice and whose browser is granted
    the camera by policy.
    """
    processor = _processor()
    processor.set_language(lang())
    st.caption(tr(help_key))
    budget = shared_budget()
    if not budget.has_room(processor, get_settings().live_max_sessions):
        # Past this many streams every page and readout in the process stalls.
        st.warning(tr("live.full", n=budget.live_sessions()), icon="⏳")
        return
    video, readout = st.columns([3, 2], gap="large")
    key = live_key()
    with video:
        context = webrtc_streamer(
            key=key,
            mode=WebRtcMode.SENDRECV,
            rtc_configuration=rtc_configuration(),
            media_stream_constraints={
                "video": {"width": {"ideal": 640}, "height": {"ideal": 480}},
                "audio": False,
            },
            video_frame_callback=processor,
            async_processing=True,
            desired_playing_state=_autostart(key) if autostart else None,
            translations=webrtc_translations(lang()),
        )
    with readout:
        _readout(processor, context)


def _autostart(key: str) -> bool:
    """Whether the autostarting component may play now (see :class:`core.live.AutostartGate`).

    Asking it to play as it mounts made the browser open several connections, one
    of which the server answered, and the camera often never connected (README,
    *Kiosk mode*). The component's last reported value is its widget state.
    """
    gate = st.session_state.setdefault(_AUTOSTART, {}).setdefault(key, AutostartGate())
    value = st.session_state.get(generate_frontend_component_key(key))
    return gate.desired(value if isinstance(value, Mapping) else None, time.monotonic())


def _autostart_due() -> bool:
    gate = st.session_state.get(_AUTOSTART, {}).get(live_key())
    return gate is not None and gate.due(time.monotonic())


def stop() -> bool:
    """Stop this session's video stream now and forget its reading; True if one was running.

    streamlit-webrtc tears a stream down only when its component is drawn again and
    finds the browser side gone, so a page that stops drawing it (the kiosk wiping
    a visit) would leave the server receiving frames until the connection times
    out. This stops the worker directly (through the context's accessor; the
    library has no public call for it), and the next ``render`` uses a new key.
    The stopped context stays in session state: the browser may still report the
    old component's last state change, and the library's callback looks it up.
    """
    context = st.session_state.get(live_key())
    st.session_state.get(_AUTOSTART, {}).pop(live_key(), None)
    st.session_state.pop(_KEY_NONCE, None)
    worker = context._get_worker() if hasattr(context, "_get_worker") else None
    if worker is not None:
        worker.stop()
        context._set_worker(None)
    processor = st.session_state.pop(PROCESSOR_KEY, None)
    if processor is not None and hasattr(processor, "reset"):
        processor.reset()
    return worker is not None


def stream_keys() -> list[str]:
    """Session-state keys of this session's video contexts (stopped ones included)."""
    return [key for key in st.session_state if str(key).startswith(f"{LIVE_KEY}-")]


def _score_bars(scores: Mapping[str, float], current: str) -> None:
    """The 7 scores as bars: cheap to build, send and draw twice a second.

    The readout used the Altair chart the confirm panel shows; rebuilt twice a
    second it cost the server a chart spec and an Arrow table per refresh and each
    browser a Vega compile and render: with four live tabs on two cores the chart
    was still a blank box in screenshots and the tabs fell behind on the timers
    that ask for the next refresh (README, *Capacity*).
    """
    for emotion in EMOTIONS:
        value = min(1.0, max(0.0, float(scores.get(emotion, 0.0))))
        st.progress(value, text=f"{EMOJI[emotion]} {label(emotion, current)} · {value:.0%}")


def _playing(context: object) -> bool:
    """Whether the stream plays now (the context's state is updated on every full run)."""
    return bool(getattr(getattr(context, "state", None), "playing", False))


@st.fragment(run_every=READOUT_PERIOD_S)
def _readout(processor: LiveEmotionProcessor, context: object) -> None:
    """The reading beside the video, refreshed twice a second; never left empty.

    It reads the stream's state from the context on each run (an argument captured
    at the last full run would keep saying what was true then) and the processor's
    newest snapshot, and renders whatever :func:`core.live.readout_for` decides.
    Each run re-sends the browser its refresh timer (:mod:`ui.auto_rerun`): under
    load the one a full run sends can be lost, and the readout would freeze.
    """
    keep_armed(READOUT_PERIOD_S)
    if st.session_state.pop(CAPTURED, False):
        st.rerun(scope="app")  # a capture was just taken: the page shows its card
    if _autostart_due():
        st.rerun(scope="app")  # the idle video component may now be asked to play
    state = readout_for(processor.latest(), _playing(context), time.time())
    if state.kind is ReadoutKind.FAILING:
        st.warning(tr("live.analysis_failed"), icon="⚠️")  # the video itself keeps going
        return
    if state.kind is ReadoutKind.OFF:
        st.info(tr("emotion.readout_off"))
        return
    if state.kind is ReadoutKind.WAITING:
        st.info(tr("live.waiting_first"), icon="⏳")
        return
    snapshot = state.snapshot
    if state.kind is ReadoutKind.NO_FACE:
        st.info(tr("emotion.readout_waiting"))
        st.caption(tr("emotion.no_face"))  # frames arrive but no face: how to fix it
        return
    current = lang()
    st.metric(
        tr("emotion.readout_label"),
        f"{EMOJI[snapshot.emotion]} {label(snapshot.emotion, current)}",
        f"{tr('emotion.confidence')} {snapshot.confidence:.0%}",
        delta_color="off",
        delta_arrow="off",
    )
    if state.stale:
        st.caption(tr("live.stale", age=state.age))
    _score_bars(snapshot.scores, current)
    st.caption(tr("emotion.fps", fps=snapshot.fps))
    st.caption(tr("live.rate_age", rate=snapshot.analysis_fps, age=state.age))
    # The capture is built now, from the snapshot on screen, and bound to the
    # button: a click saves exactly what the person saw, not the next analysis.
    shown = Capture.of_face(snapshot, source="live", faces=snapshot.faces)
    st.button(
        tr("emotion.capture"),
        type="primary",
        key="capture_live",
        width="stretch",
        on_click=_capture,
        args=(shown,),
    )


def _capture(capture: Capture) -> None:
    """Offer the capture for confirmation; the whole page reruns to show the card."""
    set_pending_capture(capture)
    st.session_state[CAPTURED] = True
