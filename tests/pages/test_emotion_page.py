"""The Emotion page through AppTest, with streamlit-webrtc stubbed (it has no frontend here)."""

from __future__ import annotations

import builtins
import io
import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from unittest import mock

import cv2
import numpy as np
import pytest
from PIL import Image
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker
from streamlit.testing.v1 import AppTest

from core.live import LiveSnapshot
from core.vision.engine import FaceEmotion
from db.models import EmotionReading
from tests.factories import make_token, make_user
from tests.pages.conftest import log_in, texts
from tests.support.faces import fixture_faces, webcam_frame

HAPPY_SCORES = {
    "angry": 0.01,
    "disgust": 0.0,
    "fear": 0.02,
    "happy": 0.9,
    "sad": 0.02,
    "surprise": 0.03,
    "neutral": 0.02,
}


def jpeg(image: np.ndarray) -> bytes:
    ok, data = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, 92])
    assert ok
    return data.tobytes()


@pytest.fixture(scope="module")
def happy_jpeg() -> bytes:
    face = next(f for f in fixture_faces() if f.label == "happy").read()
    return jpeg(webcam_frame(face, face_size=220))


@dataclass
class FakeProcessor:
    """Stands in for core.live.LiveEmotionProcessor: what the callback would publish."""

    snapshot: LiveSnapshot | None = None
    language: str = "en"

    def set_language(self, lang: str) -> None:
        self.language = lang

    def latest(self) -> LiveSnapshot | None:
        return self.snapshot


@pytest.fixture
def stub_webrtc(monkeypatch: pytest.MonkeyPatch) -> FakeProcessor:
    import ui.live_view

    processor = FakeProcessor(
        LiveSnapshot(
            emotion="happy",
            confidence=0.9,
            scores=HAPPY_SCORES,
            faces=1,
            timestamp=time.time(),
            fps=15.0,
        )
    )
    calls: list[dict] = []

    def fake_streamer(**kwargs):  # type: ignore[no-untyped-def]
        calls.append(kwargs)
        return SimpleNamespace(state=SimpleNamespace(playing=True))

    monkeypatch.setattr(ui.live_view, "webrtc_streamer", fake_streamer)
    monkeypatch.setattr(ui.live_view, "LiveEmotionProcessor", lambda: processor)
    processor.calls = calls  # type: ignore[attr-defined]
    return processor


@pytest.fixture
def emotion_page(
    make_app: Callable[..., AppTest], session_factory: sessionmaker[Session]
) -> Callable[..., AppTest]:
    def open_page(lang: str = "en", consent: bool = True) -> AppTest:
        with session_factory.begin() as s:
            user = make_user(s)
            token = make_token(s, user)
        at = log_in(make_app(lang), user, token).run()
        at.switch_page("app_pages/emotion.py").run()
        if consent:
            at.checkbox(key="camera_consent").check().run()
        return at

    return open_page


def choice(at: AppTest):
    """The confirm card's radio (keyed to the capture it belongs to)."""
    [radio] = [r for r in at.radio if str(r.key).startswith("confirm_choice_")]
    return radio


def readings(session_factory: sessionmaker[Session]) -> list[EmotionReading]:
    with session_factory() as s:
        return list(s.scalars(select(EmotionReading)))


def test_the_camera_waits_for_consent(emotion_page, stub_webrtc: FakeProcessor) -> None:
    at = emotion_page(consent=False)
    assert not at.exception
    assert "never stored" in texts(at)
    assert stub_webrtc.calls == []
    at.checkbox(key="camera_consent").check().run()
    assert len(stub_webrtc.calls) == 1
    call = stub_webrtc.calls[0]
    assert call["rtc_configuration"] == {"iceServers": []}
    assert call["video_frame_callback"] is stub_webrtc
    assert call["media_stream_constraints"]["audio"] is False


def test_live_capture_then_correct_saves_the_users_choice(
    emotion_page, stub_webrtc: FakeProcessor, session_factory: sessionmaker[Session]
) -> None:
    at = emotion_page()
    assert "happy" in at.metric[0].value
    at.button(key="capture_live").click().run()
    assert "I think you look **happy** 😊" in texts(at)
    choice(at).set_value("sad").run()
    at.button(key="confirm_reading").click().run()
    assert not at.exception
    [reading] = readings(session_factory)
    assert (reading.emotion, reading.detected_emotion, reading.corrected, reading.source) == (
        "sad",
        "happy",
        True,
        "live",
    )
    assert any("Saved" in s.value for s in at.success)
    assert "My current emotion: 😢 **sad** · chosen by you" in texts(at)
    at.button(key="go_chat").click().run()
    assert not at.exception


