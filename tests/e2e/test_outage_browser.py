"""In Chromium, with the real PostgreSQL server stopped and started mid-session.

The app runs on a private PostgreSQL cluster (``tests.support.private_pg``), so
stopping it disturbs nothing else. During the outage a post draft survives other
pages, a reload keeps the login, the page shows one outage message; once the
server is back the page recovers without a click and the draft publishes. The
app's log has one line for the outage and one for the recovery.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.support.app_server import run_app
from tests.support.private_pg import pg_bin, private_postgres
from tests.support.streamlit_page import register, wait_idle

pytestmark = pytest.mark.e2e
PASSWORD = "Passw0rd!"
OUTAGE = "The database can't be reached right now"

if pg_bin() is None:  # pragma: no cover - depends on the machine
    pytest.skip("PostgreSQL server binaries not installed", allow_module_level=True)


def _go(page: Page, label: str) -> None:
    page.locator("[data-testid='stSidebar']").get_by_role("link", name=label).click()
    wait_idle(page, 30_000)


def test_a_database_outage_loses_nothing_and_recovers_by_itself(page: Page, tmp_path: Path) -> None:
    with private_postgres() as pg, run_app(tmp_path, {"DATABASE_URL": pg.url}) as app:
        register(page, app.url, "outage", "outage@example.com", PASSWORD)
        main = page.locator("#stMain")
        _go(page, "Board")
        expect(page.locator("h1")).to_contain_text("Board")

        pg.stop()
        main.get_by_text("Write a post").click()
        main.get_by_role("textbox", name="Title").fill("Written in the dark")
        main.get_by_role("textbox", name="Text").fill("Every word of this must survive.")
        main.get_by_role("button", name="Publish").click()
        wait_idle(page, 30_000)
        expect(main.get_by_text(OUTAGE)).to_have_count(1, timeout=30_000)
        _go(page, "My page")
        _go(page, "Chat")
        _go(page, "Board")
        expect(main.get_by_role("textbox", name="Title")).to_have_value("Written in the dark")

        page.reload()  # a reload (or a new tab) during the outage
        wait_idle(page, 30_000)
        expect(main.get_by_text(OUTAGE)).to_have_count(1, timeout=30_000)
        expect(page.get_by_role("heading", name="Log in")).to_have_count(0)  # not bounced
        tokens = [c for c in page.context.cookies() if c["name"] == "sye_token"]
        assert tokens and tokens[0]["value"], "the login cookie is kept"

        pg.start()  # no click from here: the page notices by itself
        expect(main.get_by_text(OUTAGE)).to_have_count(0, timeout=30_000)
        expect(page.locator("h1")).to_contain_text("Board", timeout=30_000)
        wait_idle(page, 30_000)
        expect(main.get_by_role("textbox", name="Title")).to_have_value("Written in the dark")
        main.get_by_role("button", name="Publish").click()
        page.wait_for_url("**/board?post=*", timeout=30_000)
        expect(main.locator("h3")).to_contain_text("Written in the dark")

        log = app.log()
        assert len(re.findall(r"database unavailable", log)) == 1, log[-3000:]
        assert len(re.findall(r"database available again", log)) == 1
        assert "Traceback" not in log
