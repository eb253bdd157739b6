"""Fixtures for the vision tests: fixture photos and synthetic webcam frames."""

from __future__ import annotations

import numpy as np
import pytest

from tests.support.faces import LabeledImage, fixture_faces, webcam_frame


@pytest.fixture(scope="session")
def face_photos() -> list[LabeledImage]:
    return fixture_faces()


@pytest.fixture(scope="session")
def happy_photo(face_photos: list[LabeledImage]) -> np.ndarray:
    return next(p for p in face_photos if p.label == "happy").read()


@pytest.fixture(scope="session")
def other_photo(face_photos: list[LabeledImage]) -> np.ndarray:
    return next(p for p in face_photos if p.label == "surprise").read()


@pytest.fixture(scope="session")
def one_face_frame(happy_photo: np.ndarray) -> np.ndarray:
    """640x480, one 200 px face in the middle."""
    frame = webcam_frame(happy_photo, face_size=200, center=(320, 240))
    frame.setflags(write=False)
    return frame


@pytest.fixture(scope="session")
def two_face_frame(happy_photo: np.ndarray, other_photo: np.ndarray) -> np.ndarray:
    """640x480, a 190 px face on the left and a 150 px face on the right."""
    frame = webcam_frame(happy_photo, face_size=190, center=(175, 230))
    frame = webcam_frame(other_photo, face_size=150, center=(480, 250), background=frame)
    frame.setflags(write=False)
    return frame


@pytest.fixture(scope="session")
def blank_frame() -> np.ndarray:
    return np.full((480, 640, 3), 128, np.uint8)


def iou(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> float:
    ax, ay, aw, ah = a
    bx, by, bw, bh = b
    w = max(0, min(ax + aw, bx + bw) - max(ax, bx))
    h = max(0, min(ay + ah, by + bh) - max(ay, by))
    inter = w * h
    return inter / (aw * ah + bw * bh - inter)
