"""Which ICE servers a browser gets for the webcam connection.

Browsers on other networks than the app need a TURN relay. The app never hands
out a long-lived TURN password: with coturn's ``use-auth-secret`` (the "TURN
REST API" scheme) both sides share one secret, and the app derives a credential
per browser session that expires on its own — username ``<expiry>:<id>``,
password ``base64(HMAC-SHA1(secret, username))``. coturn recomputes the HMAC and
checks the expiry, so a leaked credential is useless after its lifetime and the
secret itself never leaves the server.

Precedence (``ice_servers``):

1. ``TURN_SECRET`` + ``TURN_URLS`` (our coturn): fresh credentials, followed by
   any ``ICE_SERVERS`` entries.
2. ``ICE_SERVERS`` set (even to ``[]``): exactly that list.
3. streamlit-webrtc's own providers when their variables are set (Cloudflare
   TURN keys first, then Twilio): ``None``, which tells the caller to leave
   ``iceServers`` out so streamlit-webrtc fetches them itself.
4. Otherwise ``[]``: host candidates only, which work on localhost and a LAN and
   contact no third-party STUN server.

Pure: no Streamlit, no network; time and environment come in as arguments.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

# Variable pairs streamlit-webrtc reads (credentials.get_available_ice_servers),
# in the order it tries them. A half-set pair does nothing there, so not here either.
PROVIDER_ENV_PAIRS: tuple[tuple[str, str], ...] = (
    ("CLOUDFLARE_TURN_KEY_ID", "CLOUDFLARE_TURN_KEY_API_TOKEN"),
    ("TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN"),
)


@dataclass(frozen=True)
class TurnCredential:
    username: str
    credential: str
    expires_at: int  # Unix seconds

    def ice_server(self, urls: Sequence[str]) -> dict[str, Any]:
        return {"urls": list(urls), "username": self.username, "credential": self.credential}


def rest_credential(secret: str, user_id: str, ttl_s: int, now: float) -> TurnCredential:
    """A TURN REST API credential valid until ``now + ttl_s``.

    ``user_id`` ends up in coturn's logs, so callers pass a random per-session
    id, never a username or an email.
    """
    if ttl_s <= 0:
        raise ValueError("ttl_s must be positive")
    if ":" in user_id:
        raise ValueError("user_id must not contain ':' (it separates the expiry)")
    expires_at = int(now) + int(ttl_s)
    username = f"{expires_at}:{user_id}"
    digest = hmac.new(secret.encode(), username.encode(), hashlib.sha1).digest()
    return TurnCredential(username, base64.b64encode(digest).decode("ascii"), expires_at)


def provider_configured(env: Mapping[str, str]) -> str | None:
    """The streamlit-webrtc provider whose variables are both set, if any."""
    for first, second in PROVIDER_ENV_PAIRS:
        if env.get(first) and env.get(second):
            return first.split("_", 1)[0].lower()
    return None


def ice_servers(
    *,
    turn_secret: str | None,
    turn_urls: Sequence[str],
    static: list[dict[str, Any]] | None,
    credential: TurnCredential | None,
    env: Mapping[str, str],
) -> list[dict[str, Any]] | None:
    """The ``iceServers`` list for one browser, or ``None`` for streamlit-webrtc's providers.

    ``credential`` is the session's current TURN credential (see
    ``rest_credential``); it is required when ``turn_secret`` and ``turn_urls``
    are set.
    """
    if turn_secret and turn_urls:
        if credential is None:
            raise ValueError("a TURN credential is needed when TURN_SECRET is set")
        return [credential.ice_server(turn_urls), *(static or [])]
    if static is not None:
        return list(static)
    if provider_configured(env):
        return None
    return []


def needs_renewal(credential: TurnCredential | None, ttl_s: int, now: float) -> bool:
    """Renew once half the lifetime has passed, so a browser pressing START
    always holds a credential with at least ``ttl_s / 2`` left, while reruns
    in between keep the same one (stable component arguments)."""
    return credential is None or credential.expires_at - now < ttl_s / 2


def rtc_configuration(servers: list[dict[str, Any]] | None) -> dict[str, Any]:
    """streamlit-webrtc's ``rtc_configuration``: without ``iceServers`` it asks its providers."""
    return {} if servers is None else {"iceServers": servers}
