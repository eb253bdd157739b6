"""Look-alike usernames: a skeleton that two visually confusable names share.

``skeleton("pаypal")`` (with a Cyrillic ``а``) equals ``skeleton("paypal")``, so
the second registration of a name that only *looks* like an existing one is
refused, the way Unicode TR39 intends for identifiers.

How the skeleton is built:

1. NFKC, then case folding: fullwidth ``ｐａｙ``, mathematical ``𝐩𝐚𝐲``,
   ligatures and compatibility jamo become plain characters, and case (already
   ignored for usernames) goes.
2. Every character is mapped through Unicode's confusables data (``confusables.txt``,
   as shipped in the pinned ``confusable-homoglyphs`` package): a character whose
   look-alikes include ASCII letters or digits maps to the smallest of those, after
   the ASCII classes themselves are merged (``0``/``o`` and ``1``/``i``/``l`` are
   each one class). Characters with no ASCII look-alike (Hangul, most CJK) stay.

Only ASCII prototypes are used because that is where impersonation happens on
this board (Latin names faked with Cyrillic or Greek letters, digits for letters);
Hangul names are already unified by NFC/NFKC.
"""

from __future__ import annotations

import string
import unicodedata
from functools import cache

_ASCII = frozenset(string.ascii_lowercase + string.digits)


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


@cache
def _data() -> dict[str, list[dict[str, str]]]:
    from confusable_homoglyphs.confusables import confusables_data

    return confusables_data


@cache
def _ascii_classes() -> dict[str, str]:
    """Each ASCII letter or digit to the smallest member of its look-alike class."""
    parent = {char: char for char in _ASCII}

    def root(char: str) -> str:
        while parent[char] != char:
            char = parent[char]
        return char

    data = _data()
    for char in _ASCII:
        for key in {char, char.upper()}:
            for entry in data.get(key, []):
                other = entry["c"]
                # Only pairs of ASCII characters as written: through a folded
                # non-ASCII one (long s "ſ" folds to "s" and looks like "f")
                # "f" and "s" would become one class.
                if other.isascii() and other.casefold() in _ASCII:
                    other = other.casefold()
                    low, high = sorted((root(char), root(other)))
                    parent[high] = low
    return {char: root(char) for char in _ASCII}


@cache
def _prototype(char: str) -> str:
    classes = _ascii_classes()
    if char in classes:
        return classes[char]
    targets = set()
    for key in {char, char.upper()}:
        for entry in _data().get(key, []):
            other = _fold(entry["c"].strip("\u200e\u200f"))
            if other in classes:
                targets.add(classes[other])
    return min(targets) if targets else char


def skeleton(name: str) -> str:
    """The form two look-alike names share (compare skeletons, never show one)."""
    return "".join(_prototype(char) for char in _fold(name.strip()))
