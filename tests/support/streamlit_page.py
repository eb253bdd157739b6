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


def wait_for_card(page: Page) -> None:
    """Wait until a reading's card is fully drawn, so its buttons stay where they are.

    The scores chart renders after the card's text; a click aimed at Confirm before
    that lands on the chart once the chart has pushed the button down.
    """
    chart = page.locator("[data-testid='stVegaLiteChart']").last
    expect(chart.locator("canvas, svg").first).to_be_visible()
    wait_idle(page)


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
    # The Emotion page's first run (it warms the models) must end before the caller
    # navigates: a click that lands during it can be answered by that late run, and
    # the next page's widgets then send to a page the server is no longer on.
    wait_idle(page, 30_000)


def login(page: Page, base_url: str, ident: str, password: str) -> None:
    page.goto(f"{base_url}/login")
    fill(page, "Username or email", ident)
    fill(page, "Password", password)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/emotion")
    wait_for_login_cookie(page)


def write_post(page: Page, base_url: str, title: str, text: str) -> None:
    """Publish a post from the Board page and wait for its own page to open.

    The page is left to finish its first run before anything is typed: a rerun that
    lands between typing and the click (the login cookie being read, a fragment)
    could otherwise redraw the form and drop what was typed, and the click would
    then publish nothing.
    """
    page.goto(f"{base_url}/board")
    wait_idle(page)
    main = page.locator("[data-testid='stMain']")
    main.get_by_text("Write a post").click()
    title_box = main.get_by_role("textbox", name="Title")
    text_box = main.get_by_role("textbox", name="Text")
    title_box.fill(title)
    text_box.fill(text)
    expect(title_box).to_have_value(title)
    expect(text_box).to_have_value(text)
    main.get_by_role("button", name="Publish").click()
    try:
        page.wait_for_url("**/board?post=*", timeout=30_000)
    except Exception as error:
        said = main.inner_text()[:800]
        raise AssertionError(f"the post did not open; the page said: {said}") from error


def wait_for_login_cookie(page: Page) -> None:
    page.wait_for_function("() => document.cookie.includes('sye_token=')")


def set_language(page: Page, name: str) -> None:
    """Pick a language in the sidebar ("English" or "한국어")."""
    page.locator("[data-testid='stSidebar'] [data-testid='stSelectbox']").click()
    page.get_by_role("option", name=name).click()
    expect(page.get_by_role("option", name=name)).to_have_count(0)
