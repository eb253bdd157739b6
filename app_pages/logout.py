"""Logout: revoke the token so a copy of it stops working, then go home."""

import streamlit as st

from services.accounts import logout
from ui import pages
from ui.resources import auth_policy
from ui.state import current_token, db_errors, db_session, flash, sign_out, tr

done = False
with db_errors(), db_session() as session:
    logout(session, current_token(), auth_policy())
    done = True
if done:
    sign_out(explicit=True)
    flash(tr("auth.logged_out"), "👋")
    st.switch_page(pages.HOME)
