"""In Chromium: write a post, comment, edit, delete; open a post by URL; see the mood charts."""

from __future__ import annotations

import json
import re
from datetime import timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from core.emotions import EMOTIONS
from db.engine import get_sessionmaker
from db.types import utcnow
from db.users import find_by_login
from tests.factories import save_reading
from tests.support.app_server import AppServer
from tests.support.streamlit_page import register, wait_idle, write_post

pytestmark = pytest.mark.e2e
PASSWORD = "Passw0rd!"
EVIL = '<img src=x onerror="window.__pwned=1"> [click](javascript:window.__pwned=2) '
LONG_WORD = "가" * 400 + "W" * 400


def _main(page: Page):
    return page.locator("[data-testid='stMain']")


def _seed_readings(server: AppServer, username: str) -> None:
    factory = get_sessionmaker(server.database_url)
    now = utcnow()
    with factory.begin() as session:
        user = find_by_login(session, username)
        assert user is not None
        for i in range(12):
            emotion = EMOTIONS[i % len(EMOTIONS)]
            save_reading(
                session,
                user,
                emotion,
                0.8,
                source="snapshot",
                created_at=now - timedelta(hours=9 * i),
            )


def test_write_comment_edit_delete_and_mood_chart(
    app_server: AppServer, page: Page, tmp_path: Path
) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    register(page, app_server.url, "boarder", "boarder@example.com", PASSWORD)
    _seed_readings(app_server, "boarder")
    main = _main(page)

    # Write a post (the mood is prefilled from the latest reading).
    page.goto(f"{app_server.url}/board")
    expect(main).to_contain_text("Be the first")
    write_post(
        page, app_server.url, "<script>window.__pwned=3</script> 첫 글", f"{EVIL}\n{LONG_WORD}"
    )
    post_url = page.url
    expect(main.locator("h3")).to_contain_text("<script>window.__pwned=3</script> 첫 글")
    body = main.locator("[data-testid='stText']").first
    expect(body).to_contain_text('<img src=x onerror="window.__pwned=1">')
    expect(body).to_contain_text("[click](javascript:window.__pwned=2)")
    assert main.locator("img[src='x']").count() == 0
    assert main.locator("a[href^='javascript']").count() == 0
    # A 800-character word wraps inside the page instead of widening it.
    widths = body.evaluate("el => [el.scrollWidth, el.clientWidth]")
    assert widths[0] <= widths[1] + 1, widths
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

    # Comment on it.
    main.get_by_role("textbox", name="Comment").fill("힘내요 <b>!</b>")
    main.get_by_role("button", name="Add comment").click()
    expect(main).to_contain_text("힘내요 <b>!</b>")
    expect(main).to_contain_text("Comments (1)")
    expect(main.get_by_role("textbox", name="Comment")).to_have_value("")  # ready for the next

    # Edit it.
    main.get_by_role("button", name="Edit").first.click()
    title = main.get_by_role("textbox", name="Title")
    title.fill("고친 제목")
    main.get_by_role("button", name="Save").click()
    expect(main.locator("h3")).to_have_text("고친 제목")

    # The post has its own address: a reload (a fresh session) shows it again.
    page.goto(post_url)
    wait_idle(page)
    expect(main.locator("h3")).to_have_text("고친 제목")
    expect(main).to_contain_text("힘내요 <b>!</b>")

    # Delete it, after confirming.
    main.get_by_role("button", name="Delete").first.click()
    expect(main).to_contain_text("Delete this post?")
    main.get_by_role("button", name="Yes, delete").click()
    expect(main).to_contain_text("Be the first")
    assert "post=" not in page.url

    # The mood history charts draw.
    page.goto(f"{app_server.url}/mypage")
    main.get_by_role("tab", name="Mood history").click()
    charts = main.locator("[data-testid='stVegaLiteChart']")
    expect(charts).to_have_count(3)
    expect(charts.first.locator("canvas, svg").first).to_be_visible()
    expect(main).to_contain_text("Mood over time")

    # Export my data as one JSON download.
    main.get_by_role("tab", name="My data").click()
    with page.expect_download() as download_info:
        main.get_by_role("button", name="Download JSON").click()
    target = tmp_path / "export.json"
    download_info.value.save_as(target)
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["profile"]["username"] == "boarder"
    assert len(data["emotion_readings"]) == 12
    assert [c["body"] for c in data["comments"]] == []  # deleted with the post
    assert "password" not in target.read_text(encoding="utf-8")

    assert page.evaluate("window.__pwned") is None
    assert dialogs == []


def test_delete_account_signs_out_and_the_old_token_fails(
    app_server: AppServer, page: Page
) -> None:
    register(page, app_server.url, "leaver", "leaver@example.com", PASSWORD)
    token = next(c for c in page.context.cookies() if c["name"] == "sye_token")
    main = _main(page)
    page.goto(f"{app_server.url}/mypage")
    main.get_by_role("tab", name="My data").click()
    main.get_by_role("textbox", name=re.compile("^To confirm")).fill("leaver")
    main.get_by_role("button", name="Delete my account forever").click()
    page.wait_for_url(f"{app_server.url}/")
    page.wait_for_function("() => !document.cookie.includes('sye_token=')")

    page.context.add_cookies([token])
    page.goto(f"{app_server.url}/board")
    page.wait_for_url("**/login")
