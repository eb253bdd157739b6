"""Readiness: is this replica able to serve? Exit 0 if so, 1 with the reason if not.

Streamlit's own ``/_stcore/health`` only says the web server is up; a replica
whose database is unreachable or behind on migrations still answers it, and
every login would fail. This checks both: the health endpoint, then one query
against the database and that its schema is at the newest migration. The
Docker ``HEALTHCHECK`` runs it (pure Python: no curl in the image), and compose
starts nginx only once the replicas pass it.

    python scripts/ready.py [--url http://127.0.0.1:8501] [--timeout 5]
"""

from __future__ import annotations

import argparse
import os
import sys
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def check_http(url: str, timeout: float) -> str | None:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=timeout) as resp:  # noqa: S310
            return None if resp.status == 200 else f"health answered {resp.status}"
    except OSError as exc:
        return f"health unreachable: {type(exc).__name__}"


def check_database(timeout: float) -> str | None:
    from sqlalchemy import create_engine, text
    from sqlalchemy.exc import SQLAlchemyError

    from core.settings import get_settings
    from db.engine import normalize_url
    from db.migrate import current_revision, head_revision

    url = normalize_url(get_settings().resolved_database_url)
    connect_args = (
        {"connect_timeout": max(1, int(timeout))}
        if url.drivername.startswith("postgresql")
        else {"timeout": timeout}
    )
    engine = create_engine(url, connect_args=connect_args)
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
            revision = current_revision(connection)
    except SQLAlchemyError as exc:
        return f"database unreachable: {type(exc).__name__}"
    finally:
        engine.dispose()
    head = head_revision()
    return None if revision == head else f"schema at {revision}, expected {head}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    port = os.environ.get("STREAMLIT_SERVER_PORT", "8501")
    parser.add_argument("--url", default=f"http://127.0.0.1:{port}")
    parser.add_argument("--timeout", type=float, default=5.0)
    args = parser.parse_args()
    problem = check_http(args.url, args.timeout) or check_database(args.timeout)
    print(problem or "ready")
    return 1 if problem else 0


if __name__ == "__main__":
    sys.exit(main())
