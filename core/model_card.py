"""The measured model card (docs/model_card.json, written by scripts/model_card.py)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from core.emotions import EMOTIONS

MODEL_CARD = Path(__file__).resolve().parent.parent / "docs" / "model_card.json"


@cache
def load_model_card(path: Path = MODEL_CARD) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def per_class_rows(evaluation: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per emotion, in model order: images, recall (accuracy), precision, missed."""
    per_class = evaluation.get("per_class", {})
    return [
        {
            "emotion": emotion,
            "n": per_class[emotion]["n"],
            "recall": per_class[emotion]["recall"],
            "precision": per_class[emotion]["precision"],
            "missed": per_class[emotion].get("missed", 0),
        }
        for emotion in EMOTIONS
        if emotion in per_class
    ]


def confusion_table(evaluation: dict[str, Any]) -> tuple[list[str], list[list[int]]]:
    """The emotions present in the evaluation and their confusion counts (true x read)."""
    present = [i for i, e in enumerate(EMOTIONS) if e in evaluation.get("per_class", {})]
    matrix = evaluation.get("confusion", [])
    if not matrix:
        return [], []
    return [EMOTIONS[i] for i in present], [[matrix[i][j] for j in present] for i in present]


def comparison_rows(card: dict[str, Any]) -> tuple[list[str], list[dict[str, Any]]]:
    """Evaluation ids and one row per model (the ensemble last) with its accuracies."""
    ids = [e["id"] for e in card.get("evaluations", [])]
    rows = [
        {"name": name, "ensemble": name.startswith("ensemble"), **values}
        for name, values in card.get("comparison", {}).items()
    ]
    return ids, rows
