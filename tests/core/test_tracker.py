"""EmotionTracker: time-based smoothing, hysteresis, location reuse, several faces."""

from __future__ import annotations

import math

import numpy as np
import pytest

import core.vision.tracker as tracker_module
from core.emotions import EMOTIONS
from core.vision import EmotionTracker
from tests.core.conftest import iou
from tests.support.faces import face_box, webcam_frame


def onehot(emotion: str, level: float = 1.0) -> np.ndarray:
    """Probabilities with ``level`` on one label and the rest spread evenly."""
    probs = np.full(len(EMOTIONS), (1 - level) / (len(EMOTIONS) - 1))
    probs[EMOTIONS.index(emotion)] = level
    return probs


@pytest.fixture
def scripted(monkeypatch: pytest.MonkeyPatch):
    """Replace the classifier inside the tracker by a settable probability vector."""
    state = {"probs": onehot("neutral")}
    monkeypatch.setattr(tracker_module, "face_probabilities", lambda *a, **k: state["probs"])
    return state


def test_first_reading_is_taken_as_is(one_face_frame: np.ndarray) -> None:
    tracker = EmotionTracker()
    faces = tracker.update(one_face_frame, 0.0)
    assert len(faces) == 1
    face = faces[0]
    assert iou(face.box, face_box((320, 240), 200)) > 0.5
    assert math.isclose(sum(face.scores.values()), 1.0, abs_tol=1e-6)
    assert face.emotion == max(face.scores, key=face.scores.__getitem__)
    assert face.confidence == pytest.approx(face.scores[face.emotion])
    assert face.seen and face.age == 0.0


def test_exponential_smoothing_by_time(one_face_frame: np.ndarray, scripted: dict) -> None:
    tau = 0.35
    tracker = EmotionTracker(time_constant=tau)
    scripted["probs"] = onehot("happy")
    tracker.update(one_face_frame, 10.0)
    scripted["probs"] = onehot("sad")
    face = tracker.update(one_face_frame, 10.2)[0]
    weight = 1 - math.exp(-0.2 / tau)
    assert face.scores["sad"] == pytest.approx(weight, abs=1e-9)
    assert face.scores["happy"] == pytest.approx(1 - weight, abs=1e-9)
    # After about a second of "sad" the old reading weighs under 6 %.
    for i in range(1, 9):
        face = tracker.update(one_face_frame, 10.2 + i * 0.1)[0]
    assert face.scores["happy"] == pytest.approx(math.exp(-1.0 / tau), abs=1e-9)
    assert face.scores["happy"] < 0.06


def test_smoothing_does_not_depend_on_frame_rate(
    one_face_frame: np.ndarray, scripted: dict
) -> None:
    results = []
    for fps in (5, 30):
        tracker = EmotionTracker(detect_every=1)
        scripted["probs"] = onehot("happy")
        tracker.update(one_face_frame, 0.0)
        scripted["probs"] = onehot("angry")
        for i in range(1, round(fps * 0.6) + 1):  # up to t = 0.6 s
            face = tracker.update(one_face_frame, i / fps)[0]
        results.append(face.scores["angry"])
    assert results[0] == pytest.approx(results[1], abs=1e-9)


def test_hysteresis_keeps_the_label_between_close_scores(
    one_face_frame: np.ndarray, scripted: dict
) -> None:
    tracker = EmotionTracker(time_constant=0.0001, switch_margin=0.1)  # no smoothing
    happy_lead = onehot("happy", 0.45)
    happy_lead[EMOTIONS.index("sad")] = 0.40
    sad_lead = onehot("sad", 0.45)
    sad_lead[EMOTIONS.index("happy")] = 0.40
    scripted["probs"] = happy_lead / happy_lead.sum()
    assert tracker.update(one_face_frame, 0.0)[0].emotion == "happy"
    labels = []
    raw = []
    for i in range(1, 11):
        lead = sad_lead if i % 2 else happy_lead
        scripted["probs"] = lead / lead.sum()
        face = tracker.update(one_face_frame, i * 0.1)[0]
        labels.append(face.emotion)
        raw.append(face.raw_emotion)
    assert set(raw) == {"happy", "sad"}  # the frame-by-frame top label flickers...
    assert set(labels) == {"happy"}  # ...the stable one does not
    scripted["probs"] = onehot("sad", 0.7)
    face = tracker.update(one_face_frame, 2.0)[0]
    assert face.emotion == "sad"
    assert face.confidence == pytest.approx(0.7, abs=1e-6)


