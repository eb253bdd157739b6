"""The Chat page through AppTest, on SQLite and PostgreSQL.

Offline default, one-click suggestions, history across sessions, new conversation,
clear history, the emotion picker, crisis resources in both languages, provider
errors with Retry against the local OpenAI-compatible server, owner scoping and a
database outage.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker
from streamlit.testing.v1 import AppTest

from db import chats
from db.models import ChatMessage, Conversation
from services.moods import current as current_mood
from tests.factories import make_token, make_user, save_reading
from tests.pages.conftest import log_in, texts
from tests.support.fake_openai import FakeOpenAI

pytest_plugins = ["tests.support.chat_fixtures"]

CHAT = "app_pages/chat.py"


@pytest.fixture(autouse=True)
def _no_streaming_pause(monkeypatch: pytest.MonkeyPatch) -> None:
    """The offline helper pauses between chunks for the eye; tests don't need it."""
    monkeypatch.setenv("CHAT_OFFLINE_DELAY_S", "0")


@pytest.fixture
def people(session_factory: sessionmaker[Session]) -> dict[str, tuple]:
    with session_factory.begin() as s:
        me, other = make_user(s, "talker"), make_user(s, "stranger")
        return {"me": (me, make_token(s, me)), "other": (other, make_token(s, other))}


@pytest.fixture
def open_chat(
    make_app: Callable[..., AppTest], people, session_factory: sessionmaker[Session]
) -> Callable[..., AppTest]:
    def factory(
        who: str = "me",
        lang: str = "en",
        emotion: str | None = "sad",
        confidence: float = 0.87,
    ) -> AppTest:
        """The Chat page after a login; ``emotion``: a reading saved before (the current mood)."""
        if emotion is not None:
            with session_factory.begin() as s:
                save_reading(s, s.merge(people[who][0]), emotion, confidence)
        at = make_app(lang)
        log_in(at, *people[who])
        at.run()
        at.switch_page(CHAT).run()
        assert not at.exception, at.exception
        return at

    return factory


@pytest.fixture
def online(
    fake_openai: FakeOpenAI, monkeypatch: pytest.MonkeyPatch, app_env: str
) -> Iterator[FakeOpenAI]:
    """Point the app at the local OpenAI-compatible server (no SDK retries)."""
    import streamlit as st

    from core.settings import get_settings

    monkeypatch.setenv("OPENAI_BASE_URL", fake_openai.url)
    monkeypatch.setenv("OPENAI_MODEL", "fake-model")
    monkeypatch.setenv("OPENAI_MAX_RETRIES", "0")
    monkeypatch.setenv("OPENAI_TIMEOUT_S", "5")
    get_settings.cache_clear()
    st.cache_resource.clear()
    yield fake_openai


def _button(at: AppTest, label: str):
    return next(b for b in at.button if b.label == label)


def _send(at: AppTest, text: str) -> AppTest:
    at.chat_input(key="chat_input").set_value(text).run()
    assert not at.exception, at.exception
    return at


def _bubbles(at: AppTest) -> list[tuple[str, str]]:
    """(role, first markdown) of every chat bubble, in page order."""
    out = []
    for message in at.chat_message:
        body = [m.value for m in message.markdown]
        out.append((message.name, body[0] if body else ""))
    return out


def _stored(session_factory, user) -> list[tuple[str, str, str | None, str | None]]:
    with session_factory() as s:
        rows = s.scalars(
            select(ChatMessage)
            .where(ChatMessage.user_id == user.id)
            .order_by(ChatMessage.created_at, ChatMessage.id)
        )
        return [(m.role, m.content, m.emotion, m.backend) for m in rows]


