"""The chat service on both stores (database, kiosk memory): load, send, save, crisis verdict."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import timedelta

import pytest
from sqlalchemy.orm import Session, sessionmaker

from core.kiosk import MemoryChats
from core.ratelimit import RateLimited
from services import chat
from services.chat import NEW, DatabaseChats, Message
from tests.factories import make_user


@pytest.fixture(params=["database", "memory"])
def store_and_user(request, session_factory: sessionmaker[Session]):
    if request.param == "memory":
        return MemoryChats(), 1
    with session_factory.begin() as s:
        user_id = make_user(s).id

    @contextlib.contextmanager
    def transaction() -> Iterator[Session]:
        with session_factory.begin() as session:
            yield session

    return DatabaseChats(transaction), user_id


def test_a_message_is_saved_before_any_reply_and_opens_a_conversation(store_and_user) -> None:
    store, user_id = store_and_user
    with store.session() as s:
        loaded = chat.load(store, s, user_id, None)
    assert (loaded.conversation_id, loaded.messages, loaded.sent) == (NEW, [], False)
    with store.session() as s:
        loaded = chat.load(store, s, user_id, NEW, send="hello", emotion="sad")
    assert loaded.sent and loaded.conversation_id != NEW
    [message] = loaded.messages
    assert (message.role, message.content, message.emotion) == ("user", "hello", "sad")
    assert chat.awaiting_reply(loaded.messages)
    assert [c.title for c in loaded.conversations] == ["hello"]


def test_a_rate_limited_message_is_not_saved(store_and_user) -> None:
    store, user_id = store_and_user
    refusal = RateLimited("chat", timedelta(seconds=60))
    with store.session() as s:
        loaded = chat.load(store, s, user_id, None, send="hi", check_limit=lambda _s: refusal)
    assert (loaded.sent, loaded.limited, loaded.messages) == (False, refusal, [])


def test_the_crisis_verdict_is_stored_with_the_reply(store_and_user) -> None:
    store, user_id = store_and_user
    with store.session() as s:
        first = chat.load(store, s, user_id, None, send="I want to kill myself")
        chat.save_reply(
            store,
            s,
            user_id,
            first.conversation_id,
            text="…",
            emotion=None,
            backend="offline",
            crisis_lang="en",
        )
    with store.session() as s:
        loaded = chat.load(store, s, user_id, first.conversation_id)
    assert [m.crisis_lang for m in loaded.messages] == [None, "en"]
    assert chat.in_crisis(loaded.messages, "en")
    # A later ordinary turn ends the crisis state, whatever came before.
    with store.session() as s:
        later = chat.load(store, s, user_id, first.conversation_id, send="thanks, a bit better")
        chat.save_reply(
            store,
            s,
            user_id,
            later.conversation_id,
            text="Glad.",
            emotion=None,
            backend="offline",
            crisis_lang=None,
        )
        loaded = chat.load(store, s, user_id, first.conversation_id)
    assert not chat.in_crisis(loaded.messages, "en")


def test_the_stored_verdict_is_read_not_reassessed() -> None:
    """Rendering trusts the verdict made when answering (moderation may have made it)."""
    from datetime import UTC, datetime

    now = datetime.now(UTC)
    calm_words_flagged = [
        Message(1, "user", "I'm fine", None, None, now),
        Message(2, "assistant", "…", None, "model", now, crisis_lang="ko"),
    ]
    assert chat.in_crisis(calm_words_flagged, "en")
    unanswered = [Message(3, "user", "죽고 싶어", None, None, now)]
    assert chat.in_crisis(unanswered, "ko")  # not answered yet: that one message is assessed


def test_clearing_the_history_starts_a_new_conversation(store_and_user) -> None:
    store, user_id = store_and_user
    with store.session() as s:
        chat.load(store, s, user_id, None, send="one")
    with store.session() as s:
        loaded = chat.load(store, s, user_id, None, clear=True)
    assert (loaded.cleared, loaded.conversation_id, loaded.conversations) == (True, NEW, [])
