"""A person registers, logs in, reloads and stays logged in, then logs out."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.support.app_server import AppServer
from tests.support.streamlit_page import login, register, set_language

pytestmark = pytest.mark.e2e
PASSWORD = "Passw0rd!"


def test_register_reload_logout_and_old_token_rejected(app_server: AppServer, page: Page) -> None:
    page.goto(f"{app_server.url}/mypage")
    page.wait_for_url("**/login")  # members-only page while logged out

    register(page, app_server.url, "browser1", "browser1@example.com", PASSWORD)
    sidebar = page.locator("[data-testid='stSidebar']")
    expect(sidebar).to_contain_text("browser1")

    page.reload()
    expect(sidebar).to_contain_text("browser1")
    expect(page).to_have_url(f"{app_server.url}/emotion")
    token = next(c for c in page.context.cookies() if c["name"] == "sye_token")

    sidebar.get_by_role("link", name="Log out").click()
    page.wait_for_url(f"{app_server.url}/")
    page.wait_for_function("() => !document.cookie.includes('sye_token=')")
    page.reload()
    expect(sidebar).to_contain_text("Sign up")
    expect(sidebar).not_to_contain_text("browser1")

    # Someone who copied the old token gets nowhere with it.
    page.context.add_cookies([token])
    page.goto(f"{app_server.url}/chat")
    page.wait_for_url("**/login")

    login(page, app_server.url, "BROWSER1", PASSWORD)
    expect(sidebar).to_contain_text("browser1")


def test_korean_and_english(app_server: AppServer, page: Page) -> None:
    page.goto(app_server.url)
    sidebar = page.locator("[data-testid='stSidebar']")
    set_language(page, "한국어")
    expect(page.locator("h1")).to_contain_text("너의 머리 속이 보여")
    expect(sidebar).to_contain_text("회원가입")
    set_language(page, "English")
    expect(page.locator("h1")).to_contain_text("Show your emotion")
    page.reload()  # the choice sticks in the browser
    expect(page.locator("h1")).to_contain_text("Show your emotion")
