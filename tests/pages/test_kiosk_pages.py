"""The kiosk flow through AppTest (KIOSK=1), with streamlit-webrtc stubbed.

Attract screen, notice, live reading and capture, chat, End, the idle wipe; the
database file named in the settings must never even be created.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest
from streamlit.testing.v1 import AppTest

from core.kiosk import MemoryChats, Stage
from tests.pages.conftest import HOME, texts
from tests.pages.test_emotion_page import FakeProcessor, stub_webrtc  # noqa: F401 - fixture
from ui.live_view import LIVE_KEY

OPERATOR = "Acme Demo Team"


class FakeWorker:
    def __init__(self) -> None:
        self.stopped = 0

    def stop(self) -> None:
        self.stopped += 1


class FakeContext:
    """What streamlit-webrtc keeps in session state under the component's key."""

    def __init__(self, worker: FakeWorker) -> None:
        self.worker: FakeWorker | None = worker
        self.state = SimpleNamespace(playing=True)

    def _get_worker(self) -> FakeWorker | None:
        return self.worker

    def _set_worker(self, worker: FakeWorker | None) -> None:
        self.worker = worker


@pytest.fixture
def workers(stub_webrtc: FakeProcessor, monkeypatch: pytest.MonkeyPatch) -> list[FakeWorker]:  # noqa: F811
    """Like the library, each drawn stream leaves its context (with a worker) in session state."""
    import streamlit as st

    import ui.live_view

    started: list[FakeWorker] = []
    draw = ui.live_view.webrtc_streamer

    def streamer(**kwargs):  # type: ignore[no-untyped-def]
        if kwargs["key"] not in st.session_state:
            started.append(FakeWorker())
            st.session_state[kwargs["key"]] = FakeContext(started[-1])
        return draw(**kwargs)

    monkeypatch.setattr(ui.live_view, "webrtc_streamer", streamer)
    return started


@pytest.fixture
def kiosk_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    import streamlit as st

    from core.settings import get_settings

    monkeypatch.setenv("KIOSK", "1")
    monkeypatch.setenv("KIOSK_OPERATOR", OPERATOR)
    monkeypatch.setenv("KIOSK_IDLE_S", "60")
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'never.db'}")
    monkeypatch.setenv("DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("CHAT_OFFLINE_DELAY_S", "0")
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "JWT_SECRET"):
        monkeypatch.delenv(name, raising=False)
    get_settings.cache_clear()
    st.cache_resource.clear()
    yield tmp_path
    get_settings.cache_clear()
    st.cache_resource.clear()
    # Nothing was written: not the database, not the generated JWT secret, nothing.
    assert sorted(p.name for p in tmp_path.iterdir()) == []


@pytest.fixture
def kiosk(kiosk_env: Path) -> Callable[..., AppTest]:
    def factory(lang: str | None = "en") -> AppTest:
        at = AppTest.from_file(HOME, default_timeout=30)
        if lang:
            at.session_state["lang"] = lang
        return at.run()

    return factory


def button(at: AppTest, label: str):
    return next(b for b in at.button if b.label == label)


def live_contexts(at: AppTest) -> list[FakeContext]:
    """The video contexts still holding a worker (a stopped one lets go of it)."""
    return [
        v
        for k, v in at.session_state.items()
        if k.startswith(LIVE_KEY) and v._get_worker() is not None
    ]


def to_camera(at: AppTest) -> AppTest:
    at.button(key="kiosk_start").click().run()
    at.button(key="kiosk_accept").click().run()
    assert not at.exception, at.exception
    return at


def test_attract_screen_has_start_and_a_language_switch_and_nothing_else(kiosk) -> None:
    at = kiosk(lang=None)
    assert not at.exception, at.exception
    assert at.title[0].value == "지금 내 표정, 읽어 볼까요?"  # Korean by default
    assert [b.key for b in at.button] == ["kiosk_start"]  # no End before a visit starts
    assert len(at.sidebar) == 0  # no sidebar, so no login, board or My page links
    assert not at.get("page_link")
    switch = at.button_group(key="kiosk_lang")
    assert switch.options == ["한국어", "English"]
    switch.set_value("en").run()
    assert at.title[0].value == "What does your face say?"
    assert at.session_state["kiosk_visit"].chose_language


def test_the_notice_comes_before_the_camera(kiosk, workers: list[FakeWorker]) -> None:
    at = kiosk()
    at.button(key="kiosk_start").click().run()
    body = texts(at)
    assert "estimate of an expression" in body and "not a reading of what you" in body
    assert "nothing is kept" in body and "in memory only" in body
    assert f"Run by: **{OPERATOR}**" in body
    assert "Article 50(3)" in body and "60 seconds" in body
    assert workers == []  # the camera has not been asked for


def test_a_typed_url_cannot_skip_the_notice(kiosk, workers: list[FakeWorker]) -> None:
    at = kiosk()
    at.switch_page("app_pages/kiosk_emotion.py").run()
    assert not at.exception, at.exception
    assert at.button(key="kiosk_start")  # back on the attract screen
    assert workers == []
    at.switch_page("app_pages/kiosk_chat.py").run()
    assert at.button(key="kiosk_start") and not at.chat_input


