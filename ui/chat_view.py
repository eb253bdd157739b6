"""Rendering and actions of the Chat page (what it decides and stores: ``services.chat``).

One run of the page:

1. the emotion panel: the current mood (the latest saved reading, see
   ``services.moods``) with its emoji, and a picker that saves a new one;
2. the pending action, queued by a widget callback in the previous run (a message
   typed, a suggestion or the opening prompt clicked, Retry, New conversation,
   Clear history), is applied in one transaction (``services.chat.load``): the
   user's message is saved *before* the backend is called, so it is kept when the
   call fails;
3. the conversation is rendered, then the reply streams into the page (inert
   Markdown, see ``_md``) and is saved with the emotion, the backend's name and
   the crisis verdict it was written under;
4. an unanswered last message gets the error (if this session saw one) and a Retry
   button, which answers that message again without storing it twice.

Widgets only queue actions through callbacks (their arguments are fixed when the
widget is drawn), so what a click sends is exactly what the user saw.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any, Final

import streamlit as st

from core.capture import Mood
from core.chat import (
    ChatConfig,
    ChatError,
    OfflineResponder,
    OpenAIBackend,
    Reply,
    Turn,
    Waiting,
    is_offline,
    make_backend,
    respond,
    to_chat_error,
    with_deadline,
)
from core.emotions import EMOJI, EMOTIONS, label, with_emoji
from core.i18n import t
from core.markup import inert_markdown
from core.offline_responder import OFFLINE_NAME
from core.prompts import Suggestions, normalize_confidence, suggestions
from core.ratelimit import RateLimited
from core.safety import CrisisResource, ai_notice, crisis_resources, format_resources
from core.settings import Settings, get_settings
from db.limits import check_account
from db.types import utcnow
from services import chat as chat_service
from services.chat import NEW, ChatStore, DatabaseChats, Loaded, Message
from ui import limits, pages
from ui.emotion_state import AccountMoods, MoodStore
from ui.state import CurrentUser, browser_tz, db_errors, db_session, lang, tr

log = logging.getLogger(__name__)

EMOTION_PAGE: Final = pages.EMOTION
ASSISTANT_AVATAR: Final = None  # Streamlit's own assistant and user icons
USER_AVATAR: Final = None
BOT_ICON: Final = ":material/smart_toy:"
MAX_CHARS: Final = 2000
STREAM_REDRAW_S: Final = 0.08  # a streamed reply's bubble is redrawn at most this often

# Session state keys (widget keys included).
PENDING: Final = "chat_pending"  # ("send", text) | ("retry", conversation id)
ACTION: Final = "chat_action"  # "clear"
ERROR: Final = "chat_error"  # {"conversation": id, "key": i18n key} of the last failure
UNSENT: Final = "chat_unsent"  # (user id, text) that could not be saved (database down)
CONFIRM_CLEAR: Final = "chat_confirm_clear"
SUGGESTIONS: Final = "chat_suggestions"  # (signature, Suggestions)
EMOTION_PICK: Final = "chat_emotion_pick"
CONVERSATION_PICK: Final = "chat_conversation_pick"
INPUT: Final = "chat_input"


# --- the backend -----------------------------------------------------------------------


def chat_config(settings: Settings | None = None) -> ChatConfig:
    """The frozen chat configuration built from the settings."""
    settings = settings or get_settings()
    return ChatConfig(
        api_key=settings.openai_api_key,
        base_url=settings.openai_base_url,
        model=settings.openai_model,
        temperature=settings.openai_temperature,
        timeout_s=settings.openai_timeout_s,
        max_retries=settings.openai_max_retries,
        history_char_budget=settings.chat_history_chars,
        offline_delay_s=max(0.0, settings.chat_offline_delay_s),
    )


@st.cache_resource(show_spinner=False, max_entries=4)
def chat_backend(config: ChatConfig) -> OpenAIBackend | OfflineResponder:
    """One backend (and its HTTP connection pool) per configuration, for all sessions."""
    return make_backend(config)


def backend_name(name: str | None) -> str:
    """Display name of the backend that answered: the model, or the offline helper."""
    if not name or name == OFFLINE_NAME:
        return tr("chatpage.offline_name")
    return name


# --- small helpers ---------------------------------------------------------------------


def _when(moment: datetime, today: bool = False) -> str:
    local = moment.astimezone(browser_tz())
    return local.strftime("%H:%M" if today else "%Y-%m-%d %H:%M")


def _is_today(moment: datetime) -> bool:
    tz = browser_tz()
    return moment.astimezone(tz).date() == datetime.now(tz).date()


def _md(text: str) -> str:
    """User or model text as Markdown that forms no link and fetches no image.

    Formatting is kept; see :func:`core.markup.inert_markdown` for why.
    """
    return inert_markdown(text)


def _stream(chunks: Iterable[str | Waiting], *, waiting: bool = False) -> str:
    """Show the reply as it arrives, every state of it inert (``st.write_stream``
    would render the raw Markdown, images included); returns the whole text.

    With ``waiting``, the bubble says how long it has been waiting until the
    first text arrives (:class:`core.chat.Waiting` ticks).

    The bubble is redrawn at most every :data:`STREAM_REDRAW_S` (and once at the
    end): a model sends a word at a time, and redrawing the whole bubble per word
    made streamed replies the largest share of the server's script time with 20
    people chatting (README, *Capacity*); ~12 redraws a second read the same.
    """
    placeholder = st.empty()
    text = ""
    shown = ""
    last = 0.0
    for chunk in chunks:
        if isinstance(chunk, Waiting):
            if waiting and not text:
                placeholder.caption(f"⏳ {tr('chat.waiting', seconds=int(chunk.elapsed))}")
            continue
        text += str(chunk)
        now = time.monotonic()
        if now - last >= STREAM_REDRAW_S:
            placeholder.markdown(_md(text))
            shown, last = text, now
    if text != shown:
        placeholder.markdown(_md(text))
    return text


def _cancel_wait(conversation_id: int) -> None:
    st.session_state[ERROR] = {"conversation": conversation_id, "key": "chat.error.cancelled"}


def _conversation_key(user: CurrentUser) -> str:
    return f"chat_conversation_{user.id}"


# --- callbacks (run before the script; they only queue work) --------------------------


def _queue(text: str) -> None:
    st.session_state[PENDING] = ("send", text)


def _queue_typed() -> None:
    text = st.session_state.get(INPUT)
    if isinstance(text, str) and text.strip():
        st.session_state[PENDING] = ("send", text.strip()[:MAX_CHARS])


def _queue_retry(conversation_id: int) -> None:
    st.session_state[PENDING] = ("retry", conversation_id)


def _queue_unsent() -> None:
    unsent = st.session_state.pop(UNSENT, None)
    if unsent:
        st.session_state[PENDING] = ("send", unsent[1])


def _emotion_picked(moods: MoodStore) -> None:
    """Save the mood picked here: it is the current mood everywhere from now on."""
    choice = st.session_state.get(EMOTION_PICK)
    current = moods.current()
    if choice in EMOTIONS and (current is None or current.emotion != choice):
        moods.pick(choice)


def _new_conversation(key: str) -> None:
    st.session_state[key] = NEW
    st.session_state.pop(ERROR, None)
    st.session_state.pop(CONFIRM_CLEAR, None)


def _conversation_picked(key: str) -> None:
    choice = st.session_state.get(CONVERSATION_PICK)
    st.session_state[key] = choice if isinstance(choice, int) else NEW


def _ask_clear() -> None:
    st.session_state[CONFIRM_CLEAR] = True


def _cancel_clear() -> None:
    st.session_state.pop(CONFIRM_CLEAR, None)


def _confirm_clear() -> None:
    st.session_state.pop(CONFIRM_CLEAR, None)
    st.session_state[ACTION] = "clear"


# --- the emotion -----------------------------------------------------------------------


def emotion_panel(moods: MoodStore, capture_page: str = EMOTION_PAGE) -> Mood | None:
    """The current mood with its emoji, a link to capture one, and a picker."""
    context = moods.current()
    if context is not None and context.emotion not in EMOTIONS:
        context = None
    language = lang()
    with st.container(border=True):
        left, right = st.columns([3, 1], vertical_alignment="center")
        with left:
            if context is None:
                st.markdown(f"**{tr('chatpage.current')}:** —")
                st.caption(tr("chatpage.none"))
            else:
                name = _capitalized(label(context.emotion, language))
                st.markdown(
                    f"**{tr('chatpage.current')}:** "
                    f"<span style='font-size:1.6rem'>{EMOJI[context.emotion]}</span> "
                    f"**{name}**",
                    unsafe_allow_html=True,
                )
                st.caption(_source_line(context))
        with right:
            st.page_link(capture_page, label=tr("chatpage.capture_link"), icon="🎥")
        labels = {emotion: _capitalized(with_emoji(emotion, language)) for emotion in EMOTIONS}
        st.session_state[EMOTION_PICK] = context.emotion if context is not None else None
        st.segmented_control(
            tr("chatpage.pick" if context is None else "chatpage.change"),
            EMOTIONS,
            format_func=labels.__getitem__,
            key=EMOTION_PICK,
            on_change=_emotion_picked,
            args=(moods,),
        )
    return context


def _capitalized(text: str) -> str:
    """First letter upper-case ("😢 sad" -> "😢 Sad"); Hangul is unchanged."""
    for index, char in enumerate(text):
        if char.isalpha():
            return text[:index] + char.upper() + text[index + 1 :]
    return text


def _source_line(context: Mood) -> str:
    if context.picked:
        return tr("chatpage.source.manual")
    confidence = normalize_confidence(context.confidence)
    if confidence is None:
        return tr("chatpage.source.camera_plain")
    return tr("chatpage.source.camera", confidence=f"{round(confidence * 100)}%")


# --- loading and saving ----------------------------------------------------------------


def _load(
    user: CurrentUser,
    context: Mood | None,
    pending: tuple[str, Any] | None,
    store: ChatStore,
) -> Loaded | None:
    """Apply the queued action and read the conversation, in one transaction.

    Returns None when the database is unreachable (``db_errors`` showed why); a
    message that could not be saved is kept in ``UNSENT`` to send again.
    """
    key = _conversation_key(user)
    send = pending[1] if pending is not None and pending[0] == "send" else None
    loaded: Loaded | None = None
    with db_errors(), store.session() as session:
        loaded = chat_service.load(
            store,
            session,
            user.id,
            st.session_state.get(key),
            clear=st.session_state.pop(ACTION, None) == "clear",
            send=send,
            emotion=context.emotion if context is not None else None,
            check_limit=lambda s: _rate_limited(s, user, store),
        )
    if loaded is None:
        if send is not None:
            st.session_state[UNSENT] = (user.id, send)
        return None
    st.session_state[key] = loaded.conversation_id
    if loaded.cleared:
        st.session_state.pop(ERROR, None)
    if loaded.limited is not None:
        # Not saved, not lost: the text waits under "send again" with the reason.
        st.warning(limits.message(loaded.limited), icon="⏳")
        st.session_state[UNSENT] = (user.id, send)
    elif loaded.sent:
        st.session_state.pop(UNSENT, None)
    return loaded


def _rate_limited(session: Any, user: CurrentUser, store: ChatStore) -> RateLimited | None:
    """Whether one more message would exceed this session's or the account's limit."""
    ceiling = limits.limit("chat")
    now = utcnow()
    try:
        counter = limits.session_counter()
        counter.check("chat", ceiling, now)
        if isinstance(store, DatabaseChats):
            check_account(session, "chat", user.id, ceiling, now)
    except RateLimited as exc:
        return exc
    counter.record("chat", now)
    return None


# --- rendering -------------------------------------------------------------------------


def conversation_bar(user: CurrentUser, loaded: Loaded) -> None:
    key = _conversation_key(user)
    options = [NEW, *(c.id for c in loaded.conversations)]
    untitled = tr("chatpage.untitled")
    labels = {NEW: tr("chatpage.conversation_new")} | {
        c.id: f"{' '.join(c.title.split())[:48] or untitled} · {_when(c.updated_at)}"
        for c in loaded.conversations
    }
    active = loaded.conversation_id if loaded.conversation_id in options else NEW
    st.session_state[CONVERSATION_PICK] = active
    pick, new, clear = st.columns([3, 1.6, 1.4], vertical_alignment="bottom")
    pick.selectbox(
        tr("chatpage.conversation"),
        options,
        format_func=labels.__getitem__,
        key=CONVERSATION_PICK,
        on_change=_conversation_picked,
        args=(key,),
    )
    new.button(
        tr("chatpage.new"),
        key="chat_new",
        icon="✨",
        on_click=_new_conversation,
        args=(key,),
        use_container_width=True,
    )
    clear.button(
        tr("chatpage.clear"),
        key="chat_clear",
        icon="🗑️",
        on_click=_ask_clear,
        disabled=not loaded.conversations,
        use_container_width=True,
    )
    if st.session_state.get(CONFIRM_CLEAR):
        with st.container(border=True):
            st.warning(tr("chatpage.clear_confirm"), icon="⚠️")
            with st.container(horizontal=True):
                st.button(
                    tr("chatpage.clear_yes"),
                    key="chat_clear_yes",
                    type="primary",
                    on_click=_confirm_clear,
                )
                st.button(tr("common.cancel"), key="chat_clear_no", on_click=_cancel_clear)


def crisis_box(resources: tuple[CrisisResource, ...], language: str) -> None:
    """The crisis contacts, prominent, in the language of the user's message."""
    st.error(
        f"**{t('safety.crisis_title', language)}**\n\n"
        f"{t('safety.resources_heading', language)}:\n\n"
        f"{format_resources(resources)}\n\n"
        f"{t('safety.emergency', language)}",
        icon="🆘",
    )


