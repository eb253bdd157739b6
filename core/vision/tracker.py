"""Smoothed, stable expression readings for live video.

:class:`EmotionTracker` takes frames with their timestamps (seconds, any origin;
pass the frame's own time so tests are deterministic) and keeps one track per
face:

* **Smoothing** — each track's seven scores are an exponential moving average
  with time constant :attr:`EmotionTracker.time_constant` (0.35 s: a reading
  older than one second weighs under 6 %). The weight of a new reading depends
  on the time since the last one, so the result does not depend on frame rate.
* **Hysteresis** — the dominant emotion changes only when another label's
  smoothed score beats the current one's by :attr:`switch_margin` (0.1), so the
  label does not flicker between two close scores. ``confidence`` is the smoothed
  score of the dominant label.
* **Location reuse** — between full detections (every :attr:`detect_every`
  frames, or whenever a face was lost or none is tracked) each face is searched
  only in a square around its last box, which costs one small detector pass per
  face instead of up to three over the whole frame. A face not seen for
  :attr:`forget_after` seconds is dropped.
* **Several faces** — detections are matched to tracks by box overlap (IoU).
* **Idle** — while no face is tracked, the whole frame (up to three detector
  passes, ~14 ms at 640x480) is searched at most every :attr:`idle_interval`
  (0.2 s); frames in between return no faces at once.
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass, field

import numpy as np

from core.emotions import EMOTIONS
from core.vision.classifier import scores_dict
from core.vision.detector import Detection, detect_faces, detect_in_region, to_bgr
from core.vision.engine import Box, clip_box, face_probabilities


@dataclass(frozen=True, slots=True)
class TrackedFace:
    """A face followed over time: smoothed scores and the stable dominant emotion."""

    track_id: int
    box: Box
    scores: dict[str, float] = field(hash=False)
    emotion: str
    confidence: float
    raw_emotion: str  # top label of the latest frame alone
    age: float  # seconds since the face was first seen
    seen: bool  # found in this very frame (False: kept from an earlier frame)


@dataclass(slots=True)
class _Track:
    track_id: int
    det: Detection
    probs: np.ndarray
    emotion: int
    first_seen: float
    last_seen: float
    raw: int


def box_iou(a: Detection, b: Detection) -> float:
    x0, y0 = max(a.x0, b.x0), max(a.y0, b.y0)
    x1, y1 = min(a.x1, b.x1), min(a.y1, b.y1)
    inter = max(0.0, x1 - x0) * max(0.0, y1 - y0)
    union = a.width * a.height + b.width * b.height - inter
    return inter / union if union > 0 else 0.0


class EmotionTracker:
    """Follows faces across frames; thread-safe (one update at a time)."""

    def __init__(
        self,
        *,
        time_constant: float = 0.35,
        switch_margin: float = 0.1,
        detect_every: int = 10,
        forget_after: float = 0.5,
        region_scale: float = 2.0,
        match_iou: float = 0.3,
        max_faces: int = 5,
        tta: str = "fast",
        idle_interval: float = 0.2,
    ) -> None:
        self.time_constant = time_constant
        self.switch_margin = switch_margin
        self.detect_every = detect_every
        self.forget_after = forget_after
        self.region_scale = region_scale
        self.match_iou = match_iou
        self.max_faces = max_faces
        self.tta = tta
        self.idle_interval = idle_interval
        self._last_full: float | None = None
        self._tracks: list[_Track] = []
        self._next_id = 1
        self._frames_since_full = 0
        self._last_time: float | None = None
        self._lock = threading.Lock()
        self.full_detections = 0  # counters, for tests and the benchmark
        self.region_detections = 0

    def reset(self) -> None:
        with self._lock:
            self._tracks.clear()
            self._frames_since_full = 0
            self._last_time = None
            self._last_full = None

    def _idle(self, now: float) -> bool:
        """With no face in view, search the whole frame only every ``idle_interval``."""
        return self._last_full is not None and 0 <= now - self._last_full < self.idle_interval

    def _needs_full(self) -> bool:
        return not self._tracks or self._frames_since_full >= self.detect_every - 1

    def _region(self, det: Detection) -> tuple[int, int, int]:
        side = det.side * self.region_scale
        cx, cy = det.center
        return round(cx - side / 2), round(cy - side / 2), max(8, round(side))

    @staticmethod
    def _follows(last: Detection, det: Detection) -> bool:
        """Whether det can be the same face one analysis later (near, similar size)."""
        (lx, ly), (dx, dy) = last.center, det.center
        near = math.hypot(dx - lx, dy - ly) <= 0.6 * last.side
        return near and 0.6 <= det.side / max(last.side, 1e-6) <= 1.6

    def _search_regions(self, bgr: np.ndarray) -> list[tuple[_Track, Detection]]:
        """Each track's face looked for near its last box; found pairs, one per face."""
        pairs: list[tuple[_Track, Detection]] = []
        for track in self._tracks:
            self.region_detections += 1
            near = [
                d
                for d in detect_in_region(bgr, self._region(track.det))
                if self._follows(track.det, d) and all(box_iou(d, f) < 0.5 for _, f in pairs)
            ]
            if near:
                pairs.append((track, max(near, key=lambda d: box_iou(d, track.det))))
        return pairs

    def _match_full(self, detections: list[Detection]) -> list[tuple[_Track, Detection]]:
        """Detections of a full pass matched to tracks: greedy by overlap, then nearness."""
        candidates = sorted(
            (
                (box_iou(det, track.det), di, ti)
                for di, det in enumerate(detections)
                for ti, track in enumerate(self._tracks)
                if box_iou(det, track.det) >= self.match_iou or self._follows(track.det, det)
            ),
            reverse=True,
        )
        used_dets: set[int] = set()
        used_tracks: set[int] = set()
        pairs = []
        for _, di, ti in candidates:
            if di not in used_dets and ti not in used_tracks:
                used_dets.add(di)
                used_tracks.add(ti)
                pairs.append((self._tracks[ti], detections[di]))
        return pairs

    def update(self, frame: np.ndarray, timestamp: float) -> list[TrackedFace]:
        """Process one frame taken at ``timestamp`` seconds; the faces, largest first."""
        bgr = to_bgr(np.asarray(frame))
        with self._lock:
            if not self._tracks and self._idle(timestamp):
                self._last_time = timestamp
                return []
            if self._needs_full():
                self._last_full = timestamp
                self._frames_since_full = 0
                self.full_detections += 1
                detections = detect_faces(bgr)[: self.max_faces]
                pairs = self._match_full(detections)
                claimed = {id(det) for _, det in pairs}
                new = [d for d in detections if id(d) not in claimed]
            else:
                self._frames_since_full += 1
                pairs = self._search_regions(bgr)
                new = []
                if len(pairs) < len(self._tracks):
                    # A face escaped its region: look at the whole frame next time.
                    self._frames_since_full = self.detect_every
            for track, det in pairs:
                self._observe(track, det, bgr, timestamp)
            for det in new[: max(0, self.max_faces - len(self._tracks))]:
                probs = face_probabilities(bgr, det, self.tta)
                top = int(np.argmax(probs))
                self._tracks.append(
                    _Track(self._next_id, det, probs, top, timestamp, timestamp, top)
                )
                self._next_id += 1
            self._tracks = self._prune(timestamp)
            self._last_time = timestamp
            h, w = bgr.shape[:2]
            return self._snapshot(timestamp, w, h)

    def _prune(self, now: float) -> list[_Track]:
        """Tracks seen within ``forget_after``, without two tracks on one face."""
        kept: list[_Track] = []
        for track in sorted(self._tracks, key=lambda t: (-t.last_seen, t.track_id)):
            if now - track.last_seen > self.forget_after:
                continue
            if any(box_iou(track.det, k.det) > 0.5 for k in kept):
                continue
            kept.append(track)
        return sorted(kept, key=lambda t: t.track_id)

    def _observe(self, track: _Track, det: Detection, bgr: np.ndarray, now: float) -> None:
        probs = face_probabilities(bgr, det, self.tta)
        dt = max(0.0, now - track.last_seen)
        weight = 1.0 - math.exp(-dt / self.time_constant) if self.time_constant > 0 else 1.0
        track.probs = (1.0 - weight) * track.probs + weight * probs
        track.probs /= track.probs.sum()
        track.raw = int(np.argmax(probs))
        leader = int(np.argmax(track.probs))
        if track.probs[leader] >= track.probs[track.emotion] + self.switch_margin:
            track.emotion = leader
        track.det = det
        track.last_seen = now

    def _snapshot(self, now: float, width: int, height: int) -> list[TrackedFace]:
        faces = [
            TrackedFace(
                track_id=t.track_id,
                box=clip_box(t.det, width, height),
                scores=scores_dict(t.probs),
                emotion=EMOTIONS[t.emotion],
                confidence=float(t.probs[t.emotion]),
                raw_emotion=EMOTIONS[t.raw],
                age=now - t.first_seen,
                seen=t.last_seen == now,
            )
            for t in self._tracks
        ]
        return sorted(faces, key=lambda f: -(f.box[2] * f.box[3]))

    @property
    def faces(self) -> int:
        return len(self._tracks)
