"""How many people one app process serves: N live-video sessions beside M page users.

For each N in ``--live`` it starts a fresh app (SQLite, offline chat responder), then

* **N live sessions**: headless Chromium contexts (one browser, a looping fake webcam
  of a fixture face at 15 fps), each logged in as its own user, on the Emotion page
  with the video started. Per session it reports the frame rate the browser displays
  (``getVideoPlaybackQuality``; streamlit-webrtc may repeat a frame when the callback
  is late, so the callback's own rate is reported beside it), the analyses per second
  (as the readout shows them), how often the readout fragment actually reached the
  browser (gaps between fragment runs, read from the page's own websocket), the age
  of the reading it showed, and how often the readout column was empty (sampled once
  a second).
* **M page users**: plain websocket clients speaking Streamlit's protocol (the
  browser's BackMsg/ForwardMsg), each its own session and account, looping: open the
  board, go to its next page, open Chat, send a message and wait for the offline
  responder's whole reply, think 1-3 s. A page's response time is from the request to
  the run's ``script_finished``. They cost the server what a browser does and the
  machine almost nothing else, so the figures are the server's.
* the server process's CPU share and resident memory (VmRSS now, VmHWM peak).

Everything runs on this machine, Chromium included (its decoding and encoding of N
videos competes with the server for the same cores); the report says how much CPU
each side took.

    .venv/bin/python scripts/bench_load.py                    # N = 1, 2, 4, 8; M = 20
    .venv/bin/python scripts/bench_load.py --live 4 --users 0 --seconds 30
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import os
import random
import re
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import cv2  # noqa: E402
from playwright.sync_api import Page, sync_playwright  # noqa: E402
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg  # noqa: E402
from streamlit.proto.WidgetStates_pb2 import WidgetState  # noqa: E402
from websockets.sync.client import ClientConnection  # noqa: E402

from core.auth import AuthPolicy  # noqa: E402
from db.board import create_post  # noqa: E402
from db.engine import get_engine, get_sessionmaker  # noqa: E402
from db.migrate import upgrade  # noqa: E402
from db.types import utcnow  # noqa: E402
from services.accounts import issue_token, register  # noqa: E402
from tests.support.app_server import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_ARGS,
    AppServer,
    start_app,
    stop_app,
    wait_healthy,
)
from tests.support.faces import fixture_faces, webcam_frame, write_y4m  # noqa: E402
from tests.support.st_protocol import (  # noqa: E402
    FINISHED,
    open_session,
    request_run,
    run_messages,
)

CAMERA_FPS = 15
JWT_SECRET = "bench-load-secret-" + "z" * 40
PASSWORD = "Passw0rd!"
FPS_RE = re.compile(r"Processing: (\d+) fps")
READ_RE = re.compile(r"read ([\d.]+)× a second · this reading is ([\d.]+) s old")
STALE_RE = re.compile(r"this is the reading from (\d+) s ago")


# --- measurements -------------------------------------------------------------------


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def proc_status(pid: int) -> dict[str, float]:
    """VmRSS and VmHWM of a process, in MiB."""
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in {"VmRSS", "VmHWM"}:
            fields[key] = int(value.split()[0]) / 1024
    return fields


def proc_cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (threads included)."""
    parts = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(parts[11]) + int(parts[12])) / os.sysconf("SC_CLK_TCK")


def machine_cpu() -> tuple[float, float]:
    """(busy, total) jiffies of the whole machine."""
    values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = values[3] + values[4]
    return sum(values) - idle, sum(values)


def element_texts(msg: ForwardMsg) -> list[str]:
    """Markdown/caption/info text of a delta, the rest ignored."""
    if msg.WhichOneof("type") != "delta" or msg.delta.WhichOneof("type") != "new_element":
        return []
    element = msg.delta.new_element
    kind = element.WhichOneof("type")
    if kind == "markdown":
        return [element.markdown.body]
    if kind == "alert":
        return [element.alert.body]
    if kind == "metric":
        return [f"{element.metric.label}: {element.metric.body}"]
    return []