def _user_caption(message: Message) -> str:
    parts = []
    if message.emotion in EMOTIONS:
        parts.append(with_emoji(message.emotion, lang()))
    parts.append(_when(message.created_at, _is_today(message.created_at)))
    return " · ".join(parts)


def _assistant_caption(backend: str | None, moment: datetime | None) -> str:
    text = f"{BOT_ICON} {tr('chatpage.answered_by', name=backend_name(backend))}"
    if moment is not None:
        text += f" · {_when(moment, _is_today(moment))}"
    return text


def _fresh_suggestions(emotion: str | None, loaded: Loaded | None) -> Suggestions:
    """A new set of suggestions, avoiding prompts already sent in this conversation.

    Nine topics make room for a few rounds; after that a repeat is allowed.
    """
    asked = {m.content for m in loaded.messages if m.role == "user"} if loaded else set()
    rng = random.Random()  # noqa: S311 - variety, not security
    offered = suggestions(emotion, lang(), rng, count=3)
    for _ in range(12):
        if not ({item.prompt for item in offered.items} | {offered.opening}) & asked:
            break
        offered = suggestions(emotion, lang(), rng, count=3)
    return offered


def show_messages(messages: list[Message]) -> None:
    overrides = get_settings().crisis_resources
    for message in messages:
        if message.role == "user":
            with st.chat_message("user", avatar=USER_AVATAR):
                st.markdown(_md(message.content))
                st.caption(_user_caption(message))
            continue
        with st.chat_message("assistant", avatar=ASSISTANT_AVATAR):
            st.markdown(_md(message.content))
            st.caption(_assistant_caption(message.backend, message.created_at))
            if message.crisis_lang is not None:  # the verdict stored with the reply
                language = message.crisis_lang
                crisis_box(crisis_resources(language, overrides), language)


