"""The video component's own texts in the session's language.

streamlit-webrtc draws its buttons (START, STOP, SELECT DEVICE) and its device
messages inside its iframe, in English unless ``webrtc_streamer`` is given a
``translations`` mapping. Its keys are those of
``streamlit_webrtc.config.Translations``; the strings live in core/i18n/live.py.
"""

from __future__ import annotations

from typing import Final

from streamlit_webrtc.config import Translations

from core.i18n import t

# streamlit-webrtc's key -> our i18n key, spelt out so every key is greppable.
KEYS: Final[dict[str, str]] = {
    "start": "live.webrtc_start",
    "stop": "live.webrtc_stop",
    "select_device": "live.webrtc_select_device",
    "media_api_not_available": "live.webrtc_media_api_not_available",
    "device_ask_permission": "live.webrtc_device_ask_permission",
    "device_not_available": "live.webrtc_device_not_available",
    "device_access_denied": "live.webrtc_device_access_denied",
    "turn_camera_on": "live.webrtc_turn_camera_on",
    "turn_camera_off": "live.webrtc_turn_camera_off",
    "mute_microphone": "live.webrtc_mute_microphone",
    "unmute_microphone": "live.webrtc_unmute_microphone",
    "select_camera": "live.webrtc_select_camera",
    "select_microphone": "live.webrtc_select_microphone",
}


def webrtc_translations(language: str) -> Translations:
    """Every text streamlit-webrtc lets us replace, in ``language``."""
    return Translations(**{name: t(key, language) for name, key in KEYS.items()})  # type: ignore[typeddict-item]