# --- live sessions ------------------------------------------------------------------


@dataclass
class LiveSession:
    """One browser context on the Emotion page, and what its websocket carried."""

    name: str
    page: Page
    started: float = 0.0
    first_reading: float | None = None
    fragment_runs: list[float] = field(default_factory=list)  # arrival times (perf_counter)
    full_runs: int = 0
    shown_fps: list[float] = field(default_factory=list)
    shown_rate: list[float] = field(default_factory=list)
    shown_age: list[float] = field(default_factory=list)
    stale_notes: int = 0
    waiting_notes: int = 0
    auto_reruns: int = 0  # run_every timers the server (re)armed in the browser
    exceptions: int = 0  # error elements the page received
    _texts: list[str] = field(default_factory=list)

    def on_frame(self, payload: str | bytes) -> None:
        if isinstance(payload, str):
            return
        msg = ForwardMsg()
        try:
            msg.ParseFromString(payload)
        except Exception:  # not every frame is a ForwardMsg we know
            return
        kind = msg.WhichOneof("type")
        if kind == "auto_rerun":
            self.auto_reruns += 1
        elif kind == "delta":
            self._texts.extend(element_texts(msg))
            if (
                msg.delta.WhichOneof("type") == "new_element"
                and msg.delta.new_element.WhichOneof("type") == "exception"
            ):
                self.exceptions += 1
        elif kind == "script_finished":
            now = time.perf_counter()
            if msg.script_finished == FINISHED.FINISHED_FRAGMENT_RUN_SUCCESSFULLY:
                self.fragment_runs.append(now)
                self._record(now)
            elif msg.script_finished == FINISHED.FINISHED_SUCCESSFULLY:
                self.full_runs += 1
                self._record(now)
            self._texts = []

    def _record(self, now: float) -> None:
        text = "\n".join(self._texts)
        if (m := FPS_RE.search(text)) and (r := READ_RE.search(text)):
            if self.first_reading is None and self.started:
                self.first_reading = now - self.started
            self.shown_fps.append(float(m.group(1)))
            self.shown_rate.append(float(r.group(1)))
            self.shown_age.append(float(r.group(2)))
        elif "happy" in text.lower() and self.first_reading is None and self.started:
            self.first_reading = now - self.started  # an app without the rate caption
        if STALE_RE.search(text):
            self.stale_notes += 1
        if "Waiting for the first reading" in text:
            self.waiting_notes += 1

    def decoded_frames(self) -> int | None:
        """Frames the browser has displayed from the processed (returned) video."""
        for frame in self.page.frames:
            if "streamlit_webrtc" in frame.url or "component" in frame.url:
                with contextlib.suppress(Exception):
                    count = frame.evaluate(
                        "() => { const v = document.querySelector('video');"
                        " return v ? v.getVideoPlaybackQuality().totalVideoFrames : null; }"
                    )
                    if count is not None:
                        return int(count)
        return None

    def readout_visible(self) -> bool:
        """Whether the readout column shows anything (metric, note or warning)."""
        return bool(
            self.page.evaluate(
                """() => {
                  const cols = document.querySelectorAll('[data-testid="stColumn"]');
                  for (const col of cols) {
                    if (col.querySelector('iframe')) continue;
                    if (col.querySelector('[data-testid="stMetric"],[data-testid="stAlert"]'))
                      return true;
                  }
                  return false;
                }"""
            )
        )


def open_live(context, url: str, token: str, name: str) -> LiveSession:
    context.add_cookies(
        [
            {"name": "sye_token", "value": token, "url": url},
            {"name": "sye_lang", "value": "en", "url": url},
        ]
    )
    page = context.new_page()
    page.set_default_timeout(60_000)
    session = LiveSession(name, page)
    page.on("websocket", lambda ws: ws.on("framereceived", session.on_frame))
    page.goto(f"{url}/emotion")
    page.get_by_text("I understand. Read my expression from the camera.").click()
    return session