def test_offline_default_answers_and_says_so(open_chat, people, session_factory) -> None:
    at = open_chat()
    assert at.title[0].value.endswith("Talk about it")
    page = texts(at)
    assert "not a counsellor or therapist" in page
    assert "offline helper" in page
    assert "Sad" in page and "87%" in page
    _send(at, "What exercise will help me?")
    bubbles = _bubbles(at)
    assert bubbles[0] == ("user", "What exercise will help me?")
    assert bubbles[1][0] == "assistant" and len(bubbles[1][1]) > 40
    assert "Answered by offline helper" in texts(at)
    stored = _stored(session_factory, people["me"][0])
    assert [r[0] for r in stored] == ["user", "assistant"]
    assert stored[0][2] == "sad" and stored[1][2] == "sad"
    assert stored[1][3] == "offline"


def test_korean_page(open_chat) -> None:
    at = open_chat(lang="ko")
    assert at.title[0].value.endswith("감정 대화")
    page = texts(at)
    assert "상담사나 치료사가 아니며" in page
    assert "오프라인 도우미" in page
    assert "슬픔" in page and "확신도 87%" in page
    _send(at, "어떤 운동을 하면 도움이 될까요?")
    reply = _bubbles(at)[1][1]
    assert any("\uac00" <= ch <= "\ud7a3" for ch in reply)
    assert "답변: 오프라인 도우미" in texts(at)


def test_a_suggestion_click_sends_its_prompt_and_stores_both(
    open_chat, people, session_factory
) -> None:
    at = open_chat()
    chip = at.button(key="chat_chip_0")
    prompt = chip.help
    assert prompt.startswith("I'm feeling sad now.")
    chip.click().run()
    assert not at.exception
    assert _bubbles(at)[0] == ("user", prompt)
    stored = _stored(session_factory, people["me"][0])
    assert [(r[0], r[1] if r[0] == "user" else "") for r in stored] == [
        ("user", prompt),
        ("assistant", ""),
    ]
    # The ready-made opening prompt is one click too.
    opening = at.button(key="chat_opening")
    sent = opening.label
    assert sent.startswith("I'm feeling sad now.") and sent != prompt
    opening.click().run()
    assert [b[1] for b in _bubbles(at) if b[0] == "user"] == [prompt, sent]
    assert len(_stored(session_factory, people["me"][0])) == 4


def test_history_comes_back_in_a_new_session(open_chat, people, session_factory) -> None:
    at = open_chat()
    _send(at, "first thing")
    _send(at, "second thing")
    first = _bubbles(at)
    assert [b[1] for b in first if b[0] == "user"] == ["first thing", "second thing"]
    again = open_chat()  # a new browser session of the same user
    assert _bubbles(again) == first
    assert again.selectbox(key="chat_conversation_pick").value != 0


def test_new_conversation_and_switching_back(open_chat, people, session_factory) -> None:
    at = open_chat()
    _send(at, "old topic")
    at.button(key="chat_new").click().run()
    assert _bubbles(at) == []
    _send(at, "new topic")
    assert [b[1] for b in _bubbles(at) if b[0] == "user"] == ["new topic"]
    with session_factory() as s:
        assert s.scalar(select(func.count(Conversation.id))) == 2
    picker = at.selectbox(key="chat_conversation_pick")
    assert len(picker.options) == 3  # new + two conversations
    old = next(c for c in picker.options if c.startswith("old topic"))
    picker.select(old).run()
    assert [b[1] for b in _bubbles(at) if b[0] == "user"] == ["old topic"]
    # Coming back later opens the latest conversation.
    assert [b[1] for b in _bubbles(open_chat()) if b[0] == "user"] == ["new topic"]


def test_clear_history_asks_first(open_chat, people, session_factory) -> None:
    at = open_chat()
    _send(at, "something to forget")
    at.button(key="chat_clear").click().run()
    assert "can't be undone" in texts(at)
    at.button(key="chat_clear_no").click().run()
    assert "can't be undone" not in texts(at)
    assert len(_stored(session_factory, people["me"][0])) == 2
    at.button(key="chat_clear").click().run()
    at.button(key="chat_clear_yes").click().run()
    assert not at.exception
    assert _bubbles(at) == []
    assert "Your chat history is deleted." in texts(at)
    assert _stored(session_factory, people["me"][0]) == []
    with session_factory() as s:
        assert s.scalar(select(func.count(Conversation.id))) == 0


