"""Process-wide resources, created once and shared by every session."""

from __future__ import annotations

from datetime import timedelta

import streamlit as st
from sqlalchemy.orm import Session, sessionmaker

from core.auth import AuthPolicy
from core.security import secret_from_file
from core.settings import get_settings
from db.engine import get_sessionmaker, private_data_dir
from db.maintenance import ensure_pruner
from db.migrate import upgrade

PRUNE_INTERVAL = timedelta(hours=1)


@st.cache_resource(show_spinner=False)
def session_factory() -> sessionmaker[Session]:
    """The session factory, after bringing the schema up to date.

    An unreachable database raises here and is not cached, so the next rerun
    tries again once the server is back.
    """
    settings = get_settings()
    private_data_dir(settings.data_dir)
    factory = get_sessionmaker(settings.resolved_database_url)
    upgrade(factory.kw["bind"])
    ensure_pruner(
        factory.kw["bind"],
        keep=timedelta(hours=settings.login_attempts_keep_hours),
        interval=PRUNE_INTERVAL,
    )
    return factory


@st.cache_resource(show_spinner=False)
def auth_policy() -> AuthPolicy:
    settings = get_settings()
    return AuthPolicy(
        secret=settings.jwt_secret or secret_from_file(settings.data_dir),
        token_ttl=timedelta(hours=settings.token_ttl_hours),
        max_failures=settings.login_max_failures,
        window=timedelta(minutes=settings.login_window_minutes),
    )


@st.cache_resource(show_spinner=False)
def vision_ready() -> float:
    """Load the vision models once per process, before the first camera frame needs them."""
    from core.vision import warm_up

    return warm_up()