def press_start(session: LiveSession) -> None:
    start = session.page.frame_locator("iframe[title*='streamlit_webrtc']").get_by_role(
        "button", name="START"
    )
    start.wait_for()
    session.started = time.perf_counter()
    start.click()


# --- page users (websocket clients) ---------------------------------------------------


@dataclass
class Timings:
    samples: dict[str, list[float]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, what: str, seconds: float) -> None:
        with self.lock:
            self.samples.setdefault(what, []).append(seconds)

    def error(self, text: str) -> None:
        with self.lock:
            self.errors.append(text)


class PageUser:
    """One Streamlit session driven over the websocket, as the browser drives it."""

    def __init__(self, ws: ClientConnection) -> None:
        self.ws = ws

    @staticmethod
    def connect(url: str, token: str) -> ClientConnection:
        return open_session(url, {"sye_token": token, "sye_lang": "en"})

    def run(self, page_name: str, widgets: list[WidgetState] = ()) -> tuple[float, list]:
        """One rerun; (seconds to its successful script_finished, new elements)."""
        started = time.perf_counter()
        request_run(self.ws, page_name=page_name, widgets=widgets)
        elements = []
        for fwd in run_messages(self.ws):
            kind = fwd.WhichOneof("type")
            if kind == "delta" and fwd.delta.WhichOneof("type") == "new_element":
                elements.append(fwd.delta.new_element)
            elif kind == "page_not_found":
                raise RuntimeError(f"page not found: {page_name}")
        return time.perf_counter() - started, elements


def widget_id(elements: list, kind: str, key: str) -> str | None:
    for element in elements:
        if element.WhichOneof("type") == kind:
            wid = getattr(element, kind).id
            if wid.endswith(key):
                return wid
    return None


def has_exception(elements: list) -> bool:
    return any(e.WhichOneof("type") == "exception" for e in elements)


def page_user_loop(url: str, token: str, timings: Timings, stop: threading.Event) -> None:
    rng = random.Random(token)
    try:
        with PageUser.connect(url, token) as ws:
            _page_user_steps(PageUser(ws), rng, timings, stop)
    except Exception as exc:  # reported, not fatal
        if not stop.is_set():
            timings.error(f"{type(exc).__name__}: {exc}")


def _page_user_steps(
    user: PageUser, rng: random.Random, timings: Timings, stop: threading.Event
) -> None:
    n = 0
    while not stop.is_set():
        seconds, elements = user.run("board")
        timings.add("board (open)", seconds)
        if has_exception(elements):
            timings.error("board: exception")
        older = widget_id(elements, "button", "board_older")
        if older is not None and not stop.is_set():
            click = WidgetState(id=older, trigger_value=True)
            seconds, elements = user.run("board", [click])
            timings.add("board (next page)", seconds)
        if stop.is_set():
            break
        seconds, elements = user.run("chat")
        timings.add("chat page", seconds)
        box = widget_id(elements, "chat_input", "chat_input")
        if box is None:
            timings.error("chat: no input box")
        elif not stop.is_set():
            n += 1
            typed = WidgetState(id=box)
            typed.chat_input_value.data = f"What food helps when I'm tired? ({n})"
            seconds, elements = user.run("chat", [typed])
            timings.add("chat reply (whole)", seconds)
            if has_exception(elements):
                timings.error("chat: exception")
        stop.wait(rng.uniform(1.0, 3.0))


# --- set-up ---------------------------------------------------------------------------


def seed(server: AppServer, n_users: int, posts: int = 45) -> list[str]:
    """Accounts with login tokens (as the app would issue them) and board posts."""
    policy = AuthPolicy(secret=JWT_SECRET, token_ttl=timedelta(hours=2))
    upgrade(get_engine(server.database_url))  # what the app does on its first run
    factory = get_sessionmaker(server.database_url)
    tokens = []
    with factory.begin() as session:
        for i in range(n_users):
            result = register(
                session,
                username=f"load{i}",
                email=f"load{i}@example.com",
                password=PASSWORD,
                confirm=PASSWORD,
                language="en",
            )
            assert result.user is not None, result.errors
            tokens.append(issue_token(session, result.user, policy, utcnow()))
        author = result.user.id
        for i in range(posts):
            create_post(
                session,
                user_id=author,
                title=f"Board post {i}",
                body=f"Post number {i} for the load test.",
                mood="happy",
            )
    return tokens


