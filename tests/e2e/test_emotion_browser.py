"""A person shows a happy face to a (fake) webcam; the page reads it; they save it."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import create_engine, select

from db.models import EmotionReading
from tests.support.app_server import AppServer
from tests.support.faces import fixture_faces, webcam_frame, write_y4m
from tests.support.streamlit_page import register, wait_for_card

pytestmark = pytest.mark.e2e
PASSWORD = "Passw0rd!"
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"  # gitignored screenshots


@pytest.fixture
def happy_webcam(tmp_path: Path) -> Path:
    """A looping Y4M video of a smiling face, as Chromium's fake camera plays it."""
    face = next(f for f in fixture_faces() if f.label == "happy")
    frame = webcam_frame(cv2.imread(str(face.path)), face_size=220)
    # A little movement, as a real head makes, so the tracker has work to do.
    frames = [np.roll(frame, shift, axis=1) for shift in (0, 2, 4, 6, 4, 2)] * 5
    return write_y4m(tmp_path / "happy.y4m", frames)


def camera_page(launch_browser, video: Path) -> Page:
    browser = launch_browser(
        "--use-fake-device-for-media-stream",
        "--use-fake-ui-for-media-stream",
        f"--use-file-for-fake-video-capture={video}",
    )
    context = browser.new_context(viewport={"width": 1280, "height": 1000}, locale="en-US")
    context.grant_permissions(["camera"])
    page = context.new_page()
    page.set_default_timeout(20_000)
    return page


def test_live_video_reads_happy_and_the_confirmed_reading_is_saved(
    app_server: AppServer, launch_browser, happy_webcam: Path
) -> None:
    page = camera_page(launch_browser, happy_webcam)
    register(page, app_server.url, "smiler", "smiler@example.com", PASSWORD)
    page.get_by_text("I understand. Read my expression from the camera.").click()

    webrtc = page.frame_locator("iframe[title*='streamlit_webrtc']")
    webrtc.get_by_role("button", name="START").click()
    readout = page.get_by_test_id("stMetric")
    expect(readout).to_contain_text("happy", timeout=30_000)
    expect(webrtc.locator("video")).to_be_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "emotion_live.png"))

    page.get_by_role("button", name="Capture this").click()
    expect(page.get_by_text("I think you look happy")).to_be_visible()
    wait_for_card(page)
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_text("Saved:")).to_be_visible()

    engine = create_engine(app_server.database_url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(select(EmotionReading)).all()
    finally:
        engine.dispose()
    assert len(rows) == 1
    assert rows[0].emotion == "happy" and rows[0].source == "live" and not rows[0].corrected

    page.get_by_role("button", name="Talk about it").click()
    page.wait_for_url("**/chat")
    expect(page.get_by_text("happy", exact=False).first).to_be_visible()