def _failure(conversation_id: int, message_key: str | None) -> None:
    """The error of the last attempt (or "no reply yet") and a Retry button."""
    if message_key:
        st.error(f"{tr(message_key)} {tr('chat.error.kept_message')}", icon="⚠️")
    else:
        st.info(tr("chatpage.no_reply"), icon="💬")
    st.button(
        tr("chat.retry"),
        key="chat_retry",
        icon="🔄",
        type="primary",
        on_click=_queue_retry,
        args=(conversation_id,),
    )


def answer(
    user: CurrentUser,
    loaded: Loaded,
    context: Mood | None,
    backend: OpenAIBackend | OfflineResponder,
    store: ChatStore,
) -> Message | None:
    """Stream the reply to the conversation's last (user) message and save it."""
    emotion = context.emotion if context is not None else None
    confidence = context.confidence if context is not None else None
    history = [{"role": m.role, "content": m.content} for m in loaded.messages]
    language = lang()
    overrides = get_settings().crisis_resources
    made: list[Reply] = []

    def produce() -> Iterator[str]:  # runs in with_deadline's worker: no st.* here
        reply = respond(
            backend,
            Turn(history, emotion=emotion, confidence=confidence, lang=language),
            crisis_overrides=overrides,
        )
        made.append(reply)
        yield from reply.chunks

    with st.chat_message("assistant", avatar=ASSISTANT_AVATAR):
        # A click reruns the page, which ends this run (and the wait) at once;
        # the message stays, unanswered, with the reason and a Retry button.
        cancel = st.empty()
        cancel.button(
            tr("chat.cancel"),
            key="chat_cancel",
            icon="✋",
            on_click=_cancel_wait,
            args=(loaded.conversation_id,),
        )
        try:
            streamed = _stream(
                with_deadline(produce, get_settings().chat_reply_deadline_s), waiting=True
            )
            reply = made[0]
        except Exception as exc:
            cancel.empty()
            error = exc if isinstance(exc, ChatError) else to_chat_error(exc)
            if isinstance(exc, ChatError):
                log.warning("chat reply failed: %s (%s)", error.kind, error.detail)
            else:
                log.exception("chat reply failed unexpectedly")
            st.session_state[ERROR] = {
                "conversation": loaded.conversation_id,
                "key": error.message_key,
            }
            _failure(loaded.conversation_id, error.message_key)
            return None
        cancel.empty()
        text = streamed
        st.session_state.pop(ERROR, None)
        st.caption(_assistant_caption(reply.backend, None))
        if reply.crisis:
            crisis_box(reply.resources, reply.safety.lang)
    saved: Message | None = None
    with db_errors(), store.session() as session:
        saved = chat_service.save_reply(
            store,
            session,
            user.id,
            loaded.conversation_id,
            text=text,
            emotion=emotion,
            backend=reply.backend,
            crisis_lang=reply.safety.lang if reply.crisis else None,
        )
    return saved


