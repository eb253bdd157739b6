"""Upload checks: only JPEG/PNG/WebP, at most 10 MB and 25 megapixels, decodable."""

from __future__ import annotations

import contextlib
import io

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from core.image_input import MAX_BYTES, ImageRejected, decode_image


def encode(image: Image.Image, fmt: str, **kwargs: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, **kwargs)
    return buffer.getvalue()


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_allowed_formats_decode_to_bgr(fmt: str) -> None:
    red = Image.new("RGB", (40, 30), (255, 0, 0))
    decoded = decode_image(encode(red, fmt))
    assert decoded.bgr.shape == (30, 40, 3) and decoded.bgr.dtype == np.uint8
    assert decoded.bgr[15, 20, 2] > 200 and decoded.bgr[15, 20, 0] < 50  # red is last in BGR
    assert decoded.format == fmt


def test_grayscale_and_alpha_images_become_three_channels() -> None:
    assert decode_image(encode(Image.new("L", (8, 8), 128), "PNG")).bgr.shape == (8, 8, 3)
    assert decode_image(encode(Image.new("RGBA", (8, 8), (0, 0, 0, 0)), "PNG")).bgr.shape == (
        8,
        8,
        3,
    )


@pytest.mark.parametrize("fmt", ["GIF", "BMP", "TIFF"])
def test_other_formats_are_refused_whatever_their_name(fmt: str) -> None:
    with pytest.raises(ImageRejected) as info:
        decode_image(encode(Image.new("RGB", (8, 8)), fmt))
    assert info.value.reason == "emotion.err.image_type"


def test_files_over_ten_megabytes_are_refused_before_decoding() -> None:
    with pytest.raises(ImageRejected) as info:
        decode_image(b"\xff\xd8\xff" + b"\0" * MAX_BYTES)
    assert info.value.reason == "emotion.err.image_too_large"


def test_more_than_25_megapixels_is_refused() -> None:
    big = encode(Image.new("L", (6000, 5000)), "PNG", optimize=True)
    assert len(big) < MAX_BYTES  # small on disk, huge in memory
    with pytest.raises(ImageRejected) as info:
        decode_image(big)
    assert info.value.reason == "emotion.err.image_too_many_pixels"


def test_truncated_and_empty_files_get_a_clear_reason() -> None:
    jpeg = encode(Image.new("RGB", (64, 64), (0, 128, 0)), "JPEG")
    with pytest.raises(ImageRejected) as info:
        decode_image(jpeg[: len(jpeg) // 2])
    assert info.value.reason == "emotion.err.image_unreadable"
    with pytest.raises(ImageRejected) as info:
        decode_image(b"")
    assert info.value.reason == "emotion.err.image_empty"


def test_exif_orientation_is_applied() -> None:
    image = Image.new("RGB", (40, 20))
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90° clockwise when shown
    decoded = decode_image(encode(image, "JPEG", exif=exif))
    assert decoded.bgr.shape[:2] == (40, 20)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=4096))
def test_arbitrary_bytes_never_crash(data: bytes) -> None:
    with contextlib.suppress(ImageRejected):
        decode_image(data)
