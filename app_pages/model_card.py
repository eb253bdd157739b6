"""Placeholder until its feature lands (see the open issues)."""

import streamlit as st

from ui.state import tr

st.info(tr("common.coming_soon"))
