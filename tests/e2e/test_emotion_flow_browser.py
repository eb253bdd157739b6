"""The emotion as one truth, in the browser: two uploads in a row, then a new login.

The confirm card of the second photo must start from the second photo's own
emotion (it used to keep the first photo's choice and save it as a correction),
the saved reading must be what the card showed, and after logging in again in a
fresh browser the Chat page must show that reading as the current emotion.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import create_engine, select

from core.emotions import EMOJI, LABELS
from db.models import EmotionReading
from tests.support.app_server import AppServer
from tests.support.faces import fixture_faces
from tests.support.streamlit_page import login, register, wait_for_card, wait_idle

pytestmark = pytest.mark.e2e
PASSWORD = "Passw0rd!"
BY_LABEL = {v: k for k, v in LABELS["en"].items()}


def _photo(name: str) -> Path:
    return next(f.path for f in fixture_faces() if f.path.name == name)


def _browser_page(launch_browser) -> Page:
    context = launch_browser().new_context(viewport={"width": 1280, "height": 1100}, locale="en-US")
    page = context.new_page()
    page.set_default_timeout(20_000)
    return page


def _card_emotion(page: Page) -> str:
    """The emotion the confirm card's headline names ("I think you look **happy** 😊")."""
    headline = page.locator("h3", has_text="I think you look").inner_text()
    word = headline.removeprefix("I think you look").strip().split()[0]
    return BY_LABEL[word]


def _checked_choice(page: Page) -> str:
    """The option checked in the confirm card's radio ("😊 happy")."""
    text = page.get_by_test_id("stRadio").locator("label:has(input:checked)").inner_text()
    return BY_LABEL[text.strip().split(maxsplit=1)[1].lower()]


def _upload(page: Page, photo: Path) -> str:
    shown = page.locator("[data-testid='stImage'] img")
    before = shown.first.get_attribute("src") if shown.count() else None
    page.locator("[data-testid='stFileUploader'] input[type='file']").set_input_files(photo)
    # A previous photo's card may still be up: wait for the new photo's drawing,
    # then for the end of that run, and only then read the card.
    page.wait_for_function(
        "before => { const i = document.querySelector('[data-testid=\"stImage\"] img');"
        " return i && i.getAttribute('src') !== before; }",
        arg=before,
    )
    wait_idle(page)
    expect(page.locator("h3", has_text="I think you look")).to_be_visible()
    return _card_emotion(page)


def test_two_uploads_then_a_new_login_keep_one_emotion(
    app_server: AppServer, launch_browser
) -> None:
    page = _browser_page(launch_browser)
    register(page, app_server.url, "twophotos", "twophotos@example.com", PASSWORD)
    page.get_by_text("I understand. Read my expression from the camera.").click()
    page.get_by_text("Upload a photo", exact=True).click()

    first = _upload(page, _photo("Ana_Guevara_0003.jpg"))
    assert _checked_choice(page) == first
    second = _upload(page, _photo("Nathalie_Gagnon_0001.jpg"))
    assert second != first, "the two photos should read differently for this test to mean much"
    assert _checked_choice(page) == second  # the second card starts from its own emotion

    wait_for_card(page)
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_text("Saved:")).to_be_visible()
    engine = create_engine(app_server.database_url)
    try:
        with engine.connect() as conn:
            [row] = conn.execute(select(EmotionReading)).all()
    finally:
        engine.dispose()
    assert (row.emotion, row.detected_emotion, row.corrected) == (second, second, False)

    again = _browser_page(launch_browser)  # a new browser: no session, no cookie
    login(again, app_server.url, "twophotos", PASSWORD)
    expect(again.get_by_text("My current emotion")).to_contain_text(LABELS["en"][second])
    again.goto(f"{app_server.url}/chat")
    current = again.locator("p", has_text="Current emotion:")
    expect(current).to_contain_text(f"{EMOJI[second]} {LABELS['en'][second].capitalize()}")
    expect(again.get_by_text("Read by the camera")).to_be_visible()
    expect(again.get_by_text("No expression captured yet")).to_have_count(0)
