"""Entry point: page config, login restore, navigation. Run: streamlit run Home.py"""

import streamlit as st

from core.settings import get_settings
from ui.danger import style_destructive_buttons
from ui.nav import build_pages, route, sidebar
from ui.ops import logged_run
from ui.state import begin_run, current_user, db_errors, lang, restore_login, show_flash
from ui.widget_text import translate_builtin_widgets

st.set_page_config(
    page_title="Show your emotion · 너의 머리 속이 보여", page_icon="🙂", layout="wide"
)

if get_settings().kiosk:  # an event booth: no accounts, no database, nothing kept
    from ui.kiosk import navigation

    navigation().run()
    st.stop()

lang()
begin_run()
with db_errors():
    restore_login()

pages = build_pages()
current = st.navigation(list(pages.values()), position="hidden")
route(pages, current)
sidebar(pages)
style_destructive_buttons()
translate_builtin_widgets(lang())
show_flash()
with logged_run(current.url_path or "home", current_user() is not None):
    current.run()
