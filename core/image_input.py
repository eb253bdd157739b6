"""Turn an uploaded or snapped photo into a BGR array, refusing what we should not decode.

Checks happen before full decoding: the byte size, the real format from the file's
own header (not its name or the browser's MIME type), and the pixel count, so a
decompression bomb is refused before it is expanded in memory. Nothing is written
to disk.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 25_000_000
ALLOWED_FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}
ACCEPTED_EXTENSIONS = ("jpg", "jpeg", "png", "webp")


class ImageRejected(ValueError):
    """The image cannot be used; ``reason`` is an i18n key for the user."""

    def __init__(self, reason: str, **values: object) -> None:
        super().__init__(reason)
        self.reason = reason
        self.values = values


@dataclass(frozen=True)
class DecodedImage:
    bgr: np.ndarray
    format: str


def decode_image(data: bytes) -> DecodedImage:
    if not data:
        raise ImageRejected("emotion.err.image_empty")
    if len(data) > MAX_BYTES:
        raise ImageRejected("emotion.err.image_too_large", mb=MAX_BYTES // (1024 * 1024))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            if image.format not in ALLOWED_FORMATS:
                raise ImageRejected("emotion.err.image_type")
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise ImageRejected("emotion.err.image_too_many_pixels", mp=MAX_PIXELS // 1_000_000)
            image.load()
            fmt = image.format
            image = ImageOps.exif_transpose(image)
    except ImageRejected:
        raise
    except (
        UnidentifiedImageError,
        OSError,
        SyntaxError,
        ValueError,
        Image.DecompressionBombError,
        Image.DecompressionBombWarning,
    ) as exc:
        raise ImageRejected("emotion.err.image_unreadable") from exc
    rgb = np.asarray(image.convert("RGB"))
    return DecodedImage(bgr=np.ascontiguousarray(rgb[:, :, ::-1]), format=fmt)
