"""The Streamlit configuration the app ships with, as Streamlit itself reads it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_users_never_see_exception_details() -> None:
    # Read through Streamlit's own loader (in a fresh process, from the project
    # directory) so a misspelt key or a value Streamlit ignores fails here.
    code = (
        "from streamlit import config; config.get_config_options(force_reparse=True);"
        "print(config.get_option('client.showErrorDetails'))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "none"


def test_emoji_fonts_come_before_the_system_fallback() -> None:
    # On Linux the generic sans-serif is DejaVu Sans, whose black-and-white emoticons
    # (U+1F600-1F64F) win over any colour font listed after it; Streamlit passes this
    # stack to its Vega charts and data grid as well (tests/e2e/test_korean_ui_browser.py
    # draws an emoji with it and checks for colour).
    code = (
        "from streamlit import config; config.get_config_options(force_reparse=True);"
        "print(config.get_option('theme.font'))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    stack = [name.strip() for name in result.stdout.strip().split(",")]
    assert stack[0] == "Source Sans" and stack[-1] == "Noto Color Emoji", stack
    assert "sans-serif" not in stack and "sans serif" not in stack
