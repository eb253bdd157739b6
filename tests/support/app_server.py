"""Run the real app (``streamlit run Home.py``) on a free port for browser tests."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class AppServer:
    url: str
    database_url: str
    data_dir: Path
    process: subprocess.Popen[bytes]
    log_path: Path

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")


@contextlib.contextmanager
def run_app(tmp_dir: Path, extra_env: Mapping[str, str] | None = None) -> Iterator[AppServer]:
    """Start the app with its own SQLite database and data directory."""
    server = start_app(tmp_dir, extra_env)
    try:
        wait_healthy(server)
        yield server
    finally:
        stop_app(server)


def start_app(
    tmp_dir: Path,
    extra_env: Mapping[str, str] | None = None,
    *,
    database_url: str | None = None,
    entrypoint: list[str] | None = None,
) -> AppServer:
    """Launch the app without waiting for it (several can then start together).

    ``entrypoint`` replaces ``python -m streamlit run Home.py`` (e.g. the
    container's ``deploy/entrypoint.sh``, which migrates first); the server
    options are appended either way. Wait with ``wait_healthy``, end with
    ``stop_app``.
    """
    port = free_port()
    data_dir = tmp_dir / "data"
    database_url = database_url or f"sqlite:///{tmp_dir / 'app.db'}"
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "DATABASE_URL": database_url,
        "DATA_DIR": str(data_dir),
        "JWT_SECRET": "e2e-secret-" + "y" * 40,
        "OPENAI_API_KEY": "",
        "OPENAI_BASE_URL": "",
        **(extra_env or {}),
    }
    log_path = tmp_dir / "streamlit.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [
                *(entrypoint or [sys.executable, "-m", "streamlit", "run", "Home.py"]),
                "--server.port",
                str(port),
                "--server.address",
                "127.0.0.1",
                "--server.headless",
                "true",
                "--browser.gatherUsageStats",
                "false",
                # Tests never edit the app while it runs; watching a busy checkout only
                # costs CPU (and floods the log with inotify overflows).
                "--server.fileWatcherType",
                "none",
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    return AppServer(f"http://127.0.0.1:{port}", database_url, data_dir, process, log_path)


def stop_app(server: AppServer) -> None:
    server.process.terminate()
    try:
        server.process.wait(10)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait()


def wait_healthy(server: AppServer, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"streamlit exited early:\n{server.log()}")
        health = f"{server.url}/_stcore/health"
        with contextlib.suppress(OSError), urllib.request.urlopen(health, timeout=2) as resp:
            if resp.status == 200:
                return
        time.sleep(0.25)
    raise TimeoutError(f"streamlit did not become healthy:\n{server.log()}")
