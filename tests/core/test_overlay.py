"""Overlay drawing: boxes and labels on a copy, Hangul font, cached label bitmaps."""

from __future__ import annotations

import numpy as np
import pytest

import core.overlay as overlay
from core.overlay import LabelCache, draw_faces, font_path
from core.vision import FaceEmotion, analyze

SCORES = {"angry": 0.05, "disgust": 0.0, "fear": 0.05, "happy": 0.8}
SCORES |= {"sad": 0.05, "surprise": 0.03, "neutral": 0.02}


def face(box=(200, 150, 200, 200), emotion="happy") -> FaceEmotion:
    return FaceEmotion(box, dict(SCORES), emotion)


def blank() -> np.ndarray:
    return np.full((480, 640, 3), 90, np.uint8)


def test_draws_on_a_copy_by_default() -> None:
    frame = blank()
    out = draw_faces(frame, [face()], "en")
    assert out.shape == frame.shape and out.dtype == np.uint8
    assert (frame == 90).all()
    changed = (out != frame).any(axis=2)
    assert changed[150, 200:400].any()  # top edge of the box
    assert changed[150:350, 200].any()  # left edge
    assert changed[120:150, 200:300].sum() > 200  # the label above the box


def test_in_place_drawing() -> None:
    frame = blank()
    out = draw_faces(frame, [face()], "en", copy=False)
    assert out is frame
    assert (frame != 90).any()


def test_no_faces_leaves_the_frame_unchanged() -> None:
    frame = blank()
    assert (draw_faces(frame, [], "ko") == frame).all()


def test_label_language_changes_the_pixels() -> None:
    if font_path() is None:
        pytest.skip("no Hangul font installed: labels fall back to English")
    ko = draw_faces(blank(), [face()], "ko")
    en = draw_faces(blank(), [face()], "en")
    assert (ko != en).any()


def test_without_a_font_korean_falls_back_to_english(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(overlay, "font_path", lambda: None)
    monkeypatch.setattr(overlay, "LABELS", LabelCache())
    assert overlay.LABELS.language_for("ko") == "en"
    ko = draw_faces(blank(), [face()], "ko")
    en = draw_faces(blank(), [face()], "en")
    assert (ko == en).all()
    assert (ko != blank()).any()


def test_label_bitmaps_are_rendered_once(monkeypatch: pytest.MonkeyPatch) -> None:
    cache = LabelCache()
    monkeypatch.setattr(overlay, "LABELS", cache)
    calls = []
    original = cache._build
    monkeypatch.setattr(cache, "_build", lambda *a: calls.append(a) or original(*a))
    for _ in range(5):
        draw_faces(blank(), [face(), face((10, 10, 80, 80), "sad")], "ko")
    assert len(calls) == 1


@pytest.mark.parametrize(
    "box",
    [(0, 0, 120, 120), (560, 400, 80, 80), (600, 440, 100, 100), (-20, -20, 60, 60)],
)
def test_boxes_at_the_edges(box: tuple[int, int, int, int]) -> None:
    out = draw_faces(blank(), [face(box)], "ko")
    assert out.shape == (480, 640, 3)


def test_grayscale_and_other_sizes() -> None:
    gray = np.full((240, 320), 100, np.uint8)
    out = draw_faces(gray, [face((50, 60, 100, 100))], "en")
    assert out.shape == (240, 320, 3)
    big = draw_faces(np.zeros((1080, 1920, 3), np.uint8), [face((800, 300, 400, 400))], "ko")
    assert (big != 0).any()


def test_real_results_are_drawn(one_face_frame: np.ndarray) -> None:
    faces = analyze(one_face_frame)
    out = draw_faces(one_face_frame, faces, "ko")
    x, y, w, _ = faces[0].box
    assert (out[y, x : x + w] != one_face_frame[y, x : x + w]).any()
