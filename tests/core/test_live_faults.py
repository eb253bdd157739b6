"""The model raising on frames: the video keeps flowing and the reading says so."""

from __future__ import annotations

import logging

import numpy as np
import pytest

from core.live import LiveEmotionProcessor


class FlakyTracker:
    """A tracker that raises while ``broken`` (like a model failing on a frame)."""

    def __init__(self) -> None:
        self.broken = True
        self.calls = 0

    def update(self, image: np.ndarray, now: float) -> list:
        self.calls += 1
        if self.broken:
            raise RuntimeError("interpreter failed")
        return []

    def reset(self) -> None:
        pass


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        self.now += 0.1
        return self.now


def test_frames_keep_flowing_while_the_model_raises(caplog: pytest.LogCaptureFixture) -> None:
    tracker = FlakyTracker()
    processor = LiveEmotionProcessor("en", tracker=tracker, clock=Clock())  # type: ignore[arg-type]
    frame = np.full((48, 64, 3), 120, dtype=np.uint8)
    caplog.set_level(logging.WARNING)
    for _ in range(5):
        out = processor.process(frame.copy())
        assert out.shape == frame.shape  # a frame comes back every time
    snapshot = processor.latest()
    assert snapshot is not None and snapshot.analysis_error and snapshot.faces == 0
    assert tracker.calls == 5 and processor.failures == 5
    failed = [r for r in caplog.records if "live analysis failed" in r.getMessage()]
    assert len(failed) == 1  # once per run of failures, not per frame

    tracker.broken = False
    processor.process(frame.copy())
    assert not processor.latest().analysis_error
    assert "works again" in caplog.records[-1].getMessage()
