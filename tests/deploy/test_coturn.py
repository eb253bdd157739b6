"""Debian's coturn with deploy/coturn/turnserver.conf accepts the app's TURN REST API
credentials (core/turn.py), refuses expired or forged ones, and relays only to
public peers and the compose network, never into private or loopback ranges.

A real TURN client (aioice, the one aiortc uses) talks to the server; only the
addresses change (a free port on 127.0.0.1 instead of 3478 on the host).
"""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Iterator

import pytest
from aioice import stun
from aioice.turn import TurnClientUdpProtocol

from core.turn import rest_credential
from tests.support.coturn import TURNSERVER, Coturn, run_coturn

SECRET = "coturn-test-secret-" + "k" * 20

if not os.path.exists(TURNSERVER):  # pragma: no cover - depends on the machine
    if os.environ.get("CI"):
        raise RuntimeError(f"coturn not found at {TURNSERVER}; scripts/test.sh installs it")
    pytest.skip(f"coturn not found at {TURNSERVER}", allow_module_level=True)


@pytest.fixture(scope="module")
def coturn(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Coturn]:
    with run_coturn(tmp_path_factory.mktemp("coturn"), SECRET) as server:
        yield server


@pytest.fixture
def turn_server(coturn: Coturn) -> tuple[str, int]:
    return (coturn.host, coturn.port)


async def _connect(server: tuple[str, int], username: str, password: str):
    """A TURN allocation from a fresh UDP port.

    On a busy machine the client can retransmit its ALLOCATE after coturn has already
    made the allocation for the first copy; coturn then answers 437 (allocation
    mismatch) for that port. A client starts over from a new port, and so does this.
    """
    loop = asyncio.get_running_loop()
    for attempt in range(3):
        transport, protocol = await loop.create_datagram_endpoint(
            lambda: TurnClientUdpProtocol(
                server,
                username=username,
                password=password,
                lifetime=600,
                channel_refresh_time=300,
            ),
            remote_addr=server,
        )
        try:
            await protocol.connect()
            return transport, protocol
        except stun.TransactionFailed as exc:
            transport.close()
            if exc.response.error_code != 437 or attempt == 2:
                raise
        except BaseException:
            transport.close()
            raise
    raise AssertionError("unreachable")


async def _allocate(server: tuple[str, int], username: str, password: str, peers=()):
    """Allocate a relay, then ask for a permission per peer; returns (relay, outcomes)."""
    transport, protocol = await _connect(server, username, password)
    try:
        relayed = protocol.relayed_address
        outcomes = []
        for peer in peers:
            request = stun.Message(
                message_method=stun.Method.CREATE_PERMISSION, message_class=stun.Class.REQUEST
            )
            request.attributes["XOR-PEER-ADDRESS"] = (peer, 9)
            try:
                await protocol.request_with_retry(request)
                outcomes.append(200)
            except stun.TransactionFailed as exc:
                outcomes.append(exc.response.error_code)
        await protocol.delete()
        return relayed, outcomes
    finally:
        if protocol.refresh_task is not None:
            protocol.refresh_task.cancel()
        transport.close()


def allocate(server, username, password, peers=()):
    deadline = time.monotonic() + 15
    while True:  # the server may still be starting
        try:
            return asyncio.run(_allocate(server, username, password, peers))
        except stun.TransactionTimeout:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def test_a_fresh_credential_gets_a_relay_in_the_pinned_range(turn_server) -> None:
    cred = rest_credential(SECRET, "session1", ttl_s=600, now=time.time())
    relayed, _ = allocate(turn_server, cred.username, cred.credential)
    assert relayed[0] == "127.0.0.1"
    assert 49160 <= relayed[1] <= 49260


@pytest.mark.parametrize(
    "credential",
    [
        pytest.param(
            lambda: rest_credential(SECRET, "s", ttl_s=600, now=time.time() - 900), id="expired"
        ),
        pytest.param(lambda: rest_credential("not-the-secret", "s", 600, time.time()), id="forged"),
    ],
)
def test_expired_or_forged_credentials_are_refused(turn_server, credential) -> None:
    cred = credential()
    with pytest.raises(stun.TransactionFailed) as failure:
        allocate(turn_server, cred.username, cred.credential)
    assert failure.value.response.error_code == 401


def test_relay_reaches_public_peers_and_the_app_network_only(turn_server) -> None:
    cred = rest_credential(SECRET, "session2", ttl_s=600, now=time.time())
    peers = ["203.0.113.7", "172.29.213.10", "127.0.0.1", "10.1.2.3", "192.168.1.1", "172.31.0.5"]
    _, outcomes = allocate(turn_server, cred.username, cred.credential, peers)
    assert dict(zip(peers, outcomes, strict=True)) == {
        "203.0.113.7": 200,  # a browser's public address
        "172.29.213.10": 200,  # an app replica on the compose network
        "127.0.0.1": 403,
        "10.1.2.3": 403,
        "192.168.1.1": 403,
        "172.31.0.5": 403,  # e.g. the EC2 VPC, the metadata service's neighbours
    }


def test_coturn_understands_every_line_of_the_config(coturn: Coturn, turn_server) -> None:
    cred = rest_credential(SECRET, "session3", ttl_s=600, now=time.time())
    allocate(turn_server, cred.username, cred.credential)  # the server is up and has read it
    log = coturn.log()
    assert "Bad configuration" not in log, log
    assert SECRET not in log


async def _refresh_after_expiry(server: tuple[str, int]) -> list[int]:
    cred = rest_credential(SECRET, "shortlived", ttl_s=2, now=time.time())
    transport, protocol = await _connect(server, cred.username, cred.credential)
    try:
        await asyncio.sleep(3)  # the credential has expired now
        outcomes = []
        for method, attributes in (
            (stun.Method.REFRESH, {"LIFETIME": 600}),
            (stun.Method.CREATE_PERMISSION, {"XOR-PEER-ADDRESS": ("203.0.113.9", 9)}),
        ):
            request = stun.Message(message_method=method, message_class=stun.Class.REQUEST)
            request.attributes.update(attributes)
            try:
                await protocol.request_with_retry(request)
                outcomes.append(200)
            except stun.TransactionFailed as exc:
                outcomes.append(exc.response.error_code)
        return outcomes
    finally:
        if protocol.refresh_task is not None:
            protocol.refresh_task.cancel()
        transport.close()


def test_a_call_in_progress_outlives_its_credential(turn_server) -> None:
    """The expiry limits when a relay can be *started*: coturn keeps refreshing an
    allocation made in time, so TURN_TTL_S can be short without cutting calls."""
    assert asyncio.run(_refresh_after_expiry(turn_server)) == [200, 200]
