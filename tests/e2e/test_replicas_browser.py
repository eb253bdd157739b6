"""Two replicas behind Debian's nginx with the project's config (deploy/nginx/app.conf).

Both start together on one fresh PostgreSQL database through the container's
entrypoint (migrations once), then a browser registers, logs in and posts through
nginx over TLS. The cookie hash keeps that browser on one replica; a second
browser, carrying the same login token and routed to the other replica, is
logged in there and sees the post.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import time
from collections.abc import Iterator
from pathlib import Path

import cv2
import numpy as np
import pytest
from playwright.sync_api import expect
from sqlalchemy import create_engine, text

from db.migrate import head_revision
from tests.conftest import _create_pg_database
from tests.support.app_server import ROOT, AppServer, start_app, stop_app, wait_healthy
from tests.support.faces import fixture_faces, webcam_frame
from tests.support.nginx import NGINX, get, run_nginx
from tests.support.streamlit_page import login, register, wait_idle, write_post

pytestmark = [pytest.mark.e2e, pytest.mark.slow]
PASSWORD = "Passw0rd!"
SECRETS = {
    "JWT_SECRET": "replicas-share-this-jwt-secret-" + "z" * 16,
    "STREAMLIT_SERVER_COOKIE_SECRET": "replicas-share-this-cookie-secret",
    "COOKIE_SECURE": "true",
    "TURN_SECRET": "",
    "STREAMLIT_SERVER_FILE_WATCHER_TYPE": "none",  # as in the image
}

if not os.path.exists(NGINX):  # pragma: no cover - depends on the machine
    if os.environ.get("CI"):
        raise RuntimeError(f"nginx not found at {NGINX}; scripts/test.sh installs it")
    pytest.skip(f"nginx not found at {NGINX}", allow_module_level=True)


@pytest.fixture(scope="module")
def fresh_pg() -> Iterator[str]:
    """An empty PostgreSQL database: no schema until the replicas migrate it."""
    try:
        url, admin = _create_pg_database()
    except Exception as exc:
        if os.environ.get("CI"):
            raise
        pytest.skip(f"PostgreSQL not reachable: {exc}")
    yield url
    with admin.connect() as conn:
        name = url.rsplit("/", 1)[1]
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(scope="module")
def replicas(fresh_pg: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[AppServer]]:
    """Two replicas started at the same moment through deploy/entrypoint.sh."""
    entrypoint = ["sh", str(ROOT / "deploy" / "entrypoint.sh")]
    servers: list[AppServer] = []
    with contextlib.ExitStack() as stack:
        for name in ("a", "b"):
            server = start_app(
                tmp_path_factory.mktemp(f"replica_{name}"),
                SECRETS,
                database_url=fresh_pg,
                entrypoint=entrypoint,
            )
            stack.callback(stop_app, server)
            servers.append(server)
        for server in servers:
            wait_healthy(server, timeout=90)
        yield servers


def _events(server: AppServer, name: str) -> list[dict]:
    lines = [line for line in server.log().splitlines() if line.startswith("{")]
    return [e for e in map(json.loads, lines) if e.get("event") == name]


def _upstream(server: AppServer) -> str:
    return server.url.removeprefix("http://")


def test_replicas_started_together_migrate_once(replicas: list[AppServer], fresh_pg: str) -> None:
    engine = create_engine(fresh_pg)
    with engine.connect() as conn:
        versions = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    engine.dispose()
    assert versions == [head_revision()]
    for server in replicas:
        (migrate,) = _events(server, "migrate")
        assert migrate["outcome"] == "ok", server.log()
        assert migrate["revision"] == head_revision()


def test_redirect_to_https_and_the_affinity_cookie(
    replicas: list[AppServer], tmp_path: Path
) -> None:
    with run_nginx(tmp_path, [_upstream(s) for s in replicas]) as nginx:
        status, headers, _ = get(f"{nginx.http_url}/board?x=1")
        assert status == 301
        assert dict(headers)["Location"] == "https://127.0.0.1/board?x=1"

        status, headers, body = get(f"{nginx.https_url}/_stcore/health")
        assert (status, body) == (200, b"ok")
        cookies = [v for k, v in headers if k.lower() == "set-cookie"]
        (route,) = [c for c in cookies if c.startswith("sye_route=")]
        assert re.fullmatch(
            r"sye_route=[0-9a-f]{32}; Path=/; Secure; HttpOnly; SameSite=Lax", route
        )
        assert "Strict-Transport-Security" in dict(headers)

        status, headers, _ = get(f"{nginx.https_url}/_stcore/health", "sye_route=x")
        assert status == 200
        assert not any(v.startswith("sye_route=") for k, v in headers if k == "Set-Cookie")
        log = nginx.access_log()
        assert {e["upstream"] for e in log if e["upstream"]} <= {_upstream(s) for s in replicas}
        # No client address, user agent or query string in the access log.
        fields = {"ts", "event", "method", "path", "status", "bytes", "ms", "upstream"}
        assert all(set(e) == fields | {"upstream_status"} for e in log)
        assert log[0]["path"] == "/board"


def _big_happy_photo(directory: Path) -> Path:
    """A 1920x1440 JPEG of a smiling face, over 1 MB (fine noise defeats compression)."""
    face = next(f for f in fixture_faces() if f.label == "happy")
    frame = webcam_frame(cv2.imread(str(face.path)), face_size=220)
    big = cv2.resize(frame, (1920, 1440), interpolation=cv2.INTER_CUBIC)
    noise = np.random.default_rng(0).integers(-12, 13, big.shape)
    noisy = np.clip(big.astype(np.int16) + noise, 0, 255).astype(np.uint8)
    ok, data = cv2.imencode(".jpg", noisy, [cv2.IMWRITE_JPEG_QUALITY, 97])
    assert ok and len(data) > 1_200_000
    path = directory / "big_happy.jpg"
    path.write_bytes(data.tobytes())
    return path


def _route_to(nginx, upstream: str) -> str:
    """A ``sye_route`` value that the cookie hash sends to ``upstream``."""
    for i in range(200):
        value = f"probe-{i}"
        get(f"{nginx.https_url}/_stcore/health", f"sye_route={value}")
        time.sleep(0.02)  # the access log line is written after the response
        if nginx.access_log()[-1]["upstream"] == upstream:
            return value
    raise AssertionError(f"no cookie value routed to {upstream}")


def test_one_replica_per_browser_and_shared_data(
    replicas: list[AppServer], launch_browser, tmp_path: Path
) -> None:
    upstreams = [_upstream(s) for s in replicas]
    with run_nginx(tmp_path, upstreams) as nginx:
        browser = launch_browser()
        context = browser.new_context(ignore_https_errors=True, locale="en-US")
        page = context.new_page()
        page.set_default_timeout(20_000)
        register(page, nginx.https_url, "replica1", "replica1@example.com", PASSWORD)
        page.locator("[data-testid='stSidebar']").get_by_role("link", name="Log out").click()
        page.wait_for_url(f"{nginx.https_url}/")
        login(page, nginx.https_url, "replica1@example.com", PASSWORD)
        write_post(page, nginx.https_url, "Seen from every replica", "posted through nginx")
        wait_idle(page)

        # An upload over 1 MB (nginx's default body limit) goes to the same replica
        # as the websocket, with Streamlit's XSRF check passing behind the proxy.
        page.goto(f"{nginx.https_url}/emotion")
        page.get_by_text("I understand. Read my expression from the camera.").click()
        page.get_by_text("Upload a photo", exact=True).click()
        page.locator("input[type='file']").set_input_files(_big_happy_photo(tmp_path))
        expect(page.get_by_text("I think you look happy")).to_be_visible(timeout=30_000)

        cookies = {c["name"]: c for c in context.cookies()}
        assert cookies["sye_token"]["secure"]
        assert re.fullmatch(r"[0-9a-f]{32}", cookies["sye_route"]["value"])
        context.close()  # closes the websockets: their access log lines are written

        # The first request (the HTML, before the browser has the cookie) may go
        # anywhere; every request after it goes to one replica.
        first, *served = [e for e in nginx.access_log() if e["upstream"]]
        assert (first["method"], first["path"], first["status"]) == ("GET", "/register", 200)
        used = {e["upstream"] for e in served}
        assert len(used) == 1, served
        assert sum(e["path"] == "/_stcore/stream" and e["status"] == 101 for e in served) >= 2
        uploads = [e for e in served if e["path"].startswith("/_stcore/upload_file")]
        assert any(e["method"] == "PUT" and e["status"] == 204 for e in uploads), uploads
        other = next(u for u in upstreams if u not in used)

        # A browser routed to the other replica, holding the same token.
        route = _route_to(nginx, other)
        third = browser.new_context(ignore_https_errors=True, locale="en-US")
        third.add_cookies(
            [
                {**cookies["sye_token"]},
                {"name": "sye_route", "value": route, "url": nginx.https_url, "secure": True},
            ]
        )
        before = len(nginx.access_log())
        page = third.new_page()
        page.set_default_timeout(20_000)
        page.goto(f"{nginx.https_url}/board")
        expect(page.locator("[data-testid='stSidebar']")).to_contain_text("replica1")
        expect(page.locator("[data-testid='stMain']")).to_contain_text("Seen from every replica")
        third.close()
        later = [e for e in nginx.access_log()[before:] if e["upstream"]]
        assert later and {e["upstream"] for e in later} == {other}

    # Structured request logs on both replicas, with a session id and no personal data.
    for server in replicas:
        runs = _events(server, "run")
        assert runs, server.log()
        assert all(re.fullmatch(r"[0-9a-f-]{36}", e["session"]) for e in runs)
        assert "replica1" not in server.log()
    logins = [e for server in replicas for e in _events(server, "login")]
    assert sorted(e["page"] for e in logins) == ["login", "register"]
    assert all(set(e) == {"ts", "level", "logger", "session", "event", "page"} for e in logins)
    assert "replica1" not in (tmp_path / "access.log").read_text()
