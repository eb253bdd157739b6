"""Every UI string key in ``core/i18n`` is used by the code; none is dead weight.

A key counts as used when the app's code (not the catalogue, not tests) holds it
as a string literal, e.g. ``tr("board.created")``. A few keys are built at run
time with an f-string; those families are listed in ``DYNAMIC`` with the code
that builds them and the values that code can produce, and the test checks both
directions: the catalogue holds exactly those keys, and the f-string still
exists (so a family cannot outlive the code that used it).
"""

from __future__ import annotations

import ast
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import get_args

import pytest

from core.i18n import catalog

ROOT = Path(__file__).resolve().parents[2]
# The app's code: what runs. Tests, training and the catalogue itself do not count.
CODE_DIRS = ("app_pages", "core", "db", "services", "ui", "scripts")
CODE_FILES = ("Home.py",)


def _model_card_ids() -> set[str]:
    card = json.loads((ROOT / "docs" / "model_card.json").read_text(encoding="utf-8"))
    return {evaluation["id"] for evaluation in card.get("evaluations", [])}


def _chat_error_kinds() -> set[str]:
    from core.chat import ErrorKind

    return set(get_args(ErrorKind))


def _chat_topics() -> set[str]:
    from core.prompts import TOPICS

    return set(TOPICS)


def _mood_ranges() -> set[str]:
    from core.mood_history import RANGES

    return set(RANGES)


def _limit_actions(suffixes: set[str]) -> set[str]:
    """The actions ``ui.limits.limit`` knows (it raises KeyError for any other)."""
    from ui.limits import limit

    known = set()
    for action in suffixes:
        try:
            limit(action)
        except KeyError:
            continue
        known.add(action)
    return known


# prefix -> (where the f-string builds it, the suffixes it can produce). The
# suffix function gets the suffixes the catalogue holds, for families whose
# values are only known by asking the code about each one.
DYNAMIC: dict[str, tuple[str, Callable[[set[str]], set[str]]]] = {
    "chat.error.": ("core/chat.py ChatError: f'chat.error.{kind}'", lambda _: _chat_error_kinds()),
    "chat.topic.": (
        "core/prompts.py topic labels: f'chat.topic.{topic}'",
        lambda _: _chat_topics(),
    ),
    "limit.": ("core/ratelimit.py RateLimited: f'limit.{action}'", _limit_actions),
    "model_card.eval.": (
        "app_pages/model_card.py: f'model_card.eval.{id}' per evaluation in docs/model_card.json",
        lambda _: _model_card_ids(),
    ),
    "mypage.range_": (
        "the mood history range picker: f'mypage.range_{r}'",
        lambda _: _mood_ranges(),
    ),
}


def _code_files() -> Iterator[Path]:
    for name in CODE_FILES:
        yield ROOT / name
    for folder in CODE_DIRS:
        for path in sorted((ROOT / folder).rglob("*.py")):
            if "i18n" not in path.relative_to(ROOT).parts:
                yield path


def _strings() -> tuple[set[str], set[str]]:
    """(every string literal, every f-string's literal start) in the app's code."""
    literals: set[str] = set()
    prefixes: set[str] = set()
    for path in _code_files():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                literals.add(node.value)
            elif isinstance(node, ast.JoinedStr) and node.values:
                first = node.values[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    prefixes.add(first.value)
    return literals, prefixes


def _family(key: str) -> str | None:
    return next((prefix for prefix in DYNAMIC if key.startswith(prefix)), None)


def test_every_key_is_used_by_the_code() -> None:
    literals, _ = _strings()
    unused = sorted(key for key in catalog() if key not in literals and _family(key) is None)
    assert unused == [], f"i18n keys no code uses (remove them, or use them): {unused}"


def test_every_dynamic_family_is_still_built_by_the_code() -> None:
    _, prefixes = _strings()
    stale = sorted(prefix for prefix in DYNAMIC if not any(p.endswith(prefix) for p in prefixes))
    assert stale == [], f"no f-string builds these key families any more: {stale}"


@pytest.mark.parametrize("prefix", sorted(DYNAMIC))
def test_a_dynamic_family_holds_exactly_the_keys_the_code_can_build(prefix: str) -> None:
    """Each key the f-string can build exists; each other key of the family is a literal."""
    literals, _ = _strings()
    held = {key.removeprefix(prefix) for key in catalog() if key.startswith(prefix)}
    buildable = DYNAMIC[prefix][1](held)
    assert buildable <= held, f"{prefix}: no string for {sorted(buildable - held)}"
    unused = {suffix for suffix in held - buildable if prefix + suffix not in literals}
    assert unused == set(), f"{prefix}: neither built nor used: {sorted(unused)}"


def _translated_literals() -> Iterator[tuple[str, int, str]]:
    """(file, line, key) of every ``tr("key")`` / ``t("key", lang)`` call with a literal key."""
    for path in _code_files():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and node.args):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            key = getattr(node.args[0], "value", None)
            if (
                name in {"tr", "t"}
                and isinstance(node.args[0], ast.Constant)
                and isinstance(key, str)
            ):
                yield str(path.relative_to(ROOT)), node.lineno, key


def test_every_key_the_code_translates_exists() -> None:
    """The other direction: removing a key that is still used shows the raw key in the UI."""
    keys = catalog()
    missing = [
        f"{file}:{line} {key}" for file, line, key in _translated_literals() if key not in keys
    ]
    assert missing == []
