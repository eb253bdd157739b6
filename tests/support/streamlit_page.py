"""Helpers to drive Streamlit pages in Playwright the way a person does."""

from __future__ import annotations

from playwright.sync_api import Page, expect


def wait_idle(page: Page, timeout: float = 15_000) -> None:
    """Wait until Streamlit has finished the current run."""
    page.wait_for_selector("[data-testid='stApp']", timeout=timeout)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"] button')"
        " && document.querySelector('[data-testid=\"stApp\"]')"
        "?.getAttribute('data-test-script-state') !== 'running'",
        timeout=timeout,
    )


def fill(page: Page, label: str, value: str) -> None:
    page.get_by_role("textbox", name=label, exact=True).fill(value)


def register(page: Page, base_url: str, username: str, email: str, password: str) -> None:
    page.goto(f"{base_url}/register")
    fill(page, "Username", username)
    fill(page, "Email", email)
    fill(page, "Password", password)
    fill(page, "Confirm password", password)
    page.get_by_role("button", name="Sign up").click()
    page.wait_for_url("**/emotion")
    wait_for_login_cookie(page)


def login(page: Page, base_url: str, ident: str, password: str) -> None:
    page.goto(f"{base_url}/login")
    fill(page, "Username or email", ident)
    fill(page, "Password", password)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/emotion")
    wait_for_login_cookie(page)


def wait_for_login_cookie(page: Page) -> None:
    page.wait_for_function("() => document.cookie.includes('sye_token=')")


def set_language(page: Page, name: str) -> None:
    """Pick a language in the sidebar ("English" or "한국어")."""
    page.locator("[data-testid='stSidebar'] [data-testid='stSelectbox']").click()
    page.get_by_role("option", name=name).click()
    expect(page.get_by_role("option", name=name)).to_have_count(0)