def test_live_readout_in_korean(emotion_page, stub_webrtc: FakeProcessor) -> None:
    at = emotion_page("ko")
    assert "행복" in at.metric[0].value
    assert stub_webrtc.language == "ko"
    at.button(key="capture_live").click().run()
    assert "😊 **행복** 표정으로 보여요" in texts(at)


def test_no_face_in_view_says_so(emotion_page, stub_webrtc: FakeProcessor) -> None:
    stub_webrtc.snapshot = LiveSnapshot(
        emotion=None, confidence=0.0, scores={}, faces=0, timestamp=time.time(), fps=15.0
    )
    at = emotion_page()
    assert "Looking for a face" in texts(at)
    assert "good light" in texts(at)
    assert not at.metric


def test_before_the_first_analysis_a_reading_is_coming_not_no_face(
    emotion_page, stub_webrtc: FakeProcessor
) -> None:
    # Frames flow but the (busy) server has not analysed one yet.
    stub_webrtc.snapshot = LiveSnapshot(
        emotion=None, confidence=0.0, scores={}, faces=0, timestamp=0.0, fps=12.0
    )
    at = emotion_page()
    assert "Waiting for the first reading" in texts(at)
    assert "No face found" not in texts(at)


@pytest.mark.parametrize(
    ("lang", "phrase"),
    [("en", r"busy: this is the reading from 1\d s ago"), ("ko", r"바빠요: 1\d초 전에 읽은")],
)
def test_an_old_reading_is_shown_with_its_age(
    emotion_page, stub_webrtc: FakeProcessor, lang: str, phrase: str
) -> None:
    # The server has not refreshed the reading for 12 s: show it, and say how old.
    stub_webrtc.snapshot = LiveSnapshot(
        emotion="happy",
        confidence=0.9,
        scores=HAPPY_SCORES,
        faces=1,
        timestamp=time.time() - 12.2,
        fps=9.0,
        analysis_fps=1.0,
    )
    at = emotion_page(lang)
    assert at.metric  # the last reading, still capturable
    assert re.search(phrase, texts(at))  # 12 s and however long the run took


def test_a_full_process_turns_new_live_video_away(
    emotion_page, stub_webrtc: FakeProcessor, monkeypatch: pytest.MonkeyPatch
) -> None:
    import core.live

    busy = core.live.AnalysisBudget(clock=lambda: 0.0)  # frozen: they stay live
    others = [object() for _ in range(40)]
    for session in [stub_webrtc, *others]:
        busy.interval(session, 1 / 15)
    monkeypatch.setattr(core.live, "_BUDGET", busy)
    at = emotion_page()
    # This session already streams: it keeps its place.
    assert len(stub_webrtc.calls) >= 1 and at.metric
    busy.forget(stub_webrtc)
    stub_webrtc.calls.clear()
    at.run()
    assert stub_webrtc.calls == []  # no new stream started
    assert any("Live video is full right now" in w.value for w in at.warning)
    assert "Take a snapshot" in texts(at)


@pytest.mark.parametrize(
    ("lang", "phrase"), [("en", "is failing right now"), ("ko", "읽지 못하고")]
)
def test_a_failing_model_is_reported_in_the_readout(
    emotion_page, stub_webrtc: FakeProcessor, lang: str, phrase: str
) -> None:
    stub_webrtc.snapshot = LiveSnapshot(
        emotion=None,
        confidence=0.0,
        scores={},
        faces=0,
        timestamp=0.0,
        fps=15.0,
        analysis_error=True,
    )
    at = emotion_page(lang)
    assert any(phrase in w.value for w in at.warning)
    assert not at.metric
    assert len(stub_webrtc.calls) >= 1  # the video component is still drawn


def test_upload_reads_the_photo_and_confirming_saves_it(
    emotion_page, happy_jpeg: bytes, session_factory: sessionmaker[Session]
) -> None:
    at = emotion_page()
    at.button_group(key="emotion_mode").set_value("upload").run()
    at.file_uploader(key="upload").set_value(("me.jpg", happy_jpeg, "image/jpeg")).run()
    assert not at.exception
    assert "I think you look **happy** 😊" in texts(at)
    at.button(key="confirm_reading").click().run()
    [reading] = readings(session_factory)
    assert (reading.emotion, reading.corrected, reading.source) == ("happy", False, "upload")
    assert abs(sum(reading.scores.values()) - 1) < 1e-3


def test_snapshot_works_like_an_upload(emotion_page, happy_jpeg: bytes) -> None:
    at = emotion_page()
    at.button_group(key="emotion_mode").set_value("snapshot").run()
    at.camera_input(key="snapshot").set_value(("snap.jpg", happy_jpeg, "image/jpeg")).run()
    assert not at.exception
    assert at.session_state["pending_reading"].source == "snapshot"
    assert choice(at).value == "happy"


