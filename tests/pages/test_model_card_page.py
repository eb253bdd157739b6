"""The model card is public and shows the measured per-class accuracy in both languages."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from streamlit.testing.v1 import AppTest

from core.model_card import load_model_card
from tests.pages.conftest import texts


@pytest.mark.parametrize(("lang", "heading"), [("en", "Known limits"), ("ko", "알아 두세요")])
def test_model_card_shows_measured_accuracy_per_class(
    make_app: Callable[..., AppTest], lang: str, heading: str
) -> None:
    at = make_app(lang).run()
    at.switch_page("app_pages/model_card.py").run()  # no login needed
    assert not at.exception
    card = load_model_card()
    # Per evaluation: the per-class table and the confusion matrix; then the model
    # comparison and the list of models.
    assert len(at.dataframe) == 2 * len(card["evaluations"]) + 2
    first = at.dataframe[0].value
    assert len(first) == 7
    recall_column = first.columns[2]
    expected = [
        card["evaluations"][0]["per_class"][e]["recall"]
        for e in ("angry", "disgust", "fear", "happy", "sad", "surprise", "neutral")
    ]
    assert list(first[recall_column]) == expected
    assert heading in texts(at)
    confusion = at.dataframe[1].value
    assert confusion.shape == (7, 7)
    assert confusion.to_numpy().sum() == card["evaluations"][0]["n"]
    comparison = at.dataframe[2 * len(card["evaluations"])].value
    assert len(comparison) == len(card["comparison"])


def test_model_card_speaks_to_people_in_korean(make_app: Callable[..., AppTest]) -> None:
    at = make_app("ko").run()
    at.switch_page("app_pages/model_card.py").run()
    shown = texts(at)
    assert "일상 얼굴 사진" in shown and "함께 읽는 모델" in shown
    assert "classify_face" not in shown and "analyze" not in shown


def test_accuracy_figures_meet_the_targets_the_card_claims() -> None:
    by_id = {e["id"]: e for e in load_model_card()["evaluations"]}
    assert by_id["fer2013"]["accuracy"] >= 0.60
    assert by_id["faces-in-the-wild"]["accuracy"] >= 0.62
    assert by_id["faces-in-the-wild"]["missed"] <= 0.02
    assert by_id["webcam-frames"]["accuracy"] >= 0.60


def test_model_card_names_models_and_sections_for_people_in_korean(
    make_app: Callable[..., AppTest],
) -> None:
    at = make_app("ko").run()
    at.switch_page("app_pages/model_card.py").run()
    assert not at.exception
    expanders = [e.label for e in at.expander]
    assert "model_card.json" not in expanders
    assert any(label.startswith("기술 세부 정보") for label in expanders)
    card = load_model_card()
    comparison = at.dataframe[2 * len(card["evaluations"])].value
    names = list(comparison[comparison.columns[0]])
    assert "직접 학습한 CNN" in names and "함께 (앱이 쓰는 방식)" in names
    assert not {"cnn", "faceapi", "fer"} & set(names)  # ids are not names
    models = at.dataframe[-1].value
    assert models.iloc[0, 0] == "직접 학습한 CNN"
    # The training data column reads in Korean, not the card's English notes.
    assert all("not retrained" not in text for text in models[models.columns[3]])
