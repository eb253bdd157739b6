"""Engine options that keep user data out of logs."""

from __future__ import annotations

import logging
import stat
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from db import chats
from db.engine import get_engine, get_sessionmaker, private_data_dir
from db.migrate import upgrade
from tests.factories import make_user
from ui import state
from ui.state import db_errors

PHRASE = "my secret worry about exams"
EMAIL = "private.person@example.com"


def test_engines_hide_bound_parameters(db_url: str) -> None:
    assert get_engine(db_url).hide_parameters is True


def test_a_failing_statement_logs_no_user_data(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    url = f"sqlite:///{tmp_path / 'outage.db'}"
    engine = get_engine(url)
    upgrade(engine)
    factory = get_sessionmaker(url)
    with factory.begin() as session:
        user_id = make_user(session, "worried", email=EMAIL).id
        conversation_id = chats.new_conversation(session, user_id).id
    with engine.begin() as conn:  # the table goes away under the app: an outage
        conn.execute(text("ALTER TABLE chat_messages RENAME TO chat_messages_gone"))
    caplog.set_level(logging.DEBUG)
    state._outage.ended()  # so this failure is the start of an outage, and is logged
    failed = False
    with db_errors():
        with factory.begin() as session:
            chats.add_message(
                session,
                user_id=user_id,
                conversation_id=conversation_id,
                role="user",
                content=PHRASE,
                emotion=None,
            )
            session.flush()
        failed = True  # not reached: db_errors swallowed the OperationalError
    assert not failed
    assert "database unavailable: OperationalError" in caplog.text, "the outage was logged"
    assert PHRASE not in caplog.text
    assert EMAIL not in caplog.text
    # The exception itself (what a traceback or error report would quote) hides them too.
    with pytest.raises(OperationalError) as caught, factory.begin() as session:
        chats.add_message(
            session,
            user_id=user_id,
            conversation_id=conversation_id,
            role="user",
            content=PHRASE,
            emotion=None,
        )
        session.flush()
    assert PHRASE not in str(caught.value)
    state._outage.ended()
    engine.dispose()


def test_sqlite_files_are_private_in_a_private_directory(tmp_path: Path) -> None:
    database = tmp_path / "fresh" / "dir" / "app.db"
    url = f"sqlite:///{database}"
    engine = get_engine(url)
    upgrade(engine)
    with get_sessionmaker(url).begin() as session:
        make_user(session, "filemode")
    with engine.connect() as conn:  # keep a connection open so -wal and -shm exist
        conn.execute(text("SELECT 1"))
        files = sorted(p.name for p in database.parent.iterdir())
        assert {"app.db", "app.db-wal", "app.db-shm"} <= set(files)
        for path in database.parent.iterdir():
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name
    assert stat.S_IMODE(database.parent.stat().st_mode) == 0o700
    engine.dispose()


def test_existing_world_readable_files_are_tightened(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir(mode=0o755)
    data.chmod(0o755)
    database = data / "old.db"
    database.touch()
    database.chmod(0o644)
    private_data_dir(data)
    engine = get_engine(f"sqlite:///{database}")
    upgrade(engine)
    assert stat.S_IMODE(database.stat().st_mode) == 0o600
    assert stat.S_IMODE(data.stat().st_mode) == 0o700
    engine.dispose()
