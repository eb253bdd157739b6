"""Destructive buttons look destructive: one red style for every button that deletes.

Streamlit has no "danger" button type, and the theme's primary colour (violet)
made "Yes, delete" look like "Save". Every keyed element carries the CSS class
``st-key-<key>``, so one stylesheet, drawn on every page by Home.py, colours the
deleting buttons by their keys without the views having to know about it:

- a button that deletes for good (the last step: "Yes, delete", "Delete my
  account forever") is solid red with white text;
- a button that asks first ("Delete", "Clear history", "Remove") is red text on
  its usual outline, so the eye finds it before it is pressed.

A new destructive button gets its key added here (tests/pages/test_danger.py
checks that the keys named here are the ones the views use).
"""

from __future__ import annotations

from typing import Final

import streamlit as st

RED: Final = "#c62828"  # white text on it: contrast 5.6:1 (WCAG AA)
RED_DARK: Final = "#a31f1f"
RED_TINT: Final = "#fdecea"

# The last step: the click deletes. Exact keys, then key prefixes (per item).
DELETE_KEYS: Final[tuple[str, ...]] = ("board_delete_yes", "chat_clear_yes")
DELETE_PREFIXES: Final[tuple[str, ...]] = (
    "board_cdel_yes_",  # a comment, confirmed
    "moderation_rm_yes_",  # a moderator removing a post, confirmed
    # My page's account deletion (a form submit button: Streamlit keys it
    # FormSubmitter-<form key>-<label>).
    "FormSubmitter-mypage_delete-",
)
# The first step: the click asks for confirmation. Prefix -> keys it must not catch.
ASK_KEYS: Final[tuple[str, ...]] = ("board_delete", "chat_clear")
ASK_PREFIXES: Final[dict[str, tuple[str, ...]]] = {
    "board_cdel_": ("board_cdel_yes_", "board_cdel_no_"),
    "moderation_remove_": (),
}


def _selectors(keys: tuple[str, ...], prefixes: dict[str, tuple[str, ...]], state: str = "") -> str:
    """CSS selectors for the enabled buttons under these keys (``state``: e.g. ":hover")."""
    found = [f".st-key-{key} button:not(:disabled){state}" for key in keys]
    for prefix, excluded in prefixes.items():
        nots = "".join(f':not([class*="st-key-{other}"])' for other in excluded)
        found.append(f'[class*="st-key-{prefix}"]{nots} button:not(:disabled){state}')
    return ",\n".join(found)


def stylesheet() -> str:
    """The CSS that colours the destructive buttons (it beats Streamlit's own button rules:
    a class and an element at least, against the single generated class)."""
    delete = (DELETE_KEYS, dict.fromkeys(DELETE_PREFIXES, ()))
    ask = (ASK_KEYS, ASK_PREFIXES)
    return (
        f"{_selectors(*delete)},\n{_selectors(*delete, ':focus')}"
        f" {{ background-color: {RED}; border-color: {RED}; color: #fff; }}\n"
        f"{_selectors(*delete, ':hover')},\n{_selectors(*delete, ':active')}"
        f" {{ background-color: {RED_DARK}; border-color: {RED_DARK}; color: #fff; }}\n"
        f"{_selectors(*ask)} {{ color: {RED}; }}\n"
        f"{_selectors(*ask, ':hover')},\n{_selectors(*ask, ':active')}"
        f" {{ color: {RED_DARK}; border-color: {RED}; background-color: {RED_TINT}; }}\n"
    )


def style_destructive_buttons() -> None:
    """Draw the stylesheet (no visible element); call once per page run."""
    st.html(f"<style>\n{stylesheet()}</style>")
