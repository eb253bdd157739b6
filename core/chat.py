"""Chat backends for the emotion chat: OpenAI (or any compatible server) and offline.

The page needs three things from here::

    backend = make_backend(config)            # cache it: st.cache_resource(make_backend)
    turn = Turn(history, emotion=..., confidence=..., lang=lang)
    reply = respond(backend, turn, crisis_overrides=settings.crisis_resources)
    text = st.write_stream(reply.chunks)      # may raise ChatError (wrap call + stream)
    if reply.crisis: show reply.resources

A :class:`Turn` (``core.chat_turn``) is the conversation so far, ending with the
user's new message (:class:`Utterance` objects or ``{"role", "content"}`` dicts),
with the camera's reading and the UI language; every step below takes that one
value. Every provider failure surfaces as one :class:`ChatError` with a ``kind``
and an i18n ``message_key``, so the page can show a clear message, keep the user's
message and offer a retry.
"""

from __future__ import annotations

import concurrent.futures
import functools
import logging
import queue
import random
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final, Literal, Protocol, runtime_checkable

import openai

from core.chat_turn import Turn, Utterance, as_utterances
from core.i18n import t
from core.offline_responder import OFFLINE_NAME, OfflineResponder
from core.prompts import crisis_system_prompt, system_prompt
from core.safety import (
    CrisisResource,
    SafetyResult,
    assess,
    crisis_resources,
    self_harm_flagged,
)

log = logging.getLogger(__name__)

# Local servers (Ollama, LM Studio, vLLM) ignore the key, but the SDK requires one.
PLACEHOLDER_API_KEY: Final[str] = "not-needed"


@dataclass(frozen=True)
class ChatConfig:
    """Everything a backend needs; frozen and hashable, so it can key a resource cache."""

    api_key: str | None = field(default=None, repr=False)
    base_url: str | None = None
    model: str = "gpt-4.1-mini"
    temperature: float | None = 0.7  # None: don't send (models that reject it)
    timeout_s: float = 30.0
    max_retries: int = 2
    history_char_budget: int = 6000
    moderation: bool = True  # ask the provider's moderation endpoint (needs api_key)
    moderation_model: str = "omni-moderation-latest"
    moderation_timeout_s: float = 3.0
    offline_delay_s: float = 0.0  # pause between offline chunks (visual streaming)

    def __post_init__(self) -> None:
        # Blank strings from env/secrets mean "unset".
        for name in ("api_key", "base_url"):
            value = getattr(self, name)
            if isinstance(value, str) and not value.strip():
                object.__setattr__(self, name, None)
            elif isinstance(value, str):
                object.__setattr__(self, name, value.strip())

    @property
    def online(self) -> bool:
        """True when a model is configured (an API key or a base URL)."""
        return bool(self.api_key or self.base_url)


# -- errors ----------------------------------------------------------------------------

ErrorKind = Literal["auth", "rate_limit", "timeout", "unavailable", "bad_request"]
_RETRYABLE: Final[frozenset[str]] = frozenset({"rate_limit", "timeout", "unavailable"})


class ChatError(Exception):
    """A chat request failed. ``message(lang)`` is the text to show the user.

    - ``kind``: "auth", "rate_limit", "timeout", "unavailable" or "bad_request";
    - ``message_key``: i18n key (``chat.error.*``), in Korean and English;
    - ``retryable``: whether a retry button makes sense;
    - ``status``: HTTP status when there was one; ``detail``: provider text (logs only).
    """

    def __init__(
        self,
        kind: ErrorKind,
        message_key: str | None = None,
        *,
        status: int | None = None,
        detail: str = "",
    ) -> None:
        self.kind: ErrorKind = kind
        self.message_key = message_key or f"chat.error.{kind}"
        self.status = status
        self.detail = detail
        self.retryable = kind in _RETRYABLE
        super().__init__(f"{kind}: {detail}" if detail else kind)

    def message(self, lang: str) -> str:
        return t(self.message_key, lang)


