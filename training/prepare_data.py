"""Build the training cache: FER2013 crops as they are, wild photos framed like the runtime.

Run with the app's venv (it needs the engine's face detector, not TensorFlow)::

    .venv/bin/python training/prepare_data.py            # -> artifacts/expression_data.npz

Why the detector: at run time the engine crops a square around BlazeFace's box
(``side * FRAMING``); the wild photos in ``../shared/data/train/wild`` are cut
"tight" by a different tool, so they are re-framed here by the same detector and
the same rule, and the network sees one framing in training and in use. FER2013's
crops already have that framing (BlazeFace on the crops: median box ratio 1.075).

The held-out wild photos (a seeded, per-class 15 % split) never enter training:
they and FER2013's PublicTest split (minus the 346 crops that are also in
``../shared/data/faces/fer2013``) are the validation data every model choice is
made on.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

import cv2
import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core.vision.classifier import to_gray  # noqa: E402
from core.vision.detector import detect_faces  # noqa: E402

CLASSES = ("angry", "disgust", "fear", "happy", "sad", "surprise", "neutral")
SIZE = 48
FRAMING = 1.075
WILD_VAL_FRACTION = 0.15
SEED = 20261130


def square_crop(
    gray: np.ndarray, center: tuple[float, float], side: float, size: int
) -> np.ndarray:
    """A size x size crop of the square (centre, side); edge pixels repeat outwards."""
    scale = size / side
    mid = (size - 1) / 2
    matrix = np.array(
        [[scale, 0.0, mid - center[0] * scale], [0.0, scale, mid - center[1] * scale]]
    )
    if scale < 1:  # shrink with area averaging first so large faces do not alias
        small = cv2.resize(
            gray,
            (max(1, round(gray.shape[1] * scale)), max(1, round(gray.shape[0] * scale))),
            interpolation=cv2.INTER_AREA,
        )
        sx, sy = small.shape[1] / gray.shape[1], small.shape[0] / gray.shape[0]
        matrix = np.array(
            [
                [1.0, 0.0, mid - (center[0] + 0.5) * sx + 0.5],
                [0.0, 1.0, mid - (center[1] + 0.5) * sy + 0.5],
            ]
        )
        gray = small
    return cv2.warpAffine(
        gray, matrix, (size, size), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE
    )


def frame_wild(path: Path) -> tuple[np.ndarray, bool]:
    """The photo's largest face framed like the runtime; (crop, found by the detector)."""
    bgr = cv2.imread(str(path), cv2.IMREAD_COLOR)
    if bgr is None:
        raise OSError(f"cannot read {path}")
    gray = to_gray(bgr)
    faces = detect_faces(bgr)
    if faces:
        det = faces[0]
        return square_crop(gray, det.center, det.side * FRAMING, SIZE), True
    h, w = gray.shape  # tight photo, no detection: the photo is the face
    return square_crop(gray, ((w - 1) / 2, (h - 1) / 2), float(max(h, w)), SIZE), False


def wild_split(labels: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """'train' / 'val' per photo: WILD_VAL_FRACTION of every class held out."""
    split = np.full(len(labels), "train", dtype="<U5")
    for c in range(len(CLASSES)):
        idx = np.flatnonzero(labels == c)
        rng.shuffle(idx)
        split[idx[: round(len(idx) * WILD_VAL_FRACTION)]] = "val"
    return split


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--out", type=Path, default=ROOT / "artifacts" / "expression_data.npz")
    args = parser.parse_args()

    fer = np.load(args.data / "train" / "fer2013.npz")
    assert tuple(fer["classes"]) == CLASSES, fer["classes"]
    eval_names = set()
    eval_csv = args.data / "faces" / "fer2013" / "labels.csv"
    if eval_csv.exists():
        with eval_csv.open(newline="") as handle:
            # Evaluation files are named "<label>_<original name>".
            eval_names = {row["file"].split("_", 1)[1] for row in csv.DictReader(handle)}
    fer_split = fer["split"].copy()
    in_eval = np.isin(fer["files"], sorted(eval_names))
    fer_split[in_eval] = "eval"  # kept out of training and of validation

    wild_dir = args.data / "train" / "wild"
    with (wild_dir / "labels.csv").open(newline="") as handle:
        rows = list(csv.DictReader(handle))
    crops, found = [], []
    for i, row in enumerate(rows):
        crop, ok = frame_wild(wild_dir / row["file"])
        crops.append(crop)
        found.append(ok)
        if i % 500 == 0:
            print(f"wild {i}/{len(rows)}", flush=True)
    wild_labels = np.array([CLASSES.index(r["label"]) for r in rows], np.int8)
    rng = np.random.default_rng(SEED)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        args.out,
        fer_images=fer["images"],
        fer_labels=fer["labels"],
        fer_split=fer_split,
        wild_images=np.stack(crops),
        wild_labels=wild_labels,
        wild_split=wild_split(wild_labels, rng),
        wild_files=np.array([r["file"] for r in rows]),
        wild_detected=np.array(found),
        classes=np.array(CLASSES),
    )
    print(
        f"wrote {args.out}: FER train {np.sum(fer_split == 'train')}, "
        f"val {np.sum(fer_split == 'val')} (+{in_eval.sum()} evaluation crops set aside); "
        f"wild {len(rows)}, detector found {np.mean(found):.1%}"
    )


if __name__ == "__main__":
    main()
