"""Housekeeping that keeps personal data from lingering.

- Old login attempts (they hold names and emails people typed) are pruned on a
  schedule by one background thread per process and database.
- After an account is deleted, :func:`scrub` makes the deletion physical: on
  SQLite the deleted rows otherwise stay readable in the write-ahead log and in
  free pages of the file; on PostgreSQL in dead tuples until a vacuum.
"""

from __future__ import annotations

import logging
import threading
from datetime import timedelta

from sqlalchemy import Engine, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from db.types import utcnow
from db.users import prune_login_attempts

log = logging.getLogger(__name__)

# Tables that hold what a deleted account leaves behind (PostgreSQL vacuum).
_PERSONAL_TABLES = (
    "users",
    "auth_tokens",
    "login_attempts",
    "emotion_readings",
    "conversations",
    "chat_messages",
    "posts",
    "comments",
    "post_reports",
)


def scrub(engine: Engine) -> None:
    """Physically remove deleted rows from the database files.

    SQLite: checkpoint the write-ahead log into the database and truncate it,
    rebuild the file without its free pages (``VACUUM``, which itself goes
    through the log), and checkpoint and truncate again. PostgreSQL: ``VACUUM``
    the personal tables so their dead tuples are reclaimed. Runs outside any
    transaction; waits for readers up to the busy timeout.
    """
    with engine.connect() as conn:
        conn = conn.execution_options(isolation_level="AUTOCOMMIT")
        if engine.dialect.name == "sqlite":
            conn.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
            conn.execute(text("VACUUM"))
            busy, _, _ = conn.execute(text("PRAGMA wal_checkpoint(TRUNCATE)")).one()
            if busy:
                log.warning("WAL checkpoint after a deletion was blocked by a reader")
        elif engine.dialect.name == "postgresql":
            conn.execute(text(f"VACUUM {', '.join(_PERSONAL_TABLES)}"))


def prune_once(engine: Engine, keep: timedelta) -> int:
    """Delete login attempts older than ``keep``; returns how many went."""
    with Session(engine) as session, session.begin():
        return prune_login_attempts(session, utcnow() - keep)


class Pruner:
    """A daemon thread pruning old login attempts every ``interval``."""

    def __init__(self, engine: Engine, keep: timedelta, interval: timedelta) -> None:
        self.engine, self.keep, self.interval = engine, keep, interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="login-attempt-pruner", daemon=True)

    def start(self) -> Pruner:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=10)

    def _run(self) -> None:
        while True:
            try:
                prune_once(self.engine, self.keep)
            except SQLAlchemyError as exc:  # an outage: try again next time
                log.warning("pruning login attempts failed: %s", type(exc).__name__)
            if self._stop.wait(self.interval.total_seconds()):
                return


_pruners: dict[str, Pruner] = {}
_pruners_lock = threading.Lock()


def ensure_pruner(engine: Engine, keep: timedelta, interval: timedelta) -> Pruner:
    """The process's pruner for this database, started on first use."""
    key = engine.url.render_as_string(hide_password=True)
    with _pruners_lock:
        if key not in _pruners:
            _pruners[key] = Pruner(engine, keep, interval).start()
        return _pruners[key]
