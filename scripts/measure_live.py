"""Measure the live Emotion page as a person uses it, in headless Chromium.

Starts the app, plays a happy face as a fake 15 fps webcam, presses START and reports:
the time from START to the first reading on the page, and the frame rate of the video
callback (as the page shows it) sampled while the page's readout refreshes twice a
second. Run: .venv/bin/python scripts/measure_live.py [--seconds 15]
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import cv2  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from tests.support.app_server import CHROMIUM, CHROMIUM_ARGS, run_app  # noqa: E402
from tests.support.faces import fixture_faces, webcam_frame, write_y4m  # noqa: E402
from tests.support.streamlit_page import register  # noqa: E402

CAMERA_FPS = 15


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=15.0, help="how long to sample fps")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        face = next(f for f in fixture_faces() if f.label == "happy")
        frame = webcam_frame(cv2.imread(str(face.path)), face_size=220)
        video = write_y4m(tmp / "happy.y4m", [frame] * CAMERA_FPS, fps=CAMERA_FPS)
        with run_app(tmp) as server, sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM,
                args=[
                    *CHROMIUM_ARGS,
                    "--use-fake-device-for-media-stream",
                    "--use-fake-ui-for-media-stream",
                    f"--use-file-for-fake-video-capture={video}",
                ],
            )
            page = browser.new_page(locale="en-US", viewport={"width": 1280, "height": 1000})
            page.set_default_timeout(30_000)
            register(page, server.url, "measure", "measure@example.com", "Passw0rd!")
            page.get_by_text("I understand. Read my expression from the camera.").click()
            start_button = page.frame_locator("iframe[title*='streamlit_webrtc']").get_by_role(
                "button", name="START"
            )
            start_button.wait_for()
            started = time.perf_counter()
            start_button.click()
            page.get_by_test_id("stMetric").filter(has_text="happy").wait_for()
            first_reading = time.perf_counter() - started
            samples: list[float] = []
            deadline = time.perf_counter() + args.seconds
            while time.perf_counter() < deadline:
                text = page.get_by_text(re.compile(r"Processing: \d+ fps")).first.inner_text()
                samples.append(float(re.search(r"(\d+) fps", text).group(1)))
                page.wait_for_timeout(500)
            browser.close()
    steady = samples[len(samples) // 3 :]  # after the first seconds of ramp-up
    print(f"camera rate:                          {CAMERA_FPS} fps (fake webcam)")
    print(f"START -> first reading on the page:   {first_reading:.2f} s")
    print(
        f"callback rate while readout refreshes: median {statistics.median(steady):.1f} fps, "
        f"min {min(steady):.0f} fps over {len(steady)} samples (every 0.5 s)"
    )


if __name__ == "__main__":
    main()
