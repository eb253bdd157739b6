"""Kiosk mode: one visitor after another at an event booth, with nothing kept.

The Streamlit-free half of the mode (``ui/kiosk.py`` is the glue):

* :class:`Stage` and :class:`Visit`: the flow attract → notice → emotion → chat and
  how far this visitor got, so a page opened by URL cannot skip the notice; the
  time of the last interaction, from which the idle wipe is decided.
* :class:`MemoryChats`: the Chat page's store with the same calls as ``db.chats``,
  held in the session's memory only, so the shared chat view runs unchanged and
  the conversation goes when the session is wiped.
* :func:`takeaway_text` and :func:`qr_png`: the face-free summary a visitor may
  take away, carried in the QR code itself rather than behind a stored link.
"""

from __future__ import annotations

import contextlib
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Final

import segno

from core.emotions import EMOJI, EMOTIONS, label
from core.i18n import t

KIOSK_VISITOR_ID: Final = 0  # the chat view scopes conversations by user id; one visitor
TIP_MAX_CHARS: Final = 180  # keeps the QR code small enough to scan off a screen
MIN_CHECK_S: Final = 0.5
MAX_CHECK_S: Final = 5.0
MAX_WARNING_S: Final = 15.0


class Stage(StrEnum):
    ATTRACT = "attract"
    NOTICE = "notice"
    EMOTION = "emotion"
    CHAT = "chat"


ORDER: Final[tuple[Stage, ...]] = tuple(Stage)


@dataclass
class Visit:
    """One visitor's progress and the time (monotonic seconds) they last did something."""

    last_activity: float
    reached: Stage = Stage.ATTRACT
    chose_language: bool = False

    def touch(self, now: float) -> None:
        self.last_activity = max(self.last_activity, now)

    def reach(self, stage: Stage) -> None:
        """Record that the visitor may now see ``stage`` (never moves backwards)."""
        if ORDER.index(stage) > ORDER.index(self.reached):
            self.reached = stage

    def allowed(self, wanted: Stage) -> Stage:
        """The stage to show when ``wanted`` is asked for: no skipping ahead past the notice."""
        return wanted if ORDER.index(wanted) <= ORDER.index(self.reached) else self.reached

    def idle_for(self, now: float) -> float:
        return max(0.0, now - self.last_activity)

    def is_idle(self, now: float, timeout_s: float) -> bool:
        return self.idle_for(now) >= timeout_s

    def seconds_left(self, now: float, timeout_s: float) -> float:
        return max(0.0, timeout_s - self.idle_for(now))

    @property
    def started(self) -> bool:
        """Whether there is anything of this visitor's to wipe (a language choice counts)."""
        return self.reached != Stage.ATTRACT or self.chose_language


def check_period(timeout_s: float) -> float:
    """How often the idle watchdog looks: a twelfth of the timeout, within 0.5-5 s.

    Each look is a small server round trip, so a long timeout is checked rarely; the
    wipe comes at most one period late.
    """
    return min(MAX_CHECK_S, max(MIN_CHECK_S, timeout_s / 12))


def warning_window(timeout_s: float) -> float:
    """How long before the wipe the visitor is asked whether they are still there."""
    return min(MAX_WARNING_S, timeout_s / 4)


# --- the conversation, in memory ---------------------------------------------------------


@dataclass
class MemoryConversation:
    id: int
    user_id: int
    title: str
    updated_at: datetime


@dataclass(frozen=True)
class MemoryMessage:
    id: int
    conversation_id: int
    user_id: int
    role: str
    content: str
    emotion: str | None
    backend: str | None
    created_at: datetime
    crisis_lang: str | None = None


