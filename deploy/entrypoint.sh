#!/bin/sh
# Container start: migrate once (replicas starting together take turns on a
# database lock; see scripts/migrate.py), then serve. Arguments go to
# `streamlit run`; the image passes --server.address=0.0.0.0 --server.port=8501.
set -eu
cd "$(dirname "$0")/.."
python scripts/migrate.py
exec python -m streamlit run Home.py "$@"
