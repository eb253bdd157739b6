"""Browser fixtures: Debian's Chromium driven by Playwright, and the running app."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.support.app_server import CHROMIUM, CHROMIUM_ARGS, AppServer, run_app

pytestmark = pytest.mark.e2e

if not os.path.exists(CHROMIUM):  # pragma: no cover - depends on the machine
    if os.environ.get("CI"):
        raise RuntimeError(f"Chromium not found at {CHROMIUM}; .ci/run installs it")
    pytest.skip(f"Chromium not found at {CHROMIUM}", allow_module_level=True)


@pytest.fixture(scope="module")
def app_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppServer]:
    """One running app per test module, with its own empty SQLite database."""
    with run_app(tmp_path_factory.mktemp("app")) as server:
        yield server


@pytest.fixture(scope="module")
def playwright_instance() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture
def launch_browser(playwright_instance, tmp_path: Path) -> Iterator[Callable[..., object]]:
    """Launch Chromium with extra flags (e.g. a fake webcam); closed after the test."""
    browsers = []

    def launch(*extra_args: str):
        browser = playwright_instance.chromium.launch(
            executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, *extra_args]
        )
        browsers.append(browser)
        return browser

    yield launch
    for browser in browsers:
        browser.close()


@pytest.fixture
def page(launch_browser, request: pytest.FixtureRequest, tmp_path: Path):
    """A fresh browser page; on failure a screenshot lands in artifacts/."""
    browser = launch_browser()
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        out = Path(__file__).resolve().parents[2] / "artifacts"
        out.mkdir(exist_ok=True)
        page.screenshot(path=str(out / f"{request.node.name}.png"), full_page=True)
    context.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)
