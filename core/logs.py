"""Structured logs: one JSON object per line on stderr.

Container platforms and log shippers read stderr line by line; JSON lines can be
filtered by field (``event``, ``session``, ``level``) without parsing free text.
Request-level events carry the Streamlit session id (a random UUID, the same
for every rerun of one browser tab) so one visit can be followed across lines,
and never personal data: no usernames, emails, IP addresses, message text or
frames. ``event()`` refuses field names that would carry such data, and error
lines name the exception type and where it was raised, not its message (which
can quote user input or SQL parameters).
"""

from __future__ import annotations

import json
import logging
import sys
import traceback
from collections.abc import Callable
from datetime import UTC, datetime
from typing import IO, Any

EVENT_LOGGER = "sye.events"
# Field names that would put personal data into a log line.
PERSONAL_FIELDS = frozenset(
    {"username", "user", "email", "password", "token", "ip", "address", "text", "body", "title"}
    | {"message", "content", "frame", "image", "name", "comment"}
)
_RECORD_FIELDS = frozenset(vars(logging.makeLogRecord({}))) | {"message", "asctime"}
_HANDLER_MARK = "_sye_json_handler"


class JsonFormatter(logging.Formatter):
    """Formats a record as one JSON line; ``session`` supplies the current session id."""

    def __init__(self, session: Callable[[], str | None] | None = None) -> None:
        super().__init__()
        self._session = session or (lambda: None)

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
        }
        if record.name != EVENT_LOGGER:
            line["msg"] = record.getMessage()
        session = getattr(record, "session", None) or self._session()
        if session:
            line["session"] = session
        line.update(
            (key, value)
            for key, value in vars(record).items()
            if key not in _RECORD_FIELDS and key != "session" and not key.startswith("_")
        )
        if record.exc_info and record.exc_info[0] is not None:
            line["error"] = record.exc_info[0].__name__
            frames = traceback.extract_tb(record.exc_info[2])
            if frames:
                line["where"] = f"{frames[-1].filename.rsplit('/', 1)[-1]}:{frames[-1].lineno}"
        return json.dumps(line, ensure_ascii=False, default=str)


def configure(
    level: int = logging.INFO,
    session: Callable[[], str | None] | None = None,
    stream: IO[str] | None = None,
) -> logging.Handler:
    """Send the app's logs (and warnings from libraries) to ``stream`` as JSON lines.

    Idempotent: a second call replaces the handler instead of adding another, so
    a module reloaded by Streamlit never doubles every line.
    """
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, _HANDLER_MARK, False):
            root.removeHandler(handler)
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(JsonFormatter(session))
    setattr(handler, _HANDLER_MARK, True)
    root.addHandler(handler)
    if root.level > logging.WARNING or root.level == logging.NOTSET:
        root.setLevel(logging.WARNING)  # libraries: warnings and errors only
    logging.getLogger(EVENT_LOGGER).setLevel(level)
    for name in ("core", "db", "ui", "app_pages", "scripts"):
        logging.getLogger(name).setLevel(level)
    return handler


def event(name: str, /, *, level: int = logging.INFO, **fields: Any) -> None:
    """Log one request-level event, e.g. ``event("run", page="board", ms=12.5)``."""
    personal = PERSONAL_FIELDS.intersection(fields)
    if personal:
        raise ValueError(f"log fields that could hold personal data: {sorted(personal)}")
    logging.getLogger(EVENT_LOGGER).log(level, name, extra={"event": name, **fields})
