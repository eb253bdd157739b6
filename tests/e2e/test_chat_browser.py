"""A person chats in a real browser: offline by default, streamed from a model when set.

The model is the local OpenAI-compatible server (real HTTP and server-sent events),
started in this process; the app runs as its own ``streamlit run`` process.
Screenshots of the page in both languages land in ``artifacts/``.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.support.app_server import AppServer, run_app
from tests.support.fake_openai import FakeOpenAI
from tests.support.streamlit_page import register, set_language, wait_idle

pytestmark = pytest.mark.e2e
PASSWORD = "Passw0rd!"
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"
_names = itertools.count(1)


@pytest.fixture(scope="module")
def fake_model() -> Iterator[FakeOpenAI]:
    # A pause between streamed chunks, so the browser can see the reply grow.
    with FakeOpenAI(chunk_delay_s=0.12) as server:
        yield server


@pytest.fixture(scope="module")
def online_app(
    tmp_path_factory: pytest.TempPathFactory, fake_model: FakeOpenAI
) -> Iterator[AppServer]:
    env = {
        "OPENAI_BASE_URL": fake_model.url,  # http://127.0.0.1:PORT/v1
        "OPENAI_MODEL": "fake-model",
        "OPENAI_MAX_RETRIES": "0",
        "OPENAI_TIMEOUT_S": "10",
    }
    with run_app(tmp_path_factory.mktemp("online"), env) as server:
        yield server


def _open_chat(page: Page, server: AppServer) -> None:
    name = f"chatter{next(_names)}"
    register(page, server.url, name, f"{name}@example.com", PASSWORD)
    page.locator("[data-testid='stSidebar']").get_by_role("link", name="Chat").click()
    page.wait_for_url("**/chat")
    expect(page.locator("h1")).to_contain_text("Talk about it")
    wait_idle(page)


def _send(page: Page, text: str) -> None:
    box = page.get_by_test_id("stChatInputTextArea")
    box.fill(text)
    box.press("Enter")


def _screenshot(page: Page, name: str, *, top: bool = False) -> None:
    if top:
        page.mouse.move(700, 400)
        page.mouse.wheel(0, -20_000)
        page.wait_for_timeout(300)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))


def _messages(page: Page):
    return page.get_by_test_id("stChatMessage")


def test_offline_default_answers_in_the_browser(app_server: AppServer, page: Page) -> None:
    _open_chat(page, app_server)
    main = page.locator("#stMain")
    expect(main).to_contain_text("not a counsellor or therapist")
    expect(main).to_contain_text("offline helper")
    expect(main).to_contain_text("No expression captured yet")

    page.get_by_role("radio", name=re.compile("^sad$", re.I)).click()
    expect(main).to_contain_text("Chosen by you")
    wait_idle(page)
    _screenshot(page, "chat_en_start")
    _send(page, "Please give me music that suits my mood")
    expect(_messages(page)).to_have_count(2)
    reply = _messages(page).nth(1)
    expect(reply).to_contain_text("Answered by offline helper", timeout=20_000)
    assert len(reply.inner_text()) > 60
    wait_idle(page)

    # One click on a suggestion starts the next turn.
    page.locator(".st-key-chat_chip_0 button:visible").click()
    expect(_messages(page)).to_have_count(4)
    expect(_messages(page).nth(2)).to_contain_text("I'm feeling sad now.")
    expect(_messages(page).nth(3)).to_contain_text("Answered by offline helper", timeout=20_000)
    wait_idle(page)
    _screenshot(page, "chat_en")

    set_language(page, "한국어")
    expect(page.locator("h1")).to_contain_text("감정 대화")
    expect(main).to_contain_text("오프라인 도우미")
    wait_idle(page)
    _send(page, "요즘 너무 힘들어서 죽고 싶어")
    expect(main).to_contain_text("자살예방상담전화", timeout=20_000)
    wait_idle(page)
    _screenshot(page, "chat_ko_crisis")
    _screenshot(page, "chat_ko_top", top=True)

    # Coming back later brings the conversation back.
    page.reload()
    expect(_messages(page)).to_have_count(6)


def test_a_model_reply_streams_into_the_page(
    online_app: AppServer, fake_model: FakeOpenAI, page: Page
) -> None:
    _open_chat(page, online_app)
    main = page.locator("#stMain")
    expect(main).to_contain_text("Answered by fake-model")
    page.get_by_role("radio", name=re.compile("^happy$", re.I)).click()
    expect(main).to_contain_text("Chosen by you")
    wait_idle(page)

    _send(page, "What a day")
    reply = _messages(page).nth(1)
    # Streamed: the beginning is on screen before the end has arrived.
    expect(reply).to_contain_text("[fake model] I read the emotion happy", timeout=20_000)
    assert "slow breath with me" not in reply.inner_text()
    expect(reply).to_contain_text("slow breath with me.", timeout=20_000)
    expect(reply).to_contain_text("Answered by fake-model")
    wait_idle(page)
    _screenshot(page, "chat_en_model")
    assert fake_model.last_chat.json["stream"] is True
    assert "Detected emotion: happy" in fake_model.last_chat.system_prompt


def test_a_failing_model_offers_retry(
    online_app: AppServer, fake_model: FakeOpenAI, page: Page
) -> None:
    _open_chat(page, online_app)
    fake_model.fail(500)
    _send(page, "Hello?")
    main = page.locator("#stMain")
    expect(main).to_contain_text("The AI service had an error", timeout=20_000)
    expect(main).to_contain_text("Your message is kept.")
    wait_idle(page)
    _screenshot(page, "chat_en_error")
    page.get_by_role("button", name="Retry").click()
    expect(_messages(page).nth(1)).to_contain_text("slow breath with me.", timeout=20_000)
    expect(main).not_to_contain_text("The AI service had an error")
    expect(_messages(page)).to_have_count(2)
