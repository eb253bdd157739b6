"""Register: create an account and log straight in."""

import streamlit as st

from core.ratelimit import RateLimited
from db.types import utcnow
from services.accounts import issue_token, register
from ui import pages
from ui.limits import limit, message, session_counter
from ui.resources import auth_policy
from ui.state import db_errors, db_session, flash, lang, sign_in, tr
from ui.widgets import field_errors

st.title(tr("auth.register_title"))
errors: dict[str, list[str]] = st.session_state.get("register_errors", {})

with st.form("register", clear_on_submit=False, enter_to_submit=True):
    username = st.text_input(tr("auth.username"), help=tr("auth.username_help"), max_chars=16)
    field_errors(errors, "username")
    email = st.text_input(tr("auth.email"), max_chars=254)
    field_errors(errors, "email")
    password = st.text_input(tr("auth.password"), type="password", help=tr("auth.password_help"))
    field_errors(errors, "password")
    confirm = st.text_input(tr("auth.confirm"), type="password")
    field_errors(errors, "confirm")
    submitted = st.form_submit_button(tr("auth.register_button"), type="primary")

if submitted:
    outcome: dict[str, list[str]] | None = None
    counter = session_counter()
    try:  # accounts are free: one browser session may make only a few an hour
        counter.check("registrations", limit("registrations"), utcnow())
    except RateLimited as exc:
        st.error(message(exc), icon="⏳")
        submitted = False
if submitted:
    with db_errors(), db_session() as session:
        result = register(
            session,
            username=username,
            email=email,
            password=password,
            confirm=confirm,
            language=lang(),
        )
        if result.user is not None:
            sign_in(result.user, issue_token(session, result.user, auth_policy(), utcnow()))
        outcome = result.errors
    if outcome == {}:
        counter.record("registrations", utcnow())
        st.session_state.pop("register_errors", None)
        flash(tr("auth.registered"), "🎉")
        st.switch_page(pages.EMOTION)
    elif outcome is not None:
        st.session_state["register_errors"] = outcome
        st.rerun()

st.caption(tr("auth.have_account"))
st.page_link(pages.LOGIN, label=tr("nav.login"), icon="🔑")
