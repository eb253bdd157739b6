"""When the kiosk's self-starting video component is told to play (core.live.AutostartGate)."""

from __future__ import annotations

from core.live import AutostartGate

IDLE = {"playing": False, "sdpOffer": "", "iceCandidates": {}}
OFFERING = {"playing": False, "sdpOffer": {"type": "offer", "sdp": "v=0"}, "iceCandidates": {}}
PLAYING = {"playing": True, "sdpOffer": "", "iceCandidates": {}}


def test_not_before_the_component_mounted_and_settled() -> None:
    gate = AutostartGate(settle_s=0.5)
    assert gate.desired(None, 0.0) is False  # first draw: not mounted, its layout still moves
    assert not gate.due(10.0)  # nothing to wait for yet
    assert gate.desired(IDLE, 1.0) is False  # mounted: its first renders may still come
    assert not gate.due(1.4)
    assert gate.due(1.5)  # the readout fragment reruns the page now
    assert gate.desired(IDLE, 1.5) is True
    assert not gate.due(2.0)  # asked once: no more reruns


def test_once_asked_it_keeps_playing_through_signalling_and_playing() -> None:
    gate = AutostartGate(settle_s=0.5)
    gate.desired(IDLE, 0.0)
    assert gate.desired(IDLE, 1.0) is True
    assert gate.desired(IDLE, 1.2) is True  # asked, not offering yet: keep asking
    assert gate.desired(OFFERING, 1.4) is True
    assert gate.desired(PLAYING, 2.0) is True
    assert gate.desired(PLAYING, 60.0) is True


def test_a_stream_that_stopped_is_held_then_started_once() -> None:
    gate = AutostartGate(settle_s=0.5)
    gate.desired(IDLE, 0.0)
    gate.desired(IDLE, 1.0)
    gate.desired(PLAYING, 2.0)
    # The connection failed: the browser stops it and would restart it at once,
    # during its relayout; the page holds it stopped until it settled.
    assert gate.desired(IDLE, 30.0) is False
    assert not gate.due(30.4)
    assert gate.due(30.5)
    assert gate.desired(IDLE, 30.5) is True


def test_a_start_it_was_not_asked_for_is_waited_out() -> None:
    gate = AutostartGate(settle_s=0.5)
    gate.desired(IDLE, 0.0)
    assert gate.desired(OFFERING, 0.2) is False  # not ours: it is told to stop
    assert not gate.due(5.0)  # no clock runs until it is seen idle again
    assert gate.desired(IDLE, 5.0) is False
    assert gate.desired(IDLE, 5.5) is True
