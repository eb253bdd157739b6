"""Accuracy floors on the shared evaluation faces (deterministic; a miss counts wrong).

Faces no model choice was made on (the ensembles and their constants were chosen on
validation data, ``training/evaluate.py``). Measured (``scripts/model_card.py``):
crops 0.673 (lowest class 0.46, neutral), photos 0.664 with 1.2 % missed, webcam-like
frames 0.652. Every floor is issue 12's target: crops 0.66 with no class under 0.35,
photos 0.62 with at most 2 % missed, frames 0.60.

The data lives outside the repository (``../shared/data/faces`` or ``FACES_DIR``);
without it these tests are skipped with the reason.
"""

from __future__ import annotations

import cv2
import pytest

from tests.support.faces import (
    Evaluation,
    evaluate_crops,
    evaluate_photos,
    load_labeled,
    missing_reason,
    webcam_frame,
)

FER2013_FLOOR = 0.66
FER2013_CLASS_FLOOR = 0.35
WILD_FLOOR = 0.62
WILD_MAX_MISSED = 0.02
WEBCAM_FLOOR = 0.60
WEBCAM_FACE_SIZE = 240


@pytest.fixture(scope="module")
def fer2013() -> Evaluation:
    reason = missing_reason("fer2013")
    if reason:
        pytest.skip(reason)
    return evaluate_crops("fer2013")


@pytest.fixture(scope="module")
def wild() -> Evaluation:
    reason = missing_reason("faces-in-the-wild")
    if reason:
        pytest.skip(reason)
    return evaluate_photos("faces-in-the-wild")


@pytest.fixture(scope="module")
def webcam() -> Evaluation:
    reason = missing_reason("faces-in-the-wild")
    if reason:
        pytest.skip(reason)
    return evaluate_photos(
        "faces-in-the-wild",
        prepare=lambda img: webcam_frame(img, face_size=WEBCAM_FACE_SIZE),
        read_flags=cv2.IMREAD_COLOR,
    )


def test_fer2013_crops(fer2013: Evaluation) -> None:
    assert len(fer2013.labels) == 346
    assert fer2013.missed == 0
    assert fer2013.accuracy >= FER2013_FLOOR, fer2013.per_class()


def test_no_class_is_left_behind_on_fer2013(fer2013: Evaluation) -> None:
    recalls = {name: stats["recall"] for name, stats in fer2013.per_class().items()}
    assert min(recalls.values()) >= FER2013_CLASS_FLOOR, recalls


def test_faces_in_the_wild_photos(wild: Evaluation) -> None:
    assert len(wild.labels) == 250
    assert wild.missed <= WILD_MAX_MISSED
    assert wild.accuracy >= WILD_FLOOR, wild.per_class()


def test_photos_in_webcam_like_frames(webcam: Evaluation) -> None:
    assert len(webcam.labels) == len(load_labeled("faces-in-the-wild"))
    assert webcam.accuracy >= WEBCAM_FLOOR, webcam.per_class()


def test_evaluation_is_deterministic(wild: Evaluation) -> None:
    assert evaluate_photos("faces-in-the-wild").predictions == wild.predictions
