"""The live webcam callback: track faces, draw the overlay, publish the latest reading.

Wiring (one processor per browser session; see ``ui/live_view.py``)::

    processor = LiveEmotionProcessor()          # keep it in st.session_state
    processor.set_language(lang)                # every rerun; takes effect next frame
    webrtc_streamer(..., video_frame_callback=processor, async_processing=True)
    snapshot = processor.latest()               # LiveSnapshot or None, from any thread

The callback runs in streamlit-webrtc's worker thread. It never touches ``st.*``,
the database or the disk, and keeps no frame after it returns.

Keeping up with the camera: the model runs on a frame only when

* at least ``interval`` seconds passed since the session's last analysis started,
  where the interval is the larger of ``min_interval`` (default 1/15 s: at most 15
  analyses a second per session) and the session's share of a process-wide
  analysis budget (:class:`AnalysisBudget`): live sessions × the CPU cost of one
  analysis ÷ (``ANALYSIS_SHARE`` × cores). Between analyses the last result is
  redrawn on the new frame. So when many sessions are live at once each gets fewer
  analyses a second (down to one a second, ``MAX_INTERVAL``) and every stream keeps
  its frame rate; only past that floor does the CPU run short for frames; and
* a process-wide analysis slot (one per core) is free: a frame that finds none
  is shown with the previous result instead of queueing. Only a session that got
  no analysis for two of its intervals (at least ``MAX_STALE``) waits for a slot,
  at most ``SLOT_WAIT``, so no session starves.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType

import av
import numpy as np

from core.i18n import normalize_language
from core.overlay import draw_faces
from core.vision import EmotionTracker, TrackedFace

log = logging.getLogger(__name__)

DEFAULT_MIN_INTERVAL = 1 / 15
MAX_INTERVAL = 1.0  # every live session gets at least one analysis a second
MAX_STALE = 0.5  # seconds: a session without an analysis for longer may wait for a slot
SLOT_WAIT = 0.1  # ... this long at most (one frame's delay, not a queue)
ANALYSIS_SHARE = 0.5  # of the cores, what the model may use across all live sessions
ACTIVE_WINDOW = 2.0  # seconds: a session without a frame for this long is not live
COST_SMOOTHING = 0.2  # weight of the newest analysis in the cost average
FPS_SMOOTHING = 0.1  # weight of the newest frame interval in the frame-rate average
_CPUS = max(1, os.cpu_count() or 1)
_ANALYSIS_SLOTS = threading.BoundedSemaphore(_CPUS)


class AnalysisBudget:
    """Shares the process's analysis time among the live sessions.

    The model costs a few milliseconds of CPU a frame; at 15 analyses a second one
    session is cheap, eight are not, and the CPU they take comes out of every
    stream's frame decoding, drawing and encoding (and the pages of everyone
    else). So the interval between one session's analyses grows with the number
    of live sessions times the average CPU cost of an analysis, keeping the model
    within ``share`` of the cores: more sessions mean fewer analyses each, not
    fewer frames. ``max_interval`` is the floor of one analysis a second; past it
    frames pay. Thread-safe; one instance per process (:func:`shared_budget`).
    """

    def __init__(
        self,
        cpus: int = _CPUS,
        *,
        share: float = ANALYSIS_SHARE,
        max_interval: float = MAX_INTERVAL,
        active_window: float = ACTIVE_WINDOW,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.cpus = cpus
        self.capacity = share * cpus  # CPU seconds a second the model may use
        self.max_interval = max_interval
        self.active_window = active_window
        self._clock = clock
        self._lock = threading.Lock()
        self._seen: dict[int, float] = {}
        self._cost = 0.0

    @property
    def cost(self) -> float:
        """Average CPU seconds of one analysis (0 before the first)."""
        return self._cost

    def live_sessions(self) -> int:
        with self._lock:
            return self._prune(self._clock())

    def is_live(self, session: object) -> bool:
        """Whether the session sent a frame within ``active_window``."""
        with self._lock:
            self._prune(self._clock())
            return id(session) in self._seen

    def has_room(self, session: object, limit: int) -> bool:
        """May this session start (or keep) live video with at most ``limit`` live?

        A session already live keeps its place; a new one is refused once ``limit``
        others are live (``limit`` 0: two per core, what one process served well in
        scripts/bench_load.py with Streamlit's per-run collection off; README,
        *Capacity*). Past that the video still flows but every page and readout in
        the process stalls, so the next visitor is better told to wait or to take a
        snapshot.
        """
        limit = limit or 2 * self.cpus
        return self.is_live(session) or self.live_sessions() < limit

    def interval(self, session: object, floor: float) -> float:
        """Seconds the session should leave between analyses; marks it live."""
        now = self._clock()
        with self._lock:
            self._seen[id(session)] = now
            live = self._prune(now)
            wanted = live * self._cost / self.capacity
        return min(max(floor, self.max_interval), max(floor, wanted))

    def spent(self, cpu_seconds: float) -> None:
        """Record what one analysis cost."""
        with self._lock:
            self._cost = (
                cpu_seconds
                if self._cost == 0.0
                else (1 - COST_SMOOTHING) * self._cost + COST_SMOOTHING * cpu_seconds
            )

    def forget(self, session: object) -> None:
        """The session stopped: its share goes to the others at once."""
        with self._lock:
            self._seen.pop(id(session), None)

    def _prune(self, now: float) -> int:
        gone = [k for k, seen in self._seen.items() if now - seen > self.active_window]
        for key in gone:
            del self._seen[key]
        return len(self._seen)


_BUDGET = AnalysisBudget()


def shared_budget() -> AnalysisBudget:
    """The process-wide budget every processor uses unless given its own."""
    return _BUDGET


@dataclass(frozen=True, slots=True)
class LiveSnapshot:
    """The latest smoothed reading of the largest face, as the page shows it.

    ``emotion`` is None and ``scores`` empty while no face is in view
    (``faces == 0``). ``timestamp`` is wall-clock (``time.time()``) of the analysis
    the reading comes from (0.0 until the first analysis finishes); ``fps`` is the
    rate of frames through the callback, ``analysis_fps`` the rate of frames the
    model actually ran on, ``analysis_ms`` the cost of the last analysis.
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
    frame_time: float = 0.0  # wall-clock of the latest frame through the callback


