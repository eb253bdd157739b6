"""Board: posts about people's days, with comments; ``?post=ID`` opens one post."""

import streamlit as st

from core.board import parse_post_id
from ui.board_view import show_list, show_post
from ui.state import require_user, tr

user = require_user()
st.title(f"📋 {tr('board.title')}")

raw = st.query_params.get("post")
post_id = parse_post_id(raw)
if raw is not None and post_id is None:
    st.warning(tr("board.bad_link"), icon="🔗")
    st.query_params.pop("post", None)

if post_id is None:
    show_list(user)
else:
    show_post(user, post_id)
