"""Accuracy floors on the shared labeled sets (deterministic; a miss counts wrong).

* FER2013 48x48 crops through ``classify_face``: at least 0.58 (stock fer: 0.431).
* faces-in-the-wild photos through ``analyze``: at least 0.50 with at most 5 % of
  the faces missed (stock fer: 0.396 with 28 % missed).

The data lives outside the repository (``../shared/data/faces`` or ``FACES_DIR``);
without it these tests are skipped with the reason.
"""

from __future__ import annotations

import pytest

from tests.support.faces import Evaluation, evaluate_crops, evaluate_photos, missing_reason

FER2013_FLOOR = 0.58
WILD_FLOOR = 0.50
WILD_MAX_MISSED = 0.05


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


def test_fer2013_crops(fer2013: Evaluation) -> None:
    assert len(fer2013.labels) == 346
    assert fer2013.missed == 0
    assert fer2013.accuracy >= FER2013_FLOOR, fer2013.per_class()


def test_faces_in_the_wild_photos(wild: Evaluation) -> None:
    assert len(wild.labels) == 250
    assert wild.missed <= WILD_MAX_MISSED
    assert wild.accuracy >= WILD_FLOOR, wild.per_class()


def test_every_class_is_predicted_on_fer2013(fer2013: Evaluation) -> None:
    """No class is dead: each one is recalled at least sometimes."""
    assert all(stats["recall"] > 0 for stats in fer2013.per_class().values())


def test_evaluation_is_deterministic(wild: Evaluation) -> None:
    assert evaluate_photos("faces-in-the-wild").predictions == wild.predictions
