"""Compare the expression classifiers and their ensembles; choose on validation data.

    .venv/bin/python training/evaluate.py                 # validation only (the choice)
    .venv/bin/python training/evaluate.py --evaluation    # + the shared evaluation faces

Runs in the app's venv through the engine itself (LiteRT, no TensorFlow), so what is
measured is what the app runs. Validation data (``artifacts/expression_data.npz``
from ``training/prepare_data.py``):

* ``val_fer``: FER2013 PublicTest crops, without the 346 that are evaluation crops,
  through :func:`classify_crop` (the crop taken as is);
* ``val_wild``: the held-out wild photos (never trained on), through detection and
  classification like ``analyze``: a miss counts wrong;
* ``val_webcam``: the same photos pasted at ~240 px into a 640x480 scene.

Each model's probabilities are computed once per item and view set; ensembles are
weighted means of those, searched on a grid; the ranking score is the mean of the
three validation balanced accuracies (see :func:`accuracy`). A default in
:data:`core.vision.classifier.DEFAULT_ENSEMBLES` is replaced only when the best
ensemble of its kind (camera: within ``--camera-ms``) leads it in at least
``--sure`` of the paired bootstrap resamplings. ``--evaluation`` adds
the same figures on ``../shared/data/faces`` for the report only: nothing is chosen
on them. ``--framings cnn,fer`` sweeps those models' framing and contrast
normalisation.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import sys
import time
from dataclasses import replace
from pathlib import Path

import cv2
import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core.emotions import EMOTIONS  # noqa: E402
from core.vision import classifier  # noqa: E402
from core.vision.classifier import SPECS, model_probabilities  # noqa: E402
from core.vision.detector import detect_faces  # noqa: E402
from tests.support.faces import webcam_frame  # noqa: E402

DATA = ROOT.parent / "shared" / "data"


def wild_val(cache: Path) -> list[tuple[Path, int]]:
    d = np.load(cache)
    keep = d["wild_split"] == "val"
    return [
        (DATA / "train" / "wild" / f, int(y))
        for f, y in zip(d["wild_files"][keep], d["wild_labels"][keep], strict=True)
    ]


def fer_val(cache: Path) -> tuple[np.ndarray, np.ndarray]:
    d = np.load(cache)
    keep = d["fer_split"] == "val"
    return d["fer_images"][keep], d["fer_labels"][keep].astype(int)


def labeled(folder: Path) -> list[tuple[Path, int]]:
    with (folder / "labels.csv").open(newline="") as handle:
        return [(folder / r["file"], EMOTIONS.index(r["label"])) for r in csv.DictReader(handle)]


class Photos:
    """Photos with their largest detected face (cached): camera-path inputs."""

    def __init__(self, items: list[tuple[Path, int]], webcam: bool) -> None:
        self.labels = np.array([y for _, y in items])
        self.frames, self.dets = [], []
        for path, _ in items:
            img = cv2.imread(str(path), cv2.IMREAD_COLOR)
            if webcam:
                img = webcam_frame(img, face_size=240)
            faces = detect_faces(img)
            self.frames.append(img)
            self.dets.append(faces[0] if faces else None)

    def probs(self, name: str, tta: str) -> np.ndarray:
        out = np.full((len(self.frames), len(EMOTIONS)), np.nan)
        for i, (img, det) in enumerate(zip(self.frames, self.dets, strict=True)):
            if det is not None:
                out[i] = model_probabilities(name, img, det.center, det.side, tta, camera=True)
        return out


class Crops:
    def __init__(self, images: np.ndarray, labels: np.ndarray) -> None:
        self.images, self.labels = images, labels

    def probs(self, name: str, tta: str) -> np.ndarray:
        out = np.empty((len(self.images), len(EMOTIONS)))
        for i, img in enumerate(self.images):
            h, w = img.shape[:2]
            out[i] = model_probabilities(name, img, ((w - 1) / 2, (h - 1) / 2), max(h, w), tta)
        return out


def predictions(probs: np.ndarray) -> np.ndarray:
    """Arg-max class per row; -1 where no face was found (a miss counts wrong)."""
    return np.where(np.isnan(probs).any(1), -1, np.nan_to_num(probs).argmax(1))


def accuracy(probs: np.ndarray, labels: np.ndarray) -> float:
    """Balanced accuracy: the mean of the per-class recalls.

    The evaluation sets are balanced (at most 40-50 faces a class) while the
    validation data is not (the wild photos are 85 % happy or neutral), so plain
    accuracy on validation would reward a model for reading everything as happy
    or neutral; the mean recall is what plain accuracy on a balanced set measures.
    """
    pred = predictions(probs)
    return float(np.mean([np.mean(pred[labels == c] == c) for c in np.unique(labels)]))


def per_class(probs: np.ndarray, labels: np.ndarray) -> dict:
    pred = predictions(probs)
    conf = np.zeros((len(EMOTIONS), len(EMOTIONS) + 1), int)  # last column: missed
    for t, p in zip(labels, pred, strict=True):
        conf[t, p] += 1
    recall = {
        e: round(float(conf[i, i] / conf[i].sum()), 4)
        for i, e in enumerate(EMOTIONS)
        if conf[i].sum()
    }
    return {
        "plain_accuracy": round(float(np.mean(pred == labels)), 4),
        "recall": recall,
        "confusion": conf.tolist(),
        "missed": round(float(np.mean(pred == -1)), 4),
    }


def mix(table: dict[str, np.ndarray], weights: dict[str, float]) -> np.ndarray:
    total = sum(weights.values())
    return sum(table[k] * (w / total) for k, w in weights.items() if w > 0)


def paired_bootstrap(
    tables: list[dict[str, np.ndarray]],
    labels: list[np.ndarray],
    a: dict[str, float],
    b: dict[str, float],
    rounds: int,
    seed: int = 20261207,
) -> dict[str, float]:
    """How sure the validation data is that ensemble ``a`` beats ``b``.

    The score is the mean balanced accuracy over the given sets; each round redraws
    every set's faces with replacement (the same draw for both ensembles, so what
    they share cancels). Returns the observed lead, its spread over the rounds and
    the share of rounds in which ``a`` came out ahead.
    """

    def lead(rows: list[np.ndarray]) -> float:
        return float(
            np.mean(
                [
                    accuracy(mix({k: v[r] for k, v in t.items()}, a), y[r])
                    - accuracy(mix({k: v[r] for k, v in t.items()}, b), y[r])
                    for t, y, r in zip(tables, labels, rows, strict=True)
                ]
            )
        )

    rng = np.random.default_rng(seed)
    observed = lead([np.arange(len(y)) for y in labels])
    draws = np.array(
        [lead([rng.integers(0, len(y), len(y)) for y in labels]) for _ in range(rounds)]
    )
    return {
        "lead": round(observed, 4),
        "spread": round(float(draws.std()), 4),
        "p_ahead": round(float(np.mean(draws > 0)), 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cache", type=Path, default=ROOT / "artifacts" / "expression_data.npz")
    parser.add_argument("--models", default=",".join(SPECS))
    parser.add_argument("--tta", default="accurate")
    parser.add_argument("--evaluation", action="store_true")
    parser.add_argument(
        "--camera-ms",
        type=float,
        default=float("inf"),
        help="optional budget for the camera ensemble's classifiers, ms a face (e.g. 4.2 "
        "keeps analyze about 5x faster than stock fer's ~34 ms a frame); none by default",
    )
    parser.add_argument(
        "--framings", default="", help="comma-separated models whose framing to sweep first"
    )
    parser.add_argument(
        "--bootstrap",
        type=int,
        default=1000,
        help="rounds of the paired bootstrap that says whether the best ensemble's lead "
        "over the shipped default is more than noise",
    )
    parser.add_argument(
        "--sure",
        type=float,
        default=0.9,
        help="replace a default only when the new best came out ahead in this share of "
        "the bootstrap rounds",
    )
    parser.add_argument("--out", type=Path, default=ROOT / "artifacts" / "evaluation.json")
    parser.add_argument(
        "--model-file",
        action="append",
        default=[],
        metavar="NAME=PATH",
        help="another file for a model, e.g. cnn=artifacts/expression_cnn_float.tflite to "
        "compare the float export with the int8 file the app ships (repeatable)",
    )
    args = parser.parse_args()
    files = dict(item.split("=", 1) for item in args.model_file)
    if files:
        shipped = classifier.models.expression_path
        classifier.models.expression_path = lambda n: Path(files[n]) if n in files else shipped(n)
    names = [n for n in args.models.split(",") if n]
    names = [n for n in names if classifier.models.expression_path(n).is_file()]

    sets: dict[str, Crops | Photos] = {"val_fer": Crops(*fer_val(args.cache))}
    items = wild_val(args.cache)
    sets["val_wild"] = Photos(items, webcam=False)
    sets["val_webcam"] = Photos(items, webcam=True)
    if args.evaluation:
        faces = DATA / "faces"
        fer_items = labeled(faces / "fer2013")
        sets["eval_fer"] = Crops(
            np.stack([cv2.imread(str(p), cv2.IMREAD_GRAYSCALE) for p, _ in fer_items]),
            np.array([y for _, y in fer_items]),
        )
        sets["eval_wild"] = Photos(labeled(faces / "faces-in-the-wild"), webcam=False)
        sets["eval_webcam"] = Photos(labeled(faces / "faces-in-the-wild"), webcam=True)
    val_sets = [k for k in sets if k.startswith("val")]

    report: dict = {"models": {}, "ensembles": [], "framings": {}}
    if args.framings:
        for name in [n for n in args.framings.split(",") if n in names]:
            base = SPECS[name]
            variants = [(f, base.normalize) for f in (1.0, 1.075, 1.15, 1.25, 1.35, 1.5)]
            variants.append((base.framing, not base.normalize))
            for framing, normalize in variants:
                SPECS[name] = replace(base, framing=framing, normalize=normalize)
                row = {
                    k: accuracy(sets[k].probs(name, args.tta), sets[k].labels)
                    for k in ("val_wild", "val_webcam")
                }
                report["framings"].setdefault(name, {})[f"{framing} {normalize}"] = row
                print(f"framing {name} {framing} normalize={normalize}: {row}", flush=True)
            SPECS[name] = base

    table: dict[str, dict[str, np.ndarray]] = {k: {} for k in sets}
    for name in names:
        for k, data in sets.items():
            t0 = time.perf_counter()
            table[k][name] = data.probs(name, args.tta)
            ms = (time.perf_counter() - t0) / len(data.labels) * 1000
            acc = accuracy(table[k][name], data.labels)
            report["models"].setdefault(name, {})[k] = {
                "accuracy": round(acc, 4),
                "ms_per_face": round(ms, 2),
            } | per_class(table[k][name], data.labels)
            print(f"{name:8} {k:12} {acc:.4f}  ({ms:.2f} ms/face)", flush=True)

    grid = [0, 1, 2, 3, 4]
    results = []
    for combo in itertools.product(grid, repeat=len(names)):
        if not any(combo) or np.gcd.reduce([c for c in combo if c]) != 1:
            continue
        weights = {n: float(w) for n, w in zip(names, combo, strict=True) if w}
        scores = {k: accuracy(mix(table[k], weights), sets[k].labels) for k in sets}
        val = float(np.mean([scores[k] for k in val_sets]))
        cost = sum(report["models"][n]["val_webcam"]["ms_per_face"] for n in weights)
        results.append(
            {"weights": weights, "val_mean": round(val, 4), "ms_per_face": round(cost, 2)}
            | {k: round(v, 4) for k, v in scores.items()}
        )
    results.sort(key=lambda r: -r["val_mean"])
    # The top of the grid (5 models give 3,124 ensembles); the chosen ones and the
    # defaults they were weighed against are kept below in any case.
    report["ensembles"] = results[:100]
    for r in results[:12]:
        print(json.dumps(r), flush=True)
    best = results[0]
    report["best"] = best
    # The two input kinds separately: prepared crops and camera frames/photos.
    camera = [k for k in val_sets if k != "val_fer"]
    report["best_crops"] = max(results, key=lambda r: r["val_fer"])
    report["best_camera"] = max(
        (r for r in results if r["ms_per_face"] <= args.camera_ms),
        key=lambda r: np.mean([r[k] for k in camera]),
    )
    print("best on crops:", json.dumps(report["best_crops"]))
    print(f"best on camera frames within {args.camera_ms} ms:", json.dumps(report["best_camera"]))
    # The validation sets are small (a rare class of the wild photos has 8 faces), so
    # a best score can lead by chance: replace the shipped default only when the
    # lead holds up under resampling.
    report["decision"] = {}
    for kind, best, keys in (
        ("crop", report["best_crops"], ["val_fer"]),
        ("camera", report["best_camera"], camera),
    ):
        default = classifier.DEFAULT_ENSEMBLES[kind]
        if not set(default) <= set(names) or best["weights"] == default:
            continue
        odds = paired_bootstrap(
            [table[k] for k in keys],
            [sets[k].labels for k in keys],
            best["weights"],
            default,
            args.bootstrap,
        )
        report["decision"][kind] = {
            "default": default,
            "best": best["weights"],
            **odds,
            "replace": odds["p_ahead"] >= args.sure,
        }
        verdict = "replace the default" if odds["p_ahead"] >= args.sure else "keep the default"
        print(
            f"{kind}: best {best['weights']} against the default {default}: lead "
            f"{odds['lead']:+.4f} (spread {odds['spread']:.4f}), ahead in "
            f"{odds['p_ahead']:.0%} of {args.bootstrap} resamplings -> {verdict}"
        )
    report["best_detail"] = {
        k: per_class(mix(table[k], best["weights"]), sets[k].labels) for k in sets
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=1))
    print("best on validation:", json.dumps(best))


if __name__ == "__main__":
    main()
