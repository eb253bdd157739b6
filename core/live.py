"""The live webcam callback: track faces, draw the overlay, publish the latest reading.

Wiring (one processor per browser session; see ``ui/live_view.py``)::

    processor = LiveEmotionProcessor()          # keep it in st.session_state
    processor.set_language(lang)                # every rerun; takes effect next frame
    webrtc_streamer(..., video_frame_callback=processor, async_processing=True)
    snapshot = processor.latest()               # LiveSnapshot or None, from any thread

The callback runs in streamlit-webrtc's worker thread. It never touches ``st.*``,
the database or the disk, and keeps no frame after it returns.

Keeping up with the camera: the model runs on a frame only when

* at least ``min_interval`` seconds passed since the last analysis started
  (default 1/15 s: at most 15 analyses a second per session; between them the
  last result is redrawn on the new frame), and
* a process-wide analysis slot is free (one per CPU core): when many sessions
  are live at once, a frame that would have to wait is shown with the previous
  result instead of queueing, so every stream keeps its frame rate. Only when a
  session's last result is older than ``MAX_STALE`` does its frame wait (at most
  ``SLOT_WAIT``) for a slot, so no session starves.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

import av
import numpy as np

from core.i18n import normalize_language
from core.overlay import draw_faces
from core.vision import EmotionTracker, TrackedFace

log = logging.getLogger(__name__)

DEFAULT_MIN_INTERVAL = 1 / 15
MAX_STALE = 0.5  # seconds: past this, wait up to SLOT_WAIT for an analysis slot
SLOT_WAIT = 0.1
FPS_SMOOTHING = 0.1  # weight of the newest frame interval in the frame-rate average
_ANALYSIS_SLOTS = threading.BoundedSemaphore(max(1, os.cpu_count() or 1))


@dataclass(frozen=True, slots=True)
class LiveSnapshot:
    """The latest smoothed reading of the largest face, as the page shows it.

    ``emotion`` is None and ``scores`` empty while no face is in view
    (``faces == 0``). ``timestamp`` is wall-clock (``time.time()``) of the analysis
    the reading comes from; ``fps`` is the rate of frames through the callback,
    ``analysis_fps`` the rate of frames the model actually ran on, ``analysis_ms``
    the cost of the last analysis.
    """

    emotion: str | None
    confidence: float
    scores: Mapping[str, float] = field(hash=False)
    faces: int
    timestamp: float
    fps: float
    analysis_fps: float = 0.0
    analysis_ms: float = 0.0
    analysis_error: bool = False  # the model raised on the latest frames it ran on


class LatestHolder:
    """A lock-guarded slot for the newest snapshot (written by the callback thread)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._value: LiveSnapshot | None = None

    def set(self, value: LiveSnapshot) -> None:
        with self._lock:
            self._value = value

    def get(self) -> LiveSnapshot | None:
        with self._lock:
            return self._value


class _Rate:
    """Events per second from an exponential average of the intervals between them."""

    def __init__(self) -> None:
        self._last: float | None = None
        self._interval: float | None = None

    def tick(self, now: float) -> None:
        if self._last is not None and now > self._last:
            dt = now - self._last
            self._interval = (
                dt
                if self._interval is None
                else (1 - FPS_SMOOTHING) * self._interval + FPS_SMOOTHING * dt
            )
        self._last = now

    @property
    def per_second(self) -> float:
        return 1.0 / self._interval if self._interval else 0.0


