"""Labeled face images and synthetic webcam footage for the vision tests.

* :func:`faces_dir`, :func:`load_labeled` — the shared labeled sets
  (``../shared/data/faces`` beside the repository; ``FACES_DIR`` overrides). They
  are never copied into the repository.
* :func:`webcam_frame` — a 640x480 BGR frame as a webcam would show it: a face
  pasted with margin onto a plain or gradient scene.
* :func:`write_y4m` — frames as a Y4M file (a browser's fake webcam:
  ``--use-file-for-fake-video-capture``).
* :func:`fixture_faces` — the small Apache-2.0 photos in ``tests/fixtures/faces``.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

REPO_ROOT = Path(__file__).resolve().parents[2]
FIXTURES = REPO_ROOT / "tests" / "fixtures" / "faces"
FRAME_SIZE = (640, 480)  # width, height
Y4M_HEADER = "YUV4MPEG2 W{w} H{h} F{fps}:1 Ip A1:1 C420jpeg\n"


@dataclass(frozen=True)
class LabeledImage:
    path: Path
    label: str

    def read(self, flags: int = cv2.IMREAD_COLOR) -> np.ndarray:
        image = cv2.imread(str(self.path), flags)
        if image is None:
            raise OSError(f"cannot read {self.path}")
        return image


def faces_dir() -> Path:
    """The shared labeled data folder (it may not exist: check before use)."""
    override = os.environ.get("FACES_DIR")
    if override:
        return Path(override)
    return (REPO_ROOT / ".." / "shared" / "data" / "faces").resolve()


def missing_reason(subset: str | None = None) -> str | None:
    """Why the labeled data cannot be used, or None when it is there."""
    root = faces_dir()
    target = root / subset if subset else root
    if not (target / "labels.csv" if subset else target).exists():
        return f"labeled face data not found at {target} (set FACES_DIR to its folder)"
    return None


def load_labeled(subset: str) -> list[LabeledImage]:
    """Rows of ``<faces_dir>/<subset>/labels.csv`` in file order."""
    folder = faces_dir() / subset
    with (folder / "labels.csv").open(newline="", encoding="utf-8") as handle:
        return [LabeledImage(folder / row["file"], row["label"]) for row in csv.DictReader(handle)]


def fixture_faces() -> list[LabeledImage]:
    """The photos shipped in tests/fixtures/faces (see its labels.csv)."""
    with (FIXTURES / "labels.csv").open(newline="", encoding="utf-8") as handle:
        return [
            LabeledImage(FIXTURES / row["file"], row["label"]) for row in csv.DictReader(handle)
        ]


def scene(
    size: tuple[int, int] = FRAME_SIZE,
    *,
    kind: str = "gradient",
    color: tuple[int, int, int] = (150, 140, 120),
) -> np.ndarray:
    """An empty BGR background: ``plain`` colour or a soft ``gradient`` like a wall."""
    width, height = size
    if kind == "plain":
        return np.full((height, width, 3), color, np.uint8)
    ys = np.linspace(0.7, 1.1, height, dtype=np.float32)[:, None, None]
    xs = np.linspace(-25, 25, width, dtype=np.float32)[None, :, None]
    base = np.asarray(color, np.float32)[None, None, :]
    tint = np.asarray([1.0, 0.2, -1.0], np.float32)[None, None, :]
    return np.clip(base * ys + xs * tint, 0, 255).astype(np.uint8)


def _as_bgr(image: np.ndarray) -> np.ndarray:
    if image.ndim == 2:
        return cv2.cvtColor(image, cv2.COLOR_GRAY2BGR)
    if image.shape[2] == 4:
        return cv2.cvtColor(image, cv2.COLOR_BGRA2BGR)
    return image


def webcam_frame(
    face_bgr: np.ndarray,
    *,
    face_size: int = 200,
    center: tuple[int, int] | None = None,
    background: np.ndarray | None = None,
    margin: float = 0.35,
) -> np.ndarray:
    """A 640x480 frame with the (tight) face photo pasted where a webcam shows a face.

    The photo is scaled so the face is ``face_size`` pixels wide and surrounded by
    ``margin`` (a fraction of its size) of its own edge pixels stretched outwards and
    blurred, feathered into the scene, so the detector sees a head against a
    background rather than a hard-edged square.
    """
    frame = scene() if background is None else background.copy()
    height, width = frame.shape[:2]
    cx, cy = center if center is not None else (width // 2, height // 2)
    face = cv2.resize(
        _as_bgr(face_bgr),
        (face_size, face_size),
        interpolation=cv2.INTER_AREA if face_bgr.shape[0] > face_size else cv2.INTER_LINEAR,
    )
    pad = max(1, int(face_size * margin))
    head = cv2.copyMakeBorder(face, pad, pad, pad, pad, cv2.BORDER_REPLICATE)
    # Smooth the stretched edge pixels into a soft halo (no streaks), face kept sharp.
    halo = cv2.GaussianBlur(head, (0, 0), max(1.0, pad / 3))
    halo[pad : pad + face_size, pad : pad + face_size] = face
    head = halo
    side = head.shape[0]
    # Alpha: opaque over the face, fading to the scene across the margin.
    ramp = np.minimum(np.arange(side), np.arange(side)[::-1]).astype(np.float32)
    ramp = np.clip(ramp / pad, 0, 1)
    alpha = np.minimum(ramp[:, None], ramp[None, :])[:, :, None]
    x0, y0 = cx - side // 2, cy - side // 2
    fx0, fy0 = max(0, -x0), max(0, -y0)
    fx1, fy1 = side - max(0, x0 + side - width), side - max(0, y0 + side - height)
    if fx1 <= fx0 or fy1 <= fy0:
        return frame
    region = frame[y0 + fy0 : y0 + fy1, x0 + fx0 : x0 + fx1].astype(np.float32)
    a = alpha[fy0:fy1, fx0:fx1]
    blended = region * (1 - a) + head[fy0:fy1, fx0:fx1].astype(np.float32) * a
    frame[y0 + fy0 : y0 + fy1, x0 + fx0 : x0 + fx1] = blended.astype(np.uint8)
    return frame


def face_box(frame_center: tuple[int, int], face_size: int) -> tuple[int, int, int, int]:
    """Where :func:`webcam_frame` put the face photo: (x, y, w, h)."""
    cx, cy = frame_center
    return cx - face_size // 2, cy - face_size // 2, face_size, face_size


def y4m_header(width: int, height: int, fps: int) -> bytes:
    return Y4M_HEADER.format(w=width, h=height, fps=fps).encode("ascii")


def y4m_frames(frames: Iterable[np.ndarray]) -> Iterator[bytes]:
    for bgr in frames:
        yield b"FRAME\n" + cv2.cvtColor(bgr, cv2.COLOR_BGR2YUV_I420).tobytes()


def write_y4m(path: str | os.PathLike[str], frames: Iterable[np.ndarray], fps: int = 15) -> Path:
    """Write BGR frames (all the same even size, e.g. 640x480) as a Y4M video."""
    path = Path(path)
    iterator = iter(frames)
    first = next(iterator)
    height, width = first.shape[:2]
    if width % 2 or height % 2:
        raise ValueError("Y4M 4:2:0 needs even width and height")
    with path.open("wb") as handle:
        handle.write(y4m_header(width, height, fps))
        for chunk in y4m_frames([first]):
            handle.write(chunk)
        for frame in iterator:
            if frame.shape[:2] != (height, width):
                raise ValueError("all frames must have the same size")
            for chunk in y4m_frames([frame]):
                handle.write(chunk)
    return path


def read_y4m(path: str | os.PathLike[str]) -> list[np.ndarray]:
    """The BGR frames of a Y4M file written by :func:`write_y4m`."""
    data = Path(path).read_bytes()
    header, _, body = data.partition(b"\n")
    fields = dict((f[:1], f[1:]) for f in header.split(b" ")[1:])
    width, height = int(fields[b"W"]), int(fields[b"H"])
    size = width * height * 3 // 2
    frames = []
    marker = b"FRAME\n"
    offset = 0
    while offset < len(body):
        if body[offset : offset + len(marker)] != marker:
            raise ValueError("bad Y4M frame marker")
        offset += len(marker)
        yuv = np.frombuffer(body[offset : offset + size], np.uint8).reshape(height * 3 // 2, width)
        frames.append(cv2.cvtColor(yuv, cv2.COLOR_YUV2BGR_I420))
        offset += size
    return frames


@dataclass(frozen=True)
class Evaluation:
    """Predictions over one labeled set (``None``: no face found, counts as wrong)."""

    subset: str
    labels: tuple[str, ...]
    predictions: tuple[str | None, ...]

    @property
    def accuracy(self) -> float:
        hits = sum(p == t for p, t in zip(self.predictions, self.labels, strict=True))
        return hits / len(self.labels)

    @property
    def missed(self) -> float:
        return sum(p is None for p in self.predictions) / len(self.labels)

    def per_class(self) -> dict[str, dict[str, float | int]]:
        out: dict[str, dict[str, float | int]] = {}
        for name in dict.fromkeys(sorted(set(self.labels))):
            idx = [i for i, t in enumerate(self.labels) if t == name]
            hits = sum(self.predictions[i] == name for i in idx)
            predicted = sum(p == name for p in self.predictions)
            out[name] = {
                "n": len(idx),
                "recall": hits / len(idx),
                "precision": hits / predicted if predicted else 0.0,
                "missed": sum(self.predictions[i] is None for i in idx),
            }
        return out


def evaluate_crops(subset: str = "fer2013") -> Evaluation:
    """Each image is a tight face crop: ``classify_face``, no detection."""
    from core.vision import classify_face

    items = load_labeled(subset)
    preds = []
    for item in items:
        scores = classify_face(item.read(cv2.IMREAD_UNCHANGED))
        preds.append(max(scores, key=scores.__getitem__))
    return Evaluation(subset, tuple(i.label for i in items), tuple(preds))


def evaluate_photos(
    subset: str = "faces-in-the-wild",
    *,
    prepare: Callable[[np.ndarray], np.ndarray] | None = None,
    read_flags: int = cv2.IMREAD_UNCHANGED,
) -> Evaluation:
    """Each image is a photo: ``analyze`` (detection + classification), largest face.

    ``prepare`` turns the photo into the frame analysed (e.g. :func:`webcam_frame`).
    """
    from core.vision import analyze

    items = load_labeled(subset)
    preds: list[str | None] = []
    for item in items:
        image = item.read(read_flags)
        faces = analyze(prepare(image) if prepare else image)
        preds.append(faces[0].emotion if faces else None)
    return Evaluation(subset, tuple(i.label for i in items), tuple(preds))
