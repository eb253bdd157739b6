"""Engine and session factory: one engine per process and database URL."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.engine.url import URL
from sqlalchemy.orm import Session, sessionmaker


def normalize_url(url: str) -> URL:
    """Accept the URLs people paste (``postgres://``, ``postgresql://``) and use psycopg 3."""
    parsed = make_url(url.replace("postgres://", "postgresql://", 1))
    if parsed.drivername in {"postgresql", "postgresql+psycopg2"}:
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def private_dir(path: Path) -> None:
    """Create ``path`` (and missing parents) readable by this user only."""
    if not path.exists():
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        path.chmod(0o700)  # mkdir's mode is filtered by the umask


def private_data_dir(path: Path) -> None:
    """The app's data directory (database, signing secret) readable by this user only."""
    private_dir(path)
    status = path.stat()
    if status.st_mode & 0o077 and status.st_uid == os.getuid():
        path.chmod(0o700)


def prepare_sqlite_file(database: Path) -> None:
    """The database file (and its WAL and shared-memory files) private to this user.

    The file holds chats and emails, and the usual umask would create it 0644,
    readable by every account on the machine. It is created 0600 here before
    SQLite opens it; SQLite gives the ``-wal`` and ``-shm`` files it creates the
    database file's permissions. Files left from before are tightened too. A
    directory created here is 0700; an existing one is left as it is (it may be
    shared, e.g. ``/tmp``); the app's own ``DATA_DIR`` is tightened at start-up.
    """
    private_dir(database.parent)
    fd = os.open(database, os.O_CREAT | os.O_RDWR, 0o600)
    os.close(fd)
    for suffix in ("", "-wal", "-shm", "-journal"):
        candidate = database.with_name(database.name + suffix)
        if candidate.exists() and candidate.stat().st_mode & 0o077:
            candidate.chmod(0o600)


@cache
def get_engine(url: str) -> Engine:
    parsed = normalize_url(url)
    # hide_parameters: a failed statement's message (which ends up in logs and
    # error reports) would otherwise quote its bound values: chat text, emails.
    kwargs: dict[str, Any] = {"hide_parameters": True}
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            prepare_sqlite_file(Path(parsed.database))
        kwargs |= {"connect_args": {"check_same_thread": False, "timeout": 10}}
    else:
        kwargs |= {
            "pool_pre_ping": True,
            "pool_size": 5,
            "max_overflow": 10,
            "connect_args": {"connect_timeout": 5},
        }
    engine = create_engine(parsed, **kwargs)
    if parsed.get_backend_name() == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


@cache
def get_sessionmaker(url: str) -> sessionmaker[Session]:
    # expire_on_commit=False: pages render objects after the transaction ends.
    return sessionmaker(get_engine(url), expire_on_commit=False)
