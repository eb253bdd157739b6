"""The Korean UI speaks Korean: page labels, the video component's own buttons, and
Streamlit's built-in widget texts (the browser side: tests/e2e/test_korean_ui_browser.py)."""

from __future__ import annotations

import re
from collections.abc import Callable
from types import SimpleNamespace
from typing import get_type_hints

import pytest
from sqlalchemy.orm import Session, sessionmaker
from streamlit.testing.v1 import AppTest
from streamlit_webrtc.config import Translations

from tests.factories import make_token, make_user
from tests.pages.conftest import log_in
from ui import widget_text
from ui.webrtc_text import webrtc_translations

# Latin words that are names, not English: file formats, a data set's name.
ALLOWED = {"JSON", "JPEG", "PNG", "WebP", "MB", "AI", "FER"}
WORD = re.compile(r"[A-Za-z]{2,}")
LATIN = re.compile(r"[A-Za-z]")


def english_words(texts: list[str]) -> list[str]:
    return [w for text in texts for w in WORD.findall(text) if w not in ALLOWED]


def labels(at: AppTest) -> list[str]:
    """What a person reads as controls and headings on the page run."""
    found: list[str] = []
    for kind in ("button", "checkbox", "text_input", "text_area", "selectbox", "radio"):
        found += [str(el.label) for el in getattr(at, kind)]
    for kind in ("title", "header", "subheader"):
        found += [str(el.value) for el in getattr(at, kind)]
    found += [str(el.label) for el in at.tabs]
    found += [str(el.label) for el in at.expander]
    found += [str(el.label) for el in at.metric]
    for group in at.get("button_group"):
        found += [str(option) for option in getattr(group, "options", [])]
    return found


def test_the_video_component_gets_every_text_it_can_take() -> None:
    keys = set(get_type_hints(Translations))
    korean = webrtc_translations("ko")
    assert set(korean) == keys  # START, STOP, SELECT DEVICE and the device messages
    assert not [text for text in korean.values() if LATIN.search(text)]
    assert (korean["start"], korean["stop"]) == ("시작", "멈추기")
    assert webrtc_translations("en")["start"] == "Start"


@pytest.fixture
def logged_in(
    make_app: Callable[..., AppTest],
    session_factory: sessionmaker[Session],
    monkeypatch: pytest.MonkeyPatch,
) -> Callable[[str], AppTest]:
    """A logged-in app; the video component is recorded (AppTest has no browser for it)."""
    import ui.live_view

    calls: list[dict] = []

    def fake_streamer(**kwargs):  # type: ignore[no-untyped-def]
        calls.append(kwargs)
        return SimpleNamespace(state=SimpleNamespace(playing=False))

    monkeypatch.setattr(ui.live_view, "webrtc_streamer", fake_streamer)

    def open_app(lang: str) -> AppTest:
        with session_factory.begin() as s:
            user = make_user(s, "haneul", email="haneul@example.com")
            token = make_token(s, user)
        at = log_in(make_app(lang), user, token).run()
        return at

    open_app.calls = calls  # type: ignore[attr-defined]
    return open_app


def test_the_live_view_hands_the_session_language_to_the_video_component(logged_in) -> None:
    calls = logged_in.calls
    at = logged_in("ko")
    at.switch_page("app_pages/emotion.py").run()
    at.checkbox(key="camera_consent").check().run()
    assert not at.exception, at.exception
    assert calls and calls[-1]["translations"]["start"] == "시작"
    assert calls[-1]["translations"]["select_device"] == "카메라 고르기"


@pytest.mark.parametrize(
    "page",
    ["app_pages/home.py", "app_pages/login.py", "app_pages/register.py", "app_pages/model_card.py"],
)
def test_public_pages_in_korean_have_no_english_labels(
    make_app: Callable[..., AppTest], page: str
) -> None:
    at = make_app("ko").run()
    at.switch_page(page).run()
    assert not at.exception, at.exception
    assert english_words(labels(at)) == []


@pytest.mark.parametrize(
    "page",
    ["app_pages/emotion.py", "app_pages/chat.py", "app_pages/board.py", "app_pages/mypage.py"],
)
def test_member_pages_in_korean_have_no_english_labels(logged_in, page: str) -> None:
    at = logged_in("ko")
    at.switch_page(page).run()
    if page.endswith("emotion.py"):
        at.checkbox(key="camera_consent").check().run()
    assert not at.exception, at.exception
    # The person's own username (Latin letters) is quoted in one label; it is theirs.
    assert english_words([text.replace("haneul", "") for text in labels(at)]) == []


def test_streamlit_widget_texts_are_rewritten_on_korean_pages_only(
    make_app: Callable[..., AppTest],
) -> None:
    korean = widget_text.replacements("ko")
    assert korean["texts"]["Take Photo"] == "사진 찍기"  # type: ignore[index]
    assert korean["attributes"]["Choose an option"] == "골라 주세요"  # type: ignore[index]
    at = make_app("ko").run()
    scripts = [el.proto.body for el in at.get("html") if "__syeWidgetText" in el.proto.body]
    assert len(scripts) == 1 and "파일 고르기" in scripts[0]
    at = make_app("en").run()
    assert not [el for el in at.get("html") if "__syeWidgetText" in el.proto.body]
