"""Placeholder until its feature lands (see the open issues)."""

import streamlit as st

from ui.state import require_user, tr

require_user()
st.info(tr("common.coming_soon"))
