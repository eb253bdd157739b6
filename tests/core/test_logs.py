"""JSON log lines: one object per line, a session id, no personal data."""

from __future__ import annotations

import io
import json
import logging

import pytest

from core import logs


@pytest.fixture
def stream() -> io.StringIO:
    out = io.StringIO()
    handler = logs.configure(session=lambda: "sess-1", stream=out)
    yield out
    logging.getLogger().removeHandler(handler)


def lines(stream: io.StringIO) -> list[dict]:
    return [json.loads(line) for line in stream.getvalue().splitlines()]


def test_an_event_is_one_json_line_with_the_session(stream: io.StringIO) -> None:
    logs.event("run", page="board", ms=12.5, outcome="ok", logged_in=True)
    (line,) = lines(stream)
    assert line["event"] == "run"
    assert line["session"] == "sess-1"
    assert (line["page"], line["ms"], line["outcome"], line["logged_in"]) == (
        "board",
        12.5,
        "ok",
        True,
    )
    assert line["level"] == "info"
    assert line["ts"].endswith("+00:00")


@pytest.mark.parametrize("field", ["username", "email", "text", "token", "ip"])
def test_fields_that_hold_personal_data_are_refused(stream: io.StringIO, field: str) -> None:
    with pytest.raises(ValueError, match=field):
        logs.event("login", **{field: "someone"})
    assert stream.getvalue() == ""


def test_errors_name_the_type_and_place_not_the_message(stream: io.StringIO) -> None:
    try:
        raise RuntimeError("duplicate key value: email=person@example.com")
    except RuntimeError:
        logging.getLogger("ui.ops").exception("page failed", extra={"page": "register"})
    (line,) = lines(stream)
    assert line["error"] == "RuntimeError"
    assert line["where"].startswith("test_logs.py:")
    assert "person@example.com" not in stream.getvalue()


def test_configure_twice_keeps_one_handler(stream: io.StringIO) -> None:
    handler = logs.configure(session=lambda: None, stream=stream)
    try:
        logging.getLogger("core.something").warning("once")
        assert len(lines(stream)) == 1
        marked = [h for h in logging.getLogger().handlers if getattr(h, "_sye_json_handler", 0)]
        assert marked == [handler]
    finally:
        logging.getLogger().removeHandler(handler)
