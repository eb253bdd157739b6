"""Measure the app's resident memory: idle, then with the models loaded and one live session.

For the Streamlit Community Cloud limit (about 1 GB on the free tier). Starts the
app with no secrets (SQLite, offline responder) — with ``--python`` from another
environment, e.g. one made from uv.lock as Community Cloud makes it — registers in
headless Chromium, plays a fake webcam through the Emotion page for ``--seconds``
and reads the server process's VmRSS/VmHWM from /proc.

    .venv/bin/python scripts/measure_memory.py [--python /path/to/env/bin/python] [--seconds 20]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import cv2  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from tests.support.app_server import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_ARGS,
    start_app,
    stop_app,
    wait_healthy,
)
from tests.support.faces import fixture_faces, webcam_frame, write_y4m  # noqa: E402
from tests.support.streamlit_page import register  # noqa: E402

CAMERA_FPS = 15


def memory_mib(pid: int) -> dict[str, float]:
    """VmRSS (now) and VmHWM (peak) of a process, in MiB."""
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in {"VmRSS", "VmHWM"}:
            fields[key] = int(value.split()[0]) / 1024
    return fields


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--python", default=sys.executable, help="interpreter to run the app")
    parser.add_argument("--seconds", type=float, default=20.0, help="live video duration")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        face = next(f for f in fixture_faces() if f.label == "happy")
        frame = webcam_frame(cv2.imread(str(face.path)), face_size=220)
        video = write_y4m(tmp / "happy.y4m", [frame] * CAMERA_FPS, fps=CAMERA_FPS)
        server = start_app(
            tmp,
            {"JWT_SECRET": "", "STREAMLIT_SERVER_FILE_WATCHER_TYPE": "none"},
            entrypoint=[args.python, "-m", "streamlit", "run", "Home.py"],
        )
        try:
            wait_healthy(server)
            time.sleep(2)
            idle = memory_mib(server.process.pid)
            with sync_playwright() as playwright:
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
                register(page, server.url, "memory", "memory@example.com", "Passw0rd!")
                page.get_by_text("I understand. Read my expression from the camera.").click()
                frame_locator = page.frame_locator("iframe[title*='streamlit_webrtc']")
                frame_locator.get_by_role("button", name="START").click()
                page.get_by_test_id("stMetric").filter(has_text="happy").wait_for()
                page.wait_for_timeout(args.seconds * 1000)
                live = memory_mib(server.process.pid)
                browser.close()
        finally:
            stop_app(server)
    print(f"interpreter: {args.python}")
    print(f"idle after start:                 RSS {idle['VmRSS']:.0f} MiB")
    print(
        f"models loaded + one live session: RSS {live['VmRSS']:.0f} MiB, "
        f"peak {live['VmHWM']:.0f} MiB (after {args.seconds:.0f} s of video)"
    )


if __name__ == "__main__":
    main()