@pytest.mark.parametrize(
    ("filename", "content", "message"),
    [
        ("renamed-gif.jpg", None, "Only JPEG, PNG and WebP"),
        ("broken.jpg", b"\xff\xd8\xff\xe0 not really a jpeg", "can't be read"),
        ("blank.png", "blank", "No face found"),
    ],
)
def test_bad_uploads_get_a_clear_message(
    emotion_page, filename: str, content: bytes | str | None, message: str
) -> None:
    if content is None:
        buffer = io.BytesIO()
        Image.new("RGB", (32, 32)).save(buffer, format="GIF")
        content = buffer.getvalue()
    elif content == "blank":
        content = cv2.imencode(".png", np.full((480, 640, 3), 200, np.uint8))[1].tobytes()
    at = emotion_page()
    at.button_group(key="emotion_mode").set_value("upload").run()
    at.file_uploader(key="upload").set_value((filename, content, "image/jpeg")).run()
    assert not at.exception
    assert message in texts(at)
    assert "pending_reading" not in at.session_state


def test_images_are_never_written_to_disk_or_the_database(
    emotion_page,
    happy_jpeg: bytes,
    session_factory: sessionmaker[Session],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    at = emotion_page()
    at.button_group(key="emotion_mode").set_value("upload").run()
    writes: list[str] = []
    real_open, real_os_open = builtins.open, os.open

    def spy_open(file, mode="r", *args, **kwargs):  # type: ignore[no-untyped-def]
        if any(flag in mode for flag in "wax+"):
            writes.append(str(file))
        return real_open(file, mode, *args, **kwargs)

    def spy_os_open(path, flags, *args, **kwargs):  # type: ignore[no-untyped-def]
        if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            writes.append(str(path))
        return real_os_open(path, flags, *args, **kwargs)

    never = mock.Mock(side_effect=AssertionError("an image was about to be written"))
    real_save = Image.Image.save

    def save_to_memory_only(image, fp, *args, **kwargs):  # type: ignore[no-untyped-def]
        # st.image encodes into a BytesIO to send to the browser; a path means disk.
        if isinstance(fp, (str, os.PathLike)):
            raise AssertionError(f"an image was about to be written to {fp}")
        return real_save(image, fp, *args, **kwargs)

    with (
        mock.patch.object(builtins, "open", spy_open),
        mock.patch.object(os, "open", spy_os_open),
        mock.patch.object(cv2, "imwrite", never),
        mock.patch.object(Image.Image, "save", save_to_memory_only),
    ):
        at.file_uploader(key="upload").set_value(("me.jpg", happy_jpeg, "image/jpeg")).run()
        at.button(key="confirm_reading").click().run()
    assert not at.exception
    assert readings(session_factory), "the confirmed reading is saved"
    # The only files touched are the database's own (the reading's row).
    assert [w for w in writes if not w.endswith((".db", "-wal", "-shm", "-journal"))] == []
    # And no stored byte sequence comes from the image.
    marker = happy_jpeg[len(happy_jpeg) // 2 : len(happy_jpeg) // 2 + 48]
    data_dir = Path(os.environ["DATA_DIR"])
    database = session_factory.kw["bind"].url.database
    for path in [*data_dir.rglob("*"), *(Path(database).parent.glob("*") if database else [])]:
        if path.is_file():
            assert marker not in path.read_bytes(), path


# --- one capture, one truth (issue 9) -------------------------------------------------


def _face(emotion: str, top: float) -> FaceEmotion:
    rest = (1.0 - top) / 6
    scores = {e: (top if e == emotion else rest) for e in HAPPY_SCORES}
    return FaceEmotion((100, 80, 200, 200), scores, emotion)


@pytest.fixture
def photos(monkeypatch: pytest.MonkeyPatch) -> dict[tuple[int, ...], FaceEmotion]:
    """The engine reads each photo as this table says, by the photo's size (the page,
    not the model, is under test)."""
    import ui.photo

    table: dict[tuple[int, ...], FaceEmotion] = {}
    monkeypatch.setattr(ui.photo, "analyze", lambda bgr: [table[bgr.shape]])
    return table


def _photo(photos: dict[tuple[int, ...], FaceEmotion], seed: int, face: FaceEmotion) -> bytes:
    """A JPEG of its own size (``st.camera_input`` takes only .jpg)."""
    image = np.random.default_rng(seed).integers(0, 255, (240 + seed, 320, 3), np.uint8)
    photos[image.shape] = face
    return jpeg(image)


def test_a_new_upload_starts_from_its_own_emotion(
    emotion_page, photos, session_factory: sessionmaker[Session]
) -> None:
    happy, sad = _photo(photos, 1, _face("happy", 0.81)), _photo(photos, 2, _face("sad", 0.74))
    at = emotion_page()
    at.button_group(key="emotion_mode").set_value("upload").run()
    at.file_uploader(key="upload").set_value(("a.jpg", happy, "image/jpeg")).run()
    assert choice(at).value == "happy"
    at.file_uploader(key="upload").set_value(("b.jpg", sad, "image/jpeg")).run()
    assert "I think you look **sad** 😢" in texts(at) and "74%" in texts(at)
    assert choice(at).value == "sad"  # not the previous photo's choice
    at.button(key="confirm_reading").click().run()
    [reading] = readings(session_factory)
    assert (reading.emotion, reading.detected_emotion, reading.corrected) == ("sad", "sad", False)
    assert reading.confidence == pytest.approx(0.74)


def test_a_snapshot_card_goes_when_switching_to_upload(
    emotion_page, photos, session_factory: sessionmaker[Session]
) -> None:
    shot, upload = _photo(photos, 3, _face("happy", 0.9)), _photo(photos, 4, _face("angry", 0.6))
    at = emotion_page()
    at.button_group(key="emotion_mode").set_value("snapshot").run()
    at.camera_input(key="snapshot").set_value(("s.jpg", shot, "image/jpeg")).run()
    assert "I think you look **happy**" in texts(at)
    at.button_group(key="emotion_mode").set_value("upload").run()
    assert "I think you look" not in texts(at) and not at.radio  # the snapshot's card went
    at.file_uploader(key="upload").set_value(("u.jpg", upload, "image/jpeg")).run()
    assert choice(at).value == "angry"
    at.button(key="confirm_reading").click().run()
    [reading] = readings(session_factory)
    assert (reading.emotion, reading.detected_emotion, reading.source) == (
        "angry",
        "angry",
        "upload",
    )


def test_a_broken_file_takes_the_last_result_away(
    emotion_page, photos, session_factory: sessionmaker[Session]
) -> None:
    happy = _photo(photos, 5, _face("happy", 0.9))
    at = emotion_page()
    at.button_group(key="emotion_mode").set_value("upload").run()
    at.file_uploader(key="upload").set_value(("a.jpg", happy, "image/jpeg")).run()
    at.button(key="confirm_reading").click().run()
    assert any("Saved" in s.value for s in at.success)
    at.file_uploader(key="upload").set_value(("x.jpg", b"\xff\xd8 broken", "image/jpeg")).run()
    assert "can't be read" in texts(at)
    assert not any("Saved" in s.value for s in at.success)
    assert not [b for b in at.button if b.key == "go_chat"]
    # The saved reading is still the current mood, said as such.
    assert "My current emotion: 😊 **happy**" in texts(at)


def test_the_card_and_the_saved_reading_use_the_steadied_label(
    emotion_page, stub_webrtc: FakeProcessor, session_factory: sessionmaker[Session]
) -> None:
    """Live, the tracker holds "angry" while "neutral" edges ahead within its margin:
    the card, the saved row and its confidence all say what the readout said."""
    scores = {**dict.fromkeys(HAPPY_SCORES, 0.05), "angry": 0.32, "neutral": 0.38, "sad": 0.10}
    stub_webrtc.snapshot = LiveSnapshot(
        emotion="angry", confidence=0.32, scores=scores, faces=1, timestamp=time.time(), fps=15.0
    )
    at = emotion_page()
    assert "angry" in at.metric[0].value and "32%" in at.metric[0].delta
    at.button(key="capture_live").click().run()
    assert "I think you look **angry**" in texts(at) and "Confidence: 32%" in texts(at)
    at.button(key="confirm_reading").click().run()
    [reading] = readings(session_factory)
    assert (reading.emotion, reading.detected_emotion, reading.corrected) == (
        "angry",
        "angry",
        False,
    )
    assert reading.confidence == pytest.approx(0.32)


def test_capture_saves_the_reading_on_screen_not_a_later_one(
    emotion_page, stub_webrtc: FakeProcessor, session_factory: sessionmaker[Session]
) -> None:
    at = emotion_page()  # the readout shows happy 90%
    stub_webrtc.snapshot = LiveSnapshot(
        emotion="sad", confidence=0.6, scores={"sad": 0.6}, faces=1, timestamp=time.time(), fps=15
    )  # the face changed after the readout was drawn, before the click
    at.button(key="capture_live").click().run()
    assert "I think you look **happy**" in texts(at) and "Confidence: 90%" in texts(at)
    at.button(key="confirm_reading").click().run()
    [reading] = readings(session_factory)
    assert (reading.detected_emotion, reading.confidence) == ("happy", pytest.approx(0.9))
