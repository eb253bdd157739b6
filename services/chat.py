"""Chat use cases: load a conversation (applying the user's action), save a reply,
and decide where crisis contacts belong. No Streamlit here (``ui/chat_view.py``
renders; this decides and stores).

Conversations live in a :class:`ChatStore`: the database for an account
(:class:`DatabaseChats`), session memory for a kiosk visit
(``core.kiosk.MemoryChats``), so nothing of a visit outlives it.

The crisis verdict is made once, when a reply is written (``core.chat.respond``
assesses the user's message, and moderation may turn it into a crisis turn while
the reply streams), and is stored on that reply as ``crisis_lang``: the language
of the contacts shown with it. Rendering a conversation reads the stored
verdict; it no longer re-assesses the whole history on every rerun.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final, Protocol

from core.ratelimit import RateLimited
from core.safety import assess
from db import chats

NEW: Final = 0  # conversation "id" of a new conversation, created by its first message


class ChatStore(Protocol):
    """The calls of ``db.chats``, each taking what :meth:`session` yields."""

    session: Callable[[], AbstractContextManager[Any]]

    def latest_conversation(self, session: Any, user_id: int) -> Any: ...
    def get_conversation(self, session: Any, user_id: int, conversation_id: int) -> Any: ...
    def list_conversations(self, session: Any, user_id: int) -> list[Any]: ...
    def new_conversation(self, session: Any, user_id: int) -> Any: ...
    def add_message(self, session: Any, **values: Any) -> Any: ...
    def messages(self, session: Any, user_id: int, conversation_id: int) -> list[Any]: ...
    def clear_history(self, session: Any, user_id: int) -> int: ...


class DatabaseChats:
    """Conversations in the database; ``session`` opens one transaction per user action."""

    latest_conversation = staticmethod(chats.latest_conversation)
    get_conversation = staticmethod(chats.get_conversation)
    list_conversations = staticmethod(chats.list_conversations)
    new_conversation = staticmethod(chats.new_conversation)
    add_message = staticmethod(chats.add_message)
    messages = staticmethod(chats.messages)
    clear_history = staticmethod(chats.clear_history)

    def __init__(self, session: Callable[[], AbstractContextManager[Any]]) -> None:
        self.session = session


@dataclass(frozen=True)
class Message:
    """A stored chat message, detached from the transaction that loaded it."""

    id: int
    role: str
    content: str
    emotion: str | None
    backend: str | None
    created_at: datetime
    crisis_lang: str | None = None  # on a reply to a crisis turn: its contacts' language

    @classmethod
    def of(cls, row: Any) -> Message:
        return cls(
            row.id,
            row.role,
            row.content,
            row.emotion,
            row.backend,
            row.created_at,
            getattr(row, "crisis_lang", None),
        )


@dataclass(frozen=True)
class ConversationItem:
    id: int
    title: str
    updated_at: datetime


@dataclass
class Loaded:
    conversation_id: int  # NEW when there is none yet
    messages: list[Message]
    conversations: list[ConversationItem]
    cleared: bool = False
    sent: bool = False  # the message to send was saved
    limited: RateLimited | None = None  # ... or refused by a rate limit (not saved)


def load(
    store: ChatStore,
    session: Any,
    user_id: int,
    wanted: int | None,
    *,
    clear: bool = False,
    send: str | None = None,
    emotion: str | None = None,
    check_limit: Callable[[Any], RateLimited | None] | None = None,
) -> Loaded:
    """Apply the user's action and read the conversation, in the caller's transaction.

    ``wanted`` is the conversation the page shows (None: the latest, ``NEW``: a
    new one). ``send`` is saved as the user's message, with the current
    ``emotion``, *before* any backend is called, so it is kept when the call
    fails; ``check_limit`` may refuse it (then nothing is saved).
    """
    cleared = False
    if clear:
        store.clear_history(session, user_id)
        wanted, cleared = NEW, True
    conversation = None
    if wanted is None:
        conversation = store.latest_conversation(session, user_id)
    elif wanted != NEW:
        conversation = store.get_conversation(session, user_id, int(wanted))
    limited = check_limit(session) if send is not None and check_limit is not None else None
    sent = False
    if send is not None and limited is None:
        if conversation is None:
            conversation = store.new_conversation(session, user_id)
        store.add_message(
            session,
            user_id=user_id,
            conversation_id=conversation.id,
            role="user",
            content=send,
            emotion=emotion,
        )
        sent = True
    conversation_id = conversation.id if conversation is not None else NEW
    rows = store.messages(session, user_id, conversation_id) if conversation_id else []
    return Loaded(
        conversation_id,
        [Message.of(m) for m in rows],
        [
            ConversationItem(c.id, c.title, c.updated_at)
            for c in store.list_conversations(session, user_id)
        ],
        cleared,
        sent,
        limited,
    )


def save_reply(
    store: ChatStore,
    session: Any,
    user_id: int,
    conversation_id: int,
    *,
    text: str,
    emotion: str | None,
    backend: str,
    crisis_lang: str | None,
) -> Message:
    """Save the assistant's reply with the crisis verdict it was written under."""
    row = store.add_message(
        session,
        user_id=user_id,
        conversation_id=conversation_id,
        role="assistant",
        content=text,
        emotion=emotion,
        backend=backend,
        crisis_lang=crisis_lang,
    )
    return Message.of(row)


def awaiting_reply(messages: Sequence[Message]) -> bool:
    """The conversation ends with the user's message: a reply is due (or failed)."""
    return bool(messages) and messages[-1].role == "user"


def in_crisis(messages: Sequence[Message], lang: str) -> bool:
    """Whether the latest user message is a crisis turn (no cheerful suggestions then).

    Answered: the verdict stored on its reply. Not answered yet (the reply failed
    or is due): that one message is assessed, by the same keyword layer that
    will run when it is answered.
    """
    for index in range(len(messages) - 1, -1, -1):
        if messages[index].role != "user":
            continue
        if index + 1 < len(messages):
            return messages[index + 1].crisis_lang is not None
        return assess(messages[index].content, lang).crisis
    return False
