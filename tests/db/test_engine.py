"""Engine options that keep user data out of logs."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from db import chats
from db.engine import get_engine, get_sessionmaker
from db.migrate import upgrade
from tests.factories import make_user
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
    records = [r for r in caplog.records if r.exc_info and r.exc_info[0] is OperationalError]
    assert records, "the outage was logged"
    assert PHRASE not in caplog.text
    assert EMAIL not in caplog.text
    engine.dispose()
