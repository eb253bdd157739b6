"""Speak Streamlit's websocket protocol as the browser does: ask for a run, read its messages.

Used where a browser would be too heavy or too indirect: the load benchmark's page
users (``scripts/bench_load.py``) and tests of what the server sends
(``tests/pages/test_auto_rerun.py``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.sync.client import ClientConnection, connect

FINISHED = ForwardMsg.ScriptFinishedStatus
_DONE = (FINISHED.FINISHED_SUCCESSFULLY, FINISHED.FINISHED_FRAGMENT_RUN_SUCCESSFULLY)


def open_session(url: str, cookies: Mapping[str, str] | None = None) -> ClientConnection:
    """A new Streamlit session on the app at ``url`` (http://host:port)."""
    headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())} if cookies else None
    return connect(
        url.replace("http://", "ws://") + "/_stcore/stream",
        subprotocols=["streamlit"],
        additional_headers=headers,
        max_size=None,
        open_timeout=60,
    )


def request_run(
    ws: ClientConnection,
    *,
    page_name: str = "",
    widgets: Iterable[WidgetState] = (),
    fragment_id: str = "",
) -> None:
    """Ask for a full run of ``page_name`` (or a run of one fragment, as its timer does)."""
    msg = BackMsg()
    msg.rerun_script.page_name = page_name
    msg.rerun_script.query_string = ""
    msg.rerun_script.widget_states.widgets.extend(widgets)
    if fragment_id:
        msg.rerun_script.fragment_id = fragment_id
        msg.rerun_script.is_auto_rerun = True
    ws.send(msg.SerializeToString())


def run_messages(ws: ClientConnection, timeout: float = 120) -> Iterator[ForwardMsg]:
    """The messages of the run asked for, up to and including its successful end.

    A run ended early for a rerun (``st.rerun()``, e.g. a pager) is followed by the
    next; a compile error raises.
    """
    while True:
        data = ws.recv(timeout=timeout)
        if isinstance(data, str):
            continue
        fwd = ForwardMsg()
        fwd.ParseFromString(data)
        yield fwd
        if fwd.WhichOneof("type") == "script_finished":
            if fwd.script_finished in _DONE:
                return
            if fwd.script_finished == FINISHED.FINISHED_WITH_COMPILE_ERROR:
                raise RuntimeError("compile error")
