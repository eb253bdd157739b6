"""The webrtc frame callback: annotated frames, the published reading, throttling."""

from __future__ import annotations

import dataclasses
import threading
from pathlib import Path

import av
import numpy as np
import pytest

import core.live
from core.emotions import EMOTIONS
from core.live import LiveEmotionProcessor, LiveSnapshot
from tests.support.faces import read_y4m, webcam_frame, write_y4m


@pytest.fixture(autouse=True)
def fresh_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test's processors share a budget of their own, not earlier tests' sessions."""
    monkeypatch.setattr(core.live, "_BUDGET", core.live.AnalysisBudget())


class FakeClock:
    def __init__(self, start: float = 100.0, step: float = 1 / 30) -> None:
        self.now = start
        self.step = step

    def __call__(self) -> float:
        return self.now

    def advance(self) -> None:
        self.now += self.step


def video(frame: np.ndarray) -> av.VideoFrame:
    return av.VideoFrame.from_ndarray(np.ascontiguousarray(frame), format="bgr24")


def run(processor: LiveEmotionProcessor, frame: np.ndarray, clock: FakeClock, n: int) -> None:
    for _ in range(n):
        processor(video(frame))
        clock.advance()


def test_latest_is_none_before_the_first_frame() -> None:
    assert LiveEmotionProcessor().latest() is None


def test_callback_annotates_and_publishes(one_face_frame: np.ndarray) -> None:
    clock = FakeClock()
    processor = LiveEmotionProcessor("en", clock=clock, wall_clock=lambda: 1234.5)
    out = processor(video(one_face_frame))
    assert isinstance(out, av.VideoFrame)
    pixels = out.to_ndarray(format="bgr24")
    assert pixels.shape == one_face_frame.shape
    assert (pixels != one_face_frame).any(axis=2).sum() > 500  # box and label drawn
    snap = processor.latest()
    assert isinstance(snap, LiveSnapshot)
    assert snap.faces == 1
    assert snap.emotion in EMOTIONS
    assert snap.emotion == "happy"
    assert snap.confidence == pytest.approx(snap.scores[snap.emotion])
    assert tuple(snap.scores) == EMOTIONS
    assert sum(snap.scores.values()) == pytest.approx(1.0)
    assert snap.timestamp == 1234.5
    assert snap.analysis_ms > 0


def test_snapshot_is_immutable(one_face_frame: np.ndarray) -> None:
    processor = LiveEmotionProcessor(clock=FakeClock())
    processor(video(one_face_frame))
    snap = processor.latest()
    assert snap is not None
    with pytest.raises(dataclasses.FrozenInstanceError):
        snap.faces = 3  # type: ignore[misc]
    with pytest.raises(TypeError):
        snap.scores["happy"] = 1.0  # type: ignore[index]


def test_no_face(blank_frame: np.ndarray) -> None:
    processor = LiveEmotionProcessor(clock=FakeClock())
    out = processor(video(blank_frame))
    assert (out.to_ndarray(format="bgr24") == blank_frame).all()
    snap = processor.latest()
    assert snap is not None
    assert snap.faces == 0 and snap.emotion is None and snap.confidence == 0.0
    assert dict(snap.scores) == {}


def test_fps_and_throttled_analysis(one_face_frame: np.ndarray) -> None:
    clock = FakeClock(step=1 / 30)
    processor = LiveEmotionProcessor(clock=clock, min_interval=1 / 15)
    run(processor, one_face_frame, clock, 30)
    snap = processor.latest()
    assert snap is not None
    assert snap.fps == pytest.approx(30, rel=0.01)
    assert processor.frames == 30
    assert 14 <= processor.analyses <= 16  # every other frame at 30 fps
    assert snap.analysis_fps == pytest.approx(15, rel=0.1)
    # Frames between analyses are still annotated with the last result.
    out = processor(video(one_face_frame)).to_ndarray(format="bgr24")
    assert (out != one_face_frame).any()


def test_every_frame_analysed_without_throttle(one_face_frame: np.ndarray) -> None:
    clock = FakeClock()
    processor = LiveEmotionProcessor(clock=clock, min_interval=0)
    run(processor, one_face_frame, clock, 8)
    assert processor.analyses == 8


def test_busy_processor_redraws_instead_of_waiting(one_face_frame: np.ndarray) -> None:
    clock = FakeClock()
    processor = LiveEmotionProcessor(clock=clock, min_interval=0)
    run(processor, one_face_frame, clock, 1)
    with processor._busy:  # another thread is analysing
        out = processor(video(one_face_frame)).to_ndarray(format="bgr24")
    assert processor.analyses == 1
    assert (out != one_face_frame).any()


def test_language_switch(one_face_frame: np.ndarray) -> None:
    from core.overlay import font_path

    if font_path() is None:
        pytest.skip("no Hangul font installed")
    clock = FakeClock()
    processor = LiveEmotionProcessor("ko", clock=clock, min_interval=0)
    ko = processor(video(one_face_frame)).to_ndarray(format="bgr24")
    processor.set_language("en")
    assert processor.lang == "en"
    clock.advance()
    en = processor(video(one_face_frame)).to_ndarray(format="bgr24")
    assert (ko != en).any()
    processor.set_language("xx")
    assert processor.lang == "ko"  # unknown languages fall back to the default


def test_concurrent_callbacks(one_face_frame: np.ndarray, two_face_frame: np.ndarray) -> None:
    processors = [LiveEmotionProcessor(min_interval=0) for _ in range(4)]
    errors: list[BaseException] = []

    def work(p: LiveEmotionProcessor, frame: np.ndarray) -> None:
        try:
            for _ in range(10):
                p(video(frame))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [
        threading.Thread(target=work, args=(p, one_face_frame if i % 2 else two_face_frame))
        for i, p in enumerate(processors)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    for i, p in enumerate(processors):
        snap = p.latest()
        assert snap is not None and snap.faces == (1 if i % 2 else 2)


def test_reset(one_face_frame: np.ndarray) -> None:
    processor = LiveEmotionProcessor(clock=FakeClock())
    processor(video(one_face_frame))
    processor.reset()
    assert processor.latest() is None
    assert processor.tracker.faces == 0


def test_y4m_round_trip(tmp_path: Path, happy_photo: np.ndarray) -> None:
    frames = [webcam_frame(happy_photo, center=(260 + 10 * i, 240)) for i in range(4)]
    path = write_y4m(tmp_path / "cam.y4m", frames, fps=15)
    data = path.read_bytes()
    assert data.startswith(b"YUV4MPEG2 W640 H480 F15:1 Ip A1:1 C420jpeg\n")
    assert data.count(b"FRAME\n") == 4
    assert len(data) == len(b"YUV4MPEG2 W640 H480 F15:1 Ip A1:1 C420jpeg\n") + 4 * (
        6 + 640 * 480 * 3 // 2
    )
    back = read_y4m(path)
    assert len(back) == 4
    assert np.abs(back[0].astype(int) - frames[0].astype(int)).mean() < 4
    # What a browser's fake webcam would send is read like the original.
    processor = LiveEmotionProcessor(clock=FakeClock(), min_interval=0)
    processor(video(back[0]))
    snap = processor.latest()
    assert snap is not None and snap.faces == 1
