"""The Korean UI in a real browser: no English button labels (the video component's
own buttons included), colour emoji, and a red button for what deletes for good.

A person whose browser asks for Korean signs up, turns on the (fake) webcam and
walks through the pages. Every button label on the page and inside the
streamlit-webrtc iframe is read: none may carry English words (START, STOP and
SELECT DEVICE did, whatever the page's language).
"""

from __future__ import annotations

import re
from pathlib import Path

import cv2
import pytest
from playwright.sync_api import Frame, FrameLocator, Page, expect

from tests.support.app_server import AppServer
from tests.support.faces import fixture_faces, webcam_frame, write_y4m
from tests.support.streamlit_page import fill, wait_for_login_cookie, wait_idle

pytestmark = pytest.mark.e2e
PASSWORD = "Passw0rd!"
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"  # gitignored screenshots
# Latin words allowed in Korean labels: names of things, not English sentences.
ALLOWED = {"JSON"}
WORD = re.compile(r"[A-Za-z]{2,}")

# Each button's label as a person sees it: icon ligatures (Material Symbols names
# such as "keyboard_arrow_right") are pictures, not words, and are left out.
BUTTON_LABELS = """() => [...document.querySelectorAll('button, [role="tab"]')]
  .filter(b => b.offsetParent !== null)
  .map(b => {
    const copy = b.cloneNode(true);
    copy.querySelectorAll('[data-testid="stIconMaterial"], .material-icons, svg')
      .forEach(e => e.remove());
    return (copy.innerText || '').trim();
  })
  .filter(text => text.length > 0)"""

# Draw one emoji with the page's own font stack on a canvas (as Vega charts do) and
# report whether any pixel is coloured: a black-and-white emoticon font (DejaVu
# Sans, the Linux sans-serif fallback) draws only greys.
EMOJI_IN_COLOUR = """(selector) => {
  const font = getComputedStyle(document.querySelector(selector)).fontFamily;
  const canvas = document.createElement('canvas');
  canvas.width = 64; canvas.height = 64;
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#000';
  ctx.font = `40px ${font}`;
  ctx.textBaseline = 'top';
  ctx.fillText('\\u{1F60A}', 4, 4);
  const data = ctx.getImageData(0, 0, 64, 64).data;
  for (let i = 0; i < data.length; i += 4) {
    const [r, g, b, a] = [data[i], data[i + 1], data[i + 2], data[i + 3]];
    if (a > 128 && Math.max(r, g, b) - Math.min(r, g, b) > 60) return true;
  }
  return false;
}"""


def english_in(labels: list[str]) -> list[str]:
    return [label for label in labels if any(w not in ALLOWED for w in WORD.findall(label))]


@pytest.fixture
def webcam(tmp_path: Path) -> Path:
    face = next(f for f in fixture_faces() if f.label == "happy")
    frame = webcam_frame(cv2.imread(str(face.path)), face_size=220)
    return write_y4m(tmp_path / "face.y4m", [frame] * 20)


def korean_camera_page(launch_browser, video: Path) -> Page:
    browser = launch_browser(
        "--use-fake-device-for-media-stream",
        "--use-fake-ui-for-media-stream",
        f"--use-file-for-fake-video-capture={video}",
    )
    context = browser.new_context(viewport={"width": 1280, "height": 1000}, locale="ko-KR")
    context.grant_permissions(["camera"])
    page = context.new_page()
    page.set_default_timeout(20_000)
    return page


def webrtc_frame(page: Page) -> Frame:
    return next(f for f in page.frames if "streamlit_webrtc" in f.url)


def frame_button_labels(frame: Frame) -> list[str]:
    return frame.evaluate(BUTTON_LABELS)


def test_korean_pages_and_the_video_component_have_no_english_buttons(
    app_server: AppServer, launch_browser, webcam: Path
) -> None:
    page = korean_camera_page(launch_browser, webcam)
    page.goto(f"{app_server.url}/register")
    fill(page, "아이디", "haneul")
    fill(page, "이메일", "haneul@example.com")
    fill(page, "비밀번호", PASSWORD)
    fill(page, "비밀번호 확인", PASSWORD)
    # Streamlit's own password toggle speaks Korean too (ui/widget_text.py).
    expect(page.locator("[aria-label='비밀번호 보기']").first).to_be_attached()
    assert page.locator("[aria-label='Show password']").count() == 0
    page.get_by_role("button", name="가입하기").click()
    page.wait_for_url("**/emotion")
    wait_for_login_cookie(page)

    page.get_by_text("이해했어요. 카메라로 표정을 읽어 주세요.").click()
    webrtc: FrameLocator = page.frame_locator("iframe[title*='streamlit_webrtc']")
    start = webrtc.get_by_role("button", name="시작", exact=True)
    expect(start).to_be_visible()
    expect(webrtc.get_by_role("button", name="카메라 고르기")).to_be_visible()
    labels = frame_button_labels(webrtc_frame(page))
    assert labels and english_in(labels) == [], labels
    assert english_in(page.evaluate(BUTTON_LABELS)) == []

    start.click()  # the video plays: the component's buttons change to "stop"
    expect(webrtc.get_by_role("button", name="멈추기", exact=True)).to_be_visible(timeout=30_000)
    expect(page.get_by_test_id("stMetric")).to_be_visible(timeout=30_000)
    labels = frame_button_labels(webrtc_frame(page))
    assert english_in(labels) == [], labels
    assert english_in(page.evaluate(BUTTON_LABELS)) == []
    # The readout's emoji are drawn in colour with the app's fonts.
    assert page.evaluate(EMOJI_IN_COLOUR, "[data-testid='stMetricValue']")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "korean_live.png"))

    # Snapshot and upload: Streamlit's camera and file widgets, relabelled.
    page.get_by_role("radio", name="사진 한 장 찍기").click()
    expect(page.get_by_role("button", name="사진 찍기")).to_be_visible()
    assert english_in(page.evaluate(BUTTON_LABELS)) == []
    page.get_by_role("radio", name="사진 올리기").click()
    expect(page.get_by_role("button", name="파일 고르기")).to_be_visible()
    expect(page.get_by_test_id("stFileUploaderDropzoneInstructions")).to_contain_text(
        "파일 하나에 10MB까지"
    )
    assert english_in(page.evaluate(BUTTON_LABELS)) == []

    for path in ("", "chat", "board", "mypage", "model-card"):
        page.goto(f"{app_server.url}/{path}")
        wait_idle(page)
        page.wait_for_timeout(500)
        assert english_in(page.evaluate(BUTTON_LABELS)) == [], path

    # My page: the account deletion, the one button that deletes everything, is red.
    page.goto(f"{app_server.url}/mypage")
    page.get_by_role("tab", name="내 데이터").click()
    delete = page.get_by_role("button", name="탈퇴하고 모든 데이터 삭제")
    expect(delete).to_be_visible()
    colour = delete.evaluate("b => getComputedStyle(b).backgroundColor")
    assert colour == "rgb(198, 40, 40)", colour
    assert page.evaluate(EMOJI_IN_COLOUR, "[data-testid='stMarkdownContainer']")
