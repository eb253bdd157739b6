"""Kiosk logic without Streamlit: the visit, the idle clock, the memory chat, the take-away."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from core.kiosk import (
    TIP_MAX_CHARS,
    MemoryChats,
    Stage,
    Visit,
    check_period,
    plain_tip,
    qr_png,
    takeaway_text,
    warning_window,
)
from core.settings import Settings


def test_a_visit_cannot_skip_ahead_and_never_goes_back() -> None:
    visit = Visit(last_activity=0.0)
    assert not visit.started
    assert visit.allowed(Stage.EMOTION) == Stage.ATTRACT
    visit.reach(Stage.NOTICE)
    assert visit.started
    assert visit.allowed(Stage.CHAT) == Stage.NOTICE
    assert visit.allowed(Stage.ATTRACT) == Stage.ATTRACT
    visit.reach(Stage.CHAT)
    visit.reach(Stage.EMOTION)
    assert visit.reached == Stage.CHAT and visit.allowed(Stage.EMOTION) == Stage.EMOTION


def test_choosing_a_language_is_something_to_wipe() -> None:
    visit = Visit(last_activity=0.0)
    visit.chose_language = True
    assert visit.started


def test_idle_clock() -> None:
    visit = Visit(last_activity=100.0)
    assert not visit.is_idle(159.9, 60) and visit.seconds_left(159.9, 60) == pytest.approx(0.1)
    assert visit.is_idle(160.0, 60) and visit.seconds_left(200, 60) == 0
    visit.touch(150.0)
    assert visit.idle_for(170.0) == 20
    visit.touch(120.0)  # an older time never rewinds the clock
    assert visit.last_activity == 150.0


@pytest.mark.parametrize(
    ("timeout", "period", "warning"), [(60, 5.0, 15.0), (20, 20 / 12, 5.0), (3, 0.5, 0.75)]
)
def test_watchdog_period_and_warning(timeout: float, period: float, warning: float) -> None:
    assert check_period(timeout) == pytest.approx(period)
    assert warning_window(timeout) == pytest.approx(warning)
    assert check_period(3600) == 5.0 and warning_window(3600) == 15.0


def test_kiosk_settings_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    defaults = Settings()
    assert (defaults.kiosk, defaults.kiosk_idle_s, defaults.kiosk_qr) == (False, 60.0, True)
    monkeypatch.setenv("KIOSK", "1")
    monkeypatch.setenv("KIOSK_OPERATOR", "Expo Team")
    monkeypatch.setenv("KIOSK_IDLE_S", "45")
    monkeypatch.setenv("KIOSK_QR", "false")
    settings = Settings()
    assert (settings.kiosk, settings.kiosk_operator, settings.kiosk_idle_s, settings.kiosk_qr) == (
        True,
        "Expo Team",
        45.0,
        False,
    )
    monkeypatch.setenv("KIOSK_IDLE_S", "0")
    with pytest.raises(ValueError, match="greater than 0"):
        Settings()


def test_memory_chats_behave_like_the_database_calls() -> None:
    store = MemoryChats()
    with store.session() as s:
        assert store.latest_conversation(s, 0) is None
        first = store.new_conversation(s, 0)
        store.add_message(
            s, user_id=0, conversation_id=first.id, role="user", content="  hi\nthere "
        )
        store.add_message(
            s, user_id=0, conversation_id=first.id, role="assistant", content="Hello!", backend="x"
        )
        assert first.title == "hi there"
        assert [m.content for m in store.messages(s, 0, first.id)] == ["  hi\nthere ", "Hello!"]
        assert store.first_reply() == "Hello!"
        # Scoped by user like db.chats: another id sees nothing and cannot write.
        assert store.get_conversation(s, 7, first.id) is None
        assert store.messages(s, 7, first.id) == []
        with pytest.raises(LookupError):
            store.add_message(s, user_id=7, conversation_id=first.id, role="user", content="x")
        with pytest.raises(ValueError, match="role"):
            store.add_message(s, user_id=0, conversation_id=first.id, role="system", content="x")
        second = store.new_conversation(s, 0)
        store.add_message(s, user_id=0, conversation_id=second.id, role="user", content="again")
        assert store.latest_conversation(s, 0) is second
        assert [c.id for c in store.list_conversations(s, 0)] == [second.id, first.id]
        assert store.clear_history(s, 0) == 2
        assert store.list_conversations(s, 0) == [] and store.first_reply() is None


def test_plain_tip_drops_markdown_and_cuts_at_a_word() -> None:
    assert plain_tip("**Try** a [walk](https://x.y) —\n`10 min`.") == "Try a walk — 10 min."
    long = "word " * 100
    tip = plain_tip(long)
    assert len(tip) <= TIP_MAX_CHARS and tip.endswith("…") and tip[:-1].endswith("word")


def test_takeaway_holds_only_the_emotion_and_the_tip() -> None:
    text = takeaway_text("happy", "en", "**Celebrate** with a fruit bowl.")
    assert text.splitlines() == [
        "Show your emotion",
        "Expression read: 😊 happy",
        "Tip: Celebrate with a fruit bowl.",
    ]
    assert takeaway_text("sad", "ko").splitlines() == ["너의 머리 속이 보여", "읽은 표정: 😢 슬픔"]
    with pytest.raises(ValueError):
        takeaway_text("bored", "en")


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_qr_code_carries_the_text_itself(lang: str) -> None:
    tip = "A long reply to carry. " * 20 if lang == "en" else "천천히 산책해 보세요. " * 20
    text = takeaway_text("surprise", lang, tip)
    png = qr_png(text)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    image = cv2.imdecode(np.frombuffer(png, np.uint8), cv2.IMREAD_GRAYSCALE)
    decoded, _, _ = cv2.QRCodeDetector().detectAndDecode(image)
    assert decoded == text