# --- one round --------------------------------------------------------------------------


def one_round(args: argparse.Namespace, n_live: int, video: Path, tmp: Path) -> dict:
    server = start_app(
        tmp,
        # Every live session admitted (the app's own limit is what this measures).
        {"JWT_SECRET": JWT_SECRET, "CHAT_MESSAGES_PER_HOUR": "100000", "LIVE_MAX_SESSIONS": "1000"},
    )
    report: dict = {"N": n_live, "M": args.users}
    try:
        wait_healthy(server)
        tokens = seed(server, n_live + args.users)
        live_tokens, user_tokens = tokens[:n_live], tokens[n_live:]
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM,
                args=[
                    *CHROMIUM_ARGS,
                    "--use-fake-device-for-media-stream",
                    "--use-fake-ui-for-media-stream",
                    f"--use-file-for-fake-video-capture={video}",
                    "--autoplay-policy=no-user-gesture-required",
                ],
            )
            sessions = []
            for i, token in enumerate(live_tokens):
                context = browser.new_context(
                    locale="en-US", viewport={"width": 1280, "height": 1000}
                )
                sessions.append(open_live(context, server.url, token, f"live{i}"))
            for session in sessions:
                press_start(session)
            stop = threading.Event()
            timings = Timings()
            users = [
                threading.Thread(
                    target=page_user_loop, args=(server.url, t, timings, stop), daemon=True
                )
                for t in user_tokens
            ]
            for thread in users:
                thread.start()
            # Warm-up: until every session shows a reading, or the warm-up time is up.
            deadline = time.perf_counter() + args.warmup
            while time.perf_counter() < deadline and any(s.first_reading is None for s in sessions):
                sessions[0].page.wait_for_timeout(250)
            window_start = time.perf_counter()
            for s in sessions:
                s.shown_fps.clear(), s.shown_rate.clear(), s.shown_age.clear()
                s.stale_notes = s.waiting_notes = 0
            with timings.lock:
                timings.samples.clear()
            frames0 = [s.decoded_frames() for s in sessions]
            cpu0, busy0 = proc_cpu_seconds(server.process.pid), machine_cpu()
            empty_samples = [0] * len(sessions)
            samples = 0
            while time.perf_counter() - window_start < args.seconds:
                if sessions:
                    sessions[0].page.wait_for_timeout(1000)
                    samples += 1
                    for i, s in enumerate(sessions):
                        with contextlib.suppress(Exception):
                            if not s.readout_visible():
                                empty_samples[i] += 1
                else:
                    time.sleep(1)
            elapsed = time.perf_counter() - window_start
            frames1 = [s.decoded_frames() for s in sessions]
            cpu1, busy1 = proc_cpu_seconds(server.process.pid), machine_cpu()
            memory = proc_status(server.process.pid)
            stop.set()
            for thread in users:
                thread.join(timeout=130)
            per_session = []
            for s, f0, f1, empty in zip(sessions, frames0, frames1, empty_samples, strict=True):
                runs = [t for t in s.fragment_runs if t >= window_start]
                gaps = [b - a for a, b in itertools.pairwise(runs)]
                if runs:  # the time from the last run to the window's end is a gap too
                    gaps.append(window_start + elapsed - runs[-1])
                per_session.append(
                    {
                        "name": s.name,
                        "first_reading_s": s.first_reading,
                        "video_fps": (f1 - f0) / elapsed if None not in (f0, f1) else None,
                        "callback_fps": statistics.median(s.shown_fps) if s.shown_fps else None,
                        "analyses_per_s": statistics.median(s.shown_rate) if s.shown_rate else None,
                        "fragment_runs_per_s": len(runs) / elapsed,
                        "gap_p95_s": percentile(gaps, 0.95) if gaps else elapsed,
                        "gap_max_s": max(gaps) if gaps else elapsed,
                        "age_p50_s": statistics.median(s.shown_age) if s.shown_age else None,
                        "age_p95_s": percentile(s.shown_age, 0.95) if s.shown_age else None,
                        "stale_notes": s.stale_notes,
                        "full_runs": s.full_runs,
                        "auto_reruns": s.auto_reruns,
                        "exceptions": s.exceptions,
                        "empty_samples": f"{empty}/{samples}",
                    }
                )
            report |= {
                "seconds": elapsed,
                "sessions": per_session,
                "pages": {k: list(v) for k, v in timings.samples.items()},
                "errors": list(timings.errors),
                "server_cpu": (cpu1 - cpu0) / elapsed,
                "machine_cpu": (busy1[0] - busy0[0]) / max(1, busy1[1] - busy0[1]),
                "rss_mib": memory.get("VmRSS"),
                "hwm_mib": memory.get("VmHWM"),
            }
            browser.close()
    finally:
        stop_app(server)
    return report


