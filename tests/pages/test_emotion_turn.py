"""The Emotion page hands the browser short-lived TURN credentials, never the secret."""

from __future__ import annotations

import base64
import hashlib
import hmac
import time

import pytest

from tests.pages.test_emotion_page import FakeProcessor, emotion_page, stub_webrtc  # noqa: F401

SECRET = "coturn-shared-secret-for-tests"
URLS = ["turn:turn.example.org:3478?transport=udp", "turn:turn.example.org:3478?transport=tcp"]


@pytest.fixture
def turn_env(monkeypatch: pytest.MonkeyPatch):
    from core.settings import get_settings

    monkeypatch.setenv("TURN_SECRET", SECRET)
    monkeypatch.setenv("TURN_URLS", ",".join(URLS))
    monkeypatch.setenv("TURN_TTL_S", "600")
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def test_turn_credentials_per_session(
    turn_env: None,
    emotion_page,  # noqa: F811
    stub_webrtc: FakeProcessor,  # noqa: F811
) -> None:
    at = emotion_page()
    assert not at.exception
    first = stub_webrtc.calls[-1]["rtc_configuration"]
    assert SECRET not in repr(first)
    (server,) = first["iceServers"]
    assert server["urls"] == URLS
    expiry, turn_id = server["username"].split(":")
    assert 590 <= int(expiry) - time.time() <= 600
    assert len(turn_id) == 16  # random per session: nothing about the person
    expected = hmac.new(SECRET.encode(), server["username"].encode(), hashlib.sha1).digest()
    assert server["credential"] == base64.b64encode(expected).decode()

    at.run()  # a rerun keeps the same credential, so the component is not re-created
    assert stub_webrtc.calls[-1]["rtc_configuration"] == first

    other = emotion_page()  # another browser session gets its own
    assert other.session_state["turn_id"] != turn_id


def test_cloudflare_keys_leave_ice_servers_to_streamlit_webrtc(
    monkeypatch: pytest.MonkeyPatch,
    emotion_page,  # noqa: F811
    stub_webrtc: FakeProcessor,  # noqa: F811
) -> None:
    from core.settings import get_settings

    monkeypatch.setenv("CLOUDFLARE_TURN_KEY_ID", "key-id")
    monkeypatch.setenv("CLOUDFLARE_TURN_KEY_API_TOKEN", "api-token")
    monkeypatch.delenv("ICE_SERVERS", raising=False)
    monkeypatch.delenv("TURN_SECRET", raising=False)
    get_settings.cache_clear()
    try:
        at = emotion_page()
    finally:
        get_settings.cache_clear()
    assert not at.exception
    # No iceServers key: streamlit-webrtc asks Cloudflare itself (with its cache).
    assert stub_webrtc.calls[-1]["rtc_configuration"] == {}
