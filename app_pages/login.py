"""Login with username or email; throttled after repeated failures.

A visitor whose login ended because the password was changed elsewhere is told
so here (``ui.state.restore_login`` keeps the token's revocation reason).
"""

import math

import streamlit as st

from core.auth import LoginStatus, RevokeReason
from services.accounts import login
from ui import pages
from ui.resources import auth_policy
from ui.state import SIGNED_OUT_REASON, db_errors, db_session, flash, sign_in, tr

st.title(tr("auth.login_title"))
if st.session_state.get(SIGNED_OUT_REASON) == RevokeReason.PASSWORD_CHANGED:
    st.warning(tr("auth.signed_out_password"), icon="🔒")

with st.form("login", clear_on_submit=False, enter_to_submit=True):
    ident = st.text_input(tr("auth.login_id"), max_chars=254)
    password = st.text_input(tr("auth.password"), type="password")
    submitted = st.form_submit_button(tr("auth.login_button"), type="primary")

if submitted:
    if not ident.strip() or not password:
        st.error(tr("auth.err.login_required"), icon="⚠️")
    else:
        result = None
        with db_errors(), db_session() as session:
            result = login(session, ident, password, auth_policy())
            if result.status is LoginStatus.OK and result.user and result.token:
                sign_in(result.user, result.token)
        if result is None:
            pass
        elif result.status is LoginStatus.OK and result.user:
            flash(tr("auth.welcome", name=result.user.username), "👋")
            st.switch_page(st.session_state.pop("after_login", pages.EMOTION))
        elif result.status is LoginStatus.THROTTLED and result.retry_after is not None:
            minutes = max(1, math.ceil(result.retry_after.total_seconds() / 60))
            st.error(tr("auth.throttled", minutes=minutes), icon="⏳")
        else:
            st.error(tr("auth.invalid_credentials"), icon="⚠️")

st.caption(tr("auth.no_account"))
st.page_link(pages.REGISTER, label=tr("nav.register"), icon="📝")
