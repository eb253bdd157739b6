"""UI strings in Korean and English.

Each feature keeps its strings in its own module in this package (``auth.py``,
``emotion.py``, ``chat.py``, ...) as ``STRINGS = {key: {"ko": ..., "en": ...}}``
with keys prefixed by the feature name. Modules are discovered automatically so
features never edit a shared catalogue file.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache
from typing import Final

LANGUAGES: Final[tuple[str, ...]] = ("ko", "en")
LANGUAGE_NAMES: Final[dict[str, str]] = {"ko": "한국어", "en": "English"}
DEFAULT_LANGUAGE: Final[str] = "ko"


@cache
def catalog() -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        strings: dict[str, dict[str, str]] = getattr(module, "STRINGS", {})
        duplicated = merged.keys() & strings.keys()
        if duplicated:
            raise RuntimeError(f"duplicate i18n keys in {info.name}: {sorted(duplicated)}")
        merged.update(strings)
    return merged


def normalize_language(lang: str | None) -> str:
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def t(key: str, lang: str, /, **values: object) -> str:
    """The string for key in lang (English if missing), formatted with values.

    An unknown key returns the key itself so a missing string is visible in the
    UI and in tests rather than crashing a page.
    """
    entry = catalog().get(key)
    if entry is None:
        return key
    text = entry.get(lang) or entry.get("en") or key
    return text.format(**values) if values else text
