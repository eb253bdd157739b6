"""scripts/ready.py: ready only when Streamlit answers and the database is current."""

from __future__ import annotations

import contextlib
import http.server
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from db.engine import get_engine
from db.migrate import upgrade
from tests.support.app_server import ROOT


class _Health(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        ok = self.path == "/_stcore/health"
        self.send_response(200 if ok else 404)
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args: object) -> None:
        pass


@contextlib.contextmanager
def fake_streamlit() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Health)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def ready(url: str, database_url: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DATABASE_URL": database_url}
    return subprocess.run(
        [sys.executable, "scripts/ready.py", "--url", url, "--timeout", "2"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'app.db'}"


def test_ready_when_up_and_migrated(sqlite_url: str) -> None:
    upgrade(get_engine(sqlite_url))
    with fake_streamlit() as url:
        result = ready(url, sqlite_url)
    assert (result.returncode, result.stdout.strip()) == (0, "ready")


def test_not_ready_before_migrations(sqlite_url: str) -> None:
    with get_engine(sqlite_url).begin() as conn:
        conn.execute(text("CREATE TABLE placeholder (id INTEGER)"))
    with fake_streamlit() as url:
        result = ready(url, sqlite_url)
    assert result.returncode == 1
    assert result.stdout.startswith("schema at None")


def test_not_ready_without_the_database_or_the_server(sqlite_url: str) -> None:
    with fake_streamlit() as url:
        result = ready(url, "postgresql://nobody@127.0.0.1:1/none")
    assert result.returncode == 1
    assert result.stdout.startswith("database unreachable")
    upgrade(get_engine(sqlite_url))
    result = ready("http://127.0.0.1:1", sqlite_url)
    assert result.returncode == 1
    assert result.stdout.startswith("health unreachable")