def suggestion_area(context: Mood | None, loaded: Loaded | None) -> None:
    """A few clickable suggestion chips and one ready-made opening prompt."""
    emotion = context.emotion if context is not None else None
    count = len(loaded.messages) if loaded is not None else 0
    signature = (emotion, lang(), loaded.conversation_id if loaded else None, count)
    cached = st.session_state.get(SUGGESTIONS)
    if cached is None or cached[0] != signature:
        cached = (signature, _fresh_suggestions(emotion, loaded))
        st.session_state[SUGGESTIONS] = cached
    offered: Suggestions = cached[1]
    empty = count == 0
    if empty:
        st.caption(tr("chatpage.empty"))
    with st.container(horizontal=True, vertical_alignment="center"):
        st.markdown(f"**{tr('chat.suggestions')}**")
        for index, item in enumerate(offered.items):
            st.button(
                item.label,
                key=f"chat_chip_{index}",
                help=item.prompt,
                on_click=_queue,
                args=(item.prompt,),
            )
    with st.container(horizontal=True, vertical_alignment="center"):
        st.markdown(f"**{tr('chatpage.opening')}**")
        st.button(
            offered.opening,
            key="chat_opening",
            icon="▶️",
            type="primary" if empty else "secondary",
            on_click=_queue,
            args=(offered.opening,),
        )