def to_chat_error(exc: BaseException) -> ChatError:
    """Map an OpenAI SDK exception (or anything else) to a ChatError."""
    detail = str(getattr(exc, "message", "") or exc)[:300]
    if isinstance(exc, ChatError):
        return exc
    if isinstance(exc, openai.APITimeoutError):
        return ChatError("timeout", detail=detail)
    if isinstance(exc, openai.APIConnectionError):
        return ChatError("unavailable", detail=detail)
    if isinstance(exc, openai.APIStatusError):
        status = exc.status_code
        if status in (401, 403):
            return ChatError("auth", status=status, detail=detail)
        if status == 429:
            quota = getattr(exc, "code", None) == "insufficient_quota"
            key = "chat.error.quota" if quota else None
            return ChatError("rate_limit", key, status=status, detail=detail)
        if status == 408:
            return ChatError("timeout", status=status, detail=detail)
        if status == 404:
            return ChatError("bad_request", "chat.error.model", status=status, detail=detail)
        if 400 <= status < 500:
            return ChatError("bad_request", status=status, detail=detail)
        # The server answered, so it is not "unreachable": it failed.
        return ChatError("unavailable", "chat.error.server", status=status, detail=detail)
    if isinstance(exc, openai.OpenAIError):
        return ChatError("unavailable", detail=detail)
    return ChatError("unavailable", detail=f"{type(exc).__name__}: {detail}")


# -- the request ----------------------------------------------------------------------


def trim_history(messages: Sequence[Utterance | Mapping[str, Any]], budget: int) -> list[Utterance]:
    """The most recent messages whose contents fit in ``budget`` characters.

    Newest first, contiguous; the latest user message is always kept, even alone
    over budget. Empty messages are dropped, and so are assistant messages left at
    the start (some chat templates of local models require a user turn first).
    """
    items = [m for m in as_utterances(messages) if m.content.strip()]
    last_user = max((i for i, m in enumerate(items) if m.role == "user"), default=-1)
    kept: list[Utterance] = []
    used = 0
    for index in range(len(items) - 1, -1, -1):
        message = items[index]
        cost = len(message.content)
        if index == last_user:
            kept.append(message)
            used += cost
            continue
        if used + cost > budget:
            if index > last_user:
                continue  # a reply after the latest user message that doesn't fit
            break
        kept.append(message)
        used += cost
    kept.reverse()
    while kept and kept[0].role == "assistant":
        kept.pop(0)
    return kept


def build_messages(turn: Turn, budget: int = 6000) -> list[dict[str, str]]:
    """The ``messages`` of a chat completion: system prompt, then the trimmed history.

    A crisis turn gets the crisis prompt with its contacts (the UI language's
    defaults when it names none).
    """
    if turn.crisis:
        listed = turn.resources if turn.resources is not None else crisis_resources(turn.lang)
        system = crisis_system_prompt(turn.lang, listed, turn.emotion, turn.confidence)
    else:
        system = system_prompt(turn.emotion, turn.confidence, turn.lang)
    return [
        {"role": "system", "content": system},
        *(m.to_dict() for m in trim_history(turn.history, budget)),
    ]


# -- backends -------------------------------------------------------------------------


@runtime_checkable
class ChatBackend(Protocol):
    name: str  # "offline" or the model name: shows which backend answered

    def stream(self, turn: Turn) -> Iterator[str]: ...

    def moderate(self, text: str) -> bool | None: ...


def build_client(config: ChatConfig) -> openai.OpenAI:
    """A new SDK client for a configuration (see :func:`openai_client` for the shared one)."""
    kwargs: dict[str, Any] = {
        "api_key": config.api_key or PLACEHOLDER_API_KEY,
        "timeout": openai.Timeout(config.timeout_s, connect=min(config.timeout_s, 10.0)),
        "max_retries": config.max_retries,
    }
    if config.base_url:
        kwargs["base_url"] = config.base_url
    return openai.OpenAI(**kwargs)


@functools.lru_cache(maxsize=8)
def openai_client(config: ChatConfig) -> openai.OpenAI:
    """One SDK client (and its connection pool) per configuration, created once."""
    return build_client(config)


