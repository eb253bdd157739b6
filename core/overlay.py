"""Draw the vision results on a frame: a box, the emotion and its score per face.

OpenCV's ``putText`` has only Latin Hershey fonts, so labels are rendered with
Pillow from a TrueType font that can draw Hangul, found in this order:

1. NanumGothic Bold from the ``koreanize-matplotlib`` wheel (SIL Open Font
   License; only the font file is read, the package is not imported);
2. a system CJK font (Debian's ``fonts-noto-cjk`` or ``fonts-nanum``);
3. none: labels are drawn in English with OpenCV's font instead.

Every label bitmap (emotion name, digits and "%") is rendered once per language
and text size and kept; drawing a frame only blends those small bitmaps in, so
the overlay costs well under a millisecond per face.
"""

from __future__ import annotations

import importlib.util
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Protocol

import cv2
import numpy as np

from core.emotions import EMOTIONS, label

SYSTEM_FONTS = (
    "/usr/share/fonts/truetype/nanum/NanumGothicBold.ttf",
    "/usr/share/fonts/truetype/nanum/NanumGothic.ttf",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
)

# BGR colour per emotion: warm for negative, green for happy, grey for neutral.
COLORS: dict[str, tuple[int, int, int]] = {
    "angry": (40, 40, 220),
    "disgust": (40, 140, 90),
    "fear": (160, 60, 150),
    "happy": (40, 190, 60),
    "sad": (200, 120, 40),
    "surprise": (0, 170, 240),
    "neutral": (150, 150, 150),
}
TEXT_COLOR = (255, 255, 255)


class FaceLike(Protocol):
    """Anything with a box and an emotion; ``confidence`` or ``scores`` give the score."""

    box: tuple[int, int, int, int]
    emotion: str


def _package_font() -> Path | None:
    try:
        spec = importlib.util.find_spec("koreanize_matplotlib")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / "fonts"
    for name in ("NanumGothicBold.ttf", "NanumGothic.ttf"):
        if (folder / name).is_file():
            return folder / name
    return None


@cache
def font_path() -> Path | None:
    """A TrueType font with Hangul, or None (then labels fall back to English)."""
    found = _package_font()
    if found is not None:
        return found
    return next((Path(p) for p in SYSTEM_FONTS if Path(p).is_file()), None)


@dataclass(frozen=True)
class Glyph:
    """A pre-rendered text bitmap: coverage in [0, 1] (h x w float32)."""

    alpha: np.ndarray

    @property
    def width(self) -> int:
        return int(self.alpha.shape[1])

    @property
    def height(self) -> int:
        return int(self.alpha.shape[0])


def _render_pil(text: str, size: int, path: Path) -> Glyph:
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(str(path), size)
    ascent, descent = font.getmetrics()
    width = max(1, int(np.ceil(font.getlength(text))))
    image = Image.new("L", (width, ascent + descent + 2), 0)
    ImageDraw.Draw(image).text((0, 1), text, fill=255, font=font)
    return Glyph(np.asarray(image, dtype=np.float32) / 255.0)


def _render_cv(text: str, size: int) -> Glyph:
    scale = size / 30
    thickness = max(1, round(size / 12))
    (w, h), base = cv2.getTextSize(text, cv2.FONT_HERSHEY_SIMPLEX, scale, thickness)
    canvas = np.zeros((h + base + 4, w + 4), np.uint8)
    cv2.putText(
        canvas, text, (2, h + 2), cv2.FONT_HERSHEY_SIMPLEX, scale, 255, thickness, cv2.LINE_AA
    )
    return Glyph(canvas.astype(np.float32) / 255.0)


class LabelCache:
    """Pre-rendered label and digit bitmaps per (language, text size). Thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._sets: dict[tuple[str, int], dict[str, Glyph]] = {}

    def language_for(self, lang: str) -> str:
        """The language labels are actually drawn in (English without a Hangul font)."""
        return lang if font_path() is not None or lang == "en" else "en"

    def glyphs(self, lang: str, size: int) -> dict[str, Glyph]:
        key = (self.language_for(lang), size)
        with self._lock:
            found = self._sets.get(key)
            if found is None:
                found = self._sets[key] = self._build(*key)
            return found

    @staticmethod
    def _build(lang: str, size: int) -> dict[str, Glyph]:
        path = font_path()

        def render(text: str) -> Glyph:
            return _render_pil(text, size, path) if path is not None else _render_cv(text, size)

        glyphs = {emotion: render(label(emotion, lang) + " ") for emotion in EMOTIONS}
        for ch in "0123456789%":
            glyphs[ch] = render(ch)
        return glyphs


LABELS = LabelCache()


def _blend(frame: np.ndarray, glyph: Glyph, x: int, y: int, color: tuple[int, int, int]) -> int:
    """Blend a glyph at (x, y) in colour; returns its width. Clips at the frame edges."""
    h, w = frame.shape[:2]
    x0, y0 = max(0, x), max(0, y)
    x1, y1 = min(w, x + glyph.width), min(h, y + glyph.height)
    if x1 > x0 and y1 > y0:
        a = glyph.alpha[y0 - y : y1 - y, x0 - x : x1 - x, None]
        region = frame[y0:y1, x0:x1].astype(np.float32)
        region += (np.asarray(color, np.float32) - region) * a
        frame[y0:y1, x0:x1] = region.astype(np.uint8)
    return glyph.width


def text_size_for(frame_height: int) -> int:
    """Label size in pixels: 20 at 480 lines, scaled with the frame, 12 at least."""
    return max(12, round(frame_height * 20 / 480))


def _score(face: FaceLike) -> float:
    confidence = getattr(face, "confidence", None)
    if confidence is not None:
        return float(confidence)
    scores = getattr(face, "scores", None) or {}
    return float(scores.get(face.emotion, 0.0))


def draw_faces(
    frame: np.ndarray, faces: Sequence[FaceLike], lang: str = "en", *, copy: bool = True
) -> np.ndarray:
    """The frame (BGR uint8) with every face's box, label and score drawn on it.

    ``copy=False`` draws in place (the live callback does this on its own frame).
    """
    out = frame.copy() if copy else frame
    if out.ndim == 2:
        out = cv2.cvtColor(out, cv2.COLOR_GRAY2BGR)
    h, w = out.shape[:2]
    size = text_size_for(h)
    glyphs = LABELS.glyphs(lang, size)
    thickness = max(2, round(h / 240))
    for face in faces:
        x, y, bw, bh = (int(v) for v in face.box)
        color = COLORS.get(face.emotion, (200, 200, 200))
        cv2.rectangle(out, (x, y), (x + bw, y + bh), color, thickness, cv2.LINE_AA)
        percent = f"{round(_score(face) * 100)}%"
        parts = [glyphs[face.emotion], *(glyphs[ch] for ch in percent)]
        text_w = sum(g.width for g in parts) + 8
        text_h = max(g.height for g in parts) + 4
        # Above the box when there is room, else inside its top edge.
        ty = y - text_h if y - text_h >= 0 else y
        tx = min(max(0, x - thickness // 2), max(0, w - text_w))
        cv2.rectangle(out, (tx, ty), (tx + text_w, ty + text_h), color, cv2.FILLED)
        cursor = tx + 4
        for glyph in parts:
            cursor += _blend(out, glyph, cursor, ty + 2, TEXT_COLOR)
    return out
