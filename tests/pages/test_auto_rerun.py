"""The live readout's refresh timer is re-sent on every fragment run (ui/auto_rerun.py).

Driven over Streamlit's own websocket protocol against a real server, because what
is tested is Streamlit's internals as this version has them: the fragment id of the
running fragment, and the "auto rerun" message the browser arms its timer from. A
Streamlit upgrade that moves them fails here instead of freezing readouts under load.
"""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import pytest
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from tests.support.app_server import ROOT, start_app, stop_app, wait_healthy
from tests.support.st_protocol import open_session, request_run, run_messages

SCRIPT = """
import streamlit as st
from ui.auto_rerun import keep_armed

@st.fragment(run_every=30)
def readout():
    st.text("re-armed" if keep_armed(30) else "armed by the full run")

readout()
"""


def _run(ws, *, fragment_id: str = "") -> tuple[list[ForwardMsg], list[str]]:
    """One rerun request; the auto-rerun messages and texts until the run ends."""
    request_run(ws, fragment_id=fragment_id)
    timers, texts = [], []
    for fwd in run_messages(ws, timeout=30):
        kind = fwd.WhichOneof("type")
        if kind == "auto_rerun":
            timers.append(fwd)
        elif kind == "delta" and fwd.delta.WhichOneof("type") == "new_element":
            element = fwd.delta.new_element
            if element.WhichOneof("type") == "text":
                texts.append(element.text.body)
    return timers, texts


@pytest.fixture
def server(tmp_path: Path):
    script = tmp_path / "fragment_app.py"
    script.write_text(textwrap.dedent(SCRIPT))
    app = start_app(
        tmp_path,
        {"PYTHONPATH": str(ROOT)},
        entrypoint=[sys.executable, "-m", "streamlit", "run", str(script)],
    )
    try:
        wait_healthy(app)
        yield app
    finally:
        stop_app(app)


def test_fragment_run_resends_its_timer(server) -> None:
    with open_session(server.url) as ws:
        timers, texts = _run(ws)
        # The full run arms the timer itself (Streamlit's own message), once.
        assert texts == ["armed by the full run"]
        assert len(timers) == 1
        fragment_id = timers[0].auto_rerun.fragment_id
        assert fragment_id and timers[0].auto_rerun.interval == 30

        # A run of the fragment alone: Streamlit sends no timer; ours re-sends it.
        timers, texts = _run(ws, fragment_id=fragment_id)
        assert texts == ["re-armed"]
        assert [(t.auto_rerun.fragment_id, t.auto_rerun.interval) for t in timers] == [
            (fragment_id, 30)
        ]


def test_outside_a_run_nothing_is_sent() -> None:
    from ui.auto_rerun import keep_armed

    assert keep_armed(0.5) is False
