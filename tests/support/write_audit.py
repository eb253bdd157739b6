"""Record every path a process opens for writing, through Python's audit hooks.

A browser test copies this file as ``sitecustomize.py`` into a folder on the app
server's ``PYTHONPATH`` (see :func:`audited_env`), so the hook is installed before
Streamlit starts, and the test reads the log to prove the app wrote nothing while
a visitor used it. Self-contained on purpose (``os`` and ``sys`` only): it runs
before the project is importable.

Covered: ``open``/``os.open`` with a write flag, renames, removals, directory
creation, links, truncation, and SQLite connections (whose file writes happen in
C, past the hooks). Not covered: native libraries writing files directly.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

LOG_ENV = "WRITE_AUDIT_LOG"
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC
_PATH_EVENTS = {
    "os.rename": 0,
    "os.remove": 0,
    "os.rmdir": 0,
    "os.mkdir": 0,
    "os.link": 1,
    "os.symlink": 1,
    "os.truncate": 0,
    "shutil.copyfile": 1,
    "shutil.rmtree": 0,
    "sqlite3.connect": 0,
}


def install(log_path: str) -> None:
    fd = os.open(log_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)

    def record(event: str, target: object) -> None:
        if isinstance(target, bytes):
            target = target.decode(errors="replace")
        os.write(fd, f"{event}\t{target}\n".encode(errors="replace"))

    def hook(event: str, args: tuple) -> None:
        if event == "open":
            path, mode, flags = (*args, None, None)[:3]
            if isinstance(mode, str):  # open(), io.open(): the mode string
                writing = any(c in mode for c in "wax+")
            else:  # os.open(): the flags
                writing = bool((flags or 0) & _WRITE_FLAGS)
            if writing and not isinstance(path, int):
                record(event, path)
        elif event in _PATH_EVENTS:
            record(event, args[_PATH_EVENTS[event]])

    sys.addaudithook(hook)


def audited_env(folder: Path, log_path: Path) -> dict[str, str]:
    """Environment for a child Python process whose writes go to ``log_path``."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(__file__, folder / "sitecustomize.py")
    return {"PYTHONPATH": str(folder), LOG_ENV: str(log_path)}


def read_log(log_path: Path) -> list[tuple[str, str]]:
    if not log_path.exists():
        return []
    lines = log_path.read_text(errors="replace").splitlines()
    return [tuple(line.split("\t", 1)) for line in lines if "\t" in line]  # type: ignore[misc]


if __name__ == "sitecustomize" and os.environ.get(LOG_ENV):
    install(os.environ[LOG_ENV])
