"""A person registers, logs in, reloads and stays logged in, then logs out."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.support.app_server import AppServer
from tests.support.streamlit_page import fill, login, register, set_language

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


def test_a_password_change_signs_other_browsers_out_and_tells_them_why(
    app_server: AppServer, page: Page, launch_browser
) -> None:
    register(page, app_server.url, "browser2", "browser2@example.com", PASSWORD)
    other_context = launch_browser().new_context(locale="en-US")
    other = other_context.new_page()
    other.set_default_timeout(15_000)
    login(other, app_server.url, "browser2", PASSWORD)

    page.goto(f"{app_server.url}/mypage")
    fill(page, "Current password", PASSWORD)
    fill(page, "New password", "N3w-Passw0rd!")
    fill(page, "Confirm new password", "N3w-Passw0rd!")
    page.get_by_role("button", name="Change password").click()
    # Emptied by the rerun after the change (the toast saying so may be gone by now).
    for label in ("Current password", "New password", "Confirm new password"):
        field = page.get_by_role("textbox", name=label, exact=True)
        expect(field).to_have_value("", timeout=20_000)

    # The other browser's next page load reads its (now revoked) cookie.
    other.reload()
    other.wait_for_url("**/login")
    notice = other.get_by_text("You were signed out because the password was changed")
    expect(notice).to_be_visible(timeout=20_000)
    login(other, app_server.url, "browser2", "N3w-Passw0rd!")
    expect(other.get_by_text("You were signed out because")).to_have_count(0)

    page.reload()  # the browser that made the change carries on with its fresh token
    expect(page.locator("[data-testid='stSidebar']")).to_contain_text("browser2", timeout=20_000)
    other_context.close()