@dataclass
class MemoryChats:
    """``db.chats``'s calls over lists in memory; :meth:`session` stands in for a transaction.

    A kiosk session has a single visitor, but the calls keep the user-id scoping of
    the database version so the chat view cannot tell them apart.
    """

    conversations: list[MemoryConversation] = field(default_factory=list)
    stored: list[MemoryMessage] = field(default_factory=list)
    _next_id: int = 1

    @contextlib.contextmanager
    def session(self) -> Iterator[MemoryChats]:
        yield self

    def _id(self) -> int:
        self._next_id += 1
        return self._next_id - 1

    def _mine(self, user_id: int) -> list[MemoryConversation]:
        return sorted(
            (c for c in self.conversations if c.user_id == user_id),
            key=lambda c: (c.updated_at, c.id),
            reverse=True,
        )

    def latest_conversation(self, _session: object, user_id: int) -> MemoryConversation | None:
        mine = self._mine(user_id)
        return mine[0] if mine else None

    def get_conversation(
        self, _session: object, user_id: int, conversation_id: int
    ) -> MemoryConversation | None:
        return next(
            (c for c in self._mine(user_id) if c.id == conversation_id),
            None,
        )

    def list_conversations(
        self, _session: object, user_id: int, limit: int = 20
    ) -> list[MemoryConversation]:
        return self._mine(user_id)[:limit]

    def new_conversation(
        self, _session: object, user_id: int, title: str = ""
    ) -> MemoryConversation:
        conversation = MemoryConversation(self._id(), user_id, title, datetime.now(UTC))
        self.conversations.append(conversation)
        return conversation

    def add_message(
        self,
        _session: object,
        *,
        user_id: int,
        conversation_id: int,
        role: str,
        content: str,
        emotion: str | None = None,
        backend: str | None = None,
        crisis_lang: str | None = None,
    ) -> MemoryMessage:
        if role not in ("user", "assistant"):
            raise ValueError(f"unknown role {role!r}")
        conversation = self.get_conversation(None, user_id, conversation_id)
        if conversation is None:
            raise LookupError("no such conversation for this user")
        now = datetime.now(UTC)
        message = MemoryMessage(
            self._id(), conversation.id, user_id, role, content, emotion, backend, now, crisis_lang
        )
        self.stored.append(message)
        conversation.updated_at = now
        if not conversation.title and role == "user":
            conversation.title = " ".join(content.split())[:120]
        return message

    def messages(self, _session: object, user_id: int, conversation_id: int) -> list[MemoryMessage]:
        return [
            m for m in self.stored if m.conversation_id == conversation_id and m.user_id == user_id
        ]

    def clear_history(self, _session: object, user_id: int) -> int:
        gone = len(self._mine(user_id))
        self.conversations = [c for c in self.conversations if c.user_id != user_id]
        self.stored = [m for m in self.stored if m.user_id != user_id]
        return gone

    def first_reply(self, user_id: int = KIOSK_VISITOR_ID) -> str | None:
        """The first answer the visitor got: the tip on the take-away card."""
        return next(
            (m.content for m in self.stored if m.user_id == user_id and m.role == "assistant"),
            None,
        )


# --- the take-away -----------------------------------------------------------------------

_MARKUP = re.compile(r"[*_`#>|~]+|\[([^\]]*)\]\([^)]*\)")


def plain_tip(text: str, limit: int = TIP_MAX_CHARS) -> str:
    """The reply as one plain line (no Markdown), cut at a word near ``limit``."""
    flat = " ".join(_MARKUP.sub(lambda m: m.group(1) or "", text).split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,.;:") + "…"


def takeaway_text(emotion: str, lang: str, tip: str | None = None) -> str:
    """What the QR code says: the app, the expression read and the first tip.

    Face-free by construction: it is built only from the emotion's name and the
    chat's text, never from a frame, a score or a time.
    """
    if emotion not in EMOTIONS:
        raise ValueError(f"unknown emotion {emotion!r}")
    lines = [
        t("app.title", lang),
        t("kiosk.qr_emotion", lang, emoji=EMOJI[emotion], label=label(emotion, lang)),
    ]
    if tip and (tip := plain_tip(tip)):
        lines.append(t("kiosk.qr_tip", lang, tip=tip))
    return "\n".join(lines)


def qr_png(text: str, scale: int = 6) -> bytes:
    """The text as a QR code (PNG bytes, in memory)."""
    code = segno.make(text, error="m", micro=False)
    buffer = io.BytesIO()
    code.save(buffer, kind="png", scale=scale, border=3)
    return buffer.getvalue()
