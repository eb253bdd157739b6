"""The image's install step (deploy/install.sh) in a fresh virtual environment.

The same script the Dockerfile runs, then the same check it runs at build time
(scripts/check_install.py): every runtime import works, the models load, and
TensorFlow/torch/moviepy stay out. pip's wheel cache makes this about a minute.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.app_server import ROOT

pytestmark = pytest.mark.slow


def test_install_in_a_fresh_venv_then_check_it(tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    install = subprocess.run(
        ["sh", "deploy/install.sh", str(venv)],
        cwd=ROOT,
        env={**os.environ, "PYTHON": sys.executable},  # the suite's Python 3.11, as in the image
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert install.returncode == 0, install.stderr[-3000:]
    python = venv / "bin" / "python"
    assert python.exists()
    check = subprocess.run(
        [str(python), "scripts/check_install.py"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert check.returncode == 0, check.stdout + check.stderr[-3000:]
    assert "vision models loaded" in check.stdout
    # Exactly the pins, nothing pulled in besides them (pip/setuptools come with venv).
    frozen = subprocess.run(
        [str(python), "-m", "pip", "freeze", "--all"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    installed = {_name(line) for line in frozen.splitlines() if "==" in line}
    pinned = {
        _name(line)
        for line in (ROOT / "requirements.txt").read_text().splitlines()
        if line and not line.startswith("#")
    }
    assert installed - {"pip", "setuptools"} == pinned
    assert sys.prefix != str(venv)


def _name(line: str) -> str:
    return line.split("==")[0].strip().lower().replace("_", "-").replace(".", "-")
