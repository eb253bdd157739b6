"""The OpenAI backend against a real local OpenAI-compatible HTTP server."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import openai
import pytest

from core.chat import (
    PLACEHOLDER_API_KEY,
    ChatBackend,
    ChatConfig,
    ChatError,
    OpenAIBackend,
    Turn,
    Utterance,
    build_client,
    build_messages,
    make_backend,
    openai_client,
    respond,
    to_chat_error,
    trim_history,
)
from tests.support.fake_openai import MODERATIONS, Behavior, FakeOpenAI, default_reply

pytest_plugins = ["tests.support.chat_fixtures"]

ROOT = Path(__file__).resolve().parents[2]
FAST = 2.0  # seconds: every error path must surface well before this


def conversation() -> list[Utterance]:
    return [
        Utterance("user", "I'm feeling sad now. What do I need?"),
        Utterance("assistant", "Rest and warmth, maybe."),
        Utterance("user", "Any song for tonight?"),
    ]


def stream_text(backend, messages=None, **kwargs) -> list[str]:
    options = {"emotion": "sad", "confidence": 0.87, "lang": "en", **kwargs}
    return list(backend.stream(Turn(messages or conversation(), **options)))


# -- the request -----------------------------------------------------------------------


def test_request_carries_model_system_prompt_and_history(backend, fake_openai):
    chunks = stream_text(backend)
    request = fake_openai.last_chat
    body = request.json
    assert request.path == "/v1/chat/completions"
    assert body["model"] == "test-model"
    assert body["stream"] is True
    assert body["temperature"] == 0.7
    assert request.headers["authorization"] == "Bearer sk-test-key"
    messages = body["messages"]
    assert messages[0]["role"] == "system"
    assert "Detected emotion: sad (confidence 87%)" in messages[0]["content"]
    assert [(m["role"], m["content"]) for m in messages[1:]] == [
        (m.role, m.content) for m in conversation()
    ]
    assert "".join(chunks) == default_reply(body)
    assert "sad (87%)" in "".join(chunks)


def test_korean_ui_system_prompt(backend, fake_openai):
    stream_text(backend, lang="ko", emotion="fear", confidence=0.42)
    system = fake_openai.last_chat.system_prompt
    assert "Detected emotion: fear (confidence 42%)" in system
    assert "Korean" in system and "한국어" in system


def test_streaming_yields_many_chunks_in_order_as_they_arrive(backend, fake_openai):
    fake_openai.chunk_delay_s = 0.02
    started = time.perf_counter()
    stream = backend.stream(Turn(conversation(), emotion="happy", confidence=0.5, lang="en"))
    arrivals, chunks = [], []
    for chunk in stream:
        arrivals.append(time.perf_counter() - started)
        chunks.append(chunk)
    expected = default_reply(fake_openai.last_chat.json)
    assert len(chunks) > 10
    assert "".join(chunks) == expected
    assert chunks[0] == expected.split(" ")[0] + " "
    # The first token is available long before the last one: real streaming.
    assert arrivals[-1] - arrivals[0] > 0.02 * (len(chunks) - 2) * 0.8


def test_history_is_bounded_by_the_budget(fake_openai, chat_config):
    config = ChatConfig(**{**chat_config.__dict__, "history_char_budget": 1000})
    backend = OpenAIBackend(config, client=build_client(config))
    history = []
    for i in range(40):
        history.append(Utterance("user", f"user message {i} " + "x" * 80))
        history.append(Utterance("assistant", f"assistant message {i} " + "y" * 80))
    history.append(Utterance("user", "the latest question"))
    stream_text(backend, history)
    sent = fake_openai.last_chat.messages[1:]
    assert sum(len(m["content"]) for m in sent) <= 1000
    assert sent[-1] == {"role": "user", "content": "the latest question"}
    assert sent[0]["role"] == "user"
    # The newest messages are the ones kept, contiguous and in order.
    tail = [m.to_dict() for m in history[-len(sent) :]]
    assert sent == tail
    assert len(sent) >= 8


def test_trim_history_rules():
    big = Utterance("user", "z" * 500)
    assert trim_history([big], 100) == [big]  # the latest user message always goes
    history = [
        Utterance("assistant", "Hi! How are you?"),
        Utterance("user", "fine"),
        Utterance("assistant", ""),
        Utterance("user", "and you?"),
    ]
    kept = trim_history(history, 1000)
    assert [m.content for m in kept] == ["fine", "and you?"]  # no leading assistant, no empty
    assert trim_history([], 100) == []
    assert trim_history([{"role": "user", "content": "dict ok"}], 100)[0].content == "dict ok"
    assert trim_history([{"role": "system", "content": "x"}], 100) == []


def test_build_messages_crisis_variant():
    turn = Turn(conversation(), emotion="sad", confidence=0.5, lang="ko").as_crisis()
    messages = build_messages(turn)
    assert messages[0]["content"].startswith("[crisis]")
    assert "109" in messages[0]["content"]


def test_base_url_without_key_uses_a_placeholder_and_no_moderation(fake_openai):
    config = ChatConfig(base_url=fake_openai.url, model="llama3", max_retries=0)
    backend = make_backend(config)
    assert isinstance(backend, OpenAIBackend) and backend.name == "llama3"
    reply = respond(backend, Turn(conversation(), emotion="happy", confidence=0.9, lang="en"))
    assert "".join(reply.chunks)
    assert fake_openai.last_chat.headers["authorization"] == f"Bearer {PLACEHOLDER_API_KEY}"
    assert fake_openai.requests_to(MODERATIONS) == []


def test_temperature_can_be_omitted(fake_openai, chat_config):
    config = ChatConfig(**{**chat_config.__dict__, "temperature": None})
    stream_text(OpenAIBackend(config, client=build_client(config)))
    assert "temperature" not in fake_openai.last_chat.json


def test_config_is_hashable_hides_the_key_and_caches_one_client(fake_openai):
    a = ChatConfig(api_key=" sk-secret ", base_url=fake_openai.url)
    b = ChatConfig(api_key="sk-secret", base_url=fake_openai.url)
    assert a == b and hash(a) == hash(b)
    assert "sk-secret" not in repr(a)
    assert openai_client(a) is openai_client(b)
    assert ChatConfig(api_key="", base_url=" ").online is False
    assert make_backend(b).client is openai_client(b)
    assert isinstance(make_backend(b), ChatBackend)
    assert isinstance(make_backend(ChatConfig()), ChatBackend)


# -- errors ------------------------------------------------------------------------------


def expect_error(backend, fake_openai, *, kind: str, consume: bool = True) -> ChatError:
    started = time.perf_counter()
    with pytest.raises(ChatError) as caught:
        stream = backend.stream(Turn(conversation(), emotion="sad", confidence=0.5, lang="en"))
        if consume:
            list(stream)
    assert time.perf_counter() - started < FAST
    error = caught.value
    assert error.kind == kind
    for lang in ("ko", "en"):
        text = error.message(lang)
        assert text and not text.startswith("chat.error")
    assert error.message("ko") != error.message("en")
    return error


@pytest.mark.parametrize(
    "status, kind, key, retryable",
    [
        (401, "auth", "chat.error.auth", False),
        (403, "auth", "chat.error.auth", False),
        (429, "rate_limit", "chat.error.rate_limit", True),
        (500, "unavailable", "chat.error.server", True),  # it answered: not unreachable
        (502, "unavailable", "chat.error.server", True),
        (503, "unavailable", "chat.error.server", True),
        (400, "bad_request", "chat.error.bad_request", False),
        (404, "bad_request", "chat.error.model", False),
    ],
)
def test_http_errors_map_to_chat_error_kinds(backend, fake_openai, status, kind, key, retryable):
    fake_openai.fail(status)
    error = expect_error(backend, fake_openai, kind=kind)
    assert error.status == status
    assert error.message_key == key
    assert error.retryable is retryable
    assert len(fake_openai.chat_requests) == 1  # max_retries=0


def test_quota_exhausted_has_its_own_message(backend, fake_openai):
    fake_openai.fail(429, code="insufficient_quota")
    error = expect_error(backend, fake_openai, kind="rate_limit")
    assert error.message_key == "chat.error.quota"


def test_timeout(fake_openai, chat_config):
    config = ChatConfig(**{**chat_config.__dict__, "timeout_s": 0.3})
    fake_openai.slow(5)
    error = expect_error(
        OpenAIBackend(config, client=build_client(config)), fake_openai, kind="timeout"
    )
    assert error.retryable


def test_connection_dropped_before_reply(backend, fake_openai):
    fake_openai.drop()
    expect_error(backend, fake_openai, kind="unavailable")


def test_connection_refused():
    config = ChatConfig(api_key="sk", base_url="http://127.0.0.1:9/v1", max_retries=0)
    backend = OpenAIBackend(config, client=build_client(config))
    started = time.perf_counter()
    with pytest.raises(ChatError) as caught:
        stream_text(backend)
    assert caught.value.kind == "unavailable"
    assert time.perf_counter() - started < FAST


def test_connection_dropped_mid_stream_raises_while_iterating(backend, fake_openai):
    fake_openai.drop(after_chunks=3)
    stream = backend.stream(Turn(conversation(), emotion="sad", confidence=0.5, lang="en"))
    received = []
    with pytest.raises(ChatError) as caught:
        for chunk in stream:
            received.append(chunk)
    assert caught.value.kind == "unavailable"
    assert len(received) == 3


def test_empty_reply_is_an_error(backend, fake_openai):
    fake_openai.script(Behavior(reply=""))
    error = expect_error(backend, fake_openai, kind="unavailable")
    assert error.message_key == "chat.error.empty"


def test_unknown_exceptions_map_to_unavailable():
    assert to_chat_error(RuntimeError("boom")).kind == "unavailable"
    error = ChatError("auth")
    assert to_chat_error(error) is error


@pytest.mark.parametrize("status", [429, 500])
def test_retries_happen_for_rate_limits_and_server_errors(fake_openai, chat_config, status):
    config = ChatConfig(**{**chat_config.__dict__, "max_retries": 2})
    fake_openai.fail(status, times=2, headers={"retry-after-ms": "5"})
    backend = OpenAIBackend(config, client=build_client(config))
    text = "".join(stream_text(backend))
    assert text == default_reply(fake_openai.last_chat.json)
    assert len(fake_openai.chat_requests) == 3


def test_retries_give_up_with_the_right_kind(fake_openai, chat_config):
    config = ChatConfig(**{**chat_config.__dict__, "max_retries": 1})
    fake_openai.fail(429, times=5, headers={"retry-after-ms": "5"})
    backend = OpenAIBackend(config, client=build_client(config))
    expect_error(backend, fake_openai, kind="rate_limit")
    assert len(fake_openai.chat_requests) == 2


def test_auth_errors_are_not_retried(fake_openai, chat_config):
    config = ChatConfig(**{**chat_config.__dict__, "max_retries": 2})
    fake_openai.fail(401, times=3)
    expect_error(OpenAIBackend(config, client=build_client(config)), fake_openai, kind="auth")
    assert len(fake_openai.chat_requests) == 1


def test_retry_after_an_error_works_with_the_same_backend(backend, fake_openai):
    fake_openai.fail(500)
    expect_error(backend, fake_openai, kind="unavailable")
    assert "".join(stream_text(backend))  # the page's retry button: same call again


# -- the crisis layer with a model --------------------------------------------------------


def test_keyword_crisis_uses_the_crisis_prompt(backend, fake_openai):
    reply = respond(
        backend, Turn([Utterance("user", "죽고 싶어")], emotion="sad", confidence=0.7, lang="en")
    )
    body = "".join(reply.chunks)
    assert reply.crisis and reply.safety.source == "keyword"
    system = fake_openai.last_chat.system_prompt
    assert system.startswith("[crisis]") and "109" in system
    assert "위기" in body
    assert fake_openai.requests_to(MODERATIONS) == []  # keywords decided already
    assert any("109" in r.contact for r in reply.resources)


@pytest.mark.parametrize("failure", ["500", "401", "drop", "mid-stream"])
def test_crisis_answer_survives_a_failing_model(backend, fake_openai, failure):
    if failure == "mid-stream":
        fake_openai.drop(after_chunks=2)
    elif failure == "drop":
        fake_openai.drop()
    else:
        fake_openai.fail(int(failure))
    reply = respond(
        backend,
        Turn([Utterance("user", "자해하고 싶어")], emotion=None, confidence=None, lang="en"),
    )
    body = "".join(reply.chunks)  # never raises in a crisis turn
    assert reply.crisis
    assert "109" in body and "119" in body


def test_moderation_crisis_survives_a_failing_model(backend, fake_openai):
    fake_openai.fail(500, times=2)
    reply = respond(
        backend,
        Turn([Utterance("user", "please-flag-me")], emotion="sad", confidence=0.5, lang="en"),
    )
    body = "".join(reply.chunks)
    assert reply.crisis and reply.safety.source == "moderation"
    assert "988" in body


def test_model_failure_without_crisis_still_raises(backend, fake_openai):
    fake_openai.fail(503)
    with pytest.raises(ChatError) as caught:
        reply = respond(backend, Turn(conversation(), emotion="sad", confidence=0.5, lang="en"))
        "".join(reply.chunks)
    assert caught.value.kind == "unavailable"


def test_moderation_runs_with_the_key_and_can_flag(backend, fake_openai):
    reply = respond(
        backend,
        Turn(
            [Utterance("user", "please-flag-me, I can't say it in words")],
            emotion="sad",
            confidence=0.7,
            lang="en",
        ),
    )
    body = "".join(reply.chunks)
    assert reply.crisis and reply.safety.source == "moderation"
    moderation = fake_openai.requests_to(MODERATIONS)
    assert len(moderation) == 1
    assert moderation[0].json["input"].startswith("please-flag-me")
    chats = fake_openai.chat_requests
    assert len(chats) == 2  # the normal answer was dropped unseen
    assert chats[-1].system_prompt.startswith("[crisis]")
    assert "crisis" in body and "988" in chats[-1].system_prompt


def test_moderation_not_flagging_lets_the_normal_answer_through(backend, fake_openai):
    reply = respond(backend, Turn(conversation(), emotion="sad", confidence=0.7, lang="en"))
    body = "".join(reply.chunks)
    assert not reply.crisis
    assert body == default_reply(fake_openai.last_chat.json)
    assert len(fake_openai.requests_to(MODERATIONS)) == 1
    assert len(fake_openai.chat_requests) == 1


@pytest.mark.parametrize("failure", ["500", "401", "drop"])
def test_moderation_failure_never_blocks_the_chat(backend, fake_openai, failure):
    if failure == "drop":
        fake_openai.drop(endpoint=MODERATIONS)
    else:
        fake_openai.fail(int(failure), endpoint=MODERATIONS)
    reply = respond(backend, Turn(conversation(), emotion="sad", confidence=0.7, lang="en"))
    assert "".join(reply.chunks)
    assert not reply.crisis


def test_slow_moderation_is_bounded(backend, fake_openai):
    fake_openai.slow(5, endpoint=MODERATIONS)
    started = time.perf_counter()
    reply = respond(
        backend,
        Turn(conversation(), emotion="sad", confidence=0.7, lang="en"),
        moderation_wait_s=0.3,
    )
    body = "".join(reply.chunks)
    assert body and not reply.crisis
    assert time.perf_counter() - started < 1.5


def test_keywords_still_apply_when_moderation_is_down(backend, fake_openai):
    fake_openai.fail(500, endpoint=MODERATIONS, times=3)
    reply = respond(
        backend,
        Turn(
            [Utterance("user", "I want to kill myself")], emotion=None, confidence=None, lang="ko"
        ),
    )
    "".join(reply.chunks)
    assert reply.crisis and reply.safety.lang == "en"
    assert "988" in fake_openai.last_chat.system_prompt


def test_crisis_resources_override_reaches_the_prompt(backend, fake_openai):
    overrides = {"en": [{"name": "Campus Care Line", "phone": "555-0100", "hours": "24/7"}]}
    reply = respond(
        backend,
        Turn(
            [Utterance("user", "I want to end my life")], emotion="sad", confidence=0.5, lang="en"
        ),
        crisis_overrides=overrides,
    )
    "".join(reply.chunks)
    assert "Campus Care Line: 555-0100 (24/7)" in fake_openai.last_chat.system_prompt
    assert reply.resources[0].name == "Campus Care Line"


def test_sdk_moderation_response_is_read(backend, fake_openai):
    assert backend.moderate("please-flag-me") is True
    assert backend.moderate("a calm sentence") is False
    assert backend.moderate("   ") is None


# -- the server itself --------------------------------------------------------------------


def test_fake_server_non_streaming_and_models(fake_openai):
    client = openai.OpenAI(api_key="k", base_url=fake_openai.url, max_retries=0)
    completion = client.chat.completions.create(
        model="m", messages=[{"role": "user", "content": "hello"}]
    )
    assert "hello" in completion.choices[0].message.content
    assert [m.id for m in client.models.list()] == ["fake-model"]


def test_fake_server_can_be_scripted_over_http(fake_openai):
    request = urllib.request.Request(
        fake_openai.url.removesuffix("/v1") + "/__fake__/script",
        data=json.dumps({"status": 429, "times": 1}).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=5) as response:
        assert json.load(response) == {"ok": True}
    config = ChatConfig(api_key="k", base_url=fake_openai.url, max_retries=0)
    with pytest.raises(ChatError) as caught:
        stream_text(OpenAIBackend(config, client=build_client(config)))
    assert caught.value.kind == "rate_limit"
    with urllib.request.urlopen(fake_openai.url.removesuffix("/v1") + "/__fake__/requests") as r:
        assert json.load(r)[-1]["path"] == "/v1/chat/completions"


def test_fake_server_runs_standalone():
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.support.fake_openai", "--port", "0"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        url = process.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:") and url.endswith("/v1")
        config = ChatConfig(api_key="k", base_url=url, max_retries=0)
        text = "".join(
            OpenAIBackend(config, client=build_client(config)).stream(
                Turn([Utterance("user", "hi")], emotion="surprise", confidence=0.66, lang="en")
            )
        )
        assert "surprise (66%)" in text
    finally:
        process.terminate()
        assert process.wait(timeout=10) == 0


def test_server_stops_promptly_even_with_a_slow_request_in_flight():
    server = FakeOpenAI().start()
    server.slow(30)
    config = ChatConfig(api_key="k", base_url=server.url, max_retries=0, timeout_s=0.2)
    with pytest.raises(ChatError):
        stream_text(OpenAIBackend(config, client=build_client(config)))
    started = time.perf_counter()
    server.stop()
    assert time.perf_counter() - started < 2
