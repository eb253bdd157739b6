"""The webcam's video reaches the app through coturn, with the credential the app issued.

Chromium may not send UDP except through a relay (its
``--force-webrtc-ip-handling-policy=disable_non_proxied_udp``), so the only way
the fake webcam's frames can reach the app's WebRTC peer is TURN over TCP to
Debian's coturn running the project's config. coturn accepts the browser because
the page handed it a credential derived from TURN_SECRET; a reading on the page
proves the media went through. Test-only difference: coturn may relay to
127.0.0.1, where the app's peer listens here (in compose that peer is on the
allowed 172.29.213.0/24 network).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import cv2
import pytest
from playwright.sync_api import expect

from tests.support.app_server import run_app
from tests.support.coturn import TURNSERVER, run_coturn
from tests.support.faces import fixture_faces, webcam_frame, write_y4m
from tests.support.streamlit_page import register

pytestmark = [pytest.mark.e2e, pytest.mark.slow]
SECRET = "turn-browser-secret-" + "q" * 20

if not os.path.exists(TURNSERVER):  # pragma: no cover - depends on the machine
    if os.environ.get("CI"):
        raise RuntimeError(f"coturn not found at {TURNSERVER}; scripts/test.sh installs it")
    pytest.skip(f"coturn not found at {TURNSERVER}", allow_module_level=True)


def test_live_video_through_coturn(launch_browser, tmp_path: Path) -> None:
    face = next(f for f in fixture_faces() if f.label == "happy")
    frame = webcam_frame(cv2.imread(str(face.path)), face_size=220)
    video = write_y4m(tmp_path / "happy.y4m", [frame] * 15)
    loopback = ["--verbose", "--allow-loopback-peers", "--allowed-peer-ip=127.0.0.1"]
    with run_coturn(tmp_path, SECRET, loopback) as coturn:
        turn = f"turn:{coturn.host}:{coturn.port}"
        env = {
            "TURN_SECRET": SECRET,
            "TURN_URLS": f"{turn}?transport=udp,{turn}?transport=tcp",
            "STREAMLIT_SERVER_FILE_WATCHER_TYPE": "none",
        }
        with run_app(tmp_path, env) as app:
            browser = launch_browser(
                "--use-fake-device-for-media-stream",
                "--use-fake-ui-for-media-stream",
                f"--use-file-for-fake-video-capture={video}",
                "--force-webrtc-ip-handling-policy=disable_non_proxied_udp",
            )
            context = browser.new_context(viewport={"width": 1280, "height": 1000}, locale="en-US")
            context.grant_permissions(["camera"])
            page = context.new_page()
            page.set_default_timeout(20_000)
            register(page, app.url, "relayed", "relayed@example.com", "Passw0rd!")
            page.get_by_text("I understand. Read my expression from the camera.").click()
            webrtc = page.frame_locator("iframe[title*='streamlit_webrtc']")
            webrtc.get_by_role("button", name="START").click()
            expect(page.get_by_test_id("stMetric")).to_contain_text("happy", timeout=45_000)
            assert SECRET not in page.content()
            context.close()
            log = coturn.log()
            app_log = app.log()
    users = set(
        re.findall(r"user <(\d+:[0-9a-f]{16})>: incoming packet ALLOCATE processed, success", log)
    )
    assert users, log[-3000:]
    assert re.search(r"incoming packet (CHANNEL_BIND|CREATE_PERMISSION) processed, success", log)
    assert SECRET not in app_log
