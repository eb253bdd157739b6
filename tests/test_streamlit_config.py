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
