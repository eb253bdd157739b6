"""My page: profile and password, my posts, mood history, export and account deletion."""

import streamlit as st

from ui.mypage_view import show_data, show_mood_history, show_my_posts, show_profile
from ui.state import require_user, tr

user = require_user()
st.title(f"🙋 {tr('mypage.title')}")

profile, posts, mood, data = st.tabs(
    [tr("mypage.tab_profile"), tr("mypage.tab_posts"), tr("mypage.tab_mood"), tr("mypage.tab_data")]
)
with profile:
    show_profile(user)
with posts:
    show_my_posts(user)
with mood:
    show_mood_history(user)
with data:
    show_data(user)