STALE_AFTER = 2.0  # seconds: an older reading is shown with its age and a "busy" note


class ReadoutKind(StrEnum):
    """What the readout beside the video shows."""

    OFF = "off"  # the camera is not playing and there is no reading to show
    WAITING = "waiting"  # playing, but no analysis has finished yet
    FAILING = "failing"  # the model raised on the latest frames it ran on
    NO_FACE = "no_face"  # analyses run and find no face
    READING = "reading"  # a reading, with its age


@dataclass(frozen=True, slots=True)
class Readout:
    """The readout's state at one moment: never empty, never an old reading as new."""

    kind: ReadoutKind
    snapshot: LiveSnapshot | None = None
    age: float | None = None  # seconds since the analysis the reading comes from
    stale: bool = False  # older than STALE_AFTER while the camera plays


def readout_for(snapshot: LiveSnapshot | None, playing: bool, now: float) -> Readout:
    """Decide what the readout shows for a snapshot at wall-clock ``now``.

    Pure, so the page's fragment only renders it. Every state has something to
    show: before the first analysis the person is told a reading is coming (not
    that no face was found), and a reading the server has not refreshed for
    ``STALE_AFTER`` seconds is shown with its age instead of as if current.
    Frames still arriving mean the camera plays, whatever ``playing`` (the page's
    view of the stream, as of its last full run) says.
    """
    if snapshot is not None and now - snapshot.frame_time < STALE_AFTER:
        playing = True
    if snapshot is not None and playing and snapshot.analysis_error:
        return Readout(ReadoutKind.FAILING, snapshot)
    analysed = snapshot is not None and snapshot.timestamp > 0
    if not analysed:
        return Readout(ReadoutKind.WAITING if playing else ReadoutKind.OFF, snapshot)
    age = max(0.0, now - snapshot.timestamp)
    stale = playing and age > STALE_AFTER
    if snapshot.faces == 0:
        if not playing:
            return Readout(ReadoutKind.OFF, snapshot)
        return Readout(ReadoutKind.NO_FACE, snapshot, age, stale)
    return Readout(ReadoutKind.READING, snapshot, age, stale)


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
        budget: AnalysisBudget | None = None,
    ) -> None:
        self.tracker = tracker or EmotionTracker()
        self.min_interval = min_interval
        self.budget = budget if budget is not None else shared_budget()
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
        self.budget.forget(self)

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
        interval = self.budget.interval(self, self.min_interval)
        # A little slack so that camera jitter at 30 fps still gives every other frame.
        slack = min(0.25 * interval, 0.01)
        due = self._last_start is None or now - self._last_start >= interval - slack
        if due and self._busy.acquire(blocking=False):
            try:
                # No slot free: the frame goes out with the last result. Only a session
                # starved of analyses (none for two intervals) waits, briefly, for one.
                starved = self._last_start is None or now - self._last_start > max(
                    MAX_STALE, 2 * interval
                )
                if _ANALYSIS_SLOTS.acquire(timeout=SLOT_WAIT if starved else 0):
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
        cpu_start = time.thread_time()
        self._last_start = now
        self._faces = self.tracker.update(image, now)
        if self.analyses:  # the first one also builds this thread's interpreters
            self.budget.spent(time.thread_time() - cpu_start)
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
                frame_time=self._wall_clock(),
            )
        )