def test_emotion_picker_when_none_captured(open_chat, people, session_factory) -> None:
    at = open_chat(emotion=None)
    assert "No expression captured yet" in texts(at)
    assert any(link.label == "Read my expression" for link in at.get("page_link"))
    picker = at.segmented_control(key="chat_emotion_pick")
    assert picker.value is None and len(picker.options) == 7
    picker.set_value("happy").run()
    with session_factory() as s:
        mood = current_mood(s, people["me"][0].id)
    assert (mood.emotion, mood.confidence, mood.source) == ("happy", None, "picked")
    assert "Happy" in texts(at) and "Chosen by you" in texts(at)
    assert at.button(key="chat_opening").label.startswith("I'm feeling happy now.")
    _send(at, "hi")
    assert _stored(session_factory, people["me"][0])[0][2] == "happy"


def test_the_captured_emotion_can_be_changed(open_chat, people, session_factory) -> None:
    at = open_chat(emotion="sad")
    picker = at.segmented_control(key="chat_emotion_pick")
    assert picker.value == "sad"
    picker.set_value("angry").run()
    with session_factory() as s:
        assert current_mood(s, people["me"][0].id).emotion == "angry"
    assert at.segmented_control(key="chat_emotion_pick").value == "angry"
    assert "Angry" in texts(at)


def test_after_logging_in_again_chat_shows_the_last_saved_reading(
    open_chat, make_app, people
) -> None:
    """The mood is the latest saved reading, not session memory: a new login keeps it."""
    first = open_chat(emotion="sad", confidence=0.74)
    assert "Sad" in texts(first) and "74%" in texts(first)
    assert "No expression captured yet" not in texts(first)
    assert first.button(key="chat_opening").label.startswith("I'm feeling sad now.")

    first.segmented_control(key="chat_emotion_pick").set_value("surprise").run()
    again = make_app("en")  # a new browser session: a reload, a new tab, a new login
    log_in(again, *people["me"])
    again.run()
    again.switch_page(CHAT).run()
    assert not again.exception
    assert again.segmented_control(key="chat_emotion_pick").value == "surprise"
    assert "Chosen by you" in texts(again)
    assert again.button(key="chat_opening").label.startswith(
        "I'm feeling surprise now."
    )  # the original's raw label


@pytest.mark.parametrize(
    ("lang", "message", "expected"),
    [
        ("en", "I want to kill myself", ("988", "People you can talk to right now")),
        ("ko", "요즘 너무 힘들어서 죽고 싶어", ("109", "자살예방상담전화")),
    ],
)
def test_a_crisis_message_shows_the_resources(
    open_chat, lang: str, message: str, expected: tuple[str, str]
) -> None:
    at = open_chat(lang=lang)
    _send(at, message)
    boxes = [e.value for e in at.error if e.icon == "🆘"]
    assert len(boxes) == 1
    assert all(part in boxes[0] for part in expected)
    # No cheerful suggestions right after a crisis turn.
    assert not [b for b in at.button if (b.key or "").startswith("chat_chip_")]
    # Still there after a reload of the page.
    again = open_chat(lang=lang)
    assert any(all(part in e.value for part in expected) for e in again.error)


def test_a_near_miss_shows_no_resources(open_chat) -> None:
    at = open_chat()
    _send(at, "This heat is killing me, I could kill for an ice cream")
    assert not [e for e in at.error if e.icon == "🆘"]


def test_the_model_answers_with_the_emotion_and_the_history(
    online: FakeOpenAI, open_chat, people, session_factory
) -> None:
    at = open_chat()
    assert "Answered by fake-model" in texts(at)
    _send(at, "Hello")
    assert _bubbles(at)[1] == (
        "assistant",
        '[fake model] I read the emotion sad (87%). You said: "Hello". '
        "Take one slow breath with me.",
    )
    _send(at, "And then?")
    sent = [(m["role"], m["content"]) for m in online.last_chat.messages if m["role"] != "system"]
    assert [r for r, _ in sent] == ["user", "assistant", "user"]
    assert sent[0][1] == "Hello" and sent[2][1] == "And then?"
    assert online.last_chat.json["model"] == "fake-model"
    assert _stored(session_factory, people["me"][0])[1][3] == "fake-model"


