"""The login token and the language choice, kept in browser cookies.

Streamlit exposes the cookies of the page request read-only
(``st.context.cookies``), which is exactly what a reload needs. Writing goes
through a zero-height component whose script sets ``document.cookie``; it is
rendered on every run with the *desired* values, so it is idempotent and only
re-executes when a value changes.
"""

from __future__ import annotations

import json

import streamlit as st

TOKEN_COOKIE = "sye_token"
LANG_COOKIE = "sye_lang"
_MAX_AGE_LANG = 60 * 60 * 24 * 365


def get(name: str) -> str | None:
    try:
        value = st.context.cookies.get(name)
    except Exception:  # no browser request (AppTest, bare mode)
        return None
    return value or None


def sync(*, token: str | None, token_max_age: int, lang: str, secure: bool) -> None:
    """Make the browser hold exactly this token (or none) and language."""
    attributes = "; path=/; SameSite=Strict" + ("; Secure" if secure else "")
    token_cookie = (
        f"{TOKEN_COOKIE}={token}; max-age={token_max_age}{attributes}"
        if token
        else f"{TOKEN_COOKIE}=; max-age=0{attributes}"
    )
    lang_cookie = f"{LANG_COOKIE}={lang}; max-age={_MAX_AGE_LANG}{attributes}"
    script = (
        "<script>"
        f"for (const c of [{json.dumps(token_cookie)}, {json.dumps(lang_cookie)}])"
        " { window.parent.document.cookie = c; }"
        "</script>"
    )
    st.iframe(script, height=1)
