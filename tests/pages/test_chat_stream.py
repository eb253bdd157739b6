"""A streamed reply's bubble is redrawn at most every STREAM_REDRAW_S, and ends whole."""

from __future__ import annotations

import pytest

from core.chat import Waiting
from ui import chat_view


class Placeholder:
    def __init__(self) -> None:
        self.drawn: list[str] = []

    def markdown(self, text: str) -> None:
        self.drawn.append(text)

    def caption(self, text: str) -> None:
        self.drawn.append(f"caption:{text}")


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def bubble(monkeypatch: pytest.MonkeyPatch) -> tuple[Placeholder, Clock]:
    placeholder, clock = Placeholder(), Clock()
    monkeypatch.setattr(chat_view.st, "empty", lambda: placeholder)
    monkeypatch.setattr(chat_view.time, "monotonic", clock)
    monkeypatch.setattr(chat_view, "_md", lambda text: text)
    return placeholder, clock


def words(clock: Clock, n: int, gap_s: float):
    for i in range(n):
        clock.now += gap_s
        yield f"w{i} "


def test_fast_words_are_drawn_about_twelve_times_a_second(bubble) -> None:
    placeholder, clock = bubble
    text = chat_view._stream(words(clock, 100, 0.01))  # 100 words in one second
    assert text == "".join(f"w{i} " for i in range(100))
    assert 11 <= len(placeholder.drawn) <= 14
    assert placeholder.drawn[0] == "w0 "  # the first word shows at once
    assert placeholder.drawn[-1] == text  # and the bubble ends whole


def test_slow_words_are_each_drawn(bubble) -> None:
    placeholder, clock = bubble
    text = chat_view._stream(words(clock, 5, 0.2))
    assert placeholder.drawn == ["w0 ", "w0 w1 ", "w0 w1 w2 ", "w0 w1 w2 w3 ", text]


def test_waiting_ticks_show_until_the_first_word(bubble, monkeypatch) -> None:
    placeholder, clock = bubble
    monkeypatch.setattr(chat_view, "tr", lambda key, **kw: f"{key}:{kw['seconds']}")

    def chunks():
        yield Waiting(1.2)
        yield "hello "
        yield Waiting(2.5)  # after text: not shown
        clock.now += 1
        yield "there"

    assert chat_view._stream(chunks(), waiting=True) == "hello there"
    assert placeholder.drawn == ["caption:⏳ chat.waiting:1", "hello ", "hello there"]