AUTOSTART_SETTLE_S = 0.6  # seconds the video component sits idle before it is told to play


@dataclass(slots=True)
class AutostartGate:
    """When a video component that starts by itself (the kiosk's) may be told to play.

    streamlit-webrtc's browser side starts a stream from an effect that runs on
    every React render while the component is asked to play and is still stopped;
    the start itself first awaits a lazily imported module, and only then marks the
    component as signalling. Every render in that window (its own frame height
    settling right after it mounts, new arguments, a restart's layout change)
    starts one more ``RTCPeerConnection``. The server answers the first offer it
    sees, the browser applies that answer to the last connection it made, and the
    camera never connects (measured: three connections on every kiosk start).
    Whether the answered offer happened to be the last one depended on how fast
    the server ran, which is why the kiosk test failed more often with
    ``runner.postScriptGC`` off and passed more often under load.

    So the page asks the component to stay stopped (``desired_playing_state=False``,
    which draws the same as ``True``: no START button, so switching draws nothing
    new) until it has reported its first value (it is mounted) and then stayed idle
    for ``settle_s``; only then does it ask it to play, in one render, with nothing
    else redrawing it. A stream that stopped after it was started (a failed
    connection) is held stopped the same way before it restarts, instead of
    restarting from the browser's own effect during its relayout.

    ``value`` is the component's last reported value (``None`` before it mounted):
    ``{"playing": bool, "sdpOffer": dict | "", ...}``. Pure: the page keeps one
    gate per component key and calls :meth:`desired` on each full run and
    :meth:`due` from its readout fragment, which reruns the page when it is time.
    """

    settle_s: float = AUTOSTART_SETTLE_S
    idle_since: float | None = None  # when the component was last seen mounted and idle
    armed: bool = False  # it has been asked to play
    started: bool = False  # since then it offered or played

    def desired(self, value: Mapping[str, object] | None, now: float) -> bool:
        """The ``desired_playing_state`` to draw the component with in this run."""
        if value is None:  # not mounted yet: its first renders are still to come
            return False
        busy = bool(value.get("playing")) or bool(value.get("sdpOffer"))
        if self.armed:
            if busy:
                self.started = True
                return True
            if not self.started:
                return True  # asked to play, not offering yet: keep asking
            self.armed = self.started = False  # it stopped: hold it, then start it once
            self.idle_since = now
            return False
        if busy:  # still winding down from a start we did not ask for: wait for idle
            self.idle_since = None
            return False
        if self.idle_since is None:
            self.idle_since = now
        if now - self.idle_since >= self.settle_s:
            self.armed = True
        return self.armed

    def due(self, now: float) -> bool:
        """True once a full run would ask the component to play (nothing else may rerun)."""
        return (
            not self.armed
            and self.idle_since is not None
            and now - self.idle_since >= self.settle_s
        )
