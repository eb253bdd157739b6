"""Destructive buttons look destructive: ui/danger.py's stylesheet names the keys the
views really give their deleting buttons, and every page draws it."""

from __future__ import annotations

import ast
from collections.abc import Callable
from pathlib import Path

from streamlit.testing.v1 import AppTest

from ui import danger

ROOT = Path(__file__).resolve().parents[2]
VIEWS = ("ui", "app_pages")


def _keys_in_code() -> tuple[set[str], set[str]]:
    """(string literals, f-string literal starts) in the views: the buttons' keys."""
    literals: set[str] = set()
    prefixes: set[str] = set()
    for folder in VIEWS:
        for path in (ROOT / folder).rglob("*.py"):
            if path.name == "danger.py":
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Constant) and isinstance(node.value, str):
                    literals.add(node.value)
                elif isinstance(node, ast.JoinedStr) and node.values:
                    first = node.values[0]
                    if isinstance(first, ast.Constant) and isinstance(first.value, str):
                        prefixes.add(first.value)
    return literals, prefixes


def test_every_styled_key_is_a_key_the_views_use() -> None:
    literals, prefixes = _keys_in_code()
    for key in (*danger.DELETE_KEYS, *danger.ASK_KEYS):
        assert key in literals, key
    for prefix in (*danger.DELETE_PREFIXES, *danger.ASK_PREFIXES):
        if prefix.startswith("FormSubmitter-"):  # Streamlit's key for a form's submit button
            form = prefix.removeprefix("FormSubmitter-").removesuffix("-")
            assert form in literals, form
        else:
            assert prefix in prefixes, prefix


def test_the_confirming_step_is_solid_red_and_the_asking_step_red_text() -> None:
    css = danger.stylesheet()
    solid, _, rest = css.partition("}")
    assert ".st-key-board_delete_yes button" in solid and "background-color: #c62828" in solid
    assert '[class*="st-key-FormSubmitter-mypage_delete-"]' in solid
    # A comment's "delete" asks first: red text, but its "yes"/"cancel" are not caught.
    assert ':not([class*="st-key-board_cdel_no_"])' in rest
    assert ".st-key-board_delete_yes" not in rest.split("}")[1]


def test_every_page_draws_the_stylesheet(make_app: Callable[..., AppTest]) -> None:
    at = make_app("ko").run()
    assert not at.exception
    assert any(danger.stylesheet() in el.proto.body for el in at.get("html"))
