"""The shared view helpers (ui/widgets.py): one submit handling, one card, one pager."""

from __future__ import annotations

import ast
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import update
from streamlit.testing.v1 import AppTest

from core.i18n import t
from db import board
from db.models import Post
from db.types import utcnow
from tests.factories import make_token, make_user
from tests.pages.conftest import log_in, texts

ROOT = Path(__file__).resolve().parents[2]


def _submit_script() -> None:
    """Stands in for a form: runs the action named in session state, then finish_submit."""
    import streamlit as st

    from core.board import InvalidInput, NotFound
    from ui.state import show_flash
    from ui.widgets import Outcome, finish_submit

    show_flash()
    st.session_state.setdefault("runs", 0)
    st.session_state["runs"] += 1
    action = st.session_state.pop("action", None)
    outcomes = {
        "ok": Outcome(ok=True, value=7),
        "invalid": Outcome(error=InvalidInput({"title": ["board.err.title_required"]})),
        "missing": Outcome(error=NotFound()),
        "outage": Outcome(),
    }
    if action is not None:
        finish_submit(
            outcomes[action],
            errors_key="form_errors",
            done="board.created",
            icon="📝",
            on_success=lambda: st.session_state.update(closed=True),
        )


@pytest.fixture
def form() -> AppTest:
    at = AppTest.from_function(_submit_script, default_timeout=30)
    at.session_state["lang"] = "en"
    return at.run()


def test_invalid_input_keeps_errors_per_field_and_reruns(form: AppTest) -> None:
    form.session_state["action"] = "invalid"
    form.run()
    assert form.session_state["form_errors"] == {"title": ["board.err.title_required"]}
    assert form.session_state["runs"] == 3  # the rerun shows the errors under the fields
    assert "closed" not in form.session_state


def test_success_forgets_errors_runs_the_hook_flashes_and_reruns(form: AppTest) -> None:
    form.session_state["form_errors"] = {"title": ["board.err.title_required"]}
    form.session_state["action"] = "ok"
    form.run()
    assert "form_errors" not in form.session_state
    assert form.session_state["closed"] is True
    assert form.session_state["runs"] == 3
    assert [t.value for t in form.toast] == [t("board.created", "en")]


def test_another_failure_is_shown_here_without_a_rerun(form: AppTest) -> None:
    form.session_state["action"] = "missing"
    form.run()
    assert form.session_state["runs"] == 2
    assert [e.value for e in form.error] == [t("board.err.not_found", "en")]
    assert "form_errors" not in form.session_state


def test_an_outage_adds_nothing(form: AppTest) -> None:
    form.session_state["action"] = "outage"
    form.run()
    assert form.session_state["runs"] == 2 and not form.error and not form.toast


def test_pages_and_views_leave_submit_handling_to_the_helper() -> None:
    """The ok / invalid / flash / rerun block exists once, in ui/widgets.py."""
    files = [*(ROOT / "ui").rglob("*.py"), *(ROOT / "app_pages").rglob("*.py")]
    repeated = []
    for path in files:
        if path.name == "widgets.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            test = getattr(node, "test", None)
            if isinstance(node, ast.If | ast.IfExp) and "InvalidInput" in ast.unparse(test):
                repeated.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert repeated == [], "use ui.widgets.finish_submit"


def test_my_posts_use_the_board_card_and_pager(make_app, session_factory) -> None:
    with session_factory.begin() as s:
        me = make_user(s, "writer")
        token = make_token(s, me)
        start = utcnow() - timedelta(days=1)
        for i in range(21):
            post_id = board.create_post(
                s, user_id=me.id, title=f"post {i:02}", body="b", mood="sad"
            )
            s.execute(
                update(Post).where(Post.id == post_id).values(created_at=start + timedelta(i))
            )
    at = log_in(make_app(), me, token)
    at.run()
    at.switch_page("app_pages/mypage.py").run()
    labels = [p.label for p in at.get("page_link") if "post" in str(p.proto.query_string)]
    assert len(labels) == 20 and labels[0] == "**post 20**"
    cards = [c.value for c in at.caption if "💬" in c.value]
    assert cards[0].startswith("😢 sad · ") and "writer" not in cards[0]  # mine: no author
    at.button(key="mypage_older").click().run()
    labels = [p.label for p in at.get("page_link") if "post" in str(p.proto.query_string)]
    assert labels == ["**post 00**"]
    assert "Page 2" in texts(at)  # the same pager as the board's
    at.button(key="mypage_newer").click().run()
    assert "Page 1" in texts(at)
