"""What both trainers share, free of TensorFlow and torch: classes, data, weights, scores."""

from __future__ import annotations

from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
CLASSES = ("angry", "disgust", "fear", "happy", "sad", "surprise", "neutral")
SIZE = 48
# Per-image standardisation inside the network: (x - mean) / sqrt(var + STD_EPS). The
# epsilon (in squared pixel units) keeps flat, dark faces from being blown up into noise.
STD_EPS = 25.0


def load(path: Path) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Train and validation faces from ``prepare_data.py``'s cache, mixed and per kind.

    In the mixed splits the FER2013 rows come first, then the wild photos.
    """
    d = np.load(path)
    out = {}
    for split in ("train", "val"):
        fer = d["fer_split"] == split
        wild = d["wild_split"] == split
        out[split] = (
            np.concatenate([d["fer_images"][fer], d["wild_images"][wild]]),
            np.concatenate([d["fer_labels"][fer], d["wild_labels"][wild]]).astype(np.int32),
        )
        out[f"{split}_fer"] = (d["fer_images"][fer], d["fer_labels"][fer].astype(np.int32))
        out[f"{split}_wild"] = (d["wild_images"][wild], d["wild_labels"][wild].astype(np.int32))
    return out


def class_weights(labels: np.ndarray) -> np.ndarray:
    """Inverse square root of class frequency, normalised to a mean weight of 1 a face."""
    counts = np.bincount(labels, minlength=len(CLASSES)).astype(np.float64)
    w = 1.0 / np.sqrt(np.maximum(counts, 1))
    return (w / np.sum(w * counts) * counts.sum()).astype(np.float32)


def balanced_accuracy(probs: np.ndarray, labels: np.ndarray) -> float:
    """Mean recall over the classes present (the evaluation sets are balanced)."""
    pred = probs.argmax(1)
    return float(np.mean([np.mean(pred[labels == c] == c) for c in np.unique(labels)]))
