"""In Chromium: a slow model shows that it is still waiting, and the wait can be cancelled."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from tests.support.app_server import AppServer, run_app
from tests.support.fake_openai import FakeOpenAI
from tests.support.streamlit_page import register, wait_idle

pytestmark = pytest.mark.e2e
PASSWORD = "Passw0rd!"


@pytest.fixture(scope="module")
def model() -> Iterator[FakeOpenAI]:
    with FakeOpenAI() as server:
        yield server


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory, model: FakeOpenAI) -> Iterator[AppServer]:
    env = {
        "OPENAI_BASE_URL": model.url,
        "OPENAI_MODEL": "fake-model",
        "OPENAI_MAX_RETRIES": "0",
        "OPENAI_TIMEOUT_S": "60",
        "CHAT_REPLY_DEADLINE_S": "60",
    }
    with run_app(tmp_path_factory.mktemp("wait"), env) as server:
        yield server


def test_waiting_is_shown_and_stop_waiting_keeps_the_message(
    app: AppServer, model: FakeOpenAI, page: Page
) -> None:
    register(page, app.url, "waiter", "waiter@example.com", PASSWORD)
    page.goto(f"{app.url}/chat")
    expect(page.locator("h1")).to_contain_text("Talk about it", timeout=30_000)
    wait_idle(page, 30_000)
    model.slow(40)  # the next request hangs
    box = page.get_by_test_id("stChatInputTextArea")
    box.fill("Are you still there?")
    box.press("Enter")
    main = page.locator("#stMain")
    expect(main).to_contain_text("Waiting for the answer", timeout=10_000)
    page.get_by_role("button", name="Stop waiting").click()
    expect(main).to_contain_text("You cancelled waiting for the answer.", timeout=5_000)
    expect(main).to_contain_text("Your message is kept.")
    wait_idle(page)
    messages = page.get_by_test_id("stChatMessage")
    expect(messages.first).to_contain_text("Are you still there?")

    model.reset()  # the model answers again: Retry gets the reply
    page.get_by_role("button", name="Retry").click()
    expect(main).to_contain_text("[fake model]", timeout=20_000)
    expect(main).not_to_contain_text("You cancelled")