@pytest.mark.parametrize(
    ("status", "message"),
    [
        (401, "The AI service rejected the credentials"),
        (500, "The AI service had an error"),  # it answered: not "unreachable"
        (429, "Too many requests right now"),
    ],
)
def test_a_provider_error_keeps_the_message_and_retry_answers_it(
    online: FakeOpenAI, open_chat, people, session_factory, status: int, message: str
) -> None:
    online.fail(status)
    at = open_chat()
    _send(at, "Are you there?")
    assert not at.exception
    errors = [e.value for e in at.error]
    assert any(message in e and "Your message is kept." in e for e in errors)
    stored = _stored(session_factory, people["me"][0])
    assert [(r[0], r[1]) for r in stored] == [("user", "Are you there?")]
    # The error and Retry survive a rerun (e.g. another widget).
    at.run()
    assert any(message in e.value for e in at.error)
    # The server is fixed; Retry answers the same message without storing it again.
    at.button(key="chat_retry").click().run()
    assert not at.exception
    assert not [e for e in at.error if message in e.value]
    assert "[fake model]" in _bubbles(at)[-1][1]
    stored = _stored(session_factory, people["me"][0])
    assert [r[0] for r in stored] == ["user", "assistant"]
    assert [r[1] for r in stored if r[0] == "user"] == ["Are you there?"]
    assert len(online.chat_requests) == 2


def test_an_unanswered_message_offers_retry_in_a_later_session(
    online: FakeOpenAI, open_chat, people, session_factory
) -> None:
    online.fail(500)
    _send(open_chat(), "hello?")
    at = open_chat()
    assert "This message has no reply yet." in texts(at)
    at.button(key="chat_retry").click().run()
    assert [r[0] for r in _stored(session_factory, people["me"][0])] == ["user", "assistant"]


def test_a_user_cannot_see_another_users_conversation(open_chat, people, session_factory) -> None:
    mine = open_chat()
    _send(mine, "my private worry")
    with session_factory() as s:
        my_conversation = chats.latest_conversation(s, people["me"][0].id).id
    theirs = open_chat("other")
    assert _bubbles(theirs) == []
    assert "my private worry" not in texts(theirs)
    # A forged conversation id in session state finds nothing either.
    other_id = people["other"][0].id
    theirs.session_state[f"chat_conversation_{other_id}"] = my_conversation
    theirs.run()
    assert _bubbles(theirs) == []
    _send(theirs, "hello")
    with session_factory() as s:
        kept = chats.messages(s, people["me"][0].id, my_conversation)
        assert [m.content for m in kept if m.role == "user"] == ["my private worry"]
        assert len(kept) == 2
    assert [r[1] for r in _stored(session_factory, people["other"][0]) if r[0] == "user"] == [
        "hello"
    ]


def test_database_down_shows_a_message_not_a_traceback(
    open_chat, people, session_factory, app_env: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import streamlit as st

    from core.settings import get_settings

    at = open_chat()
    monkeypatch.setenv("DATABASE_URL", "postgresql://nobody@127.0.0.1:1/none")
    get_settings.cache_clear()
    st.cache_resource.clear()
    _send(at, "are you saving this?")
    assert not at.exception
    assert any("database can't be reached" in e.value for e in at.error)
    assert "are you saving this?" in texts(at)  # offered to send again
    # The database is back: one click sends it.
    monkeypatch.setenv("DATABASE_URL", app_env)
    get_settings.cache_clear()
    st.cache_resource.clear()
    at.button(key="chat_send_again").click().run()
    assert not at.exception
    stored = _stored(session_factory, people["me"][0])
    assert [r[:2] for r in stored[:1]] == [("user", "are you saving this?")]
    assert [b[0] for b in _bubbles(at)] == ["user", "assistant"]
    assert "Not sent" not in texts(at)
