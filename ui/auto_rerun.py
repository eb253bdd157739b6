"""Keep a ``run_every`` fragment's browser timer armed: the live readout's refresh.

A fragment with ``run_every`` does not refresh itself: the browser runs a timer that
asks the server for the next run. Streamlit's frontend clears every such timer when
a full run starts, and re-arms one when that run's "auto rerun" message arrives,
which the server sends when the script reaches the fragment. Under load that message
can be lost: the server's event loop lags, a timer request already on the wire is
handled after the full run has finished but before that run's queued messages went
out, so Streamlit starts a new script runner for the fragment and drops the
finished runner's pending messages (``AppSession`` ignores events from a runner that
is no longer current), the auto-rerun message among them. The fragment run that
follows does not send one (only a call from a full run does), so the tab never asks
again: its readout froze while the video played (README, *Capacity*).

:func:`keep_armed` re-sends the message from every fragment run. The browser ignores
it when the same timer is already running, so it costs a few bytes a run.
"""

from __future__ import annotations

import logging

from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.runtime.scriptrunner import get_script_run_ctx

try:  # Streamlit's internal per-thread state (1.67): where the running fragment's id is
    from streamlit.runtime.scriptrunner_utils.script_run_context import ThreadState
except ImportError:  # pragma: no cover - a Streamlit that moved it; see _current_fragment_id
    ThreadState = None

_LOGGER = logging.getLogger(__name__)
_warned = False


def _current_fragment_id() -> str | None:
    """The id of the fragment running now (Streamlit keeps it in per-thread state)."""
    try:
        if ThreadState is None:
            raise ImportError("streamlit has no ThreadState")
        return ThreadState.get().fragment_id
    except (ImportError, AttributeError, RuntimeError) as exc:
        global _warned
        if not _warned:  # a Streamlit upgrade moved it: say so once, keep serving
            _warned = True
            _LOGGER.warning("cannot re-arm fragment timers on this Streamlit: %s", exc)
        return None


def keep_armed(interval_s: float) -> bool:
    """Inside a fragment's run: send the browser its timer again; True if sent.

    Only on fragment runs: a full run's call of the fragment already sends it.
    """
    ctx = get_script_run_ctx()
    if ctx is None or not ctx.fragment_ids_this_run:
        return False
    fragment_id = _current_fragment_id()
    if not fragment_id:
        return False
    msg = ForwardMsg()
    msg.auto_rerun.interval = interval_s
    msg.auto_rerun.fragment_id = fragment_id
    ctx.enqueue(msg)
    return True