class OpenAIBackend:
    """Chat completions through the official SDK, streamed token by token."""

    def __init__(self, config: ChatConfig, client: openai.OpenAI | None = None) -> None:
        self.config = config
        self.client = client if client is not None else openai_client(config)
        self.name = config.model
        self._moderation_client: openai.OpenAI | None = None
        self._lock = threading.Lock()

    def request_messages(self, turn: Turn) -> list[dict[str, str]]:
        """The messages sent for ``turn``, its history trimmed to this config's budget."""
        return build_messages(turn, budget=self.config.history_char_budget)

    def stream(self, turn: Turn) -> Iterator[str]:
        """Send the request now (errors raise here) and return the text deltas.

        A connection lost mid-answer raises ChatError from the iteration.
        """
        payload = self.request_messages(turn)
        options: dict[str, Any] = {}
        if self.config.temperature is not None:
            options["temperature"] = self.config.temperature
        try:
            response = self.client.chat.completions.create(
                model=self.config.model, messages=payload, stream=True, **options
            )
        except openai.OpenAIError as exc:
            raise to_chat_error(exc) from exc
        return _deltas(response)

    @property
    def moderation_enabled(self) -> bool:
        return bool(self.config.moderation and self.config.api_key)

    def moderate(self, text: str) -> bool | None:
        """True/False from the provider's moderation endpoint (self-harm categories).

        None when moderation is off (no API key: local servers have no such endpoint)
        or failed: a moderation problem never blocks the chat.
        """
        if not self.moderation_enabled or not text.strip():
            return None
        try:
            response = self._moderation().moderations.create(
                input=text, model=self.config.moderation_model
            )
            return self_harm_flagged(response)
        except Exception as exc:
            log.warning("moderation unavailable (%s); keyword layer only", type(exc).__name__)
            return None

    def _moderation(self) -> openai.OpenAI:
        with self._lock:
            if self._moderation_client is None:
                self._moderation_client = self.client.with_options(
                    timeout=self.config.moderation_timeout_s, max_retries=0
                )
            return self._moderation_client


def _deltas(response: Any) -> Iterator[str]:
    produced = False
    try:
        for chunk in response:
            for choice in getattr(chunk, "choices", None) or ():
                delta = getattr(choice, "delta", None)
                text = getattr(delta, "content", None) if delta is not None else None
                if text:
                    produced = True
                    yield text
    except openai.OpenAIError as exc:
        raise to_chat_error(exc) from exc
    finally:
        close = getattr(response, "close", None)
        if close is not None:
            close()
    if not produced:
        raise ChatError("unavailable", "chat.error.empty", detail="no content in the reply")


def make_backend(
    config: ChatConfig | None = None, *, rng: random.Random | None = None
) -> OpenAIBackend | OfflineResponder:
    """OpenAI when an API key or a base URL is set, else the offline responder."""
    config = config or ChatConfig()
    if config.online:
        return OpenAIBackend(config)
    return OfflineResponder(rng, delay_s=config.offline_delay_s)


def is_offline(backend: object) -> bool:
    return getattr(backend, "name", None) == OFFLINE_NAME


# -- one turn, with the crisis layer -----------------------------------------------------


@dataclass
class Reply:
    """One answer being produced. ``safety`` may turn to crisis (moderation) while
    ``chunks`` is consumed; read ``crisis``/``resources`` after streaming."""

    chunks: Iterator[str]
    safety: SafetyResult
    backend: str
    resources: tuple[CrisisResource, ...]

    @property
    def crisis(self) -> bool:
        return self.safety.crisis


_EXECUTOR: concurrent.futures.ThreadPoolExecutor | None = None
_EXECUTOR_LOCK = threading.Lock()


def _executor() -> concurrent.futures.ThreadPoolExecutor:
    global _EXECUTOR
    with _EXECUTOR_LOCK:
        if _EXECUTOR is None:
            _EXECUTOR = concurrent.futures.ThreadPoolExecutor(
                max_workers=4, thread_name_prefix="chat-moderation"
            )
        return _EXECUTOR


def respond(
    backend: ChatBackend,
    turn: Turn,
    *,
    crisis_overrides: Mapping[str, Any] | None = None,
    moderation_wait_s: float | None = None,
) -> Reply:
    """Answer the latest user message of ``turn``, with the crisis layer.

    The keyword layer runs first; a crisis turn gets the careful crisis answer
    (offline: a fixed message; model: the crisis system prompt) and the contacts
    for the message's language. Otherwise, when the backend can moderate, the
    moderation request runs in parallel with the chat request and is awaited
    (at most ``moderation_wait_s``, default the config's moderation timeout) only
    when the first token is ready, so it costs no extra round trip; if it flags
    self-harm, the normal answer is dropped unseen and the crisis answer streams
    instead. Raises ChatError (from the call or while iterating ``chunks``),
    except in a crisis turn: if the model fails then, the fixed offline crisis
    message is streamed instead, so the user always gets the contacts.

    ``turn`` is the turn as the user left it: whether it is a crisis turn is
    decided here, so a turn already marked crisis is refused (ValueError).
    """
    if turn.crisis:
        raise ValueError("respond() decides the crisis layer; pass the turn unmarked")
    latest = turn.latest
    safety = assess(latest, turn.lang)
    resources = crisis_resources(safety.lang, crisis_overrides)
    crisis_turn = turn.as_crisis(resources)
    if safety.crisis:
        return Reply(_crisis_stream(backend, crisis_turn), safety, backend.name, resources)

    can_moderate = bool(getattr(backend, "moderation_enabled", False)) and bool(latest.strip())
    future = _executor().submit(backend.moderate, latest) if can_moderate else None
    started = time.monotonic()
    if moderation_wait_s is None:
        config = getattr(backend, "config", None)
        moderation_wait_s = float(getattr(config, "moderation_timeout_s", 3.0))
    deadline = started + moderation_wait_s
    try:
        chunks = backend.stream(turn)
    except ChatError:
        if future is None or not _flagged(future, deadline):
            raise
        # The model is failing, but moderation says this is a crisis turn.
        flagged = SafetyResult(True, safety.lang, "moderation", ("moderation",))
        return Reply(_crisis_stream(backend, crisis_turn), flagged, backend.name, resources)
    reply = Reply(chunks, safety, backend.name, resources)
    if future is not None:
        reply.chunks = _gated(reply, backend, chunks, future, deadline, crisis_turn)
    return reply