class LiveEmotionProcessor:
    """``video_frame_callback`` for ``webrtc_streamer``: annotate frames, publish readings."""

    def __init__(
        self,
        lang: str = "ko",
        *,
        tracker: EmotionTracker | None = None,
        min_interval: float = DEFAULT_MIN_INTERVAL,
        clock: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], float] = time.time,
    ) -> None:
        self.tracker = tracker or EmotionTracker()
        self.min_interval = min_interval
        self._clock = clock
        self._wall_clock = wall_clock
        self._lang = normalize_language(lang)
        self._holder = LatestHolder()
        self._busy = threading.Lock()
        self._faces: list[TrackedFace] = []
        self._last_start: float | None = None
        self._frame_rate = _Rate()
        self._analysis_rate = _Rate()
        self._analysis_ms = 0.0
        self._reading_time = 0.0
        self._failing = False
        self.frames = 0
        self.analyses = 0
        self.failures = 0

    # -- page side -------------------------------------------------------------
    @property
    def lang(self) -> str:
        return self._lang

    def set_language(self, lang: str) -> None:
        """Language of the overlay labels ("ko" or "en"); used from the next frame on."""
        self._lang = normalize_language(lang)

    def latest(self) -> LiveSnapshot | None:
        """The newest reading (immutable), or None before the first frame."""
        return self._holder.get()

    def reset(self) -> None:
        """Forget tracked faces and the last reading (e.g. when the stream stops)."""
        with self._busy:
            self.tracker.reset()
            self._faces = []
            self._holder = LatestHolder()
            self._last_start = None

    # -- callback side ---------------------------------------------------------
    def __call__(self, frame: av.VideoFrame) -> av.VideoFrame:
        image = frame.to_ndarray(format="bgr24")
        image = self.process(image)
        return av.VideoFrame.from_ndarray(image, format="bgr24")

    def process(self, image: np.ndarray) -> np.ndarray:
        """Analyse (or reuse the last analysis for) one BGR frame and draw on it in place."""
        now = self._clock()
        self.frames += 1
        self._frame_rate.tick(now)
        # A little slack so that camera jitter at 30 fps still gives every other frame.
        slack = min(0.25 * self.min_interval, 0.01)
        due = self._last_start is None or now - self._last_start >= self.min_interval - slack
        if due and self._busy.acquire(blocking=False):
            try:
                # Skip while a recent result exists; a stale one is worth a short wait,
                # so no session starves when many share the CPU.
                stale = self._last_start is None or now - self._last_start > MAX_STALE
                got_slot = (
                    _ANALYSIS_SLOTS.acquire(timeout=SLOT_WAIT)
                    if stale
                    else _ANALYSIS_SLOTS.acquire(blocking=False)
                )
                if got_slot:
                    try:
                        self._analyse(image, now)
                    except Exception as exc:  # the video must keep flowing
                        self._failed(exc)
                    finally:
                        _ANALYSIS_SLOTS.release()
            finally:
                self._busy.release()
        faces = self._faces
        self._publish(faces)
        # A face missed for a moment keeps its reading but is not drawn where it was.
        return draw_faces(image, [f for f in faces if f.seen], self._lang, copy=False)

    def _analyse(self, image: np.ndarray, now: float) -> None:
        start = time.perf_counter()
        self._last_start = now
        self._faces = self.tracker.update(image, now)
        self._analysis_ms = (time.perf_counter() - start) * 1000
        self._analysis_rate.tick(now)
        self._reading_time = self._wall_clock()
        self.analyses += 1
        if self._failing:
            self._failing = False
            log.warning("live analysis works again after %d failed frames", self.failures)

    def _failed(self, error: Exception) -> None:
        """The model raised on a frame: show the frame without boxes, say so, go on.

        An exception escaping the callback would end the stream; a reading from
        before the failure must not stay on screen as if current. Logged once per
        run of failures, not per frame.
        """
        self.failures += 1
        self._faces = []
        if not self._failing:
            self._failing = True
            log.warning("live analysis failed: %s: %s", type(error).__name__, error)

    def _publish(self, faces: list[TrackedFace]) -> None:
        # The largest face seen in the last analysis (faces are sorted largest first).
        main = next((f for f in faces if f.seen), faces[0] if faces else None)
        self._holder.set(
            LiveSnapshot(
                emotion=main.emotion if main else None,
                confidence=main.confidence if main else 0.0,
                scores=MappingProxyType(dict(main.scores)) if main else MappingProxyType({}),
                faces=len(faces),
                timestamp=self._reading_time,
                fps=self._frame_rate.per_second,
                analysis_fps=self._analysis_rate.per_second,
                analysis_ms=self._analysis_ms,
                analysis_error=self._failing,
            )
        )
