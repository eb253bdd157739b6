"""Run Debian's coturn with deploy/coturn/turnserver.conf on a free port of 127.0.0.1."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from tests.support.app_server import ROOT, free_port

TURNSERVER = os.environ.get("TURNSERVER_PATH", shutil.which("turnserver") or "/usr/bin/turnserver")
CONF = ROOT / "deploy" / "coturn" / "turnserver.conf"


@dataclass
class Coturn:
    host: str
    port: int
    log_path: Path

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")


@contextlib.contextmanager
def run_coturn(tmp: Path, secret: str, extra: Sequence[str] = ()) -> Iterator[Coturn]:
    """The project's config as shipped; the command line adds what compose adds
    (secret, realm) and moves the listener to 127.0.0.1 on a free port."""
    port = free_port()
    log_path = tmp / "turnserver.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [
                TURNSERVER,
                "-c",
                str(CONF),
                f"--static-auth-secret={secret}",
                "--realm=test.example.org",
                f"--listening-port={port}",
                "--listening-ip=127.0.0.1",
                "--relay-ip=127.0.0.1",
                "--no-tls",
                "--no-dtls",
                f"--pidfile={tmp / 'turnserver.pid'}",
                f"--db={tmp / 'turndb'}",
                *extra,
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        yield Coturn("127.0.0.1", port, log_path)
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
