"""The webcam connection's ICE servers for this browser session (see core/turn.py)."""

from __future__ import annotations

import os
import secrets
import time
from typing import Any

import streamlit as st

from core import turn
from core.settings import get_settings

_CREDENTIAL = "turn_credential"
_TURN_ID = "turn_id"


def rtc_configuration() -> dict[str, Any]:
    """``rtc_configuration`` for ``webrtc_streamer``.

    The TURN credential is kept in session state and renewed only when half its
    lifetime is gone, so reruns pass the component the same arguments and a
    START always has a credential that lasts. Its user part is a random id per
    session: coturn logs it, and it must not name the person.
    """
    settings = get_settings()
    credential: turn.TurnCredential | None = None
    if settings.turn_secret and settings.turn_urls:
        now = time.time()
        credential = st.session_state.get(_CREDENTIAL)
        if turn.needs_renewal(credential, settings.turn_ttl_s, now):
            turn_id = st.session_state.setdefault(_TURN_ID, secrets.token_hex(8))
            credential = turn.rest_credential(
                settings.turn_secret, turn_id, settings.turn_ttl_s, now
            )
            st.session_state[_CREDENTIAL] = credential
    servers = turn.ice_servers(
        turn_secret=settings.turn_secret,
        turn_urls=settings.turn_urls,
        static=settings.ice_servers,
        credential=credential,
        env=os.environ,
    )
    return turn.rtc_configuration(servers)
