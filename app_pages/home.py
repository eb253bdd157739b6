"""Home: what the app does and how it treats camera data."""

import streamlit as st

from ui import pages
from ui.state import current_user, tr

st.title(f"🙂 {tr('app.title')}")
st.markdown(f"#### {tr('app.tagline')}")

left, right = st.columns(2, gap="large")
with left:
    st.subheader(tr("home.what_title"))
    st.markdown(tr("home.what_body"))
with right:
    st.subheader(tr("home.privacy_title"))
    st.markdown(tr("home.privacy_body"))
    st.page_link(pages.MODEL_CARD, label=tr("nav.model_card"), icon="📊")

if current_user() is None:
    if st.button(tr("home.start"), type="primary", key="home_start"):
        st.switch_page(pages.REGISTER)
elif st.button(tr("home.start_logged_in"), type="primary", key="home_start"):
    st.switch_page(pages.EMOTION)
