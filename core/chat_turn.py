"""One chat turn as one value: what a backend needs to answer the latest user message.

The conversation so far, the emotion the camera read, its confidence, the UI
language, whether this is a crisis turn and which contacts to give used to travel
as the same loose arguments through every chat signature (``build_messages``,
``ChatBackend.stream``, ``OpenAIBackend.stream``/``request_messages``,
``respond`` and its helpers, ``OfflineResponder.reply``/``stream``). A
:class:`Turn` is built once, by the caller of :func:`core.chat.respond`, and passed
along; the crisis layer turns it into the crisis variant with
:meth:`Turn.as_crisis` instead of re-passing two more keywords.

It lives in its own module because both ``core.chat`` and ``core.offline_responder``
need it and ``core.chat`` imports the offline responder (``core.turn``, despite the
name, is the webcam's TURN relay, not this).

Naming: :class:`Utterance` is one message as the chat core sees it (who said what).
It is deliberately not called ``ChatMessage``: that name belongs to the stored row,
:class:`db.models.ChatMessage`, which also carries ids, the owner, the time and the
crisis verdict.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any, Final, Literal

from core.safety import CrisisResource

Role = Literal["user", "assistant"]
ROLES: Final[tuple[str, ...]] = ("user", "assistant")


@dataclass(frozen=True)
class Utterance:
    """One message of a conversation: ``role`` ("user" or "assistant") and its text."""

    role: Role
    content: str

    def __post_init__(self) -> None:
        if self.role not in ROLES:
            raise ValueError(f"role must be one of {ROLES}, not {self.role!r}")
        if not isinstance(self.content, str):
            raise TypeError("content must be a string")

    @classmethod
    def coerce(cls, value: Utterance | Mapping[str, Any]) -> Utterance:
        """An Utterance from itself, a ``{"role", "content"}`` dict, or any object with
        ``role`` and ``content`` attributes (a stored message row, say)."""
        if isinstance(value, Utterance):
            return value
        if isinstance(value, Mapping):
            return cls(role=value["role"], content=value["content"])
        return cls(role=value.role, content=value.content)

    def to_dict(self) -> dict[str, str]:
        return {"role": self.role, "content": self.content}


def _role_of(value: object) -> object:
    if isinstance(value, Mapping):
        return value.get("role")
    return getattr(value, "role", None)


def as_utterances(values: Iterable[Utterance | Mapping[str, Any]]) -> list[Utterance]:
    """Utterances from objects or dicts; roles other than user/assistant (a system
    message someone kept in a history) are skipped, not an error."""
    return [Utterance.coerce(value) for value in values if _role_of(value) in ROLES]


@dataclass(frozen=True)
class Turn:
    """Everything one reply depends on, frozen so no step can change it for the next.

    - ``history``: the conversation so far, ending with the user's new message
      (dicts and objects are coerced to :class:`Utterance`; other roles dropped);
    - ``emotion``/``confidence``: the camera's reading (None: no face, no reading);
      confidence in 0..1 or as a percentage, see
      :func:`core.prompts.normalize_confidence`;
    - ``lang``: the UI language ("ko"/"en"), the fallback when the message's own
      language can't be told;
    - ``crisis``/``resources``: set only by :meth:`as_crisis` (the crisis layer of
      :func:`core.chat.respond`); ``resources`` None means the defaults for the
      language.
    """

    history: tuple[Utterance, ...] = ()
    emotion: str | None = None
    confidence: float | None = None
    lang: str = "en"
    crisis: bool = False
    resources: tuple[CrisisResource, ...] | None = None

    def __post_init__(self) -> None:
        # Frozen, so normalise through object.__setattr__: callers may hand over a
        # list of dicts (the page) and still get an immutable tuple of Utterances.
        object.__setattr__(self, "history", tuple(as_utterances(self.history)))
        if self.resources is not None:
            object.__setattr__(self, "resources", tuple(self.resources))

    @property
    def latest(self) -> str:
        """The text of the latest user message ("" when there is none)."""
        return next((m.content for m in reversed(self.history) if m.role == "user"), "")

    def as_crisis(self, resources: Iterable[CrisisResource] | None = None) -> Turn:
        """The same turn, to be answered with the crisis prompt and these contacts."""
        listed = tuple(resources) if resources is not None else None
        return replace(self, crisis=True, resources=listed)