# --- the page --------------------------------------------------------------------------


def show_chat_page(
    user: CurrentUser,
    *,
    store: ChatStore | None = None,
    moods: MoodStore | None = None,
    capture_page: str = EMOTION_PAGE,
    history: bool = True,
) -> None:
    """The whole Chat page.

    The kiosk passes a memory ``store`` and ``moods``, its own capture page, and
    ``history=False`` (one conversation per visit: no conversation picker, New or Clear).
    """
    store = store if store is not None else DatabaseChats(db_session)
    moods = moods if moods is not None else AccountMoods(user.id)
    st.title(f"💬 {tr('chat.title')}")
    st.info(ai_notice(lang()), icon=BOT_ICON)
    context = emotion_panel(moods, capture_page)

    config = chat_config()
    backend = chat_backend(config)
    st.caption(
        f"⚙️ {tr('chat.backend_offline')}"
        if is_offline(backend)
        else f"⚙️ {tr('chat.backend_model', model=backend.name)}"
    )

    pending = st.session_state.pop(PENDING, None)
    loaded = _load(user, context, pending, store)
    if loaded is not None:
        if history:
            conversation_bar(user, loaded)
        if loaded.cleared:
            st.success(tr("chatpage.cleared"), icon="🗑️")
        show_messages(loaded.messages)
        waiting = chat_service.awaiting_reply(loaded.messages)
        retry_here = (
            pending is not None and pending[0] == "retry" and pending[1] == loaded.conversation_id
        )
        if waiting and pending is not None and (pending[0] == "send" or retry_here):
            if (saved := answer(user, loaded, context, backend, store)) is not None:
                loaded.messages.append(saved)
        elif waiting:
            error = st.session_state.get(ERROR)
            key = (
                error["key"]
                if error and error.get("conversation") == loaded.conversation_id
                else None
            )
            with st.chat_message("assistant", avatar=ASSISTANT_AVATAR):
                _failure(loaded.conversation_id, key)

    unsent = st.session_state.get(UNSENT)
    if unsent and unsent[0] == user.id:
        with st.container(border=True):
            st.warning(tr("chatpage.unsent", text=_md(unsent[1])), icon="✉️")
            st.button(tr("chatpage.send_again"), key="chat_send_again", on_click=_queue_unsent)

    if loaded is None or not chat_service.in_crisis(loaded.messages, lang()):
        suggestion_area(context, loaded)
    st.chat_input(
        tr("chat.input_placeholder"), key=INPUT, max_chars=MAX_CHARS, on_submit=_queue_typed
    )
