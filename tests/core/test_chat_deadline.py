"""One deadline for a whole chat reply, with "still waiting" ticks, errors passed on."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest

from core.chat import ChatError, Waiting, with_deadline


def test_chunks_pass_through_with_ticks_while_waiting() -> None:
    def produce() -> Iterator[str]:
        time.sleep(0.35)
        yield "Hello"
        yield ", you"

    events = list(with_deadline(produce, 5, tick_s=0.1))
    assert [e for e in events if isinstance(e, str)] == ["Hello", ", you"]
    ticks = [e for e in events if isinstance(e, Waiting)]
    assert len(ticks) >= 2 and ticks[-1].elapsed >= 0.2
    assert all(isinstance(e, Waiting) for e in events[: len(ticks)])  # ticks come first


def test_a_hung_reply_ends_at_the_deadline() -> None:
    release = threading.Event()

    def produce() -> Iterator[str]:
        release.wait(10)  # a server that never answers
        yield "too late"

    started = time.monotonic()
    with pytest.raises(ChatError) as caught:
        for _ in with_deadline(produce, 0.5, tick_s=0.1):
            pass
    assert caught.value.kind == "timeout" and caught.value.retryable
    assert time.monotonic() - started < 1.5
    release.set()


def test_a_slow_trickle_cannot_outlast_the_deadline() -> None:
    def produce() -> Iterator[str]:
        for _ in range(100):
            time.sleep(0.05)
            yield "."

    with pytest.raises(ChatError):
        for _ in with_deadline(produce, 0.5, tick_s=0.1):
            pass


def test_errors_of_the_backend_are_raised_to_the_caller() -> None:
    def produce() -> Iterator[str]:
        yield "partial"
        raise ChatError("unavailable", detail="dropped")

    received: list[str] = []
    with pytest.raises(ChatError) as caught:
        for event in with_deadline(produce, 5, tick_s=0.1):
            if isinstance(event, str):
                received.append(event)
    assert received == ["partial"] and caught.value.kind == "unavailable"


def test_closing_early_stops_the_worker() -> None:
    produced: list[int] = []
    gate = threading.Event()

    def produce() -> Iterator[str]:
        for n in range(50):
            gate.wait(1)
            produced.append(n)
            yield str(n)

    events = with_deadline(produce, 5, tick_s=0.05)
    next(e for e in events if isinstance(e, Waiting))
    events.close()  # the person pressed Stop waiting (the page reran)
    gate.set()
    time.sleep(0.3)
    assert len(produced) <= 1
