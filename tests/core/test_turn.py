"""TURN REST API credentials and which ICE servers a browser gets."""

from __future__ import annotations

import pytest

from core import turn

URLS = ["turn:turn.example.org:3478?transport=udp", "turn:turn.example.org:3478?transport=tcp"]
CLOUDFLARE = {"CLOUDFLARE_TURN_KEY_ID": "kid", "CLOUDFLARE_TURN_KEY_API_TOKEN": "tok"}
TWILIO = {"TWILIO_ACCOUNT_SID": "AC1", "TWILIO_AUTH_TOKEN": "tok"}


def test_credential_matches_the_turn_rest_api_scheme() -> None:
    # Expected password computed independently with:
    #   echo -n "1700003600:0a1b2c3d" | openssl dgst -sha1 -hmac north-wind-42 -binary | base64
    cred = turn.rest_credential("north-wind-42", "0a1b2c3d", ttl_s=3600, now=1_700_000_000.9)
    assert cred.username == "1700003600:0a1b2c3d"
    assert cred.credential == "85yB50kiF7CQHzuRAuAJ+NSgjcQ="
    assert cred.expires_at == 1_700_003_600


def test_the_shared_secret_never_appears_in_what_the_browser_gets() -> None:
    secret = "north-wind-42"
    cred = turn.rest_credential(secret, "abc", ttl_s=600, now=1_000)
    servers = turn.ice_servers(
        turn_secret=secret, turn_urls=URLS, static=None, credential=cred, env={}
    )
    assert servers == [{"urls": URLS, "username": "1600:abc", "credential": cred.credential}]
    assert secret not in repr(servers)


@pytest.mark.parametrize(("ttl", "user"), [(0, "abc"), (-5, "abc"), (60, "a:b")])
def test_bad_lifetime_or_user_is_refused(ttl: int, user: str) -> None:
    with pytest.raises(ValueError):
        turn.rest_credential("s", user, ttl_s=ttl, now=0)


def test_renewal_after_half_the_lifetime() -> None:
    cred = turn.rest_credential("s", "abc", ttl_s=600, now=1_000)
    assert turn.needs_renewal(None, 600, 1_000)
    assert not turn.needs_renewal(cred, 600, 1_299)
    assert turn.needs_renewal(cred, 600, 1_301)


def test_coturn_first_then_static_servers() -> None:
    cred = turn.rest_credential("s", "abc", ttl_s=600, now=0)
    stun = [{"urls": ["stun:stun.example.org:3478"]}]
    servers = turn.ice_servers(
        turn_secret="s", turn_urls=URLS, static=stun, credential=cred, env=CLOUDFLARE
    )
    assert servers is not None
    assert [s["urls"] for s in servers] == [URLS, stun[0]["urls"]]
    with pytest.raises(ValueError):
        turn.ice_servers(turn_secret="s", turn_urls=URLS, static=None, credential=None, env={})


def test_explicit_ice_servers_win_over_providers_even_when_empty() -> None:
    stun = [{"urls": "stun:stun.example.org"}]
    kwargs = {"turn_secret": None, "turn_urls": [], "credential": None, "env": CLOUDFLARE}
    assert turn.ice_servers(static=stun, **kwargs) == stun
    assert turn.ice_servers(static=[], **kwargs) == []


@pytest.mark.parametrize(
    ("env", "provider"),
    [(CLOUDFLARE, "cloudflare"), (TWILIO, "twilio"), ({**TWILIO, **CLOUDFLARE}, "cloudflare")],
)
def test_webrtc_providers_when_their_variables_are_set(env: dict, provider: str) -> None:
    assert turn.provider_configured(env) == provider
    servers = turn.ice_servers(
        turn_secret=None, turn_urls=[], static=None, credential=None, env=env
    )
    assert servers is None
    # No iceServers key: streamlit-webrtc then fetches the provider's servers itself.
    assert turn.rtc_configuration(servers) == {}


def test_nothing_configured_means_host_candidates_only() -> None:
    half = {"CLOUDFLARE_TURN_KEY_ID": "kid", "TWILIO_AUTH_TOKEN": "tok"}
    assert turn.provider_configured(half) is None
    servers = turn.ice_servers(
        turn_secret=None, turn_urls=[], static=None, credential=None, env=half
    )
    assert turn.rtc_configuration(servers) == {"iceServers": []}