def fmt(value: float | None, spec: str = ".1f") -> str:
    return "–" if value is None else format(value, spec)


def print_report(report: dict) -> None:
    cores = os.cpu_count() or 1
    print(
        f"\n== N = {report['N']} live sessions, M = {report['M']} page users, "
        f"{report['seconds']:.0f} s window =="
    )
    print(
        f"server process: {report['server_cpu'] * 100:.0f}% of one core, "
        f"RSS {report['rss_mib']:.0f} MiB (peak {report['hwm_mib']:.0f} MiB); "
        f"whole machine busy {report['machine_cpu'] * 100:.0f}% of {cores} cores"
    )
    if report["sessions"]:
        print(
            "session  first-reading  video-fps  callback-fps  analyses/s  "
            "readout-runs/s  gap-p95  gap-max  age-p50  age-p95  stale  empty"
        )
        for s in report["sessions"]:
            print(
                f"{s['name']:<8} {fmt(s['first_reading_s']):>13} {fmt(s['video_fps']):>10} "
                f"{fmt(s['callback_fps'], '.0f'):>13} {fmt(s['analyses_per_s']):>11} "
                f"{s['fragment_runs_per_s']:>15.2f} {s['gap_p95_s']:>8.2f} "
                f"{s['gap_max_s']:>8.2f} {fmt(s['age_p50_s']):>8} {fmt(s['age_p95_s']):>8} "
                f"{s['stale_notes']:>6} {s['empty_samples']:>6}"
            )
        print(
            "  (whole session) full runs / run_every armed / errors: "
            + ", ".join(
                f"{s['name']} {s['full_runs']}/{s['auto_reruns']}/{s['exceptions']}"
                for s in report["sessions"]
            )
        )
    for what, values in sorted(report["pages"].items()):
        print(
            f"{what:<20} n={len(values):<4} median {statistics.median(values):.2f} s  "
            f"p95 {percentile(values, 0.95):.2f} s  max {max(values):.2f} s"
        )
    if report["errors"]:
        print(f"errors ({len(report['errors'])}): {sorted(set(report['errors']))[:5]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--live", default="1,2,4,8", help="comma-separated N values")
    parser.add_argument("--users", type=int, default=20, help="M page users beside them")
    parser.add_argument("--seconds", type=float, default=40.0, help="measured window per N")
    parser.add_argument("--warmup", type=float, default=30.0, help="longest wait for readings")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        face = next(f for f in fixture_faces() if f.label == "happy")
        frame = webcam_frame(cv2.imread(str(face.path)), face_size=220)
        video = write_y4m(tmp / "happy.y4m", [frame] * CAMERA_FPS, fps=CAMERA_FPS)
        for n in (int(v) for v in args.live.split(",")):
            round_dir = tmp / f"n{n}"
            round_dir.mkdir()
            print_report(one_round(args, n, video, round_dir))
            sys.stdout.flush()


if __name__ == "__main__":
    main()
