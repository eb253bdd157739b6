"""Rate limits as the pages apply them: the settings' ceilings, the session's counter."""

from __future__ import annotations

import streamlit as st

from core.ratelimit import Limit, RateLimited, SessionCounter
from core.settings import get_settings
from ui.state import tr

# Kept across sign-out (see ui.state): logging into another account in the same
# browser session must not reset the session's counts.
SESSION_KEY = "rate_counts"


def limit(action: str) -> Limit:
    settings = get_settings()
    per_hour = {
        "registrations": settings.registrations_per_hour,
        "posts": settings.posts_per_hour,
        "comments": settings.comments_per_hour,
        "chat": settings.chat_messages_per_hour,
        "reports": settings.reports_per_hour,
    }[action]
    return Limit.per_hour(per_hour)


def session_counter() -> SessionCounter:
    return SessionCounter(st.session_state.setdefault(SESSION_KEY, {}))


def message(error: RateLimited) -> str:
    return tr(error.key, minutes=error.minutes)
