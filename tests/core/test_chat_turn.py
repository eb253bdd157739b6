"""The Turn record: one value for everything a chat reply depends on."""

from __future__ import annotations

import dataclasses
import random
from types import SimpleNamespace

import pytest

import core.chat
from core.chat import ChatConfig, Turn, Utterance, build_messages, make_backend, respond
from core.chat_turn import as_utterances
from core.offline_responder import OfflineResponder
from core.safety import CrisisResource, crisis_resources


def test_history_is_coerced_once_to_a_tuple_of_utterances():
    stored_row = SimpleNamespace(role="assistant", content="Hello again.")
    turn = Turn(
        [
            {"role": "system", "content": "kept out"},
            {"role": "user", "content": "hi"},
            stored_row,
            Utterance("user", "recommend a song"),
        ],
        emotion="sad",
        confidence=0.8,
        lang="ko",
    )
    assert turn.history == (
        Utterance("user", "hi"),
        Utterance("assistant", "Hello again."),
        Utterance("user", "recommend a song"),
    )
    assert isinstance(turn.history, tuple)
    assert turn.latest == "recommend a song"
    assert (turn.emotion, turn.confidence, turn.lang) == ("sad", 0.8, "ko")
    assert not turn.crisis and turn.resources is None


def test_a_turn_is_frozen_and_compares_by_value():
    turn = Turn([{"role": "user", "content": "hi"}], emotion="happy", lang="en")
    with pytest.raises(dataclasses.FrozenInstanceError):
        turn.emotion = "sad"  # type: ignore[misc]
    assert turn == Turn([Utterance("user", "hi")], emotion="happy", lang="en")
    assert hash(turn) == hash(Turn([Utterance("user", "hi")], emotion="happy", lang="en"))


def test_latest_is_the_last_user_message_or_empty():
    assert Turn().latest == ""
    assert Turn([Utterance("assistant", "How are you?")]).latest == ""
    history = [Utterance("user", "first"), Utterance("user", "second")]
    assert Turn([*history, Utterance("assistant", "ok")]).latest == "second"


def test_as_crisis_is_a_new_turn_with_its_contacts():
    turn = Turn([Utterance("user", "hi")], emotion="sad", confidence=0.5, lang="en")
    contacts = [CrisisResource("Campus Care Line", "555-0100", "24/7")]
    crisis = turn.as_crisis(contacts)
    assert crisis.crisis and crisis.resources == tuple(contacts)
    assert not turn.crisis and turn.resources is None  # the original is unchanged
    assert (crisis.history, crisis.emotion, crisis.confidence, crisis.lang) == (
        turn.history,
        turn.emotion,
        turn.confidence,
        turn.lang,
    )
    assert turn.as_crisis().resources is None  # None: the language's defaults


def test_utterance_rules():
    with pytest.raises(ValueError):
        Utterance("system", "no")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Utterance("user", None)  # type: ignore[arg-type]
    assert Utterance("user", "x").to_dict() == {"role": "user", "content": "x"}
    assert as_utterances([{"role": "tool", "content": "x"}]) == []


def test_only_the_orm_model_is_called_chat_message():
    assert not hasattr(core.chat, "ChatMessage")
    assert not hasattr(core.chat, "as_messages")


def test_the_crisis_variant_drives_the_prompt_and_the_offline_message():
    contacts = (CrisisResource("Campus Care Line", "555-0100", "24/7"),)
    turn = Turn([Utterance("user", "hello")], emotion="sad", confidence=0.5, lang="en")
    assert build_messages(turn)[0]["content"].startswith("You are the companion")
    system = build_messages(turn.as_crisis(contacts))[0]["content"]
    assert system.startswith("[crisis]") and "Campus Care Line: 555-0100 (24/7)" in system
    defaults = build_messages(turn.as_crisis())[0]["content"]  # the UI language's contacts
    assert all(str(r) in defaults for r in crisis_resources("en"))
    offline = OfflineResponder(random.Random(1))
    assert "555-0100" in offline.reply(turn.as_crisis(contacts))
    korean = Turn([Utterance("user", "너무 힘들어")], lang="en").as_crisis()
    assert all(r.contact in offline.reply(korean) for r in crisis_resources("ko"))


def test_the_same_turn_gives_the_same_offline_reply_from_dicts_or_utterances():
    dicts = [{"role": "user", "content": "recommend a movie"}]
    a = OfflineResponder(random.Random(3)).reply(Turn(dicts, emotion="fear", lang="en"))
    b = OfflineResponder(random.Random(3)).reply(
        Turn([Utterance("user", "recommend a movie")], emotion="fear", lang="en")
    )
    assert a == b


def test_respond_decides_the_crisis_layer_itself():
    backend = make_backend(ChatConfig())
    marked = Turn([Utterance("user", "hi")], lang="en").as_crisis()
    with pytest.raises(ValueError):
        respond(backend, marked)
