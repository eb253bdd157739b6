"""Bring the database schema to the newest migration, then exit.

The container runs this before the app (deploy/entrypoint.sh), so a broken
database fails the start instead of the first visitor's page. Several replicas
starting together are safe: ``db.migrate.upgrade`` holds a PostgreSQL advisory
lock (a file lock on SQLite), so one applies the migrations and the others find
the schema current. The database may still be starting, so connection errors
are retried for ``--wait`` seconds.

    .venv/bin/python scripts/migrate.py [--wait 60]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy.exc import OperationalError  # noqa: E402

from core import logs  # noqa: E402
from core.settings import get_settings  # noqa: E402
from db.engine import get_engine  # noqa: E402
from db.migrate import current_revision, head_revision, upgrade  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wait", type=float, default=60.0, help="seconds to wait for the DB")
    args = parser.parse_args()
    logs.configure()
    engine = get_engine(get_settings().resolved_database_url)
    deadline = time.monotonic() + args.wait
    while True:
        try:
            start = time.perf_counter()
            upgrade(engine)
            with engine.connect() as connection:
                revision = current_revision(connection)
            break
        except OperationalError:
            if time.monotonic() > deadline:
                logs.event("migrate", level=40, outcome="database unreachable")
                return 1
            time.sleep(1.0)
    ms = round((time.perf_counter() - start) * 1000, 1)
    ok = revision == head_revision()
    logs.event("migrate", outcome="ok" if ok else "not at head", revision=revision, ms=ms)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