def test_location_is_reused_between_full_detections(
    one_face_frame: np.ndarray, scripted: dict
) -> None:
    tracker = EmotionTracker(detect_every=5)
    for i in range(10):
        faces = tracker.update(one_face_frame, i / 15)
        assert len(faces) == 1
    assert tracker.full_detections == 2  # frames 0 and 5
    assert tracker.region_detections == 8


def test_a_moving_face_is_followed(happy_photo: np.ndarray, scripted: dict) -> None:
    tracker = EmotionTracker(detect_every=100)
    ids = set()
    for i in range(12):
        center = (200 + 15 * i, 240)
        faces = tracker.update(webcam_frame(happy_photo, center=center), i / 15)
        assert len(faces) == 1
        assert iou(faces[0].box, face_box(center, 200)) > 0.4
        ids.add(faces[0].track_id)
    assert ids == {1}
    assert tracker.full_detections == 1


def test_lost_face_is_forgotten_and_triggers_full_detection(
    one_face_frame: np.ndarray, blank_frame: np.ndarray, scripted: dict
) -> None:
    tracker = EmotionTracker(detect_every=100, forget_after=0.5)
    tracker.update(one_face_frame, 0.0)
    tracker.update(one_face_frame, 0.1)
    assert tracker.full_detections == 1
    kept = tracker.update(blank_frame, 0.2)  # not found in its region: kept a moment
    assert len(kept) == 1 and not kept[0].seen
    full_before = tracker.full_detections
    tracker.update(blank_frame, 0.3)
    assert tracker.full_detections == full_before + 1  # looked at the whole frame
    assert tracker.update(blank_frame, 0.8) == []
    assert tracker.faces == 0
    again = tracker.update(one_face_frame, 0.9)
    assert len(again) == 1 and again[0].track_id == 2


def test_two_faces_keep_their_identities(two_face_frame: np.ndarray, scripted: dict) -> None:
    tracker = EmotionTracker(detect_every=3)
    first = tracker.update(two_face_frame, 0.0)
    assert len(first) == 2
    ids = [f.track_id for f in first]
    for i in range(1, 7):
        faces = tracker.update(two_face_frame, i / 15)
        assert [f.track_id for f in faces] == ids
    big, small = faces
    assert big.box[2] > small.box[2]


def test_real_classifier_through_the_tracker(one_face_frame: np.ndarray) -> None:
    tracker = EmotionTracker()
    for i in range(5):
        faces = tracker.update(one_face_frame, i / 15)
    assert faces[0].emotion == "happy"
    assert 0.0 < faces[0].confidence <= 1.0


def test_reset(one_face_frame: np.ndarray, scripted: dict) -> None:
    tracker = EmotionTracker()
    tracker.update(one_face_frame, 0.0)
    tracker.reset()
    assert tracker.faces == 0
    assert len(tracker.update(one_face_frame, 1.0)) == 1


def test_a_face_that_jumps_is_not_doubled(happy_photo: np.ndarray, scripted: dict) -> None:
    left = webcam_frame(happy_photo, center=(180, 240))
    right = webcam_frame(happy_photo, center=(460, 240))
    tracker = EmotionTracker(detect_every=10, forget_after=0.5)
    for i in range(40):
        faces = tracker.update(left if (i // 10) % 2 == 0 else right, i / 30)
        seen = [f for f in faces if f.seen]
        assert len(seen) == 1
        assert len(faces) <= 2  # the old place is remembered briefly, never twice
    assert tracker.region_detections < 60  # about one small pass per frame


def test_new_faces_join_at_a_full_detection(
    one_face_frame: np.ndarray, two_face_frame: np.ndarray, scripted: dict
) -> None:
    tracker = EmotionTracker(detect_every=5)
    tracker.update(two_face_frame, 0.0)
    tracker.reset()
    counts = []
    frames = [one_face_frame] * 3 + [two_face_frame] * 6
    for i, frame in enumerate(frames):
        counts.append(len([f for f in tracker.update(frame, i / 15) if f.seen]))
    assert counts[:3] == [1, 1, 1]
    assert counts[-1] == 2


def test_without_faces_the_whole_frame_is_searched_sparingly(
    blank_frame: np.ndarray, one_face_frame: np.ndarray
) -> None:
    tracker = EmotionTracker(idle_interval=0.2)
    for i in range(30):  # one second at 30 fps, nobody in view
        assert tracker.update(blank_frame, i / 30) == []
    assert 5 <= tracker.full_detections <= 6
    assert tracker.region_detections == 0
    # Someone sits down: found at the next search, at most 0.2 s later.
    found_at = next(i for i in range(30, 40) if tracker.update(one_face_frame, i / 30))
    assert (found_at - 30) / 30 <= 0.2