def _flagged(future: concurrent.futures.Future[bool | None], deadline: float) -> bool:
    """The moderation verdict, False on timeout or failure (never blocks the chat)."""
    try:
        return bool(future.result(timeout=max(0.0, deadline - time.monotonic())))
    except Exception:
        return False


def _crisis_stream(backend: ChatBackend, turn: Turn) -> Iterator[str]:
    """The answer to a crisis ``turn``; if the model fails, the fixed offline message.

    A crisis turn must always end with contacts the user can reach, so provider
    errors are logged, not raised, here.
    """
    produced = False
    try:
        for piece in backend.stream(turn):
            produced = True
            yield piece
    except ChatError as exc:
        log.warning("crisis answer from %s failed (%s); offline message", backend.name, exc.kind)
        fallback = OfflineResponder().reply(turn)
        yield f"\n\n{fallback}" if produced else fallback


def _gated(
    reply: Reply,
    backend: ChatBackend,
    chunks: Iterator[str],
    future: concurrent.futures.Future[bool | None],
    deadline: float,
    crisis_turn: Turn,
) -> Iterator[str]:
    """Hold the first chunk until moderation answered (or its time is up); if it
    flagged self-harm, drop the normal answer unseen and answer ``crisis_turn``."""
    failure: ChatError | None = None
    try:
        first = next(chunks, None)
    except ChatError as exc:
        first, failure = None, exc
    if _flagged(future, deadline):
        close = getattr(chunks, "close", None)
        if close is not None:
            close()
        reply.safety = SafetyResult(True, reply.safety.lang, "moderation", ("moderation",))
        yield from _crisis_stream(backend, crisis_turn)
        return
    if failure is not None:
        raise failure
    if first is not None:
        yield first
    yield from chunks


# -- one deadline for a whole reply -----------------------------------------------------


@dataclass(frozen=True)
class Waiting:
    """No new text yet; ``elapsed`` seconds since the reply was asked for."""

    elapsed: float


def with_deadline(
    produce: Callable[[], Iterable[str]],
    seconds: float,
    *,
    tick_s: float = 1.0,
) -> Iterator[str | Waiting]:
    """The chunks of ``produce()``, run in a worker thread, within ``seconds`` overall.

    The SDK's own timeout is per attempt and it retries, so a hung server made a
    person wait three timeouts (91.6 s measured) in front of an empty bubble.
    Here the whole reply, from the request to its last chunk, has one deadline:
    past it, ChatError("timeout") is raised. While no chunk arrives, a
    :class:`Waiting` is yielded every ``tick_s`` so the page can say it is still
    waiting (and notice a Cancel click). Errors of ``produce`` are re-raised
    here. Closing the iterator early (Cancel, a rerun) tells the worker to stop
    at its next chunk; a call stuck in the network ends with the SDK's timeout.
    """
    events: queue.Queue[tuple[str, Any]] = queue.Queue()
    stop = threading.Event()

    def work() -> None:
        try:
            for chunk in produce():
                if stop.is_set():
                    return
                events.put(("chunk", chunk))
            events.put(("done", None))
        except BaseException as exc:  # handed to the consumer, which re-raises it
            events.put(("error", exc))

    started = time.monotonic()
    deadline = started + seconds
    threading.Thread(target=work, name="chat-reply", daemon=True).start()
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise ChatError("timeout", detail=f"no complete reply within {seconds:g} s")
            try:
                kind, value = events.get(timeout=min(tick_s, left))
            except queue.Empty:
                yield Waiting(time.monotonic() - started)
                continue
            if kind == "chunk":
                yield value
            elif kind == "error":
                raise value
            else:
                return
    finally:
        stop.set()
