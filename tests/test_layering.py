"""The import layering of services/__init__.py holds: no layer imports one above it.

    app_pages/ -> ui/ -> services/ -> db/ -> core/

Every import statement of every module is read (including those inside
functions, which is where an upward import would hide to dodge a cycle), so
``core`` stays pure logic testable without a database or Streamlit, and ``db``
and ``services`` run without Streamlit (scripts, tests, workers).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# layer -> top-level packages it must never import
FORBIDDEN: dict[str, frozenset[str]] = {
    "core": frozenset({"db", "services", "ui", "app_pages", "streamlit", "streamlit_webrtc"}),
    "db": frozenset({"services", "ui", "app_pages", "streamlit", "streamlit_webrtc"}),
    "services": frozenset({"ui", "app_pages", "streamlit", "streamlit_webrtc"}),
    "ui": frozenset({"app_pages"}),
}


def imported_modules(source: str, package: str) -> Iterator[tuple[int, str]]:
    """(line, absolute module name) of every import in ``source``, a module of ``package``."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if not node.level:
                yield node.lineno, node.module or ""
                continue
            # Relative: "." is the module's own package, each further dot one up.
            parts = package.split(".")[: len(package.split(".")) - node.level + 1]
            if node.module:
                yield node.lineno, ".".join([*parts, node.module])
            else:
                for alias in node.names:
                    yield node.lineno, ".".join([*parts, alias.name])


def violations(layer: str) -> list[str]:
    found = []
    for path in sorted((ROOT / layer).rglob("*.py")):
        package = ".".join(path.relative_to(ROOT).parent.parts)
        for line, module in imported_modules(path.read_text(encoding="utf-8"), package):
            if module.split(".")[0] in FORBIDDEN[layer]:
                found.append(f"{path.relative_to(ROOT)}:{line} imports {module}")
    return found


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_no_layer_imports_a_layer_above_it(layer: str) -> None:
    assert violations(layer) == []


def test_the_check_sees_imports_inside_functions_and_relative_ones() -> None:
    """The parser itself: a hidden upward import is found, a relative one resolved."""
    source = (
        "def later():\n    from db import users\n    import streamlit as st\n"
        "from . import emotions\nfrom ..ui import state\n"
    )
    modules = {name for _, name in imported_modules(source, "core.vision")}
    assert modules == {"db", "streamlit", "core.vision.emotions", "core.ui"}
    assert {name for _, name in imported_modules("from .. import ui", "core.vision")} == {"core.ui"}
