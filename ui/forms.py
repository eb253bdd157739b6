"""Small helpers for forms: a message under each failing field."""

from __future__ import annotations

import streamlit as st

from ui.state import tr


def field_errors(errors: dict[str, list[str]], field: str) -> None:
    for key in errors.get(field, []):
        st.error(tr(key), icon="⚠️")
