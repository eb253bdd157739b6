"""Moderation (moderators only): reported and hidden posts, restore or remove."""

import streamlit as st

from ui.moderation_view import show_moderation
from ui.state import require_user, tr

user = require_user()
st.title(f"🛡️ {tr('moderation.title')}")
show_moderation(user)
