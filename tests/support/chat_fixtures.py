"""Pytest fixtures of the chat tests: the local OpenAI-compatible server and configs.

Use from a test module with ``pytest_plugins = ["tests.support.chat_fixtures"]``.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from core.chat import ChatConfig, OpenAIBackend, build_client
from tests.support.fake_openai import FakeOpenAI


@pytest.fixture
def fake_openai() -> Iterator[FakeOpenAI]:
    """A fresh server on 127.0.0.1 with an ephemeral port, stopped after the test."""
    with FakeOpenAI() as server:
        yield server


@pytest.fixture
def chat_config(fake_openai: FakeOpenAI) -> ChatConfig:
    """Config pointing at the fake server; no retries so error tests are quick."""
    return ChatConfig(
        api_key="sk-test-key",
        base_url=fake_openai.url,
        model="test-model",
        timeout_s=5.0,
        max_retries=0,
        moderation_timeout_s=2.0,
    )


@pytest.fixture
def backend(chat_config: ChatConfig) -> OpenAIBackend:
    """An OpenAI backend on its own client (no pooled connection shared across tests)."""
    return OpenAIBackend(chat_config, client=build_client(chat_config))
