"""Data that must really go: old login attempts on a schedule, deleted accounts from the files."""

from __future__ import annotations

import time
from datetime import timedelta
from pathlib import Path

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, sessionmaker

from db import board, chats
from db.engine import get_engine, get_sessionmaker
from db.maintenance import Pruner, scrub
from db.migrate import upgrade
from db.models import LoginAttempt, User
from db.types import utcnow
from services import accounts
from tests.factories import POLICY, make_user

EMAIL = "grep.me.first@example.com"
NEW_EMAIL = "grep.me.second@example.com"
PHRASE = "purple elephants at sunrise"


def test_old_login_attempts_are_pruned_on_a_schedule(
    engine: Engine, session_factory: sessionmaker[Session]
) -> None:
    now = utcnow()
    with session_factory.begin() as s:
        for age in (timedelta(days=3), timedelta(hours=25), timedelta(hours=1), timedelta(0)):
            s.add(LoginAttempt(account_key=f"age{age}", succeeded=False, created_at=now - age))
    pruner = Pruner(engine, keep=timedelta(hours=24), interval=timedelta(seconds=0.05)).start()
    try:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with session_factory() as s:
                if s.scalar(select(func.count()).select_from(LoginAttempt)) == 2:
                    break
            time.sleep(0.05)
        # A new old row is caught by a later round too: it is a schedule, not a one-off.
        with session_factory.begin() as s:
            s.add(
                LoginAttempt(
                    account_key="late", succeeded=False, created_at=now - timedelta(days=2)
                )
            )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with session_factory() as s:
                keys = set(s.scalars(select(LoginAttempt.account_key)))
            if "late" not in keys:
                break
            time.sleep(0.05)
    finally:
        pruner.stop()
    assert keys == {f"age{timedelta(hours=1)}", f"age{timedelta(0)}"}


def _files_containing(database: Path, needles: list[str]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for path in database.parent.iterdir():
        data = path.read_bytes()
        hits = [n for n in needles if n.encode() in data or n.encode("utf-16-le") in data]
        if hits:
            found[path.name] = hits
    return found


def test_a_deleted_account_cannot_be_read_back_from_the_sqlite_files(tmp_path: Path) -> None:
    database = tmp_path / "data" / "app.db"
    url = f"sqlite:///{database}"
    engine = get_engine(url)
    upgrade(engine)
    factory = get_sessionmaker(url)
    with factory.begin() as s:
        user = make_user(s, "grepleaver", email=EMAIL)
        stayer = make_user(s, "grepstayer")
        conversation = chats.new_conversation(s, user.id, title=PHRASE)
        chats.add_message(
            s,
            user_id=user.id,
            conversation_id=conversation.id,
            role="user",
            content=f"Today I dreamt of {PHRASE}.",
            emotion="happy",
        )
        board.create_post(s, user_id=user.id, title="mine", body=PHRASE)
        board.create_post(s, user_id=stayer.id, title="stays", body="kept text")
        user_id = user.id
    for ident in ("grepleaver", EMAIL):  # failures under the first name and email
        with factory.begin() as s:
            accounts.login(s, ident, "Wr0ng!pass", POLICY)
    with factory.begin() as s:
        update = accounts.update_profile(s, user_id, username="greprenamed", email=NEW_EMAIL)
        assert update.errors == {}
    with factory.begin() as s:
        accounts.login(s, NEW_EMAIL, "Wr0ng!pass", POLICY)
    needles = [EMAIL, NEW_EMAIL, PHRASE, "grepleaver", "greprenamed"]
    assert _files_containing(database, needles), "the data is in the files to begin with"

    with factory.begin() as s:
        assert accounts.delete_account(s, user_id, "greprenamed")
    with factory() as s:
        assert s.scalar(select(func.count()).select_from(LoginAttempt)) == 0
    scrub(engine)

    assert _files_containing(database, needles) == {}
    assert _files_containing(database, ["kept text"]), "other people's data stays"
    engine.dispose()


def test_scrub_runs_on_both_databases(engine: Engine, session_factory) -> None:
    with session_factory.begin() as s:
        user = make_user(s)
        user_id, name = user.id, user.username
    with session_factory.begin() as s:
        assert accounts.delete_account(s, user_id, name)
    scrub(engine)
    with session_factory() as s:
        assert s.get(User, user_id) is None
