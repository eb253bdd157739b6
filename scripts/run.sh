#!/usr/bin/env bash
# Install what the app needs (first time only) and serve it on http://localhost:8501.
# Extra arguments go to `streamlit run`, e.g. scripts/run.sh --server.port 9000
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
ensure_venv requirements.txt
exec .venv/bin/python -m streamlit run Home.py "$@"
