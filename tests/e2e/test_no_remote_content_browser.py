"""In Chromium: user and model text never forms a link nor makes the browser fetch an image.

A post title with URLs, a chat message and a model reply full of Markdown images,
links and bare addresses are shown; the page must hold no ``<a>`` or ``<img>``
pointing at them and the browser must send no request there, while the text
itself stays readable.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from core.markup import WJ
from tests.support.app_server import AppServer, run_app
from tests.support.fake_openai import FakeOpenAI
from tests.support.streamlit_page import register, wait_idle, write_post

pytestmark = pytest.mark.e2e
PASSWORD = "Passw0rd!"
LEAK = "127.0.0.1:9"  # the discard port: any request there would be a leak
TITLE = f"see https://{LEAK}/title www.leak-title.test mail me@leak-title.test"
USER_TEXT = (
    f"look ![u](http://{LEAK}/leak-user.png) and [click](http://{LEAK}/user-link) "
    f"or https://{LEAK}/user-bare or <http://{LEAK}/user-angle>"
)
MODEL_TEXT = (
    f"**Sure.** ![m](http://{LEAK}/leak-model.png) [more](https://{LEAK}/model-link) "
    f"www.leak-model.test and https://{LEAK}/model-bare\n\n[r]: http://{LEAK}/model-ref"
)


@pytest.fixture(scope="module")
def model() -> Iterator[FakeOpenAI]:
    with FakeOpenAI() as server:
        server.reply = MODEL_TEXT
        yield server


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory, model: FakeOpenAI) -> Iterator[AppServer]:
    env = {
        "OPENAI_BASE_URL": model.url,
        "OPENAI_MODEL": "fake-model",
        "OPENAI_MAX_RETRIES": "0",
        "OPENAI_TIMEOUT_S": "10",
    }
    with run_app(tmp_path_factory.mktemp("inert"), env) as server:
        yield server


def _no_links_or_images(page: Page) -> None:
    main = page.locator("[data-testid='stMain']")
    hrefs = main.locator("a").evaluate_all("els => els.map(e => e.getAttribute('href') || '')")
    assert not [h for h in hrefs if "leak" in h or LEAK in h or h.startswith("mailto:")], hrefs
    srcs = main.locator("img").evaluate_all("els => els.map(e => e.getAttribute('src') || '')")
    assert not [s for s in srcs if "leak" in s or LEAK in s], srcs


def test_titles_messages_and_replies_stay_inert(app: AppServer, page: Page) -> None:
    requests: list[str] = []
    page.on(
        "request",
        lambda request: (
            requests.append(request.url) if LEAK in request.url or "leak-" in request.url else None
        ),
    )
    register(page, app.url, "inert", "inert@example.com", PASSWORD)
    main = page.locator("[data-testid='stMain']")

    write_post(page, app.url, TITLE, "body")
    heading = main.locator("h3")
    expect(heading).to_be_visible()
    assert heading.inner_text().replace(WJ, "") == TITLE  # readable as typed
    _no_links_or_images(page)
    page.goto(f"{app.url}/board")  # the list shows the title too
    expect(main).to_contain_text("leak-title")
    _no_links_or_images(page)

    page.goto(f"{app.url}/chat")
    expect(page.locator("h1")).to_contain_text("Talk about it")
    wait_idle(page)
    box = page.get_by_test_id("stChatInputTextArea")
    box.fill(USER_TEXT)
    box.press("Enter")
    messages = page.get_by_test_id("stChatMessage")
    expect(messages).to_have_count(2)
    expect(messages.nth(1)).to_contain_text("Sure.", timeout=20_000)
    expect(messages.nth(1).locator("strong")).to_have_text("Sure.")  # formatting is kept
    wait_idle(page)
    _no_links_or_images(page)
    assert "user-bare" in messages.nth(0).inner_text()

    page.reload()  # the stored conversation, rendered from the database
    expect(messages).to_have_count(2, timeout=20_000)
    expect(messages.nth(1)).to_contain_text("model-bare")
    wait_idle(page)
    _no_links_or_images(page)
    page.wait_for_timeout(500)
    assert requests == []