def test_a_visit_reads_captures_chats_and_ends_clean(
    kiosk,
    stub_webrtc: FakeProcessor,  # noqa: F811 - the imported fixture
    workers: list[FakeWorker],
) -> None:
    at = to_camera(kiosk())
    [call] = stub_webrtc.calls
    # No START button (None would draw one): it is asked to play once it has mounted
    # and settled in the browser (core.live.AutostartGate, the browser test).
    assert call["desired_playing_state"] is False
    assert "happy" in at.metric[0].value
    at.button(key="capture_live").click().run()
    assert workers[0].stopped == 1  # the frozen reading needs no more video
    assert "I think you look **happy** 😊" in texts(at)
    at.button(key="confirm_reading").click().run()
    assert not at.exception, at.exception
    assert at.session_state["kiosk_visit"].reached == Stage.CHAT
    assert "Current emotion" in texts(at) or "happy" in texts(at).lower()
    assert not [b for b in at.button if b.key in ("chat_new", "chat_clear")]  # one conversation

    at.chat_input(key="chat_input").set_value("What should I eat to celebrate?").run()
    assert not at.exception, at.exception
    chats: MemoryChats = at.session_state["kiosk_chats"]
    assert [m.role for m in chats.stored] == ["user", "assistant"]
    reply = chats.first_reply()
    assert reply and reply in texts(at)
    assert at.expander[-1].label == "📱 Take it with you"
    [code] = at.get("image")  # the take-away QR code, served from memory
    assert code.value[0].endswith(".png")

    button(at, "End").click().run()
    assert not at.exception, at.exception
    assert at.button(key="kiosk_start")
    for key in ("kiosk_chats", "kiosk_qr", "current_emotion", "pending_reading", "chat_input"):
        assert key not in at.session_state
    assert not live_contexts(at)
    # The language went with the rest: the next visitor starts in the default, Korean.
    assert "이전 방문자의 내용은 모두 지워졌어요." in texts(at)
    assert at.title[0].value == "지금 내 표정, 읽어 볼까요?"

    # The next visitor: a fresh camera, an empty chat.
    to_camera(at)
    assert len(workers) == 2 and "kiosk_chats" not in at.session_state
    assert reply not in texts(at)


def test_end_during_the_live_video_stops_the_stream(kiosk, workers: list[FakeWorker]) -> None:
    at = to_camera(kiosk())
    assert workers[0].stopped == 0
    button(at, "End").click().run()
    assert workers[0].stopped == 1
    assert not live_contexts(at) and at.button(key="kiosk_start")


def test_an_idle_visit_is_wiped_and_its_video_stopped(
    kiosk, workers: list[FakeWorker], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The watchdog fragment does this between runs (the browser test waits for it);
    here the visit's last activity is moved back and the next run finds it idle."""
    at = to_camera(kiosk())
    at.session_state["kiosk_visit"].last_activity -= 59
    at.run()
    assert workers[0].stopped == 0 and at.metric  # 59 s of 60: still the visitor's
    at.session_state["kiosk_visit"].last_activity -= 61
    at.run()
    assert not at.exception, at.exception
    assert workers[0].stopped == 1
    assert at.button(key="kiosk_start")
    assert "current_emotion" not in at.session_state and not live_contexts(at)


def test_try_again_starts_a_fresh_stream(kiosk, workers: list[FakeWorker]) -> None:
    at = to_camera(kiosk())
    at.button(key="capture_live").click().run()
    at.button(key="discard_reading").click().run()
    assert not at.exception, at.exception
    assert [w.stopped for w in workers] == [1, 0]  # the old one stopped, a new one live
    assert "happy" in at.metric[0].value and "pending_reading" not in at.session_state


def test_the_notice_names_the_organisers_when_no_operator_is_set(
    kiosk, monkeypatch: pytest.MonkeyPatch
) -> None:
    from core.settings import get_settings

    monkeypatch.delenv("KIOSK_OPERATOR")
    get_settings.cache_clear()
    at = kiosk("ko")
    at.button(key="kiosk_start").click().run()
    assert "운영: **이 행사의 주최 측**" in texts(at)
    assert "아무것도 남기지 않아요" in texts(at)


def test_stopped_streams_are_kept_through_one_wipe_only(kiosk, workers: list[FakeWorker]) -> None:
    at = to_camera(kiosk())
    at.button(key="kiosk_end").click().run()
    first = [k for k, _ in at.session_state.items() if k.startswith(LIVE_KEY)]
    assert len(first) == 1  # kept for a late report from the browser, stopped
    to_camera(at)
    at.button(key="kiosk_end").click().run()
    kept = [k for k, _ in at.session_state.items() if k.startswith(LIVE_KEY)]
    assert len(kept) == 1 and kept != first
    assert [w.stopped for w in workers] == [1, 1]
